import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import {
  endpoints,
  type ConnectRequest,
  type CreateDelegationRequest,
  type EndpointName,
  type InviteCandidate,
  type InviteCandidateQuery,
  type Problem,
  type ResponseOf,
} from '../../src/contract/index.js';
import { errorCodes, errorsOf, type ErrorCode } from '../../src/contract/endpoint-docs.js';
import { responseIssues } from '../../mocks/conformance.js';
import { FakeBackend, type FakeBackendOptions, type FakeResponse } from '../../mocks/fake-backend.js';
import { SIZES, fixtures, seed } from '../../mocks/seed.js';
import { addDays } from '../../mocks/util.js';

const TODAY = '2025-03-10';
const E = fixtures.employees;
const U = fixtures.users;
const A = fixtures.absences;

/** A backend on a manual clock: `clock.t` is now. */
function make(options: FakeBackendOptions = {}) {
  const clock = { t: new Date(2025, 2, 10, 9, 30).getTime() };
  const backend = new FakeBackend({ size: 'small', today: TODAY, now: () => clock.t, ...options });
  return { backend, clock };
}

/** Asserts a conforming success and returns its body. */
function ok<N extends EndpointName>(name: N, res: FakeResponse<N>, status: number = endpoints[name].status): ResponseOf<N> {
  expect(res.status, `${name}: ${JSON.stringify(res.body)}`).to.equal(status);
  expect(responseIssues(name, res)).to.deep.equal([]);
  return res.body as ResponseOf<N>;
}

/** Asserts a conforming Problem with `status` and `code`, both as the contract documents them for `name`, and returns it. */
function problemOf(name: EndpointName, res: FakeResponse, status: number, code: ErrorCode): Problem {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(responseIssues(name, res)).to.deep.equal([]);
  const body = res.body as Problem;
  expect(body.code).to.equal(code);
  expect(errorsOf(name), `${code} is documented for ${name}`).to.include(code);
  expect(errorCodes[code].status, `${code} is documented as ${status}`).to.equal(status);
  return body;
}

const pointers = (p: Problem) => (p.errors ?? []).map((e) => e.pointer);
const key = (k: string) => ({ 'Idempotency-Key': k });

function allCandidates(b: FakeBackend, query: InviteCandidateQuery = {}, limit = 7): InviteCandidate[] {
  const items: InviteCandidate[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = ok('listInviteCandidates', b.listInviteCandidates({ query: { ...query, cursor, limit } }));
    expect(page.items.length).to.be.at.most(limit);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const personio = (clientId: string, clientSecret: string, acceptedScopes: readonly string[] = fixtures.personioScopes): ConnectRequest => ({
  providerId: 'personio',
  credentials: { clientId, clientSecret },
  acceptedScopes: [...acceptedScopes],
});

describe('seed', () => {
  it('makes the sizes asked for, deterministically', () => {
    for (const size of ['small', 'default'] as const) {
      const w = seed({ size, today: TODAY });
      expect(w.employees.length).to.equal(SIZES[size]);
      expect(JSON.stringify(seed({ size, today: TODAY }))).to.equal(JSON.stringify(w));
    }
    expect(JSON.stringify(seed({ size: 'small', today: TODAY, seed: 2 }).employees)).not.to.equal(JSON.stringify(seed({ size: 'small', today: TODAY }).employees));
  });

  it('has every case the elements must handle', () => {
    const w = seed({ size: 'default', today: TODAY });
    const statuses = new Set(w.employees.map((e) => e.status));
    expect([...statuses].sort()).to.deep.equal(['active', 'inactive', 'leave', 'onboarding']);
    expect(w.employees.some((e) => e.hrTeamId === null)).to.equal(true);
    for (const field of ['department', 'supervisorId', 'iban', 'lastWorkingDay', 'costCenters'] as const) {
      expect(w.employees.some((e) => e[field] === undefined), `${field} missing on some`).to.equal(true);
      expect(w.employees.some((e) => e[field] !== undefined), `${field} present on some`).to.equal(true);
    }
    const splits = w.employees.filter((e) => (e.costCenters?.length ?? 0) > 1);
    expect(splits.some((e) => e.costCenters![0]!.percentage === 60 && e.costCenters![1]!.percentage === 40)).to.equal(true);
    for (const e of w.employees) {
      if (e.costCenters?.length) expect(e.costCenters.reduce((s, c) => s + c.percentage, 0)).to.equal(100);
    }
    expect(w.employees.filter((e) => e.hireDate !== null && e.hireDate >= addDays(TODAY, -14) && e.hireDate <= TODAY).length).to.be.greaterThan(3);
    // Users: about 15 %, at least 12 in small.
    expect(w.users.length).to.be.within(55, 65);
    expect(seed({ size: 'small', today: TODAY }).users.length).to.be.at.least(12);
    // Unmapped HR teams, many-to-one mappings, app teams without an HR team.
    const mapped = new Set(w.mappings.map((m) => m.hrTeamId));
    expect(w.hrTeams.some((t) => !mapped.has(t.id))).to.equal(true);
    const perApp = new Map<string, number>();
    for (const m of w.mappings) perApp.set(m.appTeamId, (perApp.get(m.appTeamId) ?? 0) + 1);
    expect([...perApp.values()].some((c) => c > 1)).to.equal(true);
    expect(w.appTeams.some((t) => !perApp.has(t.id))).to.equal(true);
    expect(w.providers.map((p) => p.id)).to.deep.equal(['personio', 'zeitgeist']);
    expect(w.providers[1]!.name.length).to.be.greaterThan(60);
  });

  it('makes dates relative to today', () => {
    const a = seed({ size: 'small', today: '2025-03-10' });
    const b = seed({ size: 'small', today: '2025-04-10' });
    expect(a.absences.find((x) => x.id === A.anna)!.startsOn).to.equal('2025-03-08');
    expect(b.absences.find((x) => x.id === A.anna)!.startsOn).to.equal('2025-04-08');
  });
});

describe('FakeBackend: every response conforms to the contract', () => {
  for (const size of ['small', 'default'] as const) {
    it(`${size}: every document, page, preview and list`, () => {
      const { backend: b } = make({ size });
      ok('listProviders', b.listProviders());
      ok('getConnection', b.getConnection());
      ok('getTeamMapping', b.getTeamMapping());
      const links = ok('getUserLinks', b.getUserLinks());
      const candidates = allCandidates(b, {}, 50);
      expect(candidates.length).to.be.greaterThan(10);
      let cursor: string | undefined;
      let employees = 0;
      do {
        const page = ok('searchEmployees', b.searchEmployees({ query: { cursor, limit: 100 } }));
        employees += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(employees).to.equal(SIZES[size]);
      for (const link of links.items) {
        const employee = link.employee ?? link.candidates[0] ?? { id: E.yaraElAmrani };
        ok('getSyncPreview', b.getSyncPreview({ params: { userId: link.userId }, query: { employeeId: employee.id } }));
      }
      const absences = ok('listApproverAbsences', b.listApproverAbsences());
      for (const a of absences.items) ok('listSubstituteCandidates', b.listSubstituteCandidates({ params: { absenceId: a.id } }));
      ok('getOffboardingSettings', b.getOffboardingSettings());
      ok('getSyncNotices', b.getSyncNotices());
    });
  }

  for (const connection of ['disconnected', 'connected', 'needs_reauth', 'error'] as const) {
    it(`connection state ${connection}`, () => {
      const { backend: b } = make({ connection });
      expect(ok('getConnection', b.getConnection()).status).to.equal(connection);
    });
  }
});

describe('FakeBackend: invite candidates', () => {
  it('pages with a cursor: every candidate once, total across pages', () => {
    const { backend: b } = make({ size: 'default' });
    const first = ok('listInviteCandidates', b.listInviteCandidates());
    expect(first.items.length).to.equal(100);
    const all = allCandidates(b, {}, 37);
    expect(all.length).to.equal(first.total);
    expect(new Set(all.map((c) => c.employeeId)).size).to.equal(all.length);
    const max = ok('listInviteCandidates', b.listInviteCandidates({ query: { limit: 500 } }));
    expect(max.items.length).to.equal(Math.min(500, first.total));
    const limit = problemOf('listInviteCandidates', b.listInviteCandidates({ query: { limit: 501 } }), 400, 'invalid_request');
    expect(limit.detail).to.contain('limit');
    problemOf('listInviteCandidates', b.listInviteCandidates({ query: { cursor: 'not-mine' } }), 400, 'invalid_cursor');
  });

  it('lists active and onboarding employees without a user, not invited', () => {
    const { backend: b } = make();
    const ids = allCandidates(b).map((c) => c.employeeId);
    expect(ids).to.include.members([E.emmaFischer, E.milaPeters, E.finnHendriks, E.semDekker, E.lenaZimmermann]);
    expect(ids).not.to.include.members([E.janDeVries, E.sophieJansen, E.larsBecker, E.bramVanLeeuwen, E.maxSchulz, E.hannahKoch, E.noahVanDijk]);
    expect(allCandidates(b, { excluded: true }).map((c) => c.employeeId)).to.deep.equal([E.hannahKoch]);
  });

  it('searches name and e-mail, case- and diacritic-insensitively', () => {
    const { backend: b } = make();
    const names = (q: string) => allCandidates(b, { q }).map((c) => c.name);
    expect(names('FISCHER')).to.include('Emma Fischer');
    const emma = names('  emma   fisch ');
    expect(emma).to.include('Emma Fischer');
    expect(emma.every((n) => /emma/i.test(n) && /fisch/i.test(n))).to.equal(true);
    expect(names('el amrani')).to.include('Yara El Amrani');
    expect(allCandidates(b, { q: 'lena.zimmermann@noordlicht' }).map((c) => c.employeeId)).to.deep.equal([E.lenaZimmermann]);
    expect(names('nobody-has-this')).to.deep.equal([]);
    const search = (q: string) => ok('searchEmployees', b.searchEmployees({ query: { q } })).items.map((e) => e.name);
    expect(search('muller')).to.include('Anna Müller');
    expect(search('MÜLLER')).to.include('Anna Müller');
    expect(search('mueller')).to.include('Anna Müller');
    expect(search('schroder')).to.include('Tim Schröder');
  });

  it('filters by team (team=none: no HR team), cost centre and new hires', () => {
    const { backend: b } = make({ size: 'default' });
    const finance = allCandidates(b, { team: [fixtures.hrTeams.financeDach] });
    expect(finance.length).to.be.greaterThan(0);
    expect(finance.every((c) => c.hrTeam?.id === fixtures.hrTeams.financeDach)).to.equal(true);
    const none = allCandidates(b, { team: ['none'] });
    expect(none.map((c) => c.employeeId)).to.include(E.finnHendriks);
    expect(none.every((c) => c.hrTeam === null && c.target.kind === 'no_hr_team')).to.equal(true);
    const both = allCandidates(b, { team: ['none', fixtures.hrTeams.financeDach] });
    expect(both.length).to.equal(finance.length + none.length);
    const muenchen = allCandidates(b, { costCenter: [fixtures.costCenters.muenchen] });
    expect(muenchen.map((c) => c.employeeId)).to.include(E.emmaFischer);
    expect(muenchen.every((c) => c.costCenters.some((s) => s.id === fixtures.costCenters.muenchen))).to.equal(true);
    const newHires = allCandidates(b, { newHires: true });
    expect(newHires.length).to.be.greaterThan(0);
    expect(newHires.every((c) => c.isNewHire && c.hireDate! >= addDays(TODAY, -14))).to.equal(true);
    const combined = allCandidates(b, { team: [fixtures.hrTeams.financeDach], costCenter: [fixtures.costCenters.muenchen], newHires: true });
    expect(combined.map((c) => c.employeeId)).to.deep.equal(finance.filter((c) => c.isNewHire && muenchen.some((m) => m.employeeId === c.employeeId)).map((c) => c.employeeId));
  });

  it('counts facets for the current filter, each ignoring its own selection', () => {
    const { backend: b } = make({ size: 'default' });
    const total = (query: InviteCandidateQuery) => ok('listInviteCandidates', b.listInviteCandidates({ query: { ...query, limit: 1 } })).total;
    const query: InviteCandidateQuery = { q: 'a', team: [fixtures.hrTeams.vertriebDach], costCenter: [fixtures.costCenters.muenchen, fixtures.costCenters.berlin] };
    const page = ok('listInviteCandidates', b.listInviteCandidates({ query }));
    expect(page.facets.teams.length).to.be.greaterThan(2);
    for (const facet of page.facets.teams) expect(facet.count, facet.name).to.equal(total({ ...query, team: [facet.id] }));
    for (const facet of page.facets.costCenters) expect(facet.count, facet.name).to.equal(total({ ...query, costCenter: [facet.id] }));
    expect(page.facets.noTeam).to.equal(total({ ...query, team: ['none'] }));
    // Without a team selection, the team facets partition the total.
    const open = ok('listInviteCandidates', b.listInviteCandidates({ query: { q: 'a' } }));
    expect(open.facets.teams.reduce((s, f) => s + f.count, 0) + open.facets.noTeam).to.equal(open.total);
  });

  it('computes the target from the current team mapping', () => {
    const { backend: b } = make();
    const target = (id: string) => allCandidates(b).find((c) => c.employeeId === id)!.target;
    expect(target(E.emmaFischer)).to.deep.equal({ kind: 'team', appTeam: { id: 'at-finance', name: 'Finance' } });
    expect(target(E.milaPeters)).to.deep.equal({ kind: 'team_not_mapped', hrTeam: { id: fixtures.hrTeams.engineeringPayments, name: 'Engineering Payments' } });
    expect(target(E.finnHendriks)).to.deep.equal({ kind: 'no_hr_team' });
    const doc = ok('getTeamMapping', b.getTeamMapping());
    const mappings = [...doc.mappings, { hrTeamId: fixtures.hrTeams.engineeringPayments, appTeamId: 'at-engineering-platform' }];
    ok('saveTeamMapping', b.saveTeamMapping({ body: { mappings }, headers: { 'If-Match': doc.version, ...key('map-1') } }));
    expect(target(E.milaPeters)).to.deep.equal({ kind: 'team', appTeam: { id: 'at-engineering-platform', name: 'Engineering Platform' } });
  });
});

describe('FakeBackend: ETag and If-Match', () => {
  it('team mapping: 428 without If-Match, 412 when stale, 200 with the current ETag', () => {
    const { backend: b } = make();
    const res = b.getTeamMapping();
    const doc = ok('getTeamMapping', res);
    expect(res.headers['etag']).to.equal(doc.version);
    const body = { mappings: doc.mappings.slice(1) };
    problemOf('saveTeamMapping', b.saveTeamMapping({ body, headers: key('a') }), 428, 'precondition_required');
    const saved = ok('saveTeamMapping', b.saveTeamMapping({ body, headers: { 'if-match': doc.version, ...key('b') } }));
    expect(saved.version).not.to.equal(doc.version);
    expect(saved.mappings.length).to.equal(doc.mappings.length - 1);
    problemOf('saveTeamMapping', b.saveTeamMapping({ body: { mappings: [] }, headers: { 'if-match': doc.version, ...key('c') } }), 412, 'version_conflict');
    expect(ok('getTeamMapping', b.getTeamMapping()).mappings.length).to.equal(doc.mappings.length - 1);
  });

  it('team mapping: one app team per HR team, known ids only (422 with pointers)', () => {
    const { backend: b } = make();
    const doc = ok('getTeamMapping', b.getTeamMapping());
    const save = (mappings: { hrTeamId: string; appTeamId: string }[], k: string) =>
      b.saveTeamMapping({ body: { mappings }, headers: { 'If-Match': doc.version, ...key(k) } });
    const dup = problemOf('saveTeamMapping', save([{ hrTeamId: 'hrt-legal', appTeamId: 'at-board' }, { hrTeamId: 'hrt-legal', appTeamId: 'at-finance' }], 'd'), 422, 'validation_failed');
    expect(pointers(dup)).to.deep.equal(['/mappings/1/hrTeamId']);
    const unknown = problemOf('saveTeamMapping', save([{ hrTeamId: 'hrt-nope', appTeamId: 'at-nope' }], 'u'), 422, 'validation_failed');
    expect(pointers(unknown)).to.deep.equal(['/mappings/0/hrTeamId', '/mappings/0/appTeamId']);
    // Many-to-one is fine.
    ok('saveTeamMapping', save([{ hrTeamId: 'hrt-legal', appTeamId: 'at-board' }, { hrTeamId: 'hrt-treasury', appTeamId: 'at-board' }], 'm'));
  });

  it('user links and offboarding settings are conditional too', () => {
    const { backend: b } = make();
    const links = ok('getUserLinks', b.getUserLinks());
    const body = { links: [{ userId: U.sophie, employeeId: E.sophieJansen }] };
    problemOf('saveUserLinks', b.saveUserLinks({ body, headers: key('l1') }), 428, 'precondition_required');
    problemOf('saveUserLinks', b.saveUserLinks({ body, headers: { 'If-Match': '"ul-0"', ...key('l2') } }), 412, 'version_conflict');
    ok('saveUserLinks', b.saveUserLinks({ body, headers: { 'If-Match': links.version, ...key('l3') } }));

    const settings = ok('getOffboardingSettings', b.getOffboardingSettings());
    problemOf('saveOffboardingSettings', b.saveOffboardingSettings({ body: { enabled: true, graceDays: 5 } }), 428, 'precondition_required');
    const bad = problemOf('saveOffboardingSettings', b.saveOffboardingSettings({ body: { enabled: true, graceDays: 31 }, headers: { 'If-Match': settings.version } }), 400, 'invalid_request');
    expect(pointers(bad)).to.deep.equal(['/graceDays']);
    expect(bad.detail).to.contain('/graceDays');
    const saved = ok('saveOffboardingSettings', b.saveOffboardingSettings({ body: { enabled: false, graceDays: 0 }, headers: { 'If-Match': settings.version } }));
    expect(saved).to.include({ enabled: false, graceDays: 0 });
    problemOf('saveOffboardingSettings', b.saveOffboardingSettings({ body: { enabled: true, graceDays: 1 }, headers: { 'If-Match': settings.version } }), 412, 'version_conflict');
  });
});

describe('FakeBackend: Idempotency-Key', () => {
  const team = { teams: [{ name: 'Legal', fromHrTeamId: 'hrt-legal' }] };

  it('is required where the contract says so', () => {
    const { backend: b } = make();
    for (const name of Object.keys(endpoints) as EndpointName[]) {
      if (!endpoints[name].idempotencyKey) continue;
      problemOf(name, b.call(name, { params: { delegationId: 'x', userId: U.femke }, body: {} }), 400, 'idempotency_key_missing');
    }
  });

  it('replays the stored response for the same key and body, applying the write once', () => {
    const { backend: b } = make();
    const teamsBefore = ok('getTeamMapping', b.getTeamMapping()).appTeams.length;
    const first = b.createAppTeams({ body: team, headers: key('k1') });
    const created = ok('createAppTeams', first, 201).created[0]!;
    expect(created).to.deep.include({ name: 'Legal', fromHrTeamId: 'hrt-legal', memberCount: 0 });
    const again = b.createAppTeams({ body: team, headers: key('k1') });
    expect(ok('createAppTeams', again, 201).created[0]!.id).to.equal(created.id);
    expect(again.headers['idempotent-replayed']).to.equal('true');
    expect(first.headers['idempotent-replayed']).to.equal(undefined);
    expect(ok('getTeamMapping', b.getTeamMapping()).appTeams.length).to.equal(teamsBefore + 1);
    problemOf('createAppTeams', b.createAppTeams({ body: { teams: [{ name: 'Other', fromHrTeamId: null }] }, headers: key('k1') }), 422, 'idempotency_key_reused');
  });

  it('answers 409 while the first request with the key is in flight', async () => {
    const { backend: b } = make();
    const pending = b.callAsync('createAppTeams', { body: team, headers: key('k2') }, 30);
    problemOf('createAppTeams', b.createAppTeams({ body: team, headers: key('k2') }), 409, 'request_in_progress');
    const concurrent = await b.callAsync('createAppTeams', { body: team, headers: key('k2') }, 30);
    expect(concurrent.status).to.equal(409);
    const first = await pending;
    expect(first.status).to.equal(201);
    expect(b.createAppTeams({ body: team, headers: key('k2') }).headers['idempotent-replayed']).to.equal('true');
    expect(ok('getTeamMapping', b.getTeamMapping()).appTeams.filter((t) => t.name === 'Legal').length).to.equal(1);
  });

  it('does not keep failed requests, so a corrected retry may reuse the key', () => {
    const { backend: b } = make();
    problemOf('connect', b.connect({ body: personio('papi-1', 'wrong-secret'), headers: key('c1') }), 422, 'invalid_credentials');
    ok('connect', b.connect({ body: personio('papi-1', 'right'), headers: key('c1') }), 201);
    // Once it succeeded, the key belongs to that request.
    problemOf('connect', b.connect({ body: personio('papi-1', 'wrong-secret'), headers: key('c1') }), 422, 'idempotency_key_reused');
    expect(b.connect({ body: personio('papi-1', 'right'), headers: key('c1') }).headers['idempotent-replayed']).to.equal('true');
  });
});

describe('FakeBackend: connection', () => {
  it('rejects bad credentials per field and missing permissions', () => {
    const { backend: b } = make({ connection: 'disconnected' });
    const badId = problemOf('connect', b.connect({ body: personio('abc', 's3cret'), headers: key('1') }), 422, 'invalid_credentials');
    expect(pointers(badId)).to.deep.equal(['/credentials/clientId']);
    const badSecret = problemOf('connect', b.connect({ body: personio('papi-abc', 'wrong-secret'), headers: key('2') }), 422, 'invalid_credentials');
    expect(pointers(badSecret)).to.deep.equal(['/credentials/clientSecret']);
    const missing = problemOf('connect', b.connect({ body: personio('papi-abc', ' '), headers: key('3') }), 422, 'validation_failed');
    expect(pointers(missing)).to.deep.equal(['/credentials/clientSecret']);
    const scopes = problemOf('connect', b.connect({ body: personio('papi-limited-7', 's3cret'), headers: key('4') }), 422, 'missing_scopes');
    expect(scopes.missingScopes).to.deep.equal(['employees.bank_account', 'absences']);
    const required = problemOf('connect', b.connect({ body: personio('papi-abc', 's3cret', ['employees.basic']), headers: key('5') }), 422, 'validation_failed');
    expect(pointers(required)).to.deep.equal(['/acceptedScopes']);
    expect(ok('getConnection', b.getConnection()).status).to.equal('disconnected');
    // Limited credentials are fine when the admin did not consent to what they lack.
    const limited = ok('connect', b.connect({ body: personio('papi-limited-7', 's3cret', ['employees.basic', 'employees.team']), headers: key('6') }), 201);
    expect(limited.grantedScopes).to.deep.equal(['employees.basic', 'employees.team']);
  });

  it('connects without returning or storing the secret; disconnects; reconnects from needs_reauth', () => {
    const secret = 'sec-4f8a-very-secret';
    const { backend: b } = make({ connection: 'needs_reauth' });
    const before = ok('getConnection', b.getConnection());
    expect(before.statusDetail).to.be.a('string');
    const res = b.connect({ body: personio('papi-abc', secret), headers: key('r') });
    const connected = ok('connect', res, 201);
    expect(connected).to.include({ status: 'connected', providerId: 'personio', statusDetail: null });
    expect(connected.lastSync?.id).to.equal(before.lastSync?.id);
    expect(JSON.stringify(res)).not.to.contain(secret);
    expect(JSON.stringify(b.snapshot())).not.to.contain(secret);
    expect(JSON.stringify(b.connect({ body: personio('papi-abc', secret), headers: key('r') }))).not.to.contain(secret);

    const gone = b.disconnect();
    expect(gone.status).to.equal(204);
    expect(gone.body).to.equal(null);
    expect(ok('getConnection', b.getConnection())).to.include({ status: 'disconnected', providerId: null, lastSync: null });
    problemOf('listInviteCandidates', b.listInviteCandidates(), 409, 'not_connected');
    problemOf('getTeamMapping', b.getTeamMapping(), 409, 'not_connected');
    ok('listProviders', b.listProviders());
  });

  it('connects the second provider with its own fields', () => {
    const { backend: b } = make({ connection: 'disconnected' });
    const body = { providerId: 'zeitgeist', credentials: { tenantId: 't-1', apiKey: 'wrong-secret' }, acceptedScopes: ['employees.basic', 'employees.team'] };
    expect(pointers(problemOf('connect', b.connect({ body, headers: key('z1') }), 422, 'invalid_credentials'))).to.deep.equal(['/credentials/apiKey']);
    const res = ok('connect', b.connect({ body: { ...body, credentials: { tenantId: 't-1', apiKey: 'k' } }, headers: key('z2') }), 201);
    expect(res.providerName).to.contain('Zeitgeist');
  });
});

describe('FakeBackend: sync runs', () => {
  it('progress with the clock to succeeded and update lastSync', () => {
    const { backend: b, clock } = make({ syncDurationMs: 1000 });
    const run = ok('startSync', b.startSync({ headers: key('s1') }), 202);
    expect(run).to.include({ status: 'running', progress: 0, finishedAt: null });
    clock.t += 200;
    // While it runs, another start answers that run instead of starting a second one.
    expect(ok('startSync', b.startSync({ headers: key('s2') }), 202)).to.include({ id: run.id, status: 'running', progress: 20 });
    clock.t += 300;
    expect(ok('getSyncRun', b.getSyncRun({ params: { runId: run.id } }))).to.include({ status: 'running', progress: 50 });
    clock.t += 600;
    const done = ok('getSyncRun', b.getSyncRun({ params: { runId: run.id } }));
    expect(done).to.include({ status: 'succeeded', progress: 100 });
    expect(done.finishedAt).to.equal(new Date(new Date(2025, 2, 10, 9, 30).getTime() + 1000).toISOString());
    expect(ok('getConnection', b.getConnection()).lastSync?.id).to.equal(run.id);
    expect(ok('startSync', b.startSync({ headers: key('s3') }), 202).id).not.to.equal(run.id);
    expect(problemOf('getSyncRun', b.getSyncRun({ params: { runId: 'run-nope' } }), 404, 'not_found').detail).to.contain('run-nope');
  });

  it('answer 409 not_connected while the HR system rejects the stored credentials, and start nothing', () => {
    const { backend: b, clock } = make({ connection: 'needs_reauth' });
    const before = ok('getConnection', b.getConnection());
    expect(problemOf('startSync', b.startSync({ headers: key('r1') }), 409, 'not_connected').detail).to.contain('reconnect');
    clock.t += 5000;
    expect(ok('getConnection', b.getConnection())).to.deep.equal(before);
    // After reconnecting the same request (a new key) starts a run.
    ok('connect', b.connect({ body: personio('papi-abc', 's3cret'), headers: key('r2') }), 201);
    expect(ok('startSync', b.startSync({ headers: key('r3') }), 202).status).to.equal('running');
  });

  it('end partial with per-employee errors when seeded so', () => {
    const { backend: b, clock } = make({ syncOutcome: 'partial' });
    expect(ok('getConnection', b.getConnection()).lastSync?.status).to.equal('partial');
    const run = ok('startSync', b.startSync({ headers: key('p') }), 202);
    clock.t += 1500;
    const done = ok('getSyncRun', b.getSyncRun({ params: { runId: run.id } }));
    expect(done.status).to.equal('partial');
    expect(done.errors.length).to.be.greaterThan(0);
    expect(done.failed).to.be.greaterThan(0);
  });
});

describe('FakeBackend: user links and sync preview', () => {
  it('matches users to employees by e-mail: linked, suggested, conflicts, unmatched', () => {
    const { backend: b } = make();
    const doc = ok('getUserLinks', b.getUserLinks());
    const by = (id: string) => doc.items.find((i) => i.userId === id)!;
    expect(by(U.jan)).to.deep.include({ status: 'linked', conflictReason: null });
    expect(by(U.jan).employee?.id).to.equal(E.janDeVries);
    expect(by(U.sophie).status).to.equal('suggested');
    expect(by(U.sophie).userEmail).to.match(/^\s+Sophie\.Jansen@Noordlicht\.example\s+$/);
    expect(by(U.sophie).employee?.id).to.equal(E.sophieJansen);
    expect(by(U.lieke).status).to.equal('suggested');
    expect(by(U.lars)).to.deep.include({ status: 'conflict', conflictReason: 'several_employees' });
    expect(by(U.lars).candidates.map((c) => c.id)).to.deep.equal([E.larsBeckerOld, E.larsBecker]);
    expect(by(U.pieterShared)).to.deep.include({ status: 'conflict', conflictReason: 'employee_linked_elsewhere' });
    expect(by(U.pieterShared).candidates.map((c) => c.id)).to.deep.equal([E.pieterBakker]);
    expect(by(U.buchhaltung).status).to.equal('unmatched');
    expect(doc.counts).to.deep.equal({ linked: 12, suggested: 2, unmatched: 2, conflict: 2 });
  });

  it('saves per user: an employee linked elsewhere fails with a reason', () => {
    const { backend: b } = make();
    const doc = ok('getUserLinks', b.getUserLinks());
    const res = ok(
      'saveUserLinks',
      b.saveUserLinks({
        body: {
          links: [
            { userId: U.pieterShared, employeeId: E.pieterBakker },
            { userId: U.sophie, employeeId: E.sophieJansen },
            { userId: U.lars, employeeId: E.larsBecker },
            { userId: U.jan, employeeId: null },
            { userId: 'usr-nope', employeeId: E.janDeVries },
          ],
        },
        headers: { 'If-Match': doc.version, ...key('save') },
      }),
    );
    expect(res.results.map((r) => r.status)).to.deep.equal(['failed', 'saved', 'saved', 'saved', 'failed']);
    expect(res.results[0]!.reason).to.contain('already linked to Pieter Bakker');
    const after = ok('getUserLinks', b.getUserLinks());
    expect(after.version).to.equal(res.version);
    const by = (id: string) => after.items.find((i) => i.userId === id)!;
    expect(by(U.sophie).status).to.equal('linked');
    expect(by(U.lars).employee?.id).to.equal(E.larsBecker);
    expect(by(U.jan).status).to.equal('unmatched');
    expect(by(U.pieterShared).status).to.equal('conflict');
    // Jan's employee is free now: a candidate to invite? No: a user has his e-mail.
    expect(allCandidates(b).map((c) => c.employeeId)).not.to.include(E.janDeVries);
  });

  it('refuses a contradictory save as a whole: a user twice, one employee for two users', () => {
    const { backend: b } = make();
    const doc = ok('getUserLinks', b.getUserLinks());
    const save = (links: { userId: string; employeeId: string | null }[], k: string) =>
      b.saveUserLinks({ body: { links }, headers: { 'If-Match': doc.version, ...key(k) } });
    const twice = problemOf('saveUserLinks', save([{ userId: U.sophie, employeeId: E.sophieJansen }, { userId: U.lars, employeeId: E.larsBecker }, { userId: U.sophie, employeeId: null }], 'u'), 422, 'validation_failed');
    expect(twice.errors).to.deep.equal([{ pointer: '/links/2/userId', code: 'duplicate_user', detail: 'Sophie Jansen is listed more than once.' }]);
    const shared = problemOf('saveUserLinks', save([{ userId: U.jan, employeeId: E.emmaFischer }, { userId: U.lieke, employeeId: E.emmaFischer }], 'e'), 422, 'validation_failed');
    expect(shared.errors).to.deep.equal([{ pointer: '/links/1/employeeId', code: 'duplicate_employee', detail: 'Emma Fischer is already chosen for J. de Vries in this request.' }]);
    // Nothing was saved.
    expect(ok('getUserLinks', b.getUserLinks())).to.deep.equal(doc);
    // Unlinking two users in one save is no contradiction.
    ok('saveUserLinks', save([{ userId: U.jan, employeeId: null }, { userId: U.anna, employeeId: null }], 'n'));
  });

  it('swaps two links in one save', () => {
    const { backend: b } = make();
    const doc = ok('getUserLinks', b.getUserLinks());
    const res = ok('saveUserLinks', b.saveUserLinks({
      body: { links: [{ userId: U.femke, employeeId: E.stefanWagner }, { userId: U.stefan, employeeId: E.femkeMulder }] },
      headers: { 'If-Match': doc.version, ...key('swap') },
    }));
    expect(res.results.map((r) => r.status)).to.deep.equal(['saved', 'saved']);
  });

  it('previews the synced fields: not shared when the HR system leaves them out, bank account masked', () => {
    const { backend: b } = make();
    const jan = ok('getSyncPreview', b.getSyncPreview({ params: { userId: U.jan }, query: { employeeId: E.janDeVries } }));
    expect(jan.fields.name).to.deep.equal({ shared: true, current: 'J. de Vries', next: 'Jan de Vries' });
    const bank = jan.fields.bankAccount;
    expect(bank.shared && bank.next?.last4).to.match(/^\d{4}$/);
    const iban = seed({ size: 'small', today: TODAY }).employees[0]!.iban!;
    expect(JSON.stringify(jan)).not.to.contain(iban.slice(0, 10));
    const yara = ok('getSyncPreview', b.getSyncPreview({ params: { userId: U.sophie }, query: { employeeId: E.yaraElAmrani } }));
    for (const field of ['department', 'supervisor', 'lastWorkingDay', 'bankAccount'] as const) expect(yara.fields[field], field).to.deep.equal({ shared: false });
    expect(yara.fields.name).to.deep.equal({ shared: true, current: 'Sophie Jansen', next: 'Yara El Amrani' });
    const anna = ok('getSyncPreview', b.getSyncPreview({ params: { userId: U.anna }, query: { employeeId: E.annaMueller } }));
    expect(anna.fields.costCenters).to.deep.equal({
      shared: true,
      current: [{ id: 'cc-200', name: 'CC-200 Berlin', percentage: 60 }, { id: 'cc-210', name: 'CC-210 München', percentage: 40 }],
      next: [{ id: 'cc-200', name: 'CC-200 Berlin', percentage: 60 }, { id: 'cc-210', name: 'CC-210 München', percentage: 40 }],
    });
    expect(anna.fields.supervisor).to.deep.equal({ shared: true, current: { id: E.janDeVries, name: 'Jan de Vries' }, next: { id: E.janDeVries, name: 'Jan de Vries' } });
    const { backend: noBank } = make({ grantedScopes: ['employees.basic', 'employees.team'] });
    const limited = ok('getSyncPreview', noBank.getSyncPreview({ params: { userId: U.jan }, query: { employeeId: E.janDeVries } }));
    expect(limited.fields.bankAccount).to.deep.equal({ shared: false });
    expect(limited.fields.costCenters).to.deep.equal({ shared: false });
    expect(problemOf('getSyncPreview', b.getSyncPreview({ params: { userId: 'usr-nope' }, query: { employeeId: E.janDeVries } }), 404, 'not_found').detail).to.contain('usr-nope');
    expect(problemOf('getSyncPreview', b.getSyncPreview({ params: { userId: U.jan }, query: { employeeId: 'emp-nope' } }), 404, 'not_found').detail).to.contain('emp-nope');
  });
});

describe('FakeBackend: invitations and exclusions', () => {
  it('answers per item and takes the invited off the list', () => {
    const { backend: b } = make();
    const totalBefore = ok('listInviteCandidates', b.listInviteCandidates()).total;
    const ids = [E.emmaFischer, E.semDekker, E.lenaZimmermann, E.janDeVries, E.bramVanLeeuwen, 'emp-99999'];
    const res = ok('createInvitations', b.createInvitations({ body: { employeeIds: ids }, headers: key('inv') }));
    expect(res.results.map((r) => [r.employeeId, r.status])).to.deep.equal([
      [E.emmaFischer, 'sent'],
      [E.semDekker, 'no_email'],
      [E.lenaZimmermann, 'failed'],
      [E.janDeVries, 'already_user'],
      [E.bramVanLeeuwen, 'already_user'],
      ['emp-99999', 'failed'],
    ]);
    expect(res.results[2]!.reason).to.equal(fixtures.inviteFailure);
    expect(res.summary).to.deep.equal({ sent: 1, alreadyUser: 2, noEmail: 1, failed: 2 });
    expect(ok('listInviteCandidates', b.listInviteCandidates()).total).to.equal(totalBefore - 1);
    // A replay sends nothing twice.
    const replay = b.createInvitations({ body: { employeeIds: ids }, headers: key('inv') });
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect(ok('createInvitations', b.createInvitations({ body: { employeeIds: [E.emmaFischer] }, headers: key('inv-2') })).results[0]!.status).to.equal('already_user');
  });

  it('invites everyone matching a filter except some', () => {
    const { backend: b } = make({ size: 'default' });
    const matching = allCandidates(b, { team: ['hrt-vertrieb-dach'] }, 100);
    const except = matching.slice(0, 2).map((c) => c.employeeId);
    const res = ok('createInvitations', b.createInvitations({ body: { filter: { team: ['hrt-vertrieb-dach'] }, exceptIds: except }, headers: key('f') }));
    expect(res.results.length).to.equal(matching.length - 2);
    expect(res.results.map((r) => r.employeeId)).not.to.include.members(except);
    const left = allCandidates(b, { team: ['hrt-vertrieb-dach'] }, 100).map((c) => c.employeeId);
    expect(left).to.include.members(except);
    expect(left.length).to.equal(2 + res.results.filter((r) => r.status !== 'sent').length);
  });

  it('excludes and undoes', () => {
    const { backend: b } = make();
    expect(ok('setExclusion', b.setExclusion({ params: { employeeId: E.emmaFischer }, body: { excluded: true } }))).to.deep.equal({ employeeId: E.emmaFischer, excluded: true });
    expect(allCandidates(b).map((c) => c.employeeId)).not.to.include(E.emmaFischer);
    const excluded = allCandidates(b, { excluded: true });
    expect(excluded.find((c) => c.employeeId === E.emmaFischer)?.excluded).to.equal(true);
    ok('setExclusion', b.setExclusion({ params: { employeeId: E.emmaFischer }, body: { excluded: false } }));
    expect(allCandidates(b).map((c) => c.employeeId)).to.include(E.emmaFischer);
    problemOf('setExclusion', b.setExclusion({ params: { employeeId: 'emp-nope' }, body: { excluded: true } }), 404, 'not_found');
  });
});

describe('FakeBackend: approver absences and delegations', () => {
  it('lists current and upcoming absences with waiting requests or a delegation', () => {
    const { backend: b } = make();
    const items = ok('listApproverAbsences', b.listApproverAbsences()).items;
    expect(items.map((a) => a.id).sort()).to.deep.equal([A.anna, A.daan, A.jan, A.pieter].sort());
    const anna = items.find((a) => a.id === A.anna)!;
    expect(anna).to.deep.include({ waitingRequests: 4, overdue: true, delegation: null, type: 'paid_vacation' });
    const pieter = items.find((a) => a.id === A.pieter)!;
    expect(pieter.overdue).to.equal(false);
    expect(pieter.delegation).to.deep.include({ id: fixtures.delegations.pieter, status: 'active', substitute: { id: U.lotte, name: 'Lotte Visser' } });
    expect(items.find((a) => a.id === A.daan)!.type).to.equal(null);
    expect(items.find((a) => a.id === A.jan)!.endsOn).to.equal(null);
    const { backend: noAbsences } = make({ grantedScopes: ['employees.basic', 'employees.team'] });
    expect(ok('listApproverAbsences', noAbsences.listApproverAbsences()).items).to.deep.equal([]);
  });

  it('offers substitutes: never the approver nor anyone absent meanwhile; flags requesters', () => {
    const { backend: b } = make();
    const items = ok('listSubstituteCandidates', b.listSubstituteCandidates({ params: { absenceId: A.anna } })).items;
    const ids = items.map((c) => c.id);
    expect(ids).not.to.include.members([U.anna, U.katrin, U.pieter, U.daan, U.julia]);
    expect(ids).to.include.members([U.jan, U.lotte, U.tim]);
    expect(items.find((c) => c.id === U.tim)!.isRequesterOfWaiting).to.equal(true);
    expect(items.find((c) => c.id === U.jan)!.isRequesterOfWaiting).to.equal(false);
    const found = ok('listSubstituteCandidates', b.listSubstituteCandidates({ params: { absenceId: A.anna }, query: { q: 'lotte' } })).items;
    expect(found.map((c) => c.id)).to.deep.equal([U.lotte]);
    problemOf('listSubstituteCandidates', b.listSubstituteCandidates({ params: { absenceId: 'abs-nope' } }), 404, 'not_found');
  });

  it('creates, changes and ends a delegation; validates substitute and period', () => {
    const { backend: b } = make();
    const valid: CreateDelegationRequest = { absenceId: A.anna, substituteId: U.lotte, startsOn: TODAY, endsOn: addDays(TODAY, 9) };
    const create = (body: CreateDelegationRequest, k: string) => b.createDelegation({ body, headers: key(k) });
    expect(pointers(problemOf('createDelegation', create({ ...valid, substituteId: U.katrin }, 'a'), 422, 'validation_failed'))).to.deep.equal(['/substituteId']);
    expect(pointers(problemOf('createDelegation', create({ ...valid, substituteId: U.anna }, 'b'), 422, 'validation_failed'))).to.deep.equal(['/substituteId']);
    expect(pointers(problemOf('createDelegation', create({ ...valid, endsOn: addDays(TODAY, -1) }, 'c'), 422, 'validation_failed'))).to.include('/endsOn');
    expect(pointers(problemOf('createDelegation', create({ ...valid, endsOn: addDays(TODAY, 30) }, 'd'), 422, 'validation_failed'))).to.deep.equal(['/endsOn']);
    expect(pointers(problemOf('createDelegation', create({ ...valid, absenceId: 'abs-nope' }, 'e'), 422, 'unknown_absence'))).to.deep.equal(['/absenceId']);

    const d = ok('createDelegation', create(valid, 'ok'), 201);
    expect(d).to.deep.include({ status: 'active', approver: { id: U.anna, name: 'Anna Müller' }, substitute: { id: U.lotte, name: 'Lotte Visser' } });
    expect(ok('listApproverAbsences', b.listApproverAbsences()).items.find((a) => a.id === A.anna)!.delegation?.id).to.equal(d.id);
    problemOf('createDelegation', create({ ...valid, substituteId: U.jan }, 'again'), 409, 'delegation_exists');
    const changed = ok('updateDelegation', b.updateDelegation({ params: { delegationId: d.id }, body: { substituteId: U.jan, endsOn: addDays(TODAY, 16) }, headers: key('u') }));
    expect(changed).to.deep.include({ substitute: { id: U.jan, name: 'J. de Vries' }, endsOn: addDays(TODAY, 16) });
    problemOf('updateDelegation', b.updateDelegation({ params: { delegationId: d.id }, body: { endsOn: addDays(TODAY, 17) }, headers: key('u2') }), 422, 'validation_failed');
    const ended = ok('endDelegation', b.endDelegation({ params: { delegationId: d.id } }));
    expect(ended.status).to.equal('ended');
    expect(ok('listApproverAbsences', b.listApproverAbsences()).items.find((a) => a.id === A.anna)!.delegation).to.equal(null);
    problemOf('updateDelegation', b.updateDelegation({ params: { delegationId: d.id }, body: { endsOn: TODAY }, headers: key('u3') }), 409, 'delegation_ended');
    problemOf('endDelegation', b.endDelegation({ params: { delegationId: 'dlg-nope' } }), 404, 'not_found');
    problemOf('updateDelegation', b.updateDelegation({ params: { delegationId: 'dlg-nope' }, body: { endsOn: TODAY }, headers: key('u4') }), 404, 'not_found');
  });

  it('refuses a start in the past, but an active delegation keeps the start it had', () => {
    const { backend: b } = make();
    const past = problemOf('createDelegation', b.createDelegation({ body: { absenceId: A.anna, substituteId: U.lotte, startsOn: addDays(TODAY, -1), endsOn: addDays(TODAY, 9) }, headers: key('p') }), 422, 'validation_failed');
    expect(past.errors).to.deep.equal([{ pointer: '/startsOn', code: 'starts_in_past', detail: 'The start date has passed.' }]);
    expect(ok('listApproverAbsences', b.listApproverAbsences()).items.find((a) => a.id === A.anna)!.delegation).to.equal(null);
    // Pieter's delegation started 10 days ago: another substitute keeps that start ...
    const changed = ok('updateDelegation', b.updateDelegation({ params: { delegationId: fixtures.delegations.pieter }, body: { substituteId: U.tim }, headers: key('k') }));
    expect(changed).to.deep.include({ startsOn: addDays(TODAY, -10), substitute: { id: U.tim, name: changed.substitute.name } });
    // ... and moving the start to another past day is refused.
    const moved = problemOf('updateDelegation', b.updateDelegation({ params: { delegationId: fixtures.delegations.pieter }, body: { startsOn: addDays(TODAY, -5) }, headers: key('m') }), 422, 'validation_failed');
    expect(moved.errors!.map((e) => [e.pointer, e.code])).to.deep.equal([['/startsOn', 'starts_in_past']]);
  });

  it('moves from scheduled to active to ended with the clock', () => {
    const { backend: b, clock } = make();
    const d = ok('createDelegation', b.createDelegation({ body: { absenceId: A.daan, substituteId: U.lotte, startsOn: addDays(TODAY, 5), endsOn: addDays(TODAY, 12) }, headers: key('s') }), 201);
    expect(d.status).to.equal('scheduled');
    const status = () => ok('listApproverAbsences', b.listApproverAbsences()).items.find((a) => a.id === A.daan)?.delegation?.status ?? null;
    clock.t += 5 * 86_400_000;
    expect(status()).to.equal('active');
    clock.t += 8 * 86_400_000;
    // Ended by itself after endsOn: the absence is over too, so it is no longer listed.
    expect(status()).to.equal(null);
    expect(ok('endDelegation', b.endDelegation({ params: { delegationId: d.id } })).status).to.equal('ended');
  });
});

describe('FakeBackend: sync notices and deactivations', () => {
  it('counts new hires since the last look and marks them seen', () => {
    const { backend: b, clock } = make();
    const notices = ok('getSyncNotices', b.getSyncNotices());
    expect(notices.newHires.count).to.equal(2);
    clock.t += 1000;
    const seen = ok('markNewHiresSeen', b.markNewHiresSeen());
    expect(seen.newHires).to.deep.equal({ count: 0, since: new Date(clock.t).toISOString() });
  });

  it('lists upcoming and just-passed last working days with the grace period', () => {
    const { backend: b } = make();
    const list = ok('getSyncNotices', b.getSyncNotices()).deactivations;
    const by = (id: string) => list.find((d) => d.userId === id);
    expect(by(U.femke)).to.deep.include({ lastWorkingDay: addDays(TODAY, 3), deactivatesOn: addDays(TODAY, 6), status: 'scheduled' });
    expect(by(U.stefan)).to.deep.include({ deactivatesOn: null, status: 'kept_active' });
    expect(by(U.noah)).to.deep.include({ lastWorkingDay: addDays(TODAY, -2), status: 'scheduled' });
    expect(by(U.julia)).to.deep.include({ status: 'deactivated' });
    expect(by(U.ruben)).to.equal(undefined);

    expect(ok('setKeepActive', b.setKeepActive({ params: { userId: U.stefan }, body: { keepActive: false } }))).to.deep.equal({ userId: U.stefan, status: 'scheduled' });
    expect(ok('setKeepActive', b.setKeepActive({ params: { userId: U.femke }, body: { keepActive: true } })).status).to.equal('kept_active');
    expect(ok('deactivateNow', b.deactivateNow({ params: { userId: U.noah }, headers: key('d') })).status).to.equal('deactivated');
    const after = ok('getSyncNotices', b.getSyncNotices()).deactivations;
    expect(after.find((d) => d.userId === U.noah)!.status).to.equal('deactivated');
    expect(after.find((d) => d.userId === U.femke)!.deactivatesOn).to.equal(null);
    problemOf('deactivateNow', b.deactivateNow({ params: { userId: 'usr-nope' }, headers: key('x') }), 404, 'not_found');
  });
});

describe('FakeBackend: keep active refuses without changing anything', () => {
  const deactivation = (b: FakeBackend, userId: string) => ok('getSyncNotices', b.getSyncNotices()).deactivations.find((d) => d.userId === userId);

  it('409 already_deactivated once the user is deactivated, whichever way', () => {
    const { backend: b } = make();
    // Julia: the grace period after her last working day is over.
    const julia = deactivation(b, U.julia);
    expect(julia?.status).to.equal('deactivated');
    for (const keepActive of [true, false]) {
      const refused = problemOf('setKeepActive', b.setKeepActive({ params: { userId: U.julia }, body: { keepActive } }), 409, 'already_deactivated');
      expect(refused.detail).to.contain('Julia Schmitt');
    }
    expect(deactivation(b, U.julia)).to.deep.equal(julia);
    // Femke: deactivated now, before her last working day.
    ok('deactivateNow', b.deactivateNow({ params: { userId: U.femke }, headers: key('f') }));
    problemOf('setKeepActive', b.setKeepActive({ params: { userId: U.femke }, body: { keepActive: true } }), 409, 'already_deactivated');
    expect(deactivation(b, U.femke)?.status).to.equal('deactivated');
  });

  it('a user without a last working day: 409 no_last_working_day, nothing stored', () => {
    const { backend: b } = make();
    const before = b.snapshot();
    const refused = problemOf('setKeepActive', b.setKeepActive({ params: { userId: U.tim }, body: { keepActive: true } }), 409, 'no_last_working_day');
    expect(refused.detail).to.contain('no last working day');
    expect(b.snapshot()).to.deep.equal(before);
  });

  it('a user deactivated by hand without a last working day stays deactivated', () => {
    const { backend: b } = make();
    ok('deactivateNow', b.deactivateNow({ params: { userId: U.tim }, headers: key('t') }));
    const deactivated = deactivation(b, U.tim);
    expect(deactivated?.status).to.equal('deactivated');
    problemOf('setKeepActive', b.setKeepActive({ params: { userId: U.tim }, body: { keepActive: true } }), 409, 'already_deactivated');
    expect(deactivation(b, U.tim)).to.deep.equal(deactivated);
    expect(ok('listSubstituteCandidates', b.listSubstituteCandidates({ params: { absenceId: A.anna } })).items.map((c) => c.id)).not.to.include(U.tim);
  });
});

describe('FakeBackend: snapshot and restore', () => {
  it('restores every change and stores neither the seed nor secrets', () => {
    const { backend: b, clock } = make();
    const doc = ok('getTeamMapping', b.getTeamMapping());
    ok('createAppTeams', b.createAppTeams({ body: { teams: [{ name: 'Legal', fromHrTeamId: 'hrt-legal' }] }, headers: key('1') }), 201);
    ok('saveTeamMapping', b.saveTeamMapping({ body: { mappings: [...doc.mappings, { hrTeamId: 'hrt-legal', appTeamId: 'at-legal' }] }, headers: { 'If-Match': doc.version, ...key('2') } }));
    ok('saveUserLinks', b.saveUserLinks({ body: { links: [{ userId: U.sophie, employeeId: E.sophieJansen }] }, headers: { 'If-Match': ok('getUserLinks', b.getUserLinks()).version, ...key('3') } }));
    ok('createInvitations', b.createInvitations({ body: { employeeIds: [E.emmaFischer] }, headers: key('4') }));
    ok('setExclusion', b.setExclusion({ params: { employeeId: E.finnHendriks }, body: { excluded: true } }));
    ok('createDelegation', b.createDelegation({ body: { absenceId: A.anna, substituteId: U.lotte, startsOn: TODAY, endsOn: addDays(TODAY, 9) }, headers: key('5') }), 201);
    ok('saveOffboardingSettings', b.saveOffboardingSettings({ body: { enabled: true, graceDays: 7 }, headers: { 'If-Match': ok('getOffboardingSettings', b.getOffboardingSettings()).version } }));
    ok('connect', b.connect({ body: personio('papi-new', 'top-secret-value'), headers: key('6') }), 201);
    ok('startSync', b.startSync({ headers: key('7') }), 202);
    ok('markNewHiresSeen', b.markNewHiresSeen());
    ok('setKeepActive', b.setKeepActive({ params: { userId: U.femke }, body: { keepActive: true } }));

    const snapshot = JSON.parse(JSON.stringify(b.snapshot())) as ReturnType<FakeBackend['snapshot']>;
    expect(JSON.stringify(snapshot)).not.to.contain('top-secret-value');
    expect(JSON.stringify(snapshot).length).to.be.below(6000);
    const r = FakeBackend.restore(snapshot, { now: () => clock.t });
    const reads: EndpointName[] = ['getConnection', 'getTeamMapping', 'getUserLinks', 'listInviteCandidates', 'listApproverAbsences', 'getOffboardingSettings', 'getSyncNotices'];
    for (const name of reads) expect(r.call(name), name).to.deep.equal(b.call(name));
    expect(r.listInviteCandidates({ query: { excluded: true } })).to.deep.equal(b.listInviteCandidates({ query: { excluded: true } }));
    clock.t += 2000;
    expect(r.getConnection()).to.deep.equal(b.getConnection());
  });

  it('keeps 50,000 employees small', function () {
    this.timeout(30_000);
    const b = new FakeBackend({ size: 'large', today: TODAY });
    const page = ok('listInviteCandidates', b.listInviteCandidates({ query: { q: 'anna', team: ['hrt-vertrieb-dach', 'none'], costCenter: ['cc-210'] } }));
    expect(page.items.length).to.be.greaterThan(0);
    const open = ok('listInviteCandidates', b.listInviteCandidates());
    expect(open.total).to.be.greaterThan(30_000);
    expect(open.facets.teams.reduce((s, f) => s + f.count, 0) + open.facets.noTeam).to.equal(open.total);
    expect(ok('getUserLinks', b.getUserLinks()).items.length).to.equal(7500);
    ok('createInvitations', b.createInvitations({ body: { filter: { team: ['hrt-treasury'] }, exceptIds: [] }, headers: key('big') }));
    const snapshot = JSON.stringify(b.snapshot());
    expect(snapshot.length).to.be.below(20_000);
    const restored = FakeBackend.restore(JSON.parse(snapshot) as ReturnType<FakeBackend['snapshot']>);
    expect(restored.listInviteCandidates({ query: { team: ['hrt-treasury'] } }).body).to.deep.include({ total: (b.listInviteCandidates({ query: { team: ['hrt-treasury'] } }).body as { total: number }).total });
  });
});

describe('contract schemas accept the seeded data', () => {
  it('providers', () => {
    for (const p of seed({ size: 'small', today: TODAY }).providers) {
      expect(z.safeParse(endpoints.listProviders.response, { items: [p] }).success).to.equal(true);
    }
  });
});
