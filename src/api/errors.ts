import type { EndpointName } from '../contract/endpoints.js';
import type { FieldError, Problem } from '../contract/common.js';

export type HrApiErrorKind = 'network' | 'timeout' | 'aborted' | 'http' | 'contract';

/**
 * Every failure of a request to the host backend, typed so an element can say what went wrong
 * and whether retrying helps. `kind: 'contract'` means the backend answered with a body that
 * breaks the contract; `path` names the bad field as a JSON pointer.
 */
export class HrApiError extends Error {
  override readonly name = 'HrApiError';
  readonly kind: HrApiErrorKind;
  readonly endpoint: EndpointName;
  readonly status: number | null;
  readonly problem: Problem | null;
  /** From Retry-After on 429/503, in milliseconds. */
  readonly retryAfterMs: number | null;
  /** JSON pointer of the field that broke the contract (kind 'contract'). */
  readonly path: string | null;

  constructor(init: {
    kind: HrApiErrorKind;
    endpoint: EndpointName;
    message: string;
    status?: number | null;
    problem?: Problem | null;
    retryAfterMs?: number | null;
    path?: string | null;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status ?? null;
    this.problem = init.problem ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.path = init.path ?? null;
  }

  /** Machine-readable reason from the problem body (`invalid_credentials`, `version_conflict`, …). */
  get code(): string | null {
    return this.problem?.code ?? null;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** Faults worth retrying: network, timeout, 408, 429 and 5xx. Never other 4xx or contract errors. */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind !== 'http' || this.status === null) return false;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** 401 or 403: the host must (re)authenticate or grant access. */
  get isAuth(): boolean {
    return this.status === 401 || this.status === 403;
  }

  get isConflict(): boolean {
    return this.status === 412;
  }
}

export const isHrApiError = (e: unknown): e is HrApiError => e instanceof HrApiError;
