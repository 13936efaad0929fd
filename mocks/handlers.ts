import { http, HttpResponse, type HttpHandler } from 'msw';
import { endpoints, type EndpointName } from '../src/contract/index.js';
import { coerceQuery, type FakeBackend, type FakeResponse } from './fake-backend.js';
import { MALFORMED_JSON, breakSchema, faultProblem, faults as sharedFaults, type Faults } from './faults.js';
import type { RequestLog } from './request-log.js';
import { problem } from './util.js';

export interface HandlerOptions {
  /** Where the host serves the contract. Default `/api/hr`. */
  baseUrl?: string;
  /** Fault scenarios to apply. Default: the shared `faults`. */
  faults?: Faults;
  /** Records every request when given. */
  log?: RequestLog;
  /** Called after the backend answered (not for faults that replace the answer). */
  onResponse?: (endpoint: EndpointName, response: FakeResponse) => void;
}

/** Repeated keys become arrays: `?team=a&team=b` -> `{ team: ['a', 'b'] }`. */
export function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

function respond(res: { status: number; body: unknown; headers: Record<string, string> }): HttpResponse<string> {
  if (res.body === null || res.status === 204) return new HttpResponse(null, { status: res.status, headers: res.headers });
  const type = res.status >= 400 ? 'application/problem+json' : 'application/json';
  return new HttpResponse(JSON.stringify(res.body), { status: res.status, headers: { 'content-type': type, ...res.headers } });
}

const wait = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * msw handlers, one per endpoint of the contract, over a FakeBackend. `backend` may be a getter,
 * so a caller can swap the backend without replacing the handlers.
 */
export function createHandlers(backend: FakeBackend | (() => FakeBackend), options: HandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '/api/hr').replace(/\/$/, '');
  const faults = options.faults ?? sharedFaults;
  const current = typeof backend === 'function' ? backend : () => backend;
  const basePath = new URL(base || '/', 'http://base.invalid').pathname.replace(/\/$/, '');

  return (Object.keys(endpoints) as EndpointName[]).map((name) => {
    const ep = endpoints[name];
    const method = ep.method.toLowerCase() as Lowercase<typeof ep.method>;
    return http[method](base + ep.path.replace(/\{(\w+)\}/g, ':$1'), async ({ request, params: rawParams }) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value;
      });
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(rawParams)) {
        if (typeof value === 'string') params[key] = value;
        else if (Array.isArray(value)) params[key] = String(value[0]);
      }
      const text = await request.text();
      let body: unknown;
      let malformed = false;
      if (text) {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          body = text;
          malformed = true;
        }
      }
      const query = queryOf(url.searchParams);
      const entry = options.log?.add({
        method: request.method,
        url: request.url,
        path: url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname,
        endpoint: name,
        params,
        query,
        headers,
        body,
        at: Date.now(),
      });

      const plan = faults.take(name);
      if (entry && plan.fault) entry.fault = plan.fault.kind;
      if (plan.fault?.kind === 'offline') {
        await wait(plan.latencyMs);
        return HttpResponse.error();
      }
      const replaced = plan.fault ? faultProblem(plan.fault) : null;
      if (replaced) {
        await wait(plan.latencyMs);
        if (entry) entry.status = replaced.status;
        return respond(replaced);
      }
      if (malformed && ep.body) {
        await wait(plan.latencyMs);
        if (entry) entry.status = 400;
        return respond({ status: 400, body: problem(400, 'invalid_request', 'The request body is not valid JSON.'), headers: {} });
      }

      const res = await current().callAsync(
        name,
        { params, query: ep.query ? coerceQuery(ep.query, query) : {}, body, headers },
        plan.latencyMs,
      );
      if (entry) entry.status = res.status;
      options.onResponse?.(name, res);
      if (plan.fault?.kind === 'malformed_json' && res.status < 400 && res.body !== null) {
        return new HttpResponse(MALFORMED_JSON, { status: res.status, headers: { 'content-type': 'application/json', ...res.headers } });
      }
      if (plan.fault?.kind === 'schema_break' && res.status < 400) {
        return respond({ ...res, body: breakSchema(res.body) });
      }
      return respond(res);
    });
  });
}
