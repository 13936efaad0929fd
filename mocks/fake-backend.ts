import * as z from 'zod/mini';
import {
  endpoints,
  type ApproverAbsence,
  type BodyOf,
  type Connection,
  type CostCenterShare,
  type Delegation,
  type EmployeeRef,
  type EndpointName,
  type FieldError,
  type InviteCandidate,
  type InviteCandidatePage,
  type InviteTarget,
  type NamedRef,
  type ParamsOf,
  type Problem,
  type QueryOf,
  type ResponseOf,
  type SyncNotices,
  type SyncPreview,
  type SyncRun,
  type TeamMapping,
  type TeamMappingDoc,
  type UpcomingDeactivation,
  type UserLink,
} from '../src/contract/index.js';
import { seed, syncErrors, type SeedDelegation, type SeedEmployee, type SeedOptions, type SyncOutcome, type World } from './seed.js';
import {
  ProblemError,
  addDays,
  canonicalJson,
  decodeIndexes,
  encodeIndexes,
  fail,
  fold,
  hash,
  isoDate,
  isoDateTime,
  matchesTokens,
  normalizeEmail,
  problem,
  queryTokens,
  searchText,
} from './util.js';

export interface FakeRequest {
  params?: Record<string, string>;
  /** Typed values, or raw strings as they come from a URL (coerced with the endpoint's query schema). */
  query?: Record<string, unknown>;
  body?: unknown;
  /** Header names in any case. */
  headers?: Record<string, string>;
}

export interface FakeResponse<N extends EndpointName = EndpointName> {
  status: number;
  /** The endpoint's response, a Problem (status >= 400), or null (204). */
  body: ResponseOf<N> | Problem | null;
  headers: Record<string, string>;
}

export interface FakeBackendOptions extends SeedOptions {
  /** The clock in ms. Default: the seed's instant plus real elapsed time. */
  now?: () => number;
  /** How long a sync run takes. Default 1500 ms. */
  syncDurationMs?: number;
}

type EndpointMethods = { [N in EndpointName]: (req?: FakeRequest) => FakeResponse<N> };

interface Ctx<N extends EndpointName> {
  params: ParamsOf<N>;
  query: QueryOf<N>;
  body: BodyOf<N>;
  headers: Record<string, string>;
}
interface Out<N extends EndpointName> {
  status?: number;
  body: ResponseOf<N>;
  headers?: Record<string, string>;
}
type Routes = { [N in EndpointName]: (c: Ctx<N>) => Out<N> };

interface IdempotencyEntry {
  fingerprint: string;
  /** Set while the first request is in flight. */
  token: symbol | null;
  response: FakeResponse | null;
}

interface RunState {
  id: string;
  startedMs: number;
  durationMs: number;
  outcome: SyncOutcome;
  finalized: boolean;
}

/** Candidate filter after parsing: typed arrays over HR teams and cost centres. */
interface CandidateFilter {
  tokens: string[];
  teams: Uint8Array | null;
  noTeam: boolean;
  costCenters: Uint8Array | null;
  newHires: boolean;
  excluded: boolean;
}

/** JSON-serializable state: seed options plus what changed since the seed. */
export interface FakeSnapshot {
  version: 1;
  options: Omit<FakeBackendOptions, 'now' | 'today'> & { today?: string };
  clockOffsetMs: number;
  state: {
    connection: Connection;
    mappings: TeamMapping[];
    mappingVersion: number;
    createdAppTeams: NamedRef[];
    links: Record<string, string | null>;
    linksVersion: number;
    synced: Record<string, string | null>;
    userAppTeams: Record<string, string | null>;
    /** New invitations by day, employee indexes encoded with `encodeIndexes`. */
    invited: Record<string, string>;
    excluded: string;
    delegations: SeedDelegation[];
    offboarding: { enabled: boolean; graceDays: number; version: number };
    keepActive: string[];
    deactivated: Record<string, string>;
    newHiresSince: string | null;
    runs: RunState[];
    seq: number;
  };
}

const DAY = 86_400_000;
const FAR_FUTURE = '9999-12-31';
const SUBSTITUTE_LIMIT = 50;
/** Data endpoints that need an HR connection (409 `not_connected` while disconnected). */
const NEEDS_CONNECTION: ReadonlySet<EndpointName> = new Set<EndpointName>([
  'startSync', 'getTeamMapping', 'saveTeamMapping', 'getUserLinks', 'saveUserLinks', 'searchEmployees', 'getSyncPreview',
  'listInviteCandidates', 'createInvitations', 'setExclusion', 'listApproverAbsences', 'listSubstituteCandidates',
  'createDelegation', 'updateDelegation', 'getSyncNotices', 'markNewHiresSeen',
]);

const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const etag = (prefix: string, n: number) => `"${prefix}-${n}"`;
const cursorOf = (pos: number) => `p${pos.toString(36)}`;
function positionOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^p[0-9a-z]{1,8}$/.test(cursor)) fail(400, 'invalid_cursor', 'The cursor is not one this server issued.');
  return parseInt(cursor.slice(1), 36);
}

/**
 * A stateful, faithful fake of the host backend. One method per endpoint of the contract, e.g.
 * `backend.listInviteCandidates({ query: { team: ['hrt-finance-nl'] } })`. Pure TypeScript: msw
 * handlers (handlers.ts) put it behind HTTP.
 */
export class FakeBackend implements EndpointMethods {
  readonly world: World;
  readonly options: FakeBackendOptions;
  syncDurationMs: number;
  syncOutcome: SyncOutcome;

  // Seeded, never changes.
  private readonly employees: SeedEmployee[];
  /** Seeded employee ids are `emp-<index + 1>`: no map of 50,000 entries needed. */
  private readonly employeeIndex = {
    get: (id: string): number | undefined => {
      const i = /^emp-\d+$/.test(id) ? Number(id.slice(4)) - 1 : -1;
      return this.employees[i]?.id === id ? i : undefined;
    },
  };
  private readonly userIndex = new Map<string, number>();
  private readonly order: Int32Array;
  private readonly search: string[];
  /** Every search text joined by `\n`; one `indexOf` pass finds a token among all employees. */
  private readonly haystack: string;
  private readonly starts: Int32Array;
  /** `matchMark[i] === matchGeneration` marks the employees matching the current query. */
  private readonly matchMark: Int32Array;
  private matchGeneration = 0;
  private readonly teamOf: Int16Array;
  private readonly ccA: Int16Array;
  private readonly ccB: Int16Array;
  private readonly hireDay: Int32Array;
  private readonly baseCandidate: Uint8Array;
  private readonly hasUserByEmail: Uint8Array;
  /** Employees by normalized e-mail, for the e-mails users have only. */
  private readonly employeesByEmail = new Map<string, number[]>();
  private readonly teamIndex = new Map<string, number>();
  private readonly ccIndex = new Map<string, number>();
  private readonly hrTeamCounts: number[];
  private readonly seededInvites = new Map<number, string>();

  // State.
  private readonly createdAtMs = Date.now();
  private clockOffsetMs = 0;
  private connection: Connection;
  private mappings = new Map<string, string>();
  private mappingVersion = 1;
  private appTeams: NamedRef[];
  private createdAppTeams: NamedRef[] = [];
  private links = new Map<string, number | null>();
  private linkChanges = new Map<string, string | null>();
  private linkedBy: Int32Array;
  private linksVersion = 1;
  private synced = new Map<string, number | null>();
  private userAppTeam = new Map<string, string | null>();
  private syncChanges = new Set<string>();
  private invitedOn = new Map<number, string>();
  private invited: Uint8Array;
  private excluded: Uint8Array;
  private delegations = new Map<string, SeedDelegation>();
  private offboarding: { enabled: boolean; graceDays: number; version: number };
  private keepActive: Set<string>;
  private deactivated = new Map<string, string>();
  private newHiresSince: string | null;
  private runs = new Map<string, RunState>();
  private seq = 1;
  private idempotency = new Map<string, IdempotencyEntry>();

  constructor(options: FakeBackendOptions = {}) {
    this.options = options;
    const today = options.today ?? (options.now ? isoDate(options.now()) : undefined);
    const w = (this.world = seed({ ...options, today }));
    this.syncDurationMs = options.syncDurationMs ?? 1500;
    this.syncOutcome = options.syncOutcome ?? 'succeeded';
    const n = w.employees.length;
    this.employees = w.employees;

    w.hrTeams.forEach((t, i) => this.teamIndex.set(t.id, i));
    w.costCenters.forEach((c, i) => this.ccIndex.set(c.id, i));
    w.users.forEach((u, i) => this.userIndex.set(u.id, i));
    const userEmails = new Set(w.users.map((u) => normalizeEmail(u.email)));

    this.search = new Array<string>(n);
    this.teamOf = new Int16Array(n);
    this.ccA = new Int16Array(n);
    this.ccB = new Int16Array(n);
    this.hireDay = new Int32Array(n);
    this.baseCandidate = new Uint8Array(n);
    this.hasUserByEmail = new Uint8Array(n);
    this.linkedBy = new Int32Array(n);
    this.invited = new Uint8Array(n);
    this.excluded = new Uint8Array(n);
    this.hrTeamCounts = w.hrTeams.map(() => 0);
    const hireDays = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const e = w.employees[i]!;
      this.search[i] = searchText(e.name, e.email);
      const t = e.hrTeamId === null ? -1 : (this.teamIndex.get(e.hrTeamId) ?? -1);
      this.teamOf[i] = t;
      if (t >= 0 && e.status !== 'inactive') this.hrTeamCounts[t]!++;
      this.ccA[i] = e.costCenters?.[0] ? (this.ccIndex.get(e.costCenters[0].id) ?? -1) : -1;
      this.ccB[i] = e.costCenters?.[1] ? (this.ccIndex.get(e.costCenters[1].id) ?? -1) : -1;
      let hireDay = e.hireDate ? hireDays.get(e.hireDate) : -1e9;
      if (hireDay === undefined) hireDays.set(e.hireDate!, (hireDay = dayNumber(e.hireDate!)));
      this.hireDay[i] = hireDay;
      this.baseCandidate[i] = e.status === 'active' || e.status === 'onboarding' ? 1 : 0;
      if (e.email !== null) {
        const key = normalizeEmail(e.email);
        if (userEmails.has(key)) {
          this.hasUserByEmail[i] = 1;
          const list = this.employeesByEmail.get(key);
          if (list) list.push(i);
          else this.employeesByEmail.set(key, [i]);
        }
      }
    }
    // Name order: the search text starts with the folded name; ties keep the seed order.
    const search = this.search;
    this.order = new Int32Array(n).map((_, i) => i).sort((a, b) => (search[a]! < search[b]! ? -1 : search[a]! > search[b]! ? 1 : a - b));
    this.haystack = this.search.join('\n');
    this.starts = new Int32Array(n + 1);
    for (let i = 0, at = 0; i <= n; i++) {
      this.starts[i] = at;
      at += (this.search[i]?.length ?? 0) + 1;
    }
    this.matchMark = new Int32Array(n);

    this.connection = structuredClone(w.connection);
    for (const m of w.mappings) this.mappings.set(m.hrTeamId, m.appTeamId);
    this.appTeams = [...w.appTeams];
    for (const u of w.users) {
      const idx = u.linkedEmployeeId === null ? undefined : this.employeeIndex.get(u.linkedEmployeeId);
      if (idx !== undefined) {
        this.links.set(u.id, idx);
        this.linkedBy[idx] = this.userIndex.get(u.id)! + 1;
        this.synced.set(u.id, idx);
      }
      this.userAppTeam.set(u.id, u.appTeamId);
    }
    for (const inv of w.invited) {
      const idx = this.employeeIndex.get(inv.employeeId)!;
      this.invited[idx] = 1;
      this.seededInvites.set(idx, inv.on);
      this.invitedOn.set(idx, inv.on);
    }
    for (const id of w.excluded) this.excluded[this.employeeIndex.get(id)!] = 1;
    for (const d of w.delegations) this.delegations.set(d.id, { ...d });
    this.offboarding = { ...w.offboarding, version: 1 };
    this.keepActive = new Set(w.keepActive);
    for (const d of w.deactivated) this.deactivated.set(d.userId, d.on);
    this.newHiresSince = w.newHiresSince;
  }

  // ---------------------------------------------------------------- clock

  now(): number {
    return (this.options.now ? this.options.now() : this.world.nowMs + (Date.now() - this.createdAtMs)) + this.clockOffsetMs;
  }

  today(): string {
    return isoDate(this.now());
  }

  /** Moves the fake's clock forward (tests, stories). */
  advance(ms: number): void {
    this.clockOffsetMs += ms;
  }

  // ---------------------------------------------------------------- one method per endpoint

  listProviders(req?: FakeRequest): FakeResponse<'listProviders'> {
    return this.call('listProviders', req);
  }
  getConnection(req?: FakeRequest): FakeResponse<'getConnection'> {
    return this.call('getConnection', req);
  }
  connect(req?: FakeRequest): FakeResponse<'connect'> {
    return this.call('connect', req);
  }
  disconnect(req?: FakeRequest): FakeResponse<'disconnect'> {
    return this.call('disconnect', req);
  }
  startSync(req?: FakeRequest): FakeResponse<'startSync'> {
    return this.call('startSync', req);
  }
  getSyncRun(req?: FakeRequest): FakeResponse<'getSyncRun'> {
    return this.call('getSyncRun', req);
  }
  getTeamMapping(req?: FakeRequest): FakeResponse<'getTeamMapping'> {
    return this.call('getTeamMapping', req);
  }
  saveTeamMapping(req?: FakeRequest): FakeResponse<'saveTeamMapping'> {
    return this.call('saveTeamMapping', req);
  }
  createAppTeams(req?: FakeRequest): FakeResponse<'createAppTeams'> {
    return this.call('createAppTeams', req);
  }
  getUserLinks(req?: FakeRequest): FakeResponse<'getUserLinks'> {
    return this.call('getUserLinks', req);
  }
  saveUserLinks(req?: FakeRequest): FakeResponse<'saveUserLinks'> {
    return this.call('saveUserLinks', req);
  }
  searchEmployees(req?: FakeRequest): FakeResponse<'searchEmployees'> {
    return this.call('searchEmployees', req);
  }
  getSyncPreview(req?: FakeRequest): FakeResponse<'getSyncPreview'> {
    return this.call('getSyncPreview', req);
  }
  listInviteCandidates(req?: FakeRequest): FakeResponse<'listInviteCandidates'> {
    return this.call('listInviteCandidates', req);
  }
  createInvitations(req?: FakeRequest): FakeResponse<'createInvitations'> {
    return this.call('createInvitations', req);
  }
  setExclusion(req?: FakeRequest): FakeResponse<'setExclusion'> {
    return this.call('setExclusion', req);
  }
  listApproverAbsences(req?: FakeRequest): FakeResponse<'listApproverAbsences'> {
    return this.call('listApproverAbsences', req);
  }
  listSubstituteCandidates(req?: FakeRequest): FakeResponse<'listSubstituteCandidates'> {
    return this.call('listSubstituteCandidates', req);
  }
  createDelegation(req?: FakeRequest): FakeResponse<'createDelegation'> {
    return this.call('createDelegation', req);
  }
  updateDelegation(req?: FakeRequest): FakeResponse<'updateDelegation'> {
    return this.call('updateDelegation', req);
  }
  endDelegation(req?: FakeRequest): FakeResponse<'endDelegation'> {
    return this.call('endDelegation', req);
  }
  getOffboardingSettings(req?: FakeRequest): FakeResponse<'getOffboardingSettings'> {
    return this.call('getOffboardingSettings', req);
  }
  saveOffboardingSettings(req?: FakeRequest): FakeResponse<'saveOffboardingSettings'> {
    return this.call('saveOffboardingSettings', req);
  }
  getSyncNotices(req?: FakeRequest): FakeResponse<'getSyncNotices'> {
    return this.call('getSyncNotices', req);
  }
  markNewHiresSeen(req?: FakeRequest): FakeResponse<'markNewHiresSeen'> {
    return this.call('markNewHiresSeen', req);
  }
  deactivateNow(req?: FakeRequest): FakeResponse<'deactivateNow'> {
    return this.call('deactivateNow', req);
  }
  setKeepActive(req?: FakeRequest): FakeResponse<'setKeepActive'> {
    return this.call('setKeepActive', req);
  }

  // ---------------------------------------------------------------- dispatch

  /** Answers one request to endpoint `name`; never throws. `reservation` is callAsync's hold on the key. */
  call<N extends EndpointName>(name: N, req: FakeRequest = {}, reservation?: symbol): FakeResponse<N> {
    const headers = lowerCaseKeys(req.headers ?? {});
    const ep = endpoints[name];
    let key: string | undefined;
    let fingerprint = '';
    try {
      this.tick();
      if (ep.idempotencyKey) {
        key = headers['idempotency-key']?.trim() || undefined;
        if (!key) fail(400, 'idempotency_key_missing', 'This request needs an Idempotency-Key header.');
        fingerprint = hash(`${name}\u0000${canonicalJson(req.params ?? {})}\u0000${canonicalJson(req.body ?? null)}`);
        const entry = this.idempotency.get(key);
        if (entry) {
          if (entry.fingerprint !== fingerprint) {
            key = undefined;
            fail(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.');
          }
          if (entry.response) {
            const stored = entry.response as FakeResponse<N>;
            return { status: stored.status, body: structuredClone(stored.body), headers: { ...stored.headers, 'idempotent-replayed': 'true' } };
          }
          if (entry.token !== reservation) {
            key = undefined;
            fail(409, 'request_in_progress', 'A request with this Idempotency-Key is still being processed. Retry later.');
          }
        } else {
          this.idempotency.set(key, { fingerprint, token: null, response: null });
        }
      }
      if (NEEDS_CONNECTION.has(name) && this.connection.status === 'disconnected') {
        fail(409, 'not_connected', 'No HR system is connected.');
      }
      const ctx = {
        params: this.parseParams(name, req.params ?? {}),
        query: ep.query ? parseQuery(ep.query, coerceQuery(ep.query, req.query ?? {})) : undefined,
        body: ep.body ? parseBody(ep.body, req.body) : undefined,
        headers,
      };
      if (ep.conditional) this.checkIfMatch(name, headers['if-match']);
      const route = this.routes[name] as (c: typeof ctx) => Out<N>;
      const out = route(ctx);
      const res: FakeResponse<N> = { status: out.status ?? ep.status, body: out.body ?? null, headers: out.headers ?? {} };
      if (key) this.idempotency.set(key, { fingerprint, token: null, response: structuredClone(res) });
      return res;
    } catch (error) {
      if (key) this.idempotency.delete(key);
      if (error instanceof ProblemError) return { status: error.problem.status, body: error.problem, headers: error.headers };
      const detail = error instanceof Error ? error.message : String(error);
      return { status: 500, body: problem(500, 'internal_error', detail), headers: {} };
    }
  }

  /**
   * Like `call`, but the work takes `delayMs`: an idempotent request holds its key meanwhile, so
   * a second request with the same key gets 409 `request_in_progress`.
   */
  async callAsync<N extends EndpointName>(name: N, req: FakeRequest = {}, delayMs = 0): Promise<FakeResponse<N>> {
    if (delayMs <= 0) return this.call(name, req);
    const key = endpoints[name].idempotencyKey ? lowerCaseKeys(req.headers ?? {})['idempotency-key']?.trim() : undefined;
    const entry = key ? this.idempotency.get(key) : undefined;
    // The first request with this key is still in flight: answer 409 (or 422 for another body) at once.
    if (entry && !entry.response) return this.call(name, req);
    if (!key || entry) {
      await sleep(delayMs);
      return this.call(name, req);
    }
    const token = Symbol(key);
    const fingerprint = hash(`${name}\u0000${canonicalJson(req.params ?? {})}\u0000${canonicalJson(req.body ?? null)}`);
    this.idempotency.set(key, { fingerprint, token, response: null });
    await sleep(delayMs);
    return this.call(name, req, token);
  }

  private parseParams(name: EndpointName, params: Record<string, string>): never {
    const out: Record<string, string> = {};
    for (const [, p] of endpoints[name].path.matchAll(/\{(\w+)\}/g)) {
      const value = params[p!];
      if (!value) fail(400, 'invalid_request', `The path parameter ${p} is missing.`);
      out[p!] = value;
    }
    return out as never;
  }

  private checkIfMatch(name: EndpointName, ifMatch: string | undefined): void {
    if (!ifMatch) fail(428, 'precondition_required', 'Send If-Match with the ETag you read.');
    const current =
      name === 'saveTeamMapping'
        ? etag('tm', this.mappingVersion)
        : name === 'saveUserLinks'
          ? etag('ul', this.linksVersion)
          : etag('ob', this.offboarding.version);
    const tags = ifMatch.split(',').map((t) => t.trim());
    if (!tags.includes('*') && !tags.includes(current)) {
      fail(412, 'version_conflict', 'Someone else changed this in the meantime. Reload, reapply your changes and save again.');
    }
  }

  /** Lets time pass: finishes sync runs whose duration is over. */
  private tick(): void {
    for (const run of this.runs.values()) {
      if (run.finalized || this.now() - run.startedMs < run.durationMs) continue;
      run.finalized = true;
      const view = this.runView(run);
      if (this.connection.status === 'disconnected') continue;
      this.connection.lastSync = view;
      this.connection.nextSyncAt = isoDateTime(run.startedMs + run.durationMs + 3_600_000);
      if (run.outcome === 'failed') {
        this.connection.status = 'error';
        this.connection.statusDetail = 'The last sync failed: Personio did not answer (HTTP 503). The next sync retries automatically.';
      } else {
        if (this.connection.status === 'error') this.connection.status = 'connected';
        if (this.connection.status === 'connected') this.connection.statusDetail = null;
        this.applySync();
      }
    }
  }

  /** A finished sync copies the linked employees' data to their users. */
  private applySync(): void {
    for (const u of this.world.users) {
      const link = this.links.get(u.id);
      if (link === undefined || link === null) continue;
      const team = this.employees[link]!.hrTeamId;
      const appTeam = team ? (this.mappings.get(team) ?? null) : null;
      if (this.synced.get(u.id) !== link || (appTeam && this.userAppTeam.get(u.id) !== appTeam)) {
        this.synced.set(u.id, link);
        if (appTeam) this.userAppTeam.set(u.id, appTeam);
        this.syncChanges.add(u.id);
      }
    }
  }

  // ---------------------------------------------------------------- views

  private runView(run: RunState): SyncRun {
    const elapsed = this.now() - run.startedMs;
    const n = this.employees.length;
    if (elapsed < run.durationMs) {
      const share = Math.max(0, elapsed) / run.durationMs;
      return {
        id: run.id, status: 'running', startedAt: isoDateTime(run.startedMs), finishedAt: null, progress: Math.floor(share * 100),
        employeesSeen: Math.floor(share * n), created: 0, updated: 0, deactivated: 0, failed: 0, errors: [],
      };
    }
    const failed = run.outcome === 'failed';
    return {
      id: run.id,
      status: run.outcome,
      startedAt: isoDateTime(run.startedMs),
      finishedAt: isoDateTime(run.startedMs + run.durationMs),
      progress: 100,
      employeesSeen: failed ? 0 : n,
      created: failed ? 0 : this.countNewHires(isoDateTime(run.startedMs - DAY)),
      updated: failed ? 0 : Math.ceil(n / 50),
      deactivated: 0,
      failed: run.outcome === 'partial' ? 2 : 0,
      errors: syncErrors(run.outcome),
    };
  }

  private teamRef(teamIdx: number): NamedRef | null {
    const t = this.world.hrTeams[teamIdx];
    return t ? { id: t.id, name: t.name } : null;
  }

  private appTeamRef(id: string | null | undefined): NamedRef | null {
    const t = id ? this.appTeams.find((a) => a.id === id) : undefined;
    return t ? { id: t.id, name: t.name } : null;
  }

  private employeeRef(i: number): EmployeeRef {
    const e = this.employees[i]!;
    return { id: e.id, name: e.name, email: e.email, hrTeam: this.teamRef(this.teamOf[i]!) };
  }

  private target(i: number): InviteTarget {
    const hrTeam = this.teamRef(this.teamOf[i]!);
    if (!hrTeam) return { kind: 'no_hr_team' };
    const appTeam = this.appTeamRef(this.mappings.get(hrTeam.id));
    return appTeam ? { kind: 'team', appTeam } : { kind: 'team_not_mapped', hrTeam };
  }

  private candidate(i: number, newHireCutoff: number): InviteCandidate {
    const e = this.employees[i]!;
    return {
      employeeId: e.id,
      name: e.name,
      email: e.email,
      hrTeam: this.teamRef(this.teamOf[i]!),
      costCenters: (e.costCenters ?? []).map((c) => ({ ...c })),
      hireDate: e.hireDate,
      isNewHire: this.hireDay[i]! >= newHireCutoff,
      excluded: this.excluded[i] === 1,
      target: this.target(i),
    };
  }

  private isCandidate(i: number): boolean {
    return this.baseCandidate[i] === 1 && this.linkedBy[i] === 0 && this.hasUserByEmail[i] === 0 && this.invited[i] === 0;
  }

  private parseFilter(q: { q?: string; team?: string[]; costCenter?: string[]; newHires?: boolean; excluded?: boolean }): CandidateFilter {
    let teams: Uint8Array | null = null;
    let noTeam = false;
    if (q.team?.length) {
      teams = new Uint8Array(this.world.hrTeams.length);
      for (const id of q.team) {
        if (id === 'none') noTeam = true;
        const t = this.teamIndex.get(id);
        if (t !== undefined) teams[t] = 1;
      }
    }
    let costCenters: Uint8Array | null = null;
    if (q.costCenter?.length) {
      costCenters = new Uint8Array(this.world.costCenters.length);
      for (const id of q.costCenter) {
        const c = this.ccIndex.get(id);
        if (c !== undefined) costCenters[c] = 1;
      }
    }
    return { tokens: queryTokens(q.q), teams, noTeam, costCenters, newHires: q.newHires === true, excluded: q.excluded === true };
  }

  /**
   * Marks the employees whose search text holds every token: `indexOf` over the joined texts for
   * the longest token, then the other tokens on each hit. Returns the mark to compare with.
   */
  private markMatches(tokens: readonly string[]): number {
    const gen = ++this.matchGeneration;
    const [first, ...rest] = [...tokens].sort((a, b) => b.length - a.length);
    if (first === undefined) return gen;
    const { haystack, starts, search, matchMark } = this;
    for (let pos = haystack.indexOf(first); pos !== -1; ) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      if (matchesTokens(search[lo]!, rest)) matchMark[lo] = gen;
      pos = haystack.indexOf(first, starts[lo + 1]!);
    }
    return gen;
  }

  /**
   * One pass over all employees in name order: total, facet counts (each ignoring its own
   * selection) and the page from position `start`. The only per-request allocations are the page
   * and two small count arrays.
   */
  private scanCandidates(f: CandidateFilter, start: number, limit: number) {
    const { order, teamOf, ccA, ccB, hireDay, excluded, matchMark } = this;
    const byText = f.tokens.length > 0;
    const mark = byText ? this.markMatches(f.tokens) : 0;
    const teamCounts = new Int32Array(this.world.hrTeams.length);
    const ccCounts = new Int32Array(this.world.costCenters.length);
    const cutoff = dayNumber(addDays(this.today(), -14));
    const wantExcluded = f.excluded ? 1 : 0;
    const page: number[] = [];
    let total = 0;
    let noTeam = 0;
    let next = -1;
    for (let p = 0; p < order.length; p++) {
      const i = order[p]!;
      if (!this.isCandidate(i) || excluded[i] !== wantExcluded) continue;
      if (f.newHires && hireDay[i]! < cutoff) continue;
      if (byText && matchMark[i] !== mark) continue;
      const t = teamOf[i]!;
      const a = ccA[i]!;
      const b = ccB[i]!;
      const inTeam = f.teams === null || (t < 0 ? f.noTeam : f.teams[t] === 1);
      const inCc = f.costCenters === null || (a >= 0 && f.costCenters[a] === 1) || (b >= 0 && f.costCenters[b] === 1);
      if (inCc) {
        if (t < 0) noTeam++;
        else teamCounts[t]!++;
      }
      if (inTeam) {
        if (a >= 0) ccCounts[a]!++;
        if (b >= 0) ccCounts[b]!++;
      }
      if (inTeam && inCc) {
        total++;
        if (p >= start) {
          if (page.length < limit) page.push(i);
          else if (next < 0) next = p;
        }
      }
    }
    return { page, next, total, noTeam, teamCounts, ccCounts, cutoff };
  }

  private userName(id: string): string {
    return this.world.users[this.userIndex.get(id)!]?.name ?? id;
  }

  private userLink(u: World['users'][number]): UserLink {
    const base = { userId: u.id, userName: u.name, userEmail: u.email };
    const link = this.links.get(u.id);
    if (typeof link === 'number') {
      return { ...base, status: 'linked', employee: this.employeeRef(link), candidates: [], conflictReason: null };
    }
    const matches = link === null ? [] : (this.employeesByEmail.get(normalizeEmail(u.email)) ?? []);
    if (matches.length > 1) {
      return { ...base, status: 'conflict', employee: null, candidates: matches.map((i) => this.employeeRef(i)), conflictReason: 'several_employees' };
    }
    const match = matches[0];
    if (match === undefined) return { ...base, status: 'unmatched', employee: null, candidates: [], conflictReason: null };
    if (this.linkedBy[match] !== 0) {
      return { ...base, status: 'conflict', employee: null, candidates: [this.employeeRef(match)], conflictReason: 'employee_linked_elsewhere' };
    }
    return { ...base, status: 'suggested', employee: this.employeeRef(match), candidates: [], conflictReason: null };
  }

  private hasScope(scope: string): boolean {
    return this.connection.grantedScopes.includes(scope);
  }

  private absentUsers(from: string, to: string, exceptAbsence?: string): Set<string> {
    const absent = new Set<string>();
    for (const a of this.world.absences) {
      if (a.id !== exceptAbsence && a.startsOn <= to && (a.endsOn ?? FAR_FUTURE) >= from) absent.add(a.userId);
    }
    return absent;
  }

  private delegationStatus(d: SeedDelegation): Delegation['status'] {
    const today = this.today();
    if (d.ended || today > d.endsOn) return 'ended';
    return today < d.startsOn ? 'scheduled' : 'active';
  }

  private delegationView(d: SeedDelegation): Delegation {
    const absence = this.world.absences.find((a) => a.id === d.absenceId)!;
    return {
      id: d.id,
      absenceId: d.absenceId,
      approver: { id: absence.userId, name: this.userName(absence.userId) },
      substitute: { id: d.substituteId, name: this.userName(d.substituteId) },
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      status: this.delegationStatus(d),
    };
  }

  private deactivation(userId: string): UpcomingDeactivation | null {
    const u = this.world.users[this.userIndex.get(userId)!];
    const link = this.links.get(userId);
    const lwd = typeof link === 'number' ? this.employees[link]!.lastWorkingDay : undefined;
    const manual = this.deactivated.get(userId);
    if (!u || (!lwd && !manual)) return null;
    const base = { userId, name: u.name, email: u.email.trim(), lastWorkingDay: lwd ?? manual! };
    if (manual) return { ...base, deactivatesOn: manual, status: 'deactivated' };
    if (this.keepActive.has(userId)) return { ...base, deactivatesOn: null, status: 'kept_active' };
    if (!this.offboarding.enabled) return { ...base, deactivatesOn: null, status: 'scheduled' };
    const deactivatesOn = addDays(lwd!, this.offboarding.graceDays);
    return { ...base, deactivatesOn, status: this.today() > deactivatesOn ? 'deactivated' : 'scheduled' };
  }

  private countNewHires(since: string | null): number {
    const from = since ?? isoDateTime(this.now() - 14 * DAY);
    let count = 0;
    for (let i = 0; i < this.employees.length; i++) {
      if (this.baseCandidate[i] === 1 && this.employees[i]!.appearedAt > from) count++;
    }
    return count;
  }

  private syncNotices(): SyncNotices {
    const today = this.today();
    const from = addDays(today, -14);
    const to = addDays(today, 30);
    const deactivations = this.world.users
      .map((u) => this.deactivation(u.id))
      .filter((d): d is UpcomingDeactivation => d !== null && d.lastWorkingDay >= from && d.lastWorkingDay <= to)
      .sort((a, b) => (a.lastWorkingDay < b.lastWorkingDay ? -1 : a.lastWorkingDay > b.lastWorkingDay ? 1 : 0));
    return { newHires: { count: this.countNewHires(this.newHiresSince), since: this.newHiresSince }, deactivations };
  }

  private teamMappingDoc(): TeamMappingDoc {
    const members = new Map<string, number>();
    for (const u of this.world.users) {
      const t = this.userAppTeam.get(u.id);
      if (t) members.set(t, (members.get(t) ?? 0) + 1);
    }
    return {
      hrTeams: this.world.hrTeams.map((t, i) => ({ ...t, employeeCount: this.hrTeamCounts[i]! })),
      appTeams: this.appTeams.map((t) => ({ ...t, memberCount: members.get(t.id) ?? 0 })),
      mappings: [...this.mappings].map(([hrTeamId, appTeamId]) => ({ hrTeamId, appTeamId })),
      version: etag('tm', this.mappingVersion),
    };
  }

  private employeeAt(id: string): number {
    const i = this.employeeIndex.get(id);
    if (i === undefined) fail(404, 'not_found', `No employee ${id}.`);
    return i;
  }

  private userAt(id: string): World['users'][number] {
    const u = this.world.users[this.userIndex.get(id) ?? -1];
    if (!u) fail(404, 'not_found', `No user ${id}.`);
    return u;
  }

  /** The absence `id`: 404 `not_found` when a path names it, 422 `unknown_absence` when the body does (`pointer`). */
  private absenceAt(id: string, pointer?: string): World['absences'][number] {
    const a = this.world.absences.find((x) => x.id === id);
    if (!a) {
      if (pointer) fail(422, 'unknown_absence', `No absence ${id}.`, { errors: [{ pointer, detail: 'Unknown absence.', code: 'unknown_absence' }] });
      fail(404, 'not_found', `No absence ${id}.`);
    }
    return a;
  }

  /**
   * Field errors of a delegation period and substitute for `absence`. `newStart`: the request sets
   * `startsOn` (a create, or a change of it), so it may not lie in the past; an active delegation
   * keeps the start it had.
   */
  private delegationErrors(absence: World['absences'][number], substituteId: string, startsOn: string, endsOn: string, newStart: boolean): FieldError[] {
    const errors: FieldError[] = [];
    const add = (pointer: string, code: string, detail: string) => errors.push({ pointer, code, detail });
    const absenceEnd = absence.endsOn ?? FAR_FUTURE;
    const substitute = this.userIndex.get(substituteId);
    if (substitute === undefined) add('/substituteId', 'unknown_user', 'Unknown user.');
    else if (substituteId === absence.userId) add('/substituteId', 'substitute_is_approver', 'The absent approver cannot be their own substitute.');
    else if (this.absentUsers(absence.startsOn, absenceEnd, absence.id).has(substituteId)) add('/substituteId', 'substitute_absent', 'This person is absent in the same period.');
    else if (this.deactivation(substituteId)?.status === 'deactivated') add('/substituteId', 'substitute_inactive', 'This user is deactivated.');
    if (endsOn < startsOn) add('/endsOn', 'ends_before_start', 'The end date is before the start date.');
    if (newStart && startsOn < this.today()) add('/startsOn', 'starts_in_past', 'The start date has passed.');
    else if (startsOn < addDays(absence.startsOn, -7)) add('/startsOn', 'outside_absence', 'Starts more than 7 days before the absence.');
    if (absence.endsOn && endsOn > addDays(absence.endsOn, 7)) add('/endsOn', 'outside_absence', 'Ends more than 7 days after the absence.');
    if (endsOn < this.today()) add('/endsOn', 'ends_in_past', 'The end date has passed.');
    return errors;
  }

  // ---------------------------------------------------------------- endpoints

  private readonly routes: Routes = {
    listProviders: () => ({ body: { items: structuredClone(this.world.providers) } }),

    getConnection: () => ({ body: structuredClone(this.connection) }),

    connect: ({ body }) => {
      const provider = this.world.providers.find((p) => p.id === body.providerId);
      if (!provider) fail(422, 'unknown_provider', 'Unknown HR system.', { errors: [{ pointer: '/providerId', code: 'unknown_provider', detail: 'Unknown HR system.' }] });
      const creds = body.credentials;
      const errors: FieldError[] = [];
      for (const f of provider.credentialFields) {
        if (f.required && !creds[f.name]?.trim()) errors.push({ pointer: `/credentials/${f.name}`, code: 'required', detail: `${f.label} is required.` });
      }
      const scopeIds = provider.scopes.map((s) => s.id);
      const unknown = body.acceptedScopes.filter((s) => !scopeIds.includes(s));
      const notAccepted = provider.scopes.filter((s) => s.required && !body.acceptedScopes.includes(s.id));
      if (unknown.length) errors.push({ pointer: '/acceptedScopes', code: 'unknown_scope', detail: `Unknown scopes: ${unknown.join(', ')}.` });
      if (notAccepted.length) errors.push({ pointer: '/acceptedScopes', code: 'required_scope_missing', detail: `Required: ${notAccepted.map((s) => s.label).join(', ')}.` });
      if (errors.length) fail(422, 'validation_failed', 'Check the highlighted fields.', { errors });

      let lacking: string[] = [];
      if (provider.id === 'personio') {
        const clientId = creds['clientId']!.trim();
        if (!clientId.startsWith('papi-')) fail(422, 'invalid_credentials', 'Personio does not know this client ID.', { errors: [{ pointer: '/credentials/clientId', code: 'invalid_client_id', detail: 'Personio does not know this client ID. Copy it again from Personio.' }] });
        if (creds['clientSecret']!.trim() === 'wrong-secret') fail(422, 'invalid_credentials', 'Personio rejected the client secret.', { errors: [{ pointer: '/credentials/clientSecret', code: 'invalid_client_secret', detail: 'Personio rejected this client secret. Generate new credentials and paste both again.' }] });
        if (clientId.includes('limited')) lacking = ['employees.bank_account', 'absences'];
      } else {
        for (const f of provider.credentialFields) {
          if (f.kind === 'secret' && creds[f.name]?.trim() === 'wrong-secret') errors.push({ pointer: `/credentials/${f.name}`, code: 'invalid_credentials', detail: `${provider.name} rejected this ${f.label}.` });
        }
        if (errors.length) fail(422, 'invalid_credentials', `${provider.name} rejected the credentials.`, { errors });
      }
      const missing = body.acceptedScopes.filter((s) => lacking.includes(s));
      if (missing.length) {
        fail(422, 'missing_scopes', `The credentials lack permissions: ${missing.join(', ')}. Enable them in ${provider.name} and try again.`, { missingScopes: missing });
      }
      const reconnect = this.connection.providerId === provider.id;
      this.connection = {
        status: 'connected',
        providerId: provider.id,
        providerName: provider.name,
        connectedAt: reconnect && this.connection.connectedAt ? this.connection.connectedAt : isoDateTime(this.now()),
        grantedScopes: body.acceptedScopes.filter((s) => !lacking.includes(s)),
        missingScopes: [],
        lastSync: reconnect ? this.connection.lastSync : null,
        nextSyncAt: isoDateTime(this.now() + 60_000),
        statusDetail: null,
      };
      return { body: structuredClone(this.connection) };
    },

    disconnect: () => {
      this.connection = { status: 'disconnected', providerId: null, providerName: null, connectedAt: null, grantedScopes: [], missingScopes: [], lastSync: null, nextSyncAt: null, statusDetail: null };
      return { body: undefined };
    },

    startSync: () => {
      // A sync reads the HR system: stored credentials it rejects are no working connection.
      if (this.connection.status === 'needs_reauth') fail(409, 'not_connected', 'The HR system rejects the stored credentials; reconnect before syncing.');
      // One run at a time: a request while one is under way answers that run.
      const running = [...this.runs.values()].find((r) => !r.finalized);
      if (running) return { body: this.runView(running) };
      const run: RunState = { id: `run-${this.seq++}`, startedMs: this.now(), durationMs: this.syncDurationMs, outcome: this.syncOutcome, finalized: false };
      this.runs.set(run.id, run);
      return { body: this.runView(run) };
    },

    getSyncRun: ({ params }) => {
      const run = this.runs.get(params.runId);
      if (run) return { body: this.runView(run) };
      const last = this.connection.lastSync;
      if (last?.id === params.runId) return { body: structuredClone(last) };
      return fail(404, 'not_found', `No sync run ${params.runId}.`);
    },

    getTeamMapping: () => {
      const doc = this.teamMappingDoc();
      return { body: doc, headers: { etag: doc.version } };
    },

    saveTeamMapping: ({ body }) => {
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      body.mappings.forEach((m, i) => {
        if (!this.teamIndex.has(m.hrTeamId)) errors.push({ pointer: `/mappings/${i}/hrTeamId`, code: 'unknown_hr_team', detail: 'Unknown HR team.' });
        else if (seen.has(m.hrTeamId)) errors.push({ pointer: `/mappings/${i}/hrTeamId`, code: 'duplicate_hr_team', detail: 'An HR team maps to one app team at most.' });
        if (!this.appTeams.some((t) => t.id === m.appTeamId)) errors.push({ pointer: `/mappings/${i}/appTeamId`, code: 'unknown_app_team', detail: 'Unknown app team.' });
        seen.add(m.hrTeamId);
      });
      if (errors.length) fail(422, 'validation_failed', 'Some mappings are invalid.', { errors });
      this.mappings = new Map(body.mappings.map((m) => [m.hrTeamId, m.appTeamId]));
      this.mappingVersion++;
      const doc = this.teamMappingDoc();
      return { body: doc, headers: { etag: doc.version } };
    },

    createAppTeams: ({ body }) => {
      const errors: FieldError[] = [];
      const names = new Set(this.appTeams.map((t) => fold(t.name.trim())));
      body.teams.forEach((t, i) => {
        const name = fold(t.name.trim());
        if (!name) errors.push({ pointer: `/teams/${i}/name`, code: 'required', detail: 'Name the team.' });
        else if (names.has(name)) errors.push({ pointer: `/teams/${i}/name`, code: 'name_taken', detail: 'An app team with this name exists.' });
        names.add(name);
        if (t.fromHrTeamId !== null && !this.teamIndex.has(t.fromHrTeamId)) errors.push({ pointer: `/teams/${i}/fromHrTeamId`, code: 'unknown_hr_team', detail: 'Unknown HR team.' });
      });
      if (errors.length) fail(422, 'validation_failed', 'Some teams cannot be created.', { errors });
      const created = body.teams.map((t) => {
        const slug = fold(t.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team';
        let id = `at-${slug}`;
        for (let k = 2; this.appTeams.some((a) => a.id === id); k++) id = `at-${slug}-${k}`;
        const team = { id, name: t.name.trim() };
        this.appTeams.push(team);
        this.createdAppTeams.push(team);
        return { ...team, memberCount: 0, fromHrTeamId: t.fromHrTeamId };
      });
      return { body: { created } };
    },

    getUserLinks: () => {
      const items = this.world.users.map((u) => this.userLink(u));
      const counts = { linked: 0, suggested: 0, unmatched: 0, conflict: 0 };
      for (const item of items) counts[item.status]++;
      const version = etag('ul', this.linksVersion);
      return { body: { items, counts, version }, headers: { etag: version } };
    },

    saveUserLinks: ({ body }) => {
      // A contradictory request saves nothing: a user twice, or one employee for two users.
      const errors: FieldError[] = [];
      const users = new Set<string>();
      const employees = new Map<string, string>();
      body.links.forEach((l, i) => {
        if (users.has(l.userId)) {
          errors.push({ pointer: `/links/${i}/userId`, code: 'duplicate_user', detail: `${this.userName(l.userId)} is listed more than once.` });
        } else if (l.employeeId !== null && employees.has(l.employeeId)) {
          const employee = this.employees[this.employeeIndex.get(l.employeeId) ?? -1]?.name ?? l.employeeId;
          errors.push({ pointer: `/links/${i}/employeeId`, code: 'duplicate_employee', detail: `${employee} is already chosen for ${this.userName(employees.get(l.employeeId)!)} in this request.` });
        }
        users.add(l.userId);
        if (l.employeeId !== null && !employees.has(l.employeeId)) employees.set(l.employeeId, l.userId);
      });
      if (errors.length) fail(422, 'validation_failed', errors.length === 1 ? errors[0]!.detail : 'Some links contradict each other.', { errors });
      const results: ResponseOf<'saveUserLinks'>['results'] = [];
      const previous = new Map<string, number | null | undefined>();
      const setLink = (userId: string, idx: number | null | undefined) => {
        const old = this.links.get(userId);
        if (typeof old === 'number' && this.linkedBy[old] === this.userIndex.get(userId)! + 1) this.linkedBy[old] = 0;
        if (idx === undefined) this.links.delete(userId);
        else this.links.set(userId, idx);
        if (typeof idx === 'number') this.linkedBy[idx] = this.userIndex.get(userId)! + 1;
      };
      // Detach every user in the request first, so swapping two links in one save works.
      for (const l of body.links) {
        if (this.userIndex.has(l.userId) && !previous.has(l.userId)) {
          previous.set(l.userId, this.links.get(l.userId));
          setLink(l.userId, undefined);
        }
      }
      for (const l of body.links) {
        if (!this.userIndex.has(l.userId)) {
          results.push({ userId: l.userId, status: 'failed', reason: 'Unknown user.' });
          continue;
        }
        const idx = l.employeeId === null ? null : this.employeeIndex.get(l.employeeId);
        const holder = typeof idx === 'number' ? this.linkedBy[idx]! : 0;
        const reason =
          idx === undefined
            ? 'Unknown employee.'
            : holder !== 0 && holder !== this.userIndex.get(l.userId)! + 1
              ? `${this.employees[idx!]!.name} is already linked to ${this.world.users[holder - 1]!.name}.`
              : null;
        if (reason) {
          const old = previous.get(l.userId);
          if (typeof old !== 'number' || this.linkedBy[old] === 0) setLink(l.userId, old);
          results.push({ userId: l.userId, status: 'failed', reason });
          continue;
        }
        setLink(l.userId, idx);
        this.linkChanges.set(l.userId, idx === null ? null : l.employeeId);
        results.push({ userId: l.userId, status: 'saved', reason: null });
      }
      if (results.some((r) => r.status === 'saved')) this.linksVersion++;
      const version = etag('ul', this.linksVersion);
      return { body: { results, version }, headers: { etag: version } };
    },

    searchEmployees: ({ query }) => {
      const tokens = queryTokens(query.q);
      const mark = tokens.length ? this.markMatches(tokens) : 0;
      const limit = query.limit ?? 20;
      const items: EmployeeRef[] = [];
      let next: number | null = null;
      for (let p = positionOf(query.cursor); p < this.order.length; p++) {
        const i = this.order[p]!;
        if (tokens.length && this.matchMark[i] !== mark) continue;
        if (items.length === limit) {
          next = p;
          break;
        }
        items.push(this.employeeRef(i));
      }
      return { body: { items, nextCursor: next === null ? null : cursorOf(next) } };
    },

    getSyncPreview: ({ params, query }) => {
      const user = this.userAt(params.userId);
      const i = this.employeeAt(query.employeeId);
      const e = this.employees[i]!;
      const syncedIdx = this.synced.get(user.id);
      const s = typeof syncedIdx === 'number' ? this.employees[syncedIdx] : undefined;
      const supervisorRef = (id: string | null | undefined) => {
        const idx = id ? this.employeeIndex.get(id) : undefined;
        return idx === undefined ? null : { id: id!, name: this.employees[idx]!.name };
      };
      const masked = (emp: SeedEmployee | undefined) => (emp?.iban ? { last4: emp.iban.slice(-4), holder: emp.name } : null);
      const field = <T>(shared: boolean, current: T | null, next: T | null) => (shared ? { shared: true as const, current, next } : { shared: false as const });
      const team = this.hasScope('employees.team');
      const teamOfEmp = (emp: SeedEmployee | undefined) => (emp?.hrTeamId ? this.teamRef(this.teamIndex.get(emp.hrTeamId)!) : null);
      const body: SyncPreview = {
        userId: user.id,
        employeeId: e.id,
        fields: {
          name: field(true, user.name, e.name),
          hrTeam: field(team, teamOfEmp(s), teamOfEmp(e)),
          appTeam: field(team, this.appTeamRef(this.userAppTeam.get(user.id)), e.hrTeamId ? this.appTeamRef(this.mappings.get(e.hrTeamId)) : null),
          department: field(team && e.department !== undefined, s?.department ?? null, e.department ?? null),
          costCenters: field<CostCenterShare[]>(this.hasScope('employees.cost_centers') && e.costCenters !== undefined, s?.costCenters ?? null, e.costCenters ?? null),
          supervisor: field(this.hasScope('employees.supervisor') && e.supervisorId !== undefined, supervisorRef(s?.supervisorId), supervisorRef(e.supervisorId)),
          lastWorkingDay: field(e.lastWorkingDay !== undefined, s?.lastWorkingDay ?? null, e.lastWorkingDay ?? null),
          bankAccount: field(this.hasScope('employees.bank_account') && e.iban !== undefined, masked(s), masked(e)),
        },
      };
      return { body: structuredClone(body) };
    },

    listInviteCandidates: ({ query }) => {
      const limit = query.limit ?? 100;
      const f = this.parseFilter(query);
      const r = this.scanCandidates(f, positionOf(query.cursor), limit);
      const selectedTeams = new Set(query.team ?? []);
      const selectedCcs = new Set(query.costCenter ?? []);
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');
      const body: InviteCandidatePage = {
        items: r.page.map((i) => this.candidate(i, r.cutoff)),
        nextCursor: r.next < 0 ? null : cursorOf(r.next),
        total: r.total,
        facets: {
          teams: this.world.hrTeams
            .map((t, i) => ({ id: t.id, name: t.name, count: r.teamCounts[i]! }))
            .filter((t) => t.count > 0 || selectedTeams.has(t.id))
            .sort(byName),
          costCenters: this.world.costCenters
            .map((c, i) => ({ id: c.id, name: c.name, count: r.ccCounts[i]! }))
            .filter((c) => c.count > 0 || selectedCcs.has(c.id))
            .sort(byName),
          noTeam: r.noTeam,
        },
      };
      return { body };
    },

    createInvitations: ({ body }) => {
      const targets: (number | string)[] = [];
      if ('employeeIds' in body) {
        for (const id of new Set(body.employeeIds)) targets.push(this.employeeIndex.get(id) ?? id);
      } else {
        const except = new Set(body.exceptIds);
        const r = this.scanCandidates(this.parseFilter(body.filter), 0, Infinity);
        for (const i of r.page) if (!except.has(this.employees[i]!.id)) targets.push(i);
      }
      const today = this.today();
      const summary = { sent: 0, alreadyUser: 0, noEmail: 0, failed: 0 };
      const results = targets.map((t) => {
        if (typeof t === 'string') {
          summary.failed++;
          return { employeeId: t, status: 'failed' as const, reason: 'Unknown employee.' };
        }
        const e = this.employees[t]!;
        const result = (status: 'sent' | 'already_user' | 'no_email' | 'failed', reason: string | null) => ({ employeeId: e.id, status, reason });
        if (this.linkedBy[t] !== 0 || this.hasUserByEmail[t] === 1) return summary.alreadyUser++, result('already_user', 'Already has a user account.');
        if (this.invited[t] === 1) return summary.alreadyUser++, result('already_user', `Already invited on ${this.invitedOn.get(t)}.`);
        if (e.status === 'inactive') return summary.failed++, result('failed', 'No longer employed according to the HR system.');
        if (e.email === null) return summary.noEmail++, result('no_email', 'No e-mail address in the HR system.');
        if (e.inviteFailure) return summary.failed++, result('failed', e.inviteFailure);
        this.invited[t] = 1;
        this.invitedOn.set(t, today);
        summary.sent++;
        return result('sent', null);
      });
      return { body: { results, summary } };
    },

    setExclusion: ({ params, body }) => {
      const i = this.employeeAt(params.employeeId);
      this.excluded[i] = body.excluded ? 1 : 0;
      return { body: { employeeId: params.employeeId, excluded: body.excluded } };
    },

    listApproverAbsences: () => {
      if (!this.hasScope('absences')) return { body: { items: [] } };
      const today = this.today();
      const items: ApproverAbsence[] = [];
      for (const a of this.world.absences) {
        if (a.endsOn !== null && a.endsOn < today) continue;
        const waiting = this.world.waitingRequests.filter((r) => r.approverId === a.userId).map((r) => r.submittedAt).sort();
        const delegation = [...this.delegations.values()].filter((d) => d.absenceId === a.id && this.delegationStatus(d) !== 'ended').pop();
        if (!waiting.length && !delegation) continue;
        const oldest = waiting[0] ?? null;
        items.push({
          id: a.id,
          approver: { id: a.userId, name: this.userName(a.userId) },
          type: a.type,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          waitingRequests: waiting.length,
          oldestWaitingSince: oldest,
          overdue: oldest !== null && this.now() - Date.parse(oldest) > this.world.approvalDeadlineDays * DAY,
          delegation: delegation ? this.delegationView(delegation) : null,
        });
      }
      items.sort((x, y) => (x.startsOn < y.startsOn ? -1 : x.startsOn > y.startsOn ? 1 : 0));
      return { body: { items } };
    },

    listSubstituteCandidates: ({ params, query }) => {
      const absence = this.absenceAt(params.absenceId);
      const absent = this.absentUsers(absence.startsOn, absence.endsOn ?? FAR_FUTURE, absence.id);
      const requesters = new Set(this.world.waitingRequests.filter((r) => r.approverId === absence.userId).map((r) => r.requesterId));
      const tokens = queryTokens(query.q);
      const items = this.world.users
        .filter((u) => u.id !== absence.userId && !absent.has(u.id) && this.deactivation(u.id)?.status !== 'deactivated')
        .filter((u) => !tokens.length || matchesTokens(searchText(u.name, u.email), tokens))
        .sort((a, b) => a.name.localeCompare(b.name, 'de'))
        .slice(0, SUBSTITUTE_LIMIT)
        .map((u) => ({ id: u.id, name: u.name, email: u.email.trim(), isRequesterOfWaiting: requesters.has(u.id) }));
      return { body: { items } };
    },

    createDelegation: ({ body }) => {
      const absence = this.absenceAt(body.absenceId, '/absenceId');
      const errors = this.delegationErrors(absence, body.substituteId, body.startsOn, body.endsOn, true);
      if (errors.length) fail(422, 'validation_failed', 'The delegation is invalid.', { errors });
      const existing = [...this.delegations.values()].find((d) => d.absenceId === absence.id && this.delegationStatus(d) !== 'ended');
      if (existing) fail(409, 'delegation_exists', `Delegation ${existing.id} already covers this absence; change it instead.`);
      const d: SeedDelegation = { id: `dlg-${this.seq++}`, absenceId: absence.id, substituteId: body.substituteId, startsOn: body.startsOn, endsOn: body.endsOn, ended: false };
      this.delegations.set(d.id, d);
      return { body: this.delegationView(d) };
    },

    updateDelegation: ({ params, body }) => {
      const d = this.delegations.get(params.delegationId);
      if (!d) fail(404, 'not_found', `No delegation ${params.delegationId}.`);
      if (this.delegationStatus(d) === 'ended') fail(409, 'delegation_ended', 'This delegation has ended.');
      const next = { ...d, substituteId: body.substituteId ?? d.substituteId, startsOn: body.startsOn ?? d.startsOn, endsOn: body.endsOn ?? d.endsOn };
      const errors = this.delegationErrors(this.absenceAt(d.absenceId), next.substituteId, next.startsOn, next.endsOn, next.startsOn !== d.startsOn);
      if (errors.length) fail(422, 'validation_failed', 'The delegation is invalid.', { errors });
      Object.assign(d, next);
      return { body: this.delegationView(d) };
    },

    endDelegation: ({ params }) => {
      const d = this.delegations.get(params.delegationId);
      if (!d) fail(404, 'not_found', `No delegation ${params.delegationId}.`);
      d.ended = true;
      return { body: this.delegationView(d) };
    },

    getOffboardingSettings: () => {
      const { enabled, graceDays, version } = this.offboarding;
      const tag = etag('ob', version);
      return { body: { enabled, graceDays, version: tag }, headers: { etag: tag } };
    },

    saveOffboardingSettings: ({ body }) => {
      this.offboarding = { enabled: body.enabled, graceDays: body.graceDays, version: this.offboarding.version + 1 };
      const tag = etag('ob', this.offboarding.version);
      return { body: { enabled: body.enabled, graceDays: body.graceDays, version: tag }, headers: { etag: tag } };
    },

    getSyncNotices: () => ({ body: this.syncNotices() }),

    markNewHiresSeen: () => {
      this.newHiresSince = isoDateTime(this.now());
      return { body: this.syncNotices() };
    },

    deactivateNow: ({ params }) => {
      const u = this.userAt(params.userId);
      if (!this.deactivated.has(u.id)) this.deactivated.set(u.id, this.today());
      this.keepActive.delete(u.id);
      return { body: { userId: u.id, status: 'deactivated' } };
    },

    setKeepActive: ({ params, body }) => {
      const u = this.userAt(params.userId);
      // Refusals change nothing: check before writing.
      const current = this.deactivation(u.id);
      if (!current) fail(409, 'no_last_working_day', `${u.name} has no last working day in the HR system.`);
      if (current.status === 'deactivated') fail(409, 'already_deactivated', `${u.name} has already been deactivated.`);
      if (body.keepActive) this.keepActive.add(u.id);
      else this.keepActive.delete(u.id);
      return { body: { userId: u.id, status: this.deactivation(u.id)!.status } };
    },
  };

  // ---------------------------------------------------------------- snapshots

  /** JSON-serializable; holds the seed options and what changed since the seed (no secrets). */
  snapshot(): FakeSnapshot {
    const { now: _now, today, ...options } = this.options;
    const invited: Record<string, number[]> = {};
    for (const [idx, on] of this.invitedOn) {
      if (this.seededInvites.has(idx)) continue;
      (invited[on] ??= []).push(idx);
    }
    const excluded: number[] = [];
    this.excluded.forEach((v, i) => v && excluded.push(i));
    const synced: Record<string, string | null> = {};
    const userAppTeams: Record<string, string | null> = {};
    for (const id of this.syncChanges) {
      const idx = this.synced.get(id);
      synced[id] = typeof idx === 'number' ? this.employees[idx]!.id : null;
      userAppTeams[id] = this.userAppTeam.get(id) ?? null;
    }
    return structuredClone({
      version: 1,
      options: { ...options, ...(today === undefined ? {} : { today: typeof today === 'string' ? today : this.world.today }) },
      clockOffsetMs: this.clockOffsetMs,
      state: {
        connection: this.connection,
        mappings: [...this.mappings].map(([hrTeamId, appTeamId]) => ({ hrTeamId, appTeamId })),
        mappingVersion: this.mappingVersion,
        createdAppTeams: this.createdAppTeams,
        links: Object.fromEntries(this.linkChanges),
        linksVersion: this.linksVersion,
        synced,
        userAppTeams,
        invited: Object.fromEntries(Object.entries(invited).map(([on, list]) => [on, encodeIndexes(list)])),
        excluded: encodeIndexes(excluded),
        delegations: [...this.delegations.values()],
        offboarding: this.offboarding,
        keepActive: [...this.keepActive],
        deactivated: Object.fromEntries(this.deactivated),
        newHiresSince: this.newHiresSince,
        runs: [...this.runs.values()].slice(-10),
        seq: this.seq,
      },
    });
  }

  /** A backend in the state a snapshot recorded. `now` overrides the clock. */
  static restore(snapshot: FakeSnapshot, overrides: Pick<FakeBackendOptions, 'now'> = {}): FakeBackend {
    if (snapshot.version !== 1) throw new Error(`Unknown snapshot version ${String(snapshot.version)}`);
    const b = new FakeBackend({ ...snapshot.options, ...overrides });
    const s = structuredClone(snapshot.state);
    b.clockOffsetMs = snapshot.clockOffsetMs;
    b.connection = s.connection;
    b.createdAppTeams = s.createdAppTeams;
    b.appTeams.push(...s.createdAppTeams);
    b.mappings = new Map(s.mappings.map((m) => [m.hrTeamId, m.appTeamId]));
    b.mappingVersion = s.mappingVersion;
    for (const [userId, employeeId] of Object.entries(s.links)) {
      const idx = employeeId === null ? null : b.employeeIndex.get(employeeId);
      if (idx === undefined || !b.userIndex.has(userId)) continue;
      const old = b.links.get(userId);
      if (typeof old === 'number') b.linkedBy[old] = 0;
      b.links.set(userId, idx);
      b.linkChanges.set(userId, employeeId);
      if (idx !== null) b.linkedBy[idx] = b.userIndex.get(userId)! + 1;
    }
    b.linksVersion = s.linksVersion;
    for (const [userId, employeeId] of Object.entries(s.synced)) {
      b.synced.set(userId, employeeId === null ? null : (b.employeeIndex.get(employeeId) ?? null));
      b.userAppTeam.set(userId, s.userAppTeams[userId] ?? null);
      b.syncChanges.add(userId);
    }
    for (const [on, encoded] of Object.entries(s.invited)) {
      for (const idx of decodeIndexes(encoded)) {
        b.invited[idx] = 1;
        b.invitedOn.set(idx, on);
      }
    }
    b.excluded.fill(0);
    for (const idx of decodeIndexes(s.excluded)) b.excluded[idx] = 1;
    b.delegations = new Map(s.delegations.map((d) => [d.id, d]));
    b.offboarding = s.offboarding;
    b.keepActive = new Set(s.keepActive);
    b.deactivated = new Map(Object.entries(s.deactivated));
    b.newHiresSince = s.newHiresSince;
    b.runs = new Map(s.runs.map((r) => [r.id, r]));
    b.seq = s.seq;
    return b;
  }
}

// ------------------------------------------------------------------ helpers

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
}

/**
 * Turns URL query values (strings, repeated keys as arrays) into what the query schema expects:
 * arrays for array fields, booleans, numbers. Already-typed values pass through.
 */
export function coerceQuery(schema: z.ZodMiniType, raw: Record<string, unknown>): Record<string, unknown> {
  const shape = (schema._zod.def as unknown as SchemaDef).shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    let def = shape[key]?._zod.def;
    while (def && (def.type === 'optional' || def.type === 'nullable')) def = def.innerType?._zod.def;
    const values = Array.isArray(value) ? value : [value];
    const scalar = values[values.length - 1];
    if (def?.type === 'array') out[key] = values;
    else if (def?.type === 'boolean' && typeof scalar === 'string') out[key] = scalar === 'true' ? true : scalar === 'false' ? false : scalar;
    else if (def?.type === 'number' && typeof scalar === 'string' && scalar.trim() !== '') out[key] = Number(scalar);
    else out[key] = scalar;
  }
  return out;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  minimum?: unknown;
  maximum?: unknown;
  errors?: Issue[][];
}

function toFieldErrors(issues: readonly Issue[], prefix: PropertyKey[] = []): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors?.length) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      return toFieldErrors(best, path);
    }
    const pointer = path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    const detail =
      issue.code === 'invalid_type'
        ? `Expected ${issue.expected ?? 'another type'}.`
        : issue.code === 'too_small'
          ? `Must be at least ${String(issue.minimum)}.`
          : issue.code === 'too_big'
            ? `Must be at most ${String(issue.maximum)}.`
            : 'Invalid value.';
    return [{ pointer, detail, code: issue.code }];
  });
}

/** A query the schema refuses: 400 `invalid_request` naming each bad parameter in `detail` (field errors point into bodies only). */
function parseQuery<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const problems = toFieldErrors(result.error.issues as unknown as Issue[]).map((e) =>
    e.pointer ? `query parameter ${e.pointer.slice(1).split('/')[0]!}: ${e.detail}` : `query: ${e.detail}`,
  );
  return fail(400, 'invalid_request', `Invalid ${[...new Set(problems)].join('; ')}`);
}

/** A body the schema refuses: 400 `invalid_request` with a field error per bad field, named in `detail` too. */
function parseBody<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const errors = toFieldErrors(result.error.issues as unknown as Issue[]);
  const [first] = errors;
  const detail =
    errors.length === 1 && first
      ? `The request body is invalid${first.pointer ? ` at ${first.pointer}` : ''}: ${first.detail}`
      : `The request body is invalid at ${[...new Set(errors.map((e) => e.pointer || 'the top level'))].join(', ')}.`;
  return fail(400, 'invalid_request', detail, { errors });
}
