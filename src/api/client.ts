import type * as z from 'zod/mini';
import { Problem } from '../contract/common.js';
import {
  CONTRACT_VERSION,
  endpoints,
  type BodyOf,
  type EndpointName,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from '../contract/endpoints.js';
import { HrApiError } from './errors.js';

export type HeadersHook = () => HeadersInit | Promise<HeadersInit>;

export interface ApiClientOptions {
  /** Base URL of the host's HR endpoints, e.g. `/api/hr` or `https://app.example.com/api/hr`. */
  baseUrl: string;
  /** Called before every request: return the host's headers (an async hook can refresh a token). */
  headers?: HeadersHook;
  /** `fetch` credentials mode; defaults to `same-origin`. */
  credentials?: RequestCredentials;
  /** Injectable fetch (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Per attempt, in ms; defaults to 15 000. */
  timeoutMs?: number;
  /** How often a 429/503 with Retry-After is retried after waiting; defaults to 2. */
  retryAfterAttempts?: number;
  /** Longest Retry-After the client waits for, in ms; defaults to 30 000. */
  maxRetryAfterMs?: number;
  /** Sent as Accept-Language so provider texts come localized. */
  locale?: () => string;
}

export type RequestOptions<N extends EndpointName> = {
  signal?: AbortSignal;
  /** For conditional writes: the ETag of the document being replaced. */
  ifMatch?: string;
  /** For non-repeatable writes: reuse the same key when retrying the same write. */
  idempotencyKey?: string;
} & (keyof ParamsOf<N> extends never ? { params?: undefined } : { params: ParamsOf<N> }) &
  (BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> }) &
  (QueryOf<N> extends undefined ? { query?: undefined } : { query?: QueryOf<N> });

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** ETag of a document response, from the header or the body's `version`. */
  etag: string | null;
  /** The Idempotency-Key the request carried, if any. */
  idempotencyKey: string | null;
}

const newKey = () => crypto.randomUUID();

function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function pointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The one HTTP client of the elements. Adds the host's headers, credentials mode, timeout and
 * abort, Idempotency-Key and If-Match where the contract asks for them, parses problem+json into
 * {@link HrApiError}, honours Retry-After on 429/503, and validates every response body with its
 * schema before anyone sees it.
 */
export class ApiClient {
  readonly baseUrl: string;
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  url<N extends EndpointName>(name: N, params?: Record<string, string>, query?: Record<string, unknown>): string {
    const path = endpoints[name].path.replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = params?.[key];
      if (value === undefined) throw new TypeError(`${name}: missing path parameter ${key}`);
      return encodeURIComponent(value);
    });
    return `${this.baseUrl}${path}${buildQuery(query)}`;
  }

  async request<N extends EndpointName>(name: N, options: RequestOptions<N>): Promise<ApiResponse<ResponseOf<N>>> {
    const endpoint = endpoints[name];
    const idempotencyKey = endpoint.idempotencyKey ? (options.idempotencyKey ?? newKey()) : null;
    const url = this.url(name, options.params as Record<string, string> | undefined, options.query as Record<string, unknown> | undefined);
    const attempts = this.#options.retryAfterAttempts ?? 2;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(name, url, options, idempotencyKey);
      } catch (error) {
        const retryAfter = error instanceof HrApiError && (error.status === 429 || error.status === 503) ? error.retryAfterMs : null;
        if (retryAfter === null || attempt >= attempts || retryAfter > (this.#options.maxRetryAfterMs ?? 30_000)) throw error;
        await wait(retryAfter, options.signal);
      }
    }
  }

  async #attempt<N extends EndpointName>(
    name: N,
    url: string,
    options: RequestOptions<N>,
    idempotencyKey: string | null,
  ): Promise<ApiResponse<ResponseOf<N>>> {
    const endpoint = endpoints[name];
    const headers = new Headers(await this.#options.headers?.());
    headers.set('Accept', 'application/json, application/problem+json');
    headers.set('HR-Contract-Version', CONTRACT_VERSION);
    const locale = this.#options.locale?.();
    if (locale) headers.set('Accept-Language', locale);
    if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);
    if (endpoint.conditional) {
      if (!options.ifMatch) throw new TypeError(`${name}: a conditional write needs ifMatch`);
      headers.set('If-Match', options.ifMatch);
    }
    let body: string | undefined;
    if (endpoint.body) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }

    const timeoutMs = this.#options.timeoutMs ?? 15_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const doFetch = this.#options.fetch ?? globalThis.fetch.bind(globalThis);

    let response: Response;
    try {
      response = await doFetch(url, {
        method: endpoint.method,
        headers,
        body,
        credentials: this.#options.credentials ?? 'same-origin',
        signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) {
        throw new HrApiError({ kind: 'aborted', endpoint: name, message: `${name}: aborted`, cause });
      }
      if (timeout.aborted) {
        throw new HrApiError({ kind: 'timeout', endpoint: name, message: `${name}: no answer within ${timeoutMs} ms`, cause });
      }
      throw new HrApiError({ kind: 'network', endpoint: name, message: `${name}: network error`, cause });
    }

    if (!response.ok) throw await this.#problem(name, response);

    const etag = response.headers.get('ETag');
    if (endpoint.response === null || response.status === 204) {
      return { data: undefined as ResponseOf<N>, status: response.status, etag, idempotencyKey };
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      throw new HrApiError({ kind: 'contract', endpoint: name, status: response.status, path: '', message: `${name}: the response is not valid JSON`, cause });
    }
    const result = (endpoint.response as z.ZodMiniType).safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = pointer(issue?.path ?? []);
      throw new HrApiError({
        kind: 'contract',
        endpoint: name,
        status: response.status,
        path,
        message: `${name}: the response breaks the contract at ${path || '/'}: ${issue?.message ?? 'invalid'}`,
        cause: result.error,
      });
    }
    const data = result.data as ResponseOf<N>;
    const version = (data as { version?: unknown } | null)?.version;
    return { data, status: response.status, etag: etag ?? (typeof version === 'string' ? version : null), idempotencyKey };
  }

  async #problem(name: EndpointName, response: Response): Promise<HrApiError> {
    let problem: Problem | null = null;
    try {
      const parsed = Problem.safeParse(await response.json());
      if (parsed.success) problem = parsed.data;
    } catch {
      // not JSON: keep the status alone
    }
    return new HrApiError({
      kind: 'http',
      endpoint: name,
      status: response.status,
      problem,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      message: `${name}: ${response.status} ${problem?.title ?? response.statusText}`.trim(),
    });
  }
}
