import type { EndpointName } from '../src/contract/index.js';
import type { FaultKind } from './faults.js';

/** One request as the fake backend received it. Test-only: bodies are kept as sent. */
export interface LoggedRequest {
  method: string;
  url: string;
  /** Path relative to the base URL, e.g. `/invite-candidates/emp-00001/exclusion`. */
  path: string;
  endpoint: EndpointName;
  params: Record<string, string>;
  /** Raw query: a repeated key gives an array. */
  query: Record<string, string | string[]>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON; the raw text when it is not JSON; undefined without a body. */
  body: unknown;
  /** Response status; undefined for a network error. */
  status?: number;
  fault?: FaultKind;
  at: number;
}

/** Every request the handlers saw, for "sent once" and "the secret went nowhere else" assertions. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
  }

  of(endpoint: EndpointName): LoggedRequest[] {
    return this.entries.filter((e) => e.endpoint === endpoint);
  }

  count(endpoint: EndpointName): number {
    return this.of(endpoint).length;
  }

  last(endpoint?: EndpointName): LoggedRequest | undefined {
    const list = endpoint ? this.of(endpoint) : this.entries;
    return list[list.length - 1];
  }

  /** Requests whose URL, headers or body contain `text` anywhere. */
  containing(text: string): LoggedRequest[] {
    return this.entries.filter((e) => {
      const body = typeof e.body === 'string' ? e.body : JSON.stringify(e.body ?? null);
      return e.url.includes(text) || JSON.stringify(e.headers).includes(text) || body.includes(text);
    });
  }
}
