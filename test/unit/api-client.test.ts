import { expect } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import { HrApiError } from '../../src/api/errors.js';

interface Call {
  url: string;
  init: RequestInit;
  headers: Headers;
}

const connection = {
  status: 'connected',
  providerId: 'personio',
  providerName: 'Personio',
  connectedAt: '2026-11-01T09:00:00Z',
  grantedScopes: ['employees.basic'],
  missingScopes: [],
  lastSync: null,
  nextSyncAt: null,
  statusDetail: null,
};

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

/** A fetch that answers from a queue of responders and records every call. */
function fakeFetch(...responders: ((call: Call) => Response | Promise<Response>)[]) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init, headers: new Headers(init.headers) };
    calls.push(call);
    const responder = responders[Math.min(calls.length - 1, responders.length - 1)]!;
    return responder(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('ApiClient', () => {
  it('builds the URL from base, path parameters and repeated query parameters', async () => {
    const { fetch, calls } = fakeFetch(() => json({ items: [], nextCursor: null, total: 0, facets: { teams: [], costCenters: [], noTeam: 0 } }));
    const client = new ApiClient({ baseUrl: 'https://host.example/api/hr/', fetch });
    await client.request('listInviteCandidates', { query: { q: 'jan de', team: ['t1', 't2'], newHires: true, cursor: undefined } });
    expect(calls[0]!.url).to.equal('https://host.example/api/hr/invite-candidates?q=jan+de&team=t1&team=t2&newHires=true');
    expect(client.url('getSyncRun', { runId: 'a/b' })).to.equal('https://host.example/api/hr/sync-runs/a%2Fb');
  });

  it("adds the host's async headers, the locale, the contract version and the credentials mode", async () => {
    const { fetch, calls } = fakeFetch(() => json(connection));
    let token = 0;
    const client = new ApiClient({
      baseUrl: '/api/hr',
      fetch,
      credentials: 'include',
      locale: () => 'de',
      headers: async () => ({ Authorization: `Bearer t${++token}` }),
    });
    await client.request('getConnection', {});
    await client.request('getConnection', {});
    expect(calls.map((c) => c.headers.get('authorization'))).to.deep.equal(['Bearer t1', 'Bearer t2']);
    expect(calls[0]!.headers.get('accept-language')).to.equal('de');
    expect(calls[0]!.headers.get('hr-contract-version')).to.equal('1.0');
    expect(calls[0]!.init.credentials).to.equal('include');
  });

  it('returns validated data and the ETag', async () => {
    const doc = { enabled: true, graceDays: 3, version: 'v7' };
    const { fetch } = fakeFetch(() => json(doc, { headers: { ETag: '"v7"' } }));
    const client = new ApiClient({ baseUrl: '/api/hr', fetch });
    const response = await client.request('getOffboardingSettings', {});
    expect(response.data).to.deep.equal(doc);
    expect(response.etag).to.equal('"v7"');
  });

  it('sends an Idempotency-Key on non-repeatable writes and reuses it when retrying after Retry-After', async () => {
    const { fetch, calls } = fakeFetch(
      () => json({ title: 'Busy', status: 503 }, { status: 503, headers: { 'Retry-After': '0', 'Content-Type': 'application/problem+json' } }),
      () => json({ results: [], summary: { sent: 0, alreadyUser: 0, noEmail: 0, failed: 0 } }),
    );
    const client = new ApiClient({ baseUrl: '/api/hr', fetch });
    const response = await client.request('createInvitations', { body: { employeeIds: ['e1'] } });
    expect(calls).to.have.length(2);
    const key = calls[0]!.headers.get('idempotency-key');
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    expect(calls[1]!.headers.get('idempotency-key')).to.equal(key);
    expect(response.idempotencyKey).to.equal(key);
    expect(JSON.parse(String(calls[0]!.init.body))).to.deep.equal({ employeeIds: ['e1'] });
  });

  it('uses the caller’s Idempotency-Key and sends no key on reads', async () => {
    const { fetch, calls } = fakeFetch(() => json(connection, { status: 201 }), () => json(connection));
    const client = new ApiClient({ baseUrl: '/api/hr', fetch });
    await client.request('connect', { body: { providerId: 'personio', credentials: {}, acceptedScopes: [] }, idempotencyKey: 'k-1' });
    await client.request('getConnection', {});
    expect(calls[0]!.headers.get('idempotency-key')).to.equal('k-1');
    expect(calls[1]!.headers.has('idempotency-key')).to.equal(false);
  });

  it('sends If-Match on conditional writes and refuses one without it', async () => {
    const { fetch, calls } = fakeFetch(() => json({ enabled: false, graceDays: 0, version: 'v2' }));
    const client = new ApiClient({ baseUrl: '/api/hr', fetch });
    await client.request('saveOffboardingSettings', { body: { enabled: false, graceDays: 0 }, ifMatch: 'v1' });
    expect(calls[0]!.headers.get('if-match')).to.equal('v1');
    let error: unknown;
    try {
      await client.request('saveOffboardingSettings', { body: { enabled: false, graceDays: 0 } });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(calls).to.have.length(1);
  });

  it('parses problem+json into a typed error with field pointers', async () => {
    const problem = {
      type: 'https://hr.example/problems/invalid-credentials',
      title: 'Invalid credentials',
      status: 422,
      code: 'invalid_credentials',
      errors: [{ pointer: '/credentials/clientSecret', detail: 'Rejected by Personio' }],
    };
    const { fetch } = fakeFetch(() => json(problem, { status: 422, headers: { 'Content-Type': 'application/problem+json' } }));
    const client = new ApiClient({ baseUrl: '/api/hr', fetch });
    const error = await client.request('connect', { body: { providerId: 'personio', credentials: {}, acceptedScopes: [] } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HrApiError);
    const apiError = error as HrApiError;
    expect(apiError.kind).to.equal('http');
    expect(apiError.status).to.equal(422);
    expect(apiError.code).to.equal('invalid_credentials');
    expect(apiError.fieldErrors[0]!.pointer).to.equal('/credentials/clientSecret');
    expect(apiError.isTransient).to.equal(false);
  });

  it('names the endpoint and the field when a response breaks the contract', async () => {
    const { fetch } = fakeFetch(() => json({ ...connection, status: 'sleeping' }));
    const client = new ApiClient({ baseUrl: '/api/hr', fetch });
    const error = (await client.request('getConnection', {}).catch((e: unknown) => e)) as HrApiError;
    expect(error.kind).to.equal('contract');
    expect(error.endpoint).to.equal('getConnection');
    expect(error.path).to.equal('/status');
    expect(error.message).to.contain('getConnection').and.contain('/status');
  });

  it('reports malformed JSON as a contract error', async () => {
    const { fetch } = fakeFetch(() => new Response('{"status": "conn', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const client = new ApiClient({ baseUrl: '/api/hr', fetch });
    const error = (await client.request('getConnection', {}).catch((e: unknown) => e)) as HrApiError;
    expect(error.kind).to.equal('contract');
    expect(error.message).to.contain('not valid JSON');
  });

  it('tells network failures, timeouts and aborts apart', async () => {
    const network = new ApiClient({ baseUrl: '/api/hr', fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch });
    expect(((await network.request('getConnection', {}).catch((e: unknown) => e)) as HrApiError).kind).to.equal('network');

    const hanging = (_: RequestInfo | URL, init: RequestInit = {}) =>
      new Promise<Response>((_resolve, reject) => {
        if (init.signal?.aborted) reject(init.signal.reason);
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const slow = new ApiClient({ baseUrl: '/api/hr', fetch: hanging as typeof fetch, timeoutMs: 20 });
    const timeout = (await slow.request('getConnection', {}).catch((e: unknown) => e)) as HrApiError;
    expect(timeout.kind).to.equal('timeout');
    expect(timeout.isTransient).to.equal(true);

    const controller = new AbortController();
    const patient = new ApiClient({ baseUrl: '/api/hr', fetch: hanging as typeof fetch, timeoutMs: 10_000 });
    const pending = patient.request('getConnection', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(((await pending) as HrApiError).kind).to.equal('aborted');
  });

  it('gives up on Retry-After after the configured attempts, and never waits longer than allowed', async () => {
    const busy = () => json({ title: 'Too many', status: 429 }, { status: 429, headers: { 'Retry-After': '0' } });
    const { fetch, calls } = fakeFetch(busy);
    const client = new ApiClient({ baseUrl: '/api/hr', fetch, retryAfterAttempts: 2 });
    const error = (await client.request('getConnection', {}).catch((e: unknown) => e)) as HrApiError;
    expect(error.status).to.equal(429);
    expect(calls).to.have.length(3);

    const far = fakeFetch(() => json({ title: 'Later', status: 503 }, { status: 503, headers: { 'Retry-After': '3600' } }));
    const impatient = new ApiClient({ baseUrl: '/api/hr', fetch: far.fetch });
    const late = (await impatient.request('getConnection', {}).catch((e: unknown) => e)) as HrApiError;
    expect(late.retryAfterMs).to.equal(3_600_000);
    expect(far.calls).to.have.length(1);
  });

  it('classifies transient faults: network, timeout, 408, 429, 5xx only', () => {
    const make = (status: number) => new HrApiError({ kind: 'http', endpoint: 'getConnection', message: '', status });
    expect([400, 401, 403, 404, 409, 412, 422].map((s) => make(s).isTransient)).to.deep.equal(Array(7).fill(false));
    expect([408, 429, 500, 502, 503].map((s) => make(s).isTransient)).to.deep.equal(Array(5).fill(true));
    expect(new HrApiError({ kind: 'contract', endpoint: 'getConnection', message: '' }).isTransient).to.equal(false);
  });
});
