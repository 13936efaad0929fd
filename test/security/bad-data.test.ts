/**
 * Bad data, client level: for every endpoint with a response schema, fast-check generates broken
 * and extreme answers and feeds them to the ApiClient through an injected fetch. The client must
 * only ever throw HrApiError; a broken body is a `contract` error whose `path` is a JSON pointer to
 * a field that is really wrong; a valid extreme body passes unchanged (unknown fields dropped).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ApiClient, type ApiResponse } from '../../src/api/client.js';
import { HrApiError } from '../../src/api/errors.js';
import { endpoints, type EndpointName } from '../../src/contract/endpoints.js';
import {
  accepts,
  breakBody,
  defOf,
  firstList,
  pointerProblem,
  resolve,
  stripUnknown,
  toPointer,
  validArb,
  type BrokenBody,
  type Schema,
} from './schema-tools.js';

const INVALID_RUNS = 700;
const VALID_RUNS = 300;
const BIG_LIST = 50_000;

const withResponse = (Object.keys(endpoints) as EndpointName[]).filter((name) => endpoints[name].response !== null);

type LooseRequest = (name: EndpointName, options: object) => Promise<ApiResponse<unknown>>;

/** A client whose fetch answers `text` with the endpoint's success status. */
function clientAnswering(name: EndpointName, text: string): () => Promise<ApiResponse<unknown>> {
  const endpoint = endpoints[name];
  const client = new ApiClient({
    baseUrl: '/api/hr',
    timeoutMs: 60_000,
    fetch: () => Promise.resolve(new Response(text, { status: endpoint.status, headers: { 'Content-Type': 'application/json' } })),
  });
  const params = Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, key]) => [key!, 'id-1']));
  const options = { params, body: endpoint.body ? {} : undefined, ifMatch: endpoint.conditional ? '"v1"' : undefined };
  return () => (client.request as unknown as LooseRequest).call(client, name, options);
}

/** Asserts the client refuses `broken` with a contract error that names a really wrong field. */
async function expectContractError(name: EndpointName, broken: BrokenBody): Promise<HrApiError> {
  let caught: unknown;
  try {
    await clientAnswering(name, broken.text)();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof HrApiError)) throw new Error(`${name}: expected an HrApiError, got ${String(caught)}`);
  expect(caught.kind, caught.message).to.equal('contract');
  expect(caught.endpoint).to.equal(name);
  expect(caught.path).to.be.a('string');
  const problem = pointerProblem(endpoints[name].response as Schema, broken, caught.path!);
  if (problem) throw new Error(`${name}: ${problem} (${caught.message})`);
  return caught;
}

/** Asserts the client passes `body` and returns what the schema keeps of it. */
async function expectAccepted(name: EndpointName, schema: Schema, body: unknown): Promise<void> {
  const text = JSON.stringify(body);
  const wire = JSON.parse(text) as unknown;
  if (!accepts(schema, wire)) throw new Error(`${name}: the generator made a body the schema refuses: ${text.slice(0, 300)}`);
  let response: ApiResponse<unknown>;
  try {
    response = await clientAnswering(name, text)();
  } catch (error) {
    throw new Error(`${name}: a valid body was refused: ${String(error)}`);
  }
  expect(response.data).to.deep.equal(stripUnknown(schema, wire));
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
}

/** Copies of one item with distinct string ids, so lists look like real ones. */
function bigList(item: unknown): unknown[] {
  const list = new Array<unknown>(BIG_LIST);
  for (let i = 0; i < BIG_LIST; i++) {
    list[i] = item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? { ...item, id: `id-${i}` } : item;
  }
  return list;
}

describe('bad data: ApiClient against generated responses', () => {
  it('covers every endpoint with a response schema', () => {
    expect(withResponse.length).to.be.greaterThan(20);
    expect(withResponse).to.include.members(['getTeamMapping', 'getUserLinks', 'listInviteCandidates', 'listProviders', 'getSyncPreview']);
  });

  for (const name of withResponse) {
    const schema = endpoints[name].response as Schema;

    describe(name, () => {
      it(`refuses ${INVALID_RUNS} broken bodies with a contract error naming a wrong field`, async function () {
        this.timeout(60_000);
        const small = validArb(schema, { maxList: 3, huge: false, extraFields: true });
        const picks = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 });
        const whole = fc.option(fc.nat(), { nil: null, freq: 12 });
        await fc.assert(
          fc.asyncProperty(small, picks, whole, async (base, chosen, wholeBody) => {
            await expectContractError(name, breakBody(schema, base, chosen, wholeBody));
          }),
          { numRuns: INVALID_RUNS, includeErrorInReport: true },
        );
      });

      it(`passes ${VALID_RUNS} valid extreme bodies unchanged`, async function () {
        this.timeout(60_000);
        const extreme = validArb(schema, { maxList: 6, huge: true, extraFields: true });
        await fc.assert(
          fc.asyncProperty(extreme, (body) => expectAccepted(name, schema, body)),
          { numRuns: VALID_RUNS, includeErrorInReport: true },
        );
      });

      // 50,000-item lists: a few runs, for the reads (a write's answer echoes what was sent).
      const sample = endpoints[name].method !== 'GET' ? [] : fc.sample(validArb(schema, { maxList: 1, huge: false, extraFields: false, plain: true }), { numRuns: 50, seed: 7 });
      const withList = sample.find((body) => {
        const list = firstList(schema, body);
        return list && (resolve(body, list.path.map(String)).value as unknown[]).length > 0;
      });
      if (withList) {
        const list = firstList(schema, withList)!;
        it(`passes a ${BIG_LIST.toLocaleString('en')}-item ${toPointer(list.path)} and names item ${BIG_LIST - 1} when it breaks`, async function () {
          this.timeout(30_000);
          const body = JSON.parse(JSON.stringify(withList)) as Record<string, unknown>;
          const parent = resolve(body, list.path.slice(0, -1).map(String)).value as Record<string, unknown>;
          const key = String(list.path[list.path.length - 1]);
          parent[key] = bigList((parent[key] as unknown[])[0]);
          await expectAccepted(name, schema, body);

          const element = defOf(list.schema).element!;
          const wire = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
          (resolve(wire, list.path.map(String)).value as unknown[])[BIG_LIST - 1] = accepts(element, 42) ? null : 42;
          const lastPath = [...list.path, BIG_LIST - 1];
          const error = await expectContractError(name, { text: JSON.stringify(wire), breaks: [lastPath], whole: false });
          expect(error.path).to.equal(toPointer(lastPath));
        });
      }
    });
  }
});
