import type { FieldError, Problem } from '../src/contract/index.js';

const DAY = 86_400_000;

/** `YYYY-MM-DD` of an instant, in the browser's time zone (the company's time zone in the fake). */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Calendar arithmetic on `YYYY-MM-DD`, independent of time zones. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (`b - a`). */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / DAY);
}

/** The instant of `hh:mm` local time on `date`. */
export function atTime(date: string, hours: number, minutes = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hours, minutes).getTime();
}

export const isoDateTime = (ms: number): string => new Date(ms).toISOString();

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Lower case without diacritics: `Müller` -> `muller`, `Øztürk` -> `ozturk`. */
export function fold(text: string): string {
  if (!/[^ -~]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i');
}

/** German transliteration before folding: `Müller` -> `mueller`. */
export function foldGerman(text: string): string {
  return fold(text.replace(/[äÄ]/g, 'ae').replace(/[öÖ]/g, 'oe').replace(/[üÜ]/g, 'ue'));
}

const nameSpellings = new Map<string, string>();

/**
 * What the search matches against: both spellings of the name and the e-mail, separated by
 * `\u0001` (never part of a query token).
 */
export function searchText(name: string, email: string | null): string {
  let names = nameSpellings.get(name);
  if (names === undefined) {
    const a = fold(name);
    const b = foldGerman(name);
    names = b === a ? a : `${a}\u0001${b}`;
    if (nameSpellings.size < 100_000) nameSpellings.set(name, names);
  }
  return email ? `${names}\u0001${fold(email)}` : names;
}

/** Query tokens; every token must occur (AND). Empty for a blank query. */
export function queryTokens(q: string | undefined): string[] {
  return q ? fold(q).split(/\s+/).filter(Boolean) : [];
}

export function matchesTokens(text: string, tokens: readonly string[]): boolean {
  for (const t of tokens) if (!text.includes(t)) return false;
  return true;
}

/** E-mail as matching sees it: case- and surrounding-whitespace-insensitive. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** JSON with sorted keys, for comparing request bodies. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'undefined';
}

/** cyrb53: a fast non-cryptographic 53-bit hash; stores fingerprints of bodies, never the bodies. */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Sorted integer set as base-36 deltas: `[3, 4, 10]` -> `3.1.6`. */
export function encodeIndexes(indexes: Iterable<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  return sorted.map((n, i) => (n - (i ? sorted[i - 1]! : 0)).toString(36)).join('.');
}

export function decodeIndexes(text: string): number[] {
  if (!text) return [];
  let acc = 0;
  return text.split('.').map((d) => (acc += parseInt(d, 36)));
}

/** Thrown inside the fake backend; becomes an `application/problem+json` response. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(
  status: number,
  code: string,
  detail?: string,
  extra: { errors?: FieldError[]; missingScopes?: string[]; title?: string } = {},
): Problem {
  const { title = titles[status] ?? 'Error', ...rest } = extra;
  return { title, status, code, ...(detail ? { detail } : {}), ...rest };
}

export function fail(
  status: number,
  code: string,
  detail?: string,
  extra?: { errors?: FieldError[]; missingScopes?: string[]; title?: string },
): never {
  throw new ProblemError(problem(status, code, detail, extra));
}
