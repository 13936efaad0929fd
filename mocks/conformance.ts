import * as z from 'zod/mini';
import { Problem, endpoints, type EndpointName } from '../src/contract/index.js';

export interface ResponseLike {
  status: number;
  body: unknown;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

/**
 * What is wrong with a response to `name` by the contract: a success must have the endpoint's
 * status, match its schema and, for documents, carry an ETag equal to the body's `version`; an
 * error must be a Problem with a `code` and the same status. Empty when it conforms. Usable
 * against any backend, not only the fake.
 */
export function responseIssues(name: EndpointName, res: ResponseLike): string[] {
  const ep = endpoints[name];
  const issues: string[] = [];
  if (res.status >= 400) {
    const parsed = z.safeParse(Problem, res.body);
    if (!parsed.success) issues.push(`${name} ${res.status}: not a Problem: ${JSON.stringify(parsed.error.issues)}`);
    else {
      if (parsed.data.status !== res.status) issues.push(`${name}: Problem status ${parsed.data.status} differs from ${res.status}`);
      if (!parsed.data.code) issues.push(`${name} ${res.status}: Problem without code`);
    }
    return issues;
  }
  if (res.status !== ep.status) issues.push(`${name}: status ${res.status}, contract says ${ep.status}`);
  if (ep.response === null) {
    if (res.body !== null && res.body !== undefined) issues.push(`${name}: expected no body`);
    return issues;
  }
  const parsed = z.safeParse(ep.response, res.body);
  if (!parsed.success) issues.push(`${name}: body breaks the schema: ${JSON.stringify(parsed.error.issues).slice(0, 500)}`);
  if (ep.etag) {
    const version = (res.body as { version?: unknown } | null)?.version;
    if (res.headers['etag'] !== version) issues.push(`${name}: ETag ${String(res.headers['etag'])} differs from version ${String(version)}`);
  }
  return issues;
}
