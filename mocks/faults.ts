import { endpoints, type EndpointName, type Problem } from '../src/contract/index.js';
import { problem } from './util.js';

export type FaultKind = 'latency' | 'offline' | '500' | '503' | '429' | 'malformed_json' | 'schema_break' | '401' | '403' | '412';

export interface FaultSpec {
  kind: FaultKind;
  /** Endpoint names it applies to. Default: every endpoint. */
  endpoints?: readonly EndpointName[] | 'all';
  /** How many matching requests it applies to. Default: always. */
  times?: number | 'always';
  /** `latency`: delay in ms. Default 300. */
  ms?: number;
  /** `429` and `503`: Retry-After in seconds. Default 1. */
  retryAfter?: number;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** What to do to one request: wait, then (maybe) one fault instead of or on top of the real answer. */
export interface FaultPlan {
  latencyMs: number;
  fault: FaultSpec | null;
}

/**
 * Run-time switchable fault scenarios, applied by the msw handlers.
 * `faults.set({ kind: '503', retryAfter: 1, endpoints: ['listInviteCandidates'], times: 1 })`.
 */
export class Faults {
  private active: ActiveFault[] = [];

  /** Replaces every active fault. */
  set(...specs: FaultSpec[]): void {
    this.active = specs.map((spec) => ({ spec, remaining: remainingOf(spec) }));
  }

  /** Adds a fault to those active. */
  add(spec: FaultSpec): void {
    this.active.push({ spec, remaining: remainingOf(spec) });
  }

  clear(): void {
    this.active = [];
  }

  /** Active faults with uses left. */
  list(): FaultSpec[] {
    return this.active.filter((f) => f.remaining > 0).map((f) => f.spec);
  }

  /**
   * The plan for one request to `name`, using up one application of every latency fault and of
   * the first other fault that applies. `412` applies to conditional writes only, `schema_break`
   * to endpoints with a response body only.
   */
  take(name: EndpointName): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, fault: null };
    for (const f of this.active) {
      if (f.remaining <= 0 || !appliesTo(f.spec, name)) continue;
      if (f.spec.kind === 'latency') {
        plan.latencyMs += f.spec.ms ?? 300;
      } else if (plan.fault === null) {
        plan.fault = f.spec;
      } else {
        continue;
      }
      f.remaining--;
    }
    this.active = this.active.filter((f) => f.remaining > 0);
    return plan;
  }
}

function remainingOf(spec: FaultSpec): number {
  return spec.times === undefined || spec.times === 'always' ? Infinity : spec.times;
}

function appliesTo(spec: FaultSpec, name: EndpointName): boolean {
  if (spec.endpoints !== undefined && spec.endpoints !== 'all' && !spec.endpoints.includes(name)) return false;
  if (spec.kind === '412') return endpoints[name].conditional;
  if (spec.kind === 'schema_break') return endpoints[name].response !== null;
  return true;
}

/** The shared instance `startFakeBackend` and `createHandlers` use unless given another. */
export const faults = new Faults();

/** The error response of a fault that replaces the real answer; null for the others. */
export function faultProblem(spec: FaultSpec): { status: number; body: Problem; headers: Record<string, string> } | null {
  const retryAfter = { 'retry-after': String(spec.retryAfter ?? 1) };
  switch (spec.kind) {
    case '500':
      return { status: 500, body: problem(500, 'internal_error', 'Something went wrong on our side.'), headers: {} };
    case '503':
      return { status: 503, body: problem(503, 'unavailable', 'The service is briefly unavailable.'), headers: retryAfter };
    case '429':
      return { status: 429, body: problem(429, 'rate_limited', 'Too many requests; retry after the delay.'), headers: retryAfter };
    case '401':
      return { status: 401, body: problem(401, 'unauthenticated', 'The session has expired. Sign in again.'), headers: {} };
    case '403':
      return { status: 403, body: problem(403, 'forbidden', 'You may not manage the HR integration.'), headers: {} };
    case '412':
      return { status: 412, body: problem(412, 'version_conflict', 'Someone else changed this in the meantime. Reload, reapply your changes and save again.'), headers: {} };
    default:
      return null;
  }
}

/** Cut-off JSON, as from a proxy that dropped the connection. */
export const MALFORMED_JSON = '{"items": [{"id": "x", "name": ';

/**
 * A copy of `body` that breaks its schema: the first key of the first item of the first
 * non-empty array property is removed (e.g. `items[0].employeeId`); without such an array, the
 * first key of the body itself. Every first key in the contract is required.
 */
export function breakSchema(body: unknown): unknown {
  if (body === null || typeof body !== 'object') return { unexpected: true };
  const copy = structuredClone(body) as Record<string, unknown>;
  for (const value of Object.values(copy)) {
    const first: unknown = Array.isArray(value) ? value[0] : undefined;
    if (first && typeof first === 'object') {
      const key = Object.keys(first)[0];
      if (key !== undefined) delete (first as Record<string, unknown>)[key];
      return copy;
    }
  }
  const key = Object.keys(copy)[0];
  if (key !== undefined) delete copy[key];
  return copy;
}
