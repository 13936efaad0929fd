import { expect } from '@open-wc/testing';
import type { EndpointName, InviteCandidatePage, Problem } from '../../src/contract/index.js';
import { startFakeBackend, type FakeBackendHandle, type StartFakeBackendOptions } from '../../mocks/browser.js';
import { errorCodes, errorsOf, type ErrorCode } from '../../src/contract/endpoint-docs.js';
import { responseIssues } from '../../mocks/conformance.js';
import { FakeBackend, type FakeSnapshot } from '../../mocks/fake-backend.js';
import type { FaultKind } from '../../mocks/faults.js';
import { fixtures } from '../../mocks/seed.js';

const TODAY = '2025-03-10';
const OPTIONS: StartFakeBackendOptions = { size: 'small', today: TODAY, quiet: true };
const E = fixtures.employees;

interface Answer {
  status: number;
  body: unknown;
  text: string;
  headers: Record<string, string>;
}

let fake: FakeBackendHandle;

/** fetch + read the body; checks that whatever came back conforms to the contract, problem codes included. */
async function send(name: EndpointName, path: string, init: RequestInit & { json?: unknown } = {}, base = '/api/hr'): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  const res = await fetch(base + path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  const text = await res.text();
  const answer: Answer = { status: res.status, text, body: text ? (JSON.parse(text) as unknown) : null, headers: {} };
  res.headers.forEach((value, key) => (answer.headers[key] = value));
  expect(responseIssues(name, answer), text).to.deep.equal([]);
  if (answer.status >= 400) {
    const code = (answer.body as Problem).code as ErrorCode;
    expect(errorsOf(name), `${String(code)} is documented for ${name}`).to.include(code);
    expect(errorCodes[code].status, `${code} is documented as ${answer.status}`).to.equal(answer.status);
  }
  return answer;
}

const problem = (a: Answer) => a.body as Problem;

describe('msw handlers over the fake backend', () => {
  before(async () => {
    fake = await startFakeBackend(OPTIONS);
  });

  beforeEach(async () => {
    await fake.reset(OPTIONS);
  });

  after(() => {
    fake.faults.clear();
  });

  it('answers with JSON and problem+json content types', async () => {
    const providers = await send('listProviders', '/providers');
    expect(providers.status).to.equal(200);
    expect(providers.headers['content-type']).to.equal('application/json');
    const missing = await send('getSyncRun', '/sync-runs/run-nope');
    expect(missing.status).to.equal(404);
    expect(missing.headers['content-type']).to.equal('application/problem+json');
    expect(problem(missing)).to.deep.include({ code: 'not_found', detail: 'No sync run run-nope.' });
  });

  it('parses repeated query parameters and booleans, and logs the request', async () => {
    const page = await send('listInviteCandidates', `/invite-candidates?team=${fixtures.hrTeams.financeDach}&team=none&newHires=true&limit=5`);
    const body = page.body as InviteCandidatePage;
    expect(body.items.map((c) => c.employeeId).sort()).to.deep.equal([E.finnHendriks, E.emmaFischer].sort());
    expect(body.items.every((c) => c.isNewHire)).to.equal(true);
    const entry = fake.log.last('listInviteCandidates')!;
    expect(entry).to.deep.include({ method: 'GET', path: '/invite-candidates', status: 200 });
    expect(entry.query).to.deep.equal({ team: [fixtures.hrTeams.financeDach, 'none'], newHires: 'true', limit: '5' });
    expect(entry.headers).to.be.an('object');
    expect(fake.log.count('listInviteCandidates')).to.equal(1);
  });

  it('passes path parameters, JSON bodies and lower-cased headers', async () => {
    const res = await send('setExclusion', `/invite-candidates/${E.emmaFischer}/exclusion`, { method: 'PUT', json: { excluded: true }, headers: { 'X-Host-Tenant': 'acme' } });
    expect(res.body).to.deep.equal({ employeeId: E.emmaFischer, excluded: true });
    const entry = fake.log.last()!;
    expect(entry.params).to.deep.equal({ employeeId: E.emmaFischer });
    expect(entry.body).to.deep.equal({ excluded: true });
    expect(entry.headers['x-host-tenant']).to.equal('acme');
    const bad = await send('setExclusion', `/invite-candidates/${E.emmaFischer}/exclusion`, { method: 'PUT', body: '{"excluded": tr', headers: { 'Content-Type': 'application/json' } });
    expect(bad.status).to.equal(400);
    expect(problem(bad)).to.deep.include({ code: 'invalid_request', detail: 'The request body is not valid JSON.' });
  });

  it('answers 400 invalid_request for a query or a body the schema refuses, naming the parameter or field', async () => {
    const query = await send('listInviteCandidates', '/invite-candidates?limit=0');
    expect(query.status).to.equal(400);
    expect(problem(query).code).to.equal('invalid_request');
    expect(problem(query).detail).to.contain('query parameter limit');
    const body = await send('setExclusion', `/invite-candidates/${E.emmaFischer}/exclusion`, { method: 'PUT', json: { excluded: 'yes' } });
    expect(body.status).to.equal(400);
    expect(problem(body)).to.deep.include({ code: 'invalid_request', detail: 'The request body is invalid at /excluded: Expected boolean.' });
    expect(problem(body).errors!.map((e) => e.pointer)).to.deep.equal(['/excluded']);
    const missing = await send('setExclusion', `/invite-candidates/${E.emmaFischer}/exclusion`, { method: 'PUT' });
    expect(missing.status).to.equal(400);
    expect(problem(missing).code).to.equal('invalid_request');
    // Nothing was written.
    expect(((await send('listInviteCandidates', '/invite-candidates?excluded=true')).body as InviteCandidatePage).items.map((c) => c.employeeId)).not.to.include(E.emmaFischer);
  });

  it('starting a sync while one runs answers 202 with that run', async () => {
    await fake.reset({ ...OPTIONS, syncDurationMs: 60_000 });
    const first = await send('startSync', '/sync-runs', { method: 'POST', headers: { 'Idempotency-Key': 'sync-a' } });
    const second = await send('startSync', '/sync-runs', { method: 'POST', headers: { 'Idempotency-Key': 'sync-b' } });
    expect([first.status, second.status]).to.deep.equal([202, 202]);
    expect((second.body as { id: string; status: string })).to.deep.include({ id: (first.body as { id: string }).id, status: 'running' });
  });

  it('carries ETags and honours If-Match', async () => {
    const doc = await send('getTeamMapping', '/team-mapping');
    const etag = doc.headers['etag']!;
    expect(etag).to.match(/^".+"$/);
    const body = { mappings: [] };
    const noMatch = await send('saveTeamMapping', '/team-mapping', { method: 'PUT', json: body, headers: { 'Idempotency-Key': 'a' } });
    expect(noMatch.status).to.equal(428);
    expect(problem(noMatch).code).to.equal('precondition_required');
    const saved = await send('saveTeamMapping', '/team-mapping', { method: 'PUT', json: body, headers: { 'Idempotency-Key': 'b', 'If-Match': etag } });
    expect(saved.status).to.equal(200);
    expect(saved.headers['etag']).not.to.equal(etag);
    const stale = await send('saveTeamMapping', '/team-mapping', { method: 'PUT', json: body, headers: { 'Idempotency-Key': 'c', 'If-Match': etag } });
    expect(stale.status).to.equal(412);
    expect(problem(stale).code).to.equal('version_conflict');
  });

  it('sends the secret once, in the connect request only, and never returns it', async () => {
    const secret = 'sec-handlers-7f3b';
    await fake.reset({ ...OPTIONS, connection: 'disconnected' });
    const connected = await send('connect', '/connection', {
      method: 'POST',
      json: { providerId: 'personio', credentials: { clientId: 'papi-x', clientSecret: secret }, acceptedScopes: [...fixtures.personioScopes] },
      headers: { 'Idempotency-Key': 'connect-1' },
    });
    expect(connected.status).to.equal(201);
    expect(connected.text).not.to.contain(secret);
    await send('getConnection', '/connection');
    await send('startSync', '/sync-runs', { method: 'POST', headers: { 'Idempotency-Key': 'sync-1' } });
    const carrying = fake.log.containing(secret);
    expect(carrying.map((e) => e.endpoint)).to.deep.equal(['connect']);
    expect(carrying[0]!.url).not.to.contain(secret);
    expect(fake.log.entries.length).to.equal(3);
    expect(JSON.stringify(fake.backend.snapshot())).not.to.contain(secret);
  });

  it('disconnects with 204 and no body', async () => {
    const res = await send('disconnect', '/connection', { method: 'DELETE' });
    expect(res.status).to.equal(204);
    expect(res.text).to.equal('');
    expect(((await send('getConnection', '/connection')).body as { status: string }).status).to.equal('disconnected');
  });

  it('replays idempotent writes and answers 409 while the first is in flight', async () => {
    fake.faults.set({ kind: 'latency', ms: 150, endpoints: ['createAppTeams'] });
    const init = { method: 'POST', json: { teams: [{ name: 'Legal', fromHrTeamId: 'hrt-legal' }] }, headers: { 'Idempotency-Key': 'team-1' } };
    const [a, b] = await Promise.all([send('createAppTeams', '/app-teams', init), send('createAppTeams', '/app-teams', init)]);
    expect([a.status, b.status].sort()).to.deep.equal([201, 409]);
    expect(problem(a.status === 409 ? a : b).code).to.equal('request_in_progress');
    const replay = await send('createAppTeams', '/app-teams', init);
    expect(replay.status).to.equal(201);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect(fake.log.count('createAppTeams')).to.equal(3);
    const doc = await send('getTeamMapping', '/team-mapping');
    expect((doc.body as { appTeams: { name: string }[] }).appTeams.filter((t) => t.name === 'Legal').length).to.equal(1);
  });

  it('serves another base URL', async () => {
    await fake.reset({ ...OPTIONS, baseUrl: '/other/hr' });
    expect((await send('listProviders', '/providers', {}, '/other/hr')).status).to.equal(200);
    expect(fake.log.last()!.path).to.equal('/providers');
  });

  it('persists state under persistKey and restores it on start', async () => {
    const persistKey = 'hr-fake-handlers-test';
    localStorage.removeItem(persistKey);
    await startFakeBackend({ ...OPTIONS, persistKey });
    await send('setExclusion', `/invite-candidates/${E.emmaFischer}/exclusion`, { method: 'PUT', json: { excluded: true } });
    const stored = JSON.parse(localStorage.getItem(persistKey)!) as FakeSnapshot;
    expect(FakeBackend.restore(stored).listInviteCandidates({ query: { excluded: true } }).body).to.deep.include({ total: 2 });
    // Starting again (as after a reload) keeps the state.
    await startFakeBackend({ ...OPTIONS, persistKey });
    const excluded = await send('listInviteCandidates', '/invite-candidates?excluded=true');
    expect((excluded.body as InviteCandidatePage).items.map((c) => c.employeeId)).to.include(E.emmaFischer);
    await fake.reset({ ...OPTIONS, persistKey });
    expect(localStorage.getItem(persistKey)).to.equal(null);
    expect(((await send('listInviteCandidates', '/invite-candidates?excluded=true')).body as InviteCandidatePage).total).to.equal(1);
  });
});

describe('fault scenarios', () => {
  before(async () => {
    fake = await startFakeBackend(OPTIONS);
  });

  beforeEach(async () => {
    await fake.reset(OPTIONS);
  });

  after(() => {
    fake.faults.clear();
  });

  const problems: [FaultKind, number, string][] = [
    ['500', 500, 'internal_error'],
    ['401', 401, 'unauthenticated'],
    ['403', 403, 'forbidden'],
  ];
  for (const [kind, status, code] of problems) {
    it(`${kind}: a problem+json with code ${code}`, async () => {
      fake.faults.set({ kind, times: 1 });
      const res = await send('listProviders', '/providers');
      expect(res.status).to.equal(status);
      expect(res.headers['content-type']).to.equal('application/problem+json');
      expect(problem(res).code).to.equal(code);
      expect(fake.log.last()!.fault).to.equal(kind);
      expect((await send('listProviders', '/providers')).status).to.equal(200);
    });
  }

  for (const kind of ['503', '429'] as const) {
    it(`${kind}: with Retry-After`, async () => {
      fake.faults.set({ kind, retryAfter: 2, endpoints: ['listInviteCandidates'], times: 2 });
      expect((await send('listProviders', '/providers')).status).to.equal(200);
      for (let i = 0; i < 2; i++) {
        const res = await send('listInviteCandidates', '/invite-candidates');
        expect(res.status).to.equal(Number(kind));
        expect(res.headers['retry-after']).to.equal('2');
      }
      expect((await send('listInviteCandidates', '/invite-candidates')).status).to.equal(200);
      expect(fake.faults.list()).to.deep.equal([]);
    });
  }

  it('a refused write is not applied; the retry with the same key is', async () => {
    fake.faults.set({ kind: '503', endpoints: ['createInvitations'], times: 1 });
    const init = { method: 'POST', json: { employeeIds: [E.emmaFischer] }, headers: { 'Idempotency-Key': 'inv-1' } };
    expect((await send('createInvitations', '/invitations', init)).status).to.equal(503);
    const retry = await send('createInvitations', '/invitations', init);
    expect(retry.status).to.equal(200);
    expect(retry.headers['idempotent-replayed']).to.equal(undefined);
    expect((retry.body as { summary: { sent: number } }).summary.sent).to.equal(1);
    expect(fake.log.count('createInvitations')).to.equal(2);
  });

  it('latency delays the answer', async () => {
    fake.faults.set({ kind: 'latency', ms: 250, endpoints: ['getConnection'] });
    const started = performance.now();
    expect((await send('getConnection', '/connection')).status).to.equal(200);
    expect(performance.now() - started).to.be.at.least(240);
  });

  it('offline: a network error', async () => {
    fake.faults.set({ kind: 'offline', times: 1 });
    let error: unknown;
    try {
      await fetch('/api/hr/providers');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(fake.log.last()!.fault).to.equal('offline');
    expect((await send('listProviders', '/providers')).status).to.equal(200);
  });

  it('malformed JSON: a 200 that does not parse', async () => {
    fake.faults.set({ kind: 'malformed_json', endpoints: ['getConnection'], times: 1 });
    const res = await fetch('/api/hr/connection');
    expect(res.status).to.equal(200);
    let error: unknown;
    try {
      await res.json();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(SyntaxError);
  });

  it('schema break: a well-formed body the schema refuses', async () => {
    fake.faults.set({ kind: 'schema_break', endpoints: ['listInviteCandidates', 'getConnection'], times: 2 });
    const res = await fetch('/api/hr/invite-candidates');
    const body = (await res.json()) as InviteCandidatePage;
    expect(res.status).to.equal(200);
    expect(body.items[0]).not.to.have.property('employeeId');
    expect(body.items[1]).to.have.property('employeeId');
    expect(responseIssues('listInviteCandidates', { status: 200, body, headers: {} })).to.have.length(1);
    const connection = await fetch('/api/hr/connection');
    expect(responseIssues('getConnection', { status: 200, body: (await connection.json()) as unknown, headers: {} })).to.have.length(1);
  });

  it('412 hits conditional writes only, and nothing is saved', async () => {
    fake.faults.set({ kind: '412' });
    const doc = await send('getTeamMapping', '/team-mapping');
    expect(doc.status).to.equal(200);
    const res = await send('saveTeamMapping', '/team-mapping', { method: 'PUT', json: { mappings: [] }, headers: { 'Idempotency-Key': 'x', 'If-Match': doc.headers['etag']! } });
    expect(res.status).to.equal(412);
    expect(problem(res).code).to.equal('version_conflict');
    fake.faults.clear();
    expect((await send('getTeamMapping', '/team-mapping')).headers['etag']).to.equal(doc.headers['etag']);
  });
});
