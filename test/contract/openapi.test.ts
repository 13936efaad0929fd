import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import {
  CONTRACT_VERSION,
  ConnectionStatus,
  InvitationResultStatus,
  MatchStatus,
  Problem,
  SyncPreview,
  endpoints,
  type EndpointName,
} from '../../src/contract/index.js';
import { errorCodes, errorsOf, type ErrorCode } from '../../src/contract/endpoint-docs.js';

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

const names = Object.keys(endpoints) as EndpointName[];
const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

let doc: JsonObject;

/** The object at `value`, following a local `$ref` if there is one. */
function resolve(value: Json | undefined, what: string): JsonObject {
  expect(isObject(value), `${what} is an object`).to.equal(true);
  const node = value as JsonObject;
  if (typeof node.$ref !== 'string') return node;
  let target: Json | undefined = doc;
  for (const part of node.$ref.replace(/^#\//, '').split('/')) target = isObject(target) ? target[part] : undefined;
  return resolve(target, node.$ref);
}

const at = (value: Json | undefined, what: string, ...keys: string[]): JsonObject =>
  keys.reduce<JsonObject>((node, key) => resolve(node[key], `${what}.${key}`), resolve(value, what));

const operation = (name: EndpointName) => {
  const { method, path } = endpoints[name];
  return at(doc, name, 'paths', path, method.toLowerCase());
};

const parameters = (name: EndpointName) => {
  const list = operation(name).parameters;
  expect(Array.isArray(list), `${name} has parameters`).to.equal(true);
  return (list as Json[]).map((p, i) => resolve(p, `${name}.parameters[${i}]`));
};

const header = (name: EndpointName, header: string) => parameters(name).find((p) => p.in === 'header' && p.name === header);
const shapeKeys = (schema: z.ZodMiniType) => Object.keys((schema._zod.def as unknown as { shape: Record<string, unknown> }).shape);

before(async () => {
  const response = await fetch('/contract/openapi.json');
  expect(response.ok, 'contract/openapi.json is served (run `npm run contract`)').to.equal(true);
  doc = (await response.json()) as JsonObject;
});

describe('contract/openapi.json', () => {
  it('is OpenAPI 3.1 of this contract version, with a base URL variable and host-defined auth', () => {
    expect(doc.openapi).to.equal('3.1.0');
    expect(at(doc, 'doc', 'info').version).to.equal(CONTRACT_VERSION);
    const [server] = doc.servers as JsonObject[];
    expect(server?.url).to.equal('{baseUrl}');
    expect(at(server, 'server', 'variables', 'baseUrl').default).to.be.a('string');
    const scheme = at(doc, 'doc', 'components', 'securitySchemes', 'hostAuth');
    expect(scheme.type).to.equal('http');
    expect(scheme.scheme).to.equal('bearer');
  });

  it('has every endpoint of the table under its method and path, and nothing else', () => {
    const operations: string[] = [];
    for (const [path, item] of Object.entries(at(doc, 'doc', 'paths'))) {
      for (const [method, op] of Object.entries(resolve(item, path))) {
        operations.push(`${method.toUpperCase()} ${path} ${String(resolve(op, method).operationId)}`);
      }
    }
    expect(operations.sort()).to.deep.equal(names.map((n) => `${endpoints[n].method} ${endpoints[n].path} ${n}`).sort());
  });

  for (const name of names) {
    const endpoint = endpoints[name];

    it(`${name}: success status, body, ETag and parameters match the table`, () => {
      const op = operation(name);
      const success = at(op, name, 'responses', String(endpoint.status));
      if (endpoint.response === null) {
        expect(success.content, `${name} answers without a body`).to.equal(undefined);
      } else {
        expect(at(success, name, 'content', 'application/json', 'schema').type, `${name} response schema`).to.not.equal(undefined);
      }
      expect(Boolean(isObject(success.headers) && success.headers.ETag), `${name} ETag`).to.equal(endpoint.etag);

      if (endpoint.body) {
        expect(op.requestBody, `${name} request body`).to.not.equal(undefined);
        expect(at(op, name, 'requestBody').required).to.equal(true);
        at(op, name, 'requestBody', 'content', 'application/json', 'schema');
      } else {
        expect(op.requestBody, `${name} has no request body`).to.equal(undefined);
      }

      const params = parameters(name);
      const inPath = params.filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name)).to.deep.equal([...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      for (const p of inPath) expect(p.required, `${name} path ${String(p.name)}`).to.equal(true);

      const inQuery = params.filter((p) => p.in === 'query');
      expect(inQuery.map((p) => p.name)).to.deep.equal(endpoint.query ? shapeKeys(endpoint.query) : []);
      for (const p of inQuery) {
        const schema = resolve(p.schema, `${name} ${String(p.name)}`);
        if (schema.type === 'array') {
          expect(p.style, `${name} ${String(p.name)} style`).to.equal('form');
          expect(p.explode, `${name} ${String(p.name)} explode`).to.equal(true);
        }
        expect(p.description, `${name} ${String(p.name)} is described`).to.be.a('string');
      }
    });

    it(`${name}: If-Match ${endpoint.conditional ? 'required' : 'absent'}, Idempotency-Key ${endpoint.idempotencyKey ? 'required' : 'absent'}`, () => {
      const ifMatch = header(name, 'If-Match');
      const key = header(name, 'Idempotency-Key');
      const responses = at(operation(name), name, 'responses');
      if (endpoint.conditional) {
        expect(ifMatch?.required, `${name} If-Match`).to.equal(true);
        expect(responses).to.include.keys('412', '428');
      } else {
        expect(ifMatch, `${name} If-Match`).to.equal(undefined);
      }
      if (endpoint.idempotencyKey) {
        expect(key?.required, `${name} Idempotency-Key`).to.equal(true);
        expect(String(key?.description)).to.match(/retry .*reuse/i);
        expect(responses).to.include.keys('400', '409', '422');
      } else {
        expect(key, `${name} Idempotency-Key`).to.equal(undefined);
      }
      expect(header(name, 'HR-Contract-Version')?.required).to.equal(false);
    });

    it(`${name}: errors are problem+json with their codes; 429 and 503 carry Retry-After`, () => {
      const responses = at(operation(name), name, 'responses');
      const expected = new Set(errorsOf(name).map((code) => String(errorCodes[code].status)));
      const errorStatuses = Object.keys(responses).filter((s) => Number(s) >= 400);
      expect(errorStatuses.sort()).to.deep.equal([...expected].sort());
      for (const required of ['401', '403', '429', '500', '503']) expect(errorStatuses).to.include(required);
      for (const status of errorStatuses) {
        const response = resolve(responses[status], `${name} ${status}`);
        const media = at(response, `${name} ${status}`, 'content', 'application/problem+json');
        expect((media.schema as JsonObject).$ref).to.equal('#/components/schemas/Problem');
        const codes = Object.keys(at(media, `${name} ${status}`, 'examples'));
        expect(codes.sort()).to.deep.equal(errorsOf(name).filter((c) => String(errorCodes[c].status) === status).sort());
        if (status === '429' || status === '503') at(response, `${name} ${status}`, 'headers', 'Retry-After');
      }
    });
  }

  it('every problem example is a valid Problem with its code and status', () => {
    const examples: [string, JsonObject][] = Object.entries(at(doc, 'doc', 'components', 'examples')).map(([k, v]) => [k, resolve(v, k)]);
    for (const name of names) {
      for (const [status, response] of Object.entries(at(operation(name), name, 'responses'))) {
        if (Number(status) < 400) continue;
        const media = at(response, `${name} ${status}`, 'content', 'application/problem+json');
        for (const [code, example] of Object.entries(at(media, `${name} ${status}`, 'examples'))) examples.push([code, resolve(example, code)]);
      }
    }
    for (const [code, example] of examples) {
      const value = example.value as JsonObject;
      expect(Problem.safeParse(value).success, `example ${code}`).to.equal(true);
      expect(value.code).to.equal(code);
      expect(value.status).to.equal(errorCodes[code as ErrorCode].status);
    }
    expect(examples.length).to.be.greaterThan(Object.keys(errorCodes).length);
  });

  it('schemas match the zod enums and shapes', () => {
    const schemas = at(doc, 'doc', 'components', 'schemas');
    const status = at(schemas, 'Connection', 'Connection', 'properties', 'status');
    expect(status.enum).to.deep.equal(ConnectionStatus.options);
    expect(at(schemas, 'MatchStatus', 'MatchStatus').enum).to.deep.equal(MatchStatus.options);
    expect(at(schemas, 'InvitationResultStatus', 'InvitationResultStatus').enum).to.deep.equal(InvitationResultStatus.options);

    const fields = at(schemas, 'SyncPreview', 'SyncPreview', 'properties', 'fields');
    expect(Object.keys(at(fields, 'fields', 'properties'))).to.deep.equal(shapeKeys(SyncPreview.shape.fields));
    const notShared = (at(fields, 'fields', 'properties', 'bankAccount').anyOf as JsonObject[])[0];
    expect(at(notShared, 'bankAccount', 'properties', 'shared').const).to.equal(false);

    const kinds = (at(schemas, 'InviteTarget', 'InviteTarget').anyOf as JsonObject[]).map((v) => at(v, 'variant', 'properties', 'kind').const);
    expect(kinds).to.deep.equal(['team', 'team_not_mapped', 'no_hr_team']);

    const problem = at(schemas, 'Problem', 'Problem');
    expect(problem.required).to.deep.equal(['title', 'status']);
    expect(at(problem, 'Problem', 'properties', 'missingScopes').type).to.equal('array');
  });

  it('no schema forbids additional properties, so responses can grow', () => {
    const text = JSON.stringify(at(doc, 'doc', 'components', 'schemas'));
    expect(text).to.not.include('"additionalProperties":false');
  });
});
