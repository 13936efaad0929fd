/**
 * Reads the contract's zod/mini schemas to generate responses for property tests: valid but
 * extreme bodies (huge and exotic strings, boundary numbers, empty or long lists, unknown extra
 * fields) and bodies broken in known places (wrong types, missing fields, out-of-range numbers,
 * malformed dates and URLs). Also walks a value along its schema (string leaves, sub-schemas at a
 * JSON pointer), which the XSS suite uses to poison the fake backend's answers.
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';

export type Schema = z.ZodMiniType;
export type Segment = string | number;
export type Path = readonly Segment[];

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
}

export const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: Schema): CheckDef[] => (defOf(schema).checks ?? []).map((c) => c._zod.def);
export const accepts = (schema: Schema, value: unknown): boolean => schema.safeParse(value).success;

/** A string schema with no format, pattern or length rule: free text the backend may send. */
export function isFreeText(schema: Schema): boolean {
  const def = defOf(schema);
  return def.type === 'string' && !def.format && checksOf(schema).length === 0;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Strings that break naive rendering, layout or parsing. */
export const EXOTIC_TEXT = [
  '\u202Egnp.exe\u202C', // right-to-left override
  'Jan\u200F de Vries\u200E',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'e\u0301\u0301\u0301',
  'Z\u0364\u0351\u0313a\u0308\u0356\u036D\u0301l\u0315\u0316g\u0352o',
  '\u200B',
  'a\u200Db\u200Cc',
  '\uFEFFBOM',
  '\uD800', // lone high surrogate
  'x\uDFFFy', // lone low surrogate
  '𝕳𝖊𝖑𝖑𝖔',
  'İstanbul ß ǅ',
  '\u0000',
  '\t\n\r',
  '   ',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '[object Object]',
  '__proto__',
  'constructor',
  '%s%n%d',
  '${x}',
  '\\',
  `"'\``,
  '&amp;&lt;',
];

const HUGE = 100_000;
/** One per shape: 100,000 characters without spaces, with spaces, emoji, combining marks. */
export const HUGE_TEXT = ['x'.repeat(HUGE), 'Ab '.repeat(HUGE / 3 + 1), '👍'.repeat(HUGE / 2), 'e\u0301'.repeat(HUGE / 2)];
/** Long enough to break a layout, small enough to render often. */
export const LONG_WORD = 'Sehr-lange-Abteilungsbezeichnung-ohne-Leerzeichen_'.repeat(40);

export interface GenOptions {
  /** Longest generated list (50,000-item lists are built separately). */
  maxList: number;
  /** Include 100,000-character strings now and then. */
  huge: boolean;
  /** Add unknown fields (`__proto__`, `constructor`, …) to objects now and then. */
  extraFields: boolean;
  /** Short plain strings only (items of 50,000-item lists). */
  plain?: boolean;
}

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 4, arbitrary: fc.constantFrom(...EXOTIC_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

function textArb(options: GenOptions): fc.Arbitrary<string> {
  if (options.plain) return fc.string({ unit: 'grapheme-ascii', maxLength: 10 });
  const choices: fc.WeightedArbitrary<string>[] = [
    { weight: 20, arbitrary: fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.constant(LONG_WORD) },
  ];
  if (options.huge) choices.push({ weight: 1, arbitrary: fc.constantFrom(...HUGE_TEXT) });
  return fc.oneof(...choices);
}

function fit(text: string, min: number, max: number): string {
  let out = text.length > max ? text.slice(0, max) : text;
  while (out.length < min) out += 'x';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Valid but extreme values

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateArb = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
const isoDateArb = fc.oneof(fc.constantFrom('1970-01-01', '2024-02-29', '9999-12-31', '0001-01-01'), dateArb);
const isoDateTimeArb = fc
  .tuple(
    dateArb,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom('', '.5', '.123', '.123456789'),
    fc.constantFrom('Z', '+00:00', '+05:30', '-12:00', '+14:00'),
  )
  .map(([day, h, m, s, frac, offset]) => `${day}T${pad(h)}:${pad(m)}:${pad(s)}${frac}${offset}`);

function urlArb(schema: Schema): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true }),
      fc.constantFrom('https://例え.テスト/パス?q=ä', `https://docs.example/${'x'.repeat(5000)}`, 'HTTP://EXAMPLE.COM/'),
    )
    .filter((url) => accepts(schema, url));
}

function stringArb(schema: Schema, options: GenOptions): fc.Arbitrary<string> {
  const def = defOf(schema);
  if (def.format === 'date') return isoDateArb;
  if (def.format === 'datetime') return isoDateTimeArb;
  if (def.format === 'url') return urlArb(schema);
  let min = 0;
  let max = Infinity;
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') min = check.minimum ?? 0;
    if (check.check === 'max_length') max = check.maximum ?? Infinity;
    if (check.check === 'string_format' && check.pattern) return fc.stringMatching(check.pattern);
  }
  if (min === 0 && max === Infinity) return textArb(options);
  return fc.oneof(textArb(options).map((t) => fit(t, min, max)), fc.constant(fit('', Math.max(min, Math.min(max, 200)), max)));
}

function numberArb(schema: Schema): fc.Arbitrary<number> {
  const def = defOf(schema);
  const int = def.format === 'safeint';
  let min = int ? Number.MIN_SAFE_INTEGER : -Number.MAX_VALUE;
  let max = int ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE;
  for (const check of checksOf(schema)) {
    if (check.check === 'greater_than') min = check.value ?? min;
    if (check.check === 'less_than') max = check.value ?? max;
  }
  if (!int) return fc.oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
  const small = fc.integer({ min, max: Math.min(max, min + 1000) });
  const wide = max > 2 ** 31 - 1 ? fc.maxSafeNat().filter((n) => n >= min) : fc.integer({ min, max });
  return fc.oneof(fc.constantFrom(min, max), small, wide);
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '', 'x-unexpected', 'password', 'html'];
const extraValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ polluted: true }), fc.constant('<img src=x onerror="window.__xss=1">'));

function defineAll(target: Record<string, unknown>, entries: [string, unknown][]): Record<string, unknown> {
  for (const [key, value] of entries) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Values the schema accepts, leaning to the extremes. */
export function validArb(schema: Schema, options: GenOptions): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArb(schema, options);
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'nullable':
      return fc.option(validArb(def.innerType!, options), { nil: null, freq: 3 });
    case 'optional':
      return validArb(def.innerType!, options);
    case 'union':
      return fc.oneof(...def.options!.map((o) => validArb(o, options)));
    case 'array':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 4, arbitrary: fc.array(validArb(def.element!, options), { maxLength: options.maxList }) },
      );
    case 'object': {
      const shape = def.shape!;
      const keys = Object.keys(shape);
      const requiredKeys = keys.filter((k) => defOf(shape[k]!).type !== 'optional');
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, validArb(shape[k]!, options)])), { requiredKeys });
      if (!options.extraFields) return record;
      const extras = fc.uniqueArray(fc.tuple(fc.constantFrom(...EXTRA_KEYS.filter((k) => !(k in shape))), extraValue), {
        selector: (entry) => entry[0],
        maxLength: 2,
      });
      return fc
        .tuple(record, fc.oneof({ weight: 5, arbitrary: fc.constant([] as [string, unknown][]) }, { weight: 1, arbitrary: extras }))
        .map(([fields, extra]) => defineAll(defineAll({}, extra), Object.entries(fields)));
    }
    default:
      throw new Error(`validArb: no generator for schema type ${def.type}`);
  }
}

/** What a schema keeps of a wire value: unknown object keys dropped, as zod objects do. */
export function stripUnknown(schema: Schema, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'nullable':
      return value === null ? null : stripUnknown(def.innerType!, value);
    case 'optional':
      return value === undefined ? undefined : stripUnknown(def.innerType!, value);
    case 'union': {
      const option = def.options!.find((o) => accepts(o, value));
      return option ? stripUnknown(option, value) : value;
    }
    case 'array':
      return (value as unknown[]).map((item) => stripUnknown(def.element!, item));
    case 'object': {
      const out: Record<string, unknown> = {};
      const input = value as Record<string, unknown>;
      for (const [key, sub] of Object.entries(def.shape!)) {
        if (Object.hasOwn(input, key)) out[key] = stripUnknown(sub, input[key]);
      }
      return out;
    }
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Walking values along schemas

export interface Node {
  path: Segment[];
  schema: Schema;
  /** The node is a key of an object (it can go missing). */
  inObject: boolean;
}

/** Every node of `value` with the schema that governs it (long arrays: first, middle, last). */
export function nodesOf(schema: Schema, value: unknown, path: Segment[] = [], inObject = false, out: Node[] = []): Node[] {
  out.push({ path, schema, inObject });
  const def = defOf(schema);
  if (value === null || value === undefined) return out;
  /** Visits what a wrapper wraps, keeping the wrapper as the node's schema. */
  const inner = (sub: Schema) => {
    const start = out.length;
    nodesOf(sub, value, path, inObject, out);
    out.splice(start, 1);
  };
  switch (def.type) {
    case 'nullable':
    case 'optional':
      inner(def.innerType!);
      return out;
    case 'union': {
      const option = def.options!.find((o) => accepts(o, value));
      if (option) inner(option);
      return out;
    }
    case 'array': {
      if (!Array.isArray(value)) return out;
      const items = value as unknown[];
      const picks = items.length <= 20 ? items.keys() : new Set([0, 1, items.length >> 1, items.length - 1]).values();
      for (const i of picks) nodesOf(def.element!, items[i], [...path, i], false, out);
      return out;
    }
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return out;
      for (const [key, sub] of Object.entries(def.shape!)) {
        if (Object.hasOwn(value as object, key)) nodesOf(sub, (value as Record<string, unknown>)[key], [...path, key], true, out);
      }
      return out;
    default:
      return out;
  }
}

/** Calls `visit` for every free-text string leaf (see {@link isFreeText}) and stores what it returns. */
export function mapFreeText(schema: Schema, value: unknown, visit: (text: string, path: Segment[]) => string, path: Segment[] = []): unknown {
  const def = defOf(schema);
  if (value === null || value === undefined) return value;
  switch (def.type) {
    case 'string':
      return isFreeText(schema) && typeof value === 'string' ? visit(value, path) : value;
    case 'nullable':
    case 'optional':
      return mapFreeText(def.innerType!, value, visit, path);
    case 'union': {
      const option = def.options!.find((o) => accepts(o, value));
      return option ? mapFreeText(option, value, visit, path) : value;
    }
    case 'array':
      return (value as unknown[]).map((item, i) => mapFreeText(def.element!, item, visit, [...path, i]));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const sub = def.shape![key];
        out[key] = sub ? mapFreeText(sub, item, visit, [...path, key]) : item;
      }
      return out;
    }
    default:
      return value;
  }
}

/** The schemas that govern `segments` in `value` (several where a union leaves it open). */
export function schemasAt(schema: Schema, value: unknown, segments: readonly string[]): Schema[] {
  if (segments.length === 0) return [schema];
  const def = defOf(schema);
  const [head, ...rest] = segments as [string, ...string[]];
  const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[head] : undefined;
  switch (def.type) {
    case 'nullable':
    case 'optional':
      return schemasAt(def.innerType!, value, segments);
    case 'union':
      return def.options!.flatMap((o) => schemasAt(o, value, segments));
    case 'array':
      return /^\d+$/.test(head) ? schemasAt(def.element!, child, rest) : [];
    case 'object': {
      const sub = Object.hasOwn(def.shape!, head) ? def.shape![head] : undefined;
      return sub ? schemasAt(sub, child, rest) : [];
    }
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// JSON pointers

export const parsePointer = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
export const toPointer = (path: Path): string => path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** The value at `segments`, and whether it exists (own property or array index). */
export function resolve(value: unknown, segments: readonly string[]): { found: boolean; value: unknown } {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return { found: false, value: undefined };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

// ---------------------------------------------------------------------------------------------
// Breaking a valid body

const MISSING = Symbol('missing');
/** Stands for a number literal JSON.stringify cannot write: `1e400` parses as Infinity. */
const RAW_INFINITY = 'RAW§1e400§';

const WRONG_VALUES: unknown[] = [
  MISSING,
  null,
  0,
  -1,
  1.5,
  101,
  31,
  RAW_INFINITY,
  2 ** 53 + 2,
  'NaN',
  'Infinity',
  '',
  '1e3',
  '42',
  'x'.repeat(HUGE + 1),
  true,
  [],
  {},
  ['x'],
  { x: 1 },
  '2026-13-45',
  '24.11.2026',
  '2026-02-30',
  '2026-11-24T10:00:00',
  '2026-11-24 10:00:00Z',
  '2026-11-24T25:00:00Z',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://files.example/x',
  '//evil.example/',
  'LINKED',
  'unknown_status',
  'a'.repeat(201),
  '12345',
  '9abc',
  'has space',
];

/** Bodies wrong as a whole: not an object, not JSON, empty, cut off. */
const WRONG_BODIES: { text: string }[] = [
  { text: 'null' },
  { text: '[]' },
  { text: '"text"' },
  { text: '42' },
  { text: '{}' },
  { text: '' },
  { text: '<!doctype html><title>502 Bad Gateway</title>' },
  { text: '{"items": [' },
  { text: '\uFEFF{}' },
];

export interface BrokenBody {
  /** The response text. */
  text: string;
  /** Where it was broken (pointer segments). */
  breaks: Segment[][];
  /** Broken as a whole (not an object, not JSON, empty): any pointer that is really wrong will do. */
  whole: boolean;
}

/** Breaks a valid `base` at one to three nodes, or as a whole. */
export function breakBody(schema: Schema, base: unknown, picks: readonly [number, number][], whole: number | null): BrokenBody {
  if (whole !== null) {
    const wrong = WRONG_BODIES[whole % WRONG_BODIES.length]!;
    return { text: wrong.text, breaks: [[]], whole: true };
  }
  let value = JSON.parse(JSON.stringify(base)) as unknown;
  const breaks: Segment[][] = [];
  for (const [nodePick, valuePick] of picks) {
    const nodes = nodesOf(schema, value);
    for (let attempt = 0; attempt < nodes.length; attempt++) {
      const node = nodes[(nodePick + attempt) % nodes.length]!;
      const candidates = WRONG_VALUES.filter((w) =>
        w === MISSING ? node.inObject && !accepts(node.schema, undefined) : !accepts(node.schema, w === RAW_INFINITY ? Infinity : w),
      );
      if (candidates.length === 0) continue;
      const wrong = candidates[valuePick % candidates.length];
      if (node.path.length === 0) {
        value = wrong === MISSING ? undefined : wrong;
      } else {
        const parent = resolve(value, node.path.slice(0, -1).map(String)).value as Record<string, unknown>;
        const key = node.path[node.path.length - 1]!;
        if (wrong === MISSING) delete parent[key];
        else parent[key] = wrong;
      }
      breaks.push(node.path);
      break;
    }
  }
  const text = value === undefined ? '' : JSON.stringify(value).replaceAll(`"${RAW_INFINITY}"`, '1e400');
  return { text, breaks, whole: false };
}

/** The body as the client sees it (`Response.json()` drops a BOM), or undefined when it is not JSON. */
export function wireOf(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Checks that `pointer` names a field that is really wrong in `text`: it resolves in the body
 * (or, for a missing field, its parent does and lacks the key), the schema at that place rejects
 * what is there, and it lies on one of the paths that were broken. Returns a reason or null.
 */
export function pointerProblem(schema: Schema, broken: BrokenBody, pointer: string): string | null {
  const { text, breaks } = broken;
  const segments = parsePointer(pointer);
  const wire = wireOf(text);
  // The pointer and a broken path lie on one line: the pointer names the broken node, a node
  // above it (a union), or a place inside the value that replaced it.
  const onBrokenPath = breaks.some((b) => segments.slice(0, b.length).every((s, i) => s === String(b[i])) || b.slice(0, segments.length).every((s, i) => String(s) === segments[i]));
  if (segments.length === 0 && !broken.whole && breaks.every((b) => b.length > 0)) return 'the pointer names the whole body, but it was broken inside';
  if (!broken.whole && !onBrokenPath) return `${pointer || '(root)'} is on none of the broken paths ${breaks.map(toPointer).join(', ') || '(root)'}`;
  if (wire === undefined) return segments.length === 0 ? null : `the body is not JSON, but the pointer is ${pointer}`;
  const at = resolve(wire, segments);
  if (!at.found) {
    const parent = resolve(wire, segments.slice(0, -1));
    const key = segments[segments.length - 1];
    if (!parent.found || parent.value === null || typeof parent.value !== 'object' || key === undefined || Object.hasOwn(parent.value, key)) {
      return `${pointer} resolves neither in the body nor as a missing key of its parent`;
    }
  }
  const schemas = schemasAt(schema, wire, segments);
  if (schemas.length === 0) return `no schema governs ${pointer}`;
  if (schemas.every((s) => accepts(s, at.value))) return `${pointer} holds a value its schema accepts`;
  return null;
}

/** The first list in a body (for 50,000-item runs). */
export function firstList(schema: Schema, value: unknown): Node | undefined {
  return nodesOf(schema, value).find((n) => defOf(n.schema).type === 'array');
}


/** `text` with every run of 40+ equal characters shortened, and cut at 2,000 characters. */
export function abbreviate(text: string): string {
  const short = text.replace(/(.)\1{39,}/gsu, (run, char: string) => `${char.repeat(3)}…(${run.length} chars)`);
  return short.length > 2000 ? `${short.slice(0, 2000)}…` : short;
}
