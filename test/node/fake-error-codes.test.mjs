// The fake backend answers only what src/contract/endpoint-docs.ts (the source of docs/contract.md
// and contract/openapi.json) documents: every problem `code` is a code of the catalog, with the
// catalog's status, and every field-error code is named in the docs. So the elements are tested
// against the answers a backend built from the docs gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The mocks that answer problems; mocks/util.ts only defines `fail` and `problem`. */
const FAKE_FILES = ['mocks/fake-backend.ts', 'mocks/handlers.ts', 'mocks/faults.ts'];
const DOCS_FILE = 'src/contract/endpoint-docs.ts';

/** A problem's own code: `fail(404, 'code', …)`, `fail(status, 'code', …)`, `problem(500, 'code', …)`. */
const PROBLEM_EMITTERS = [/\bfail\(\s*([\w.]+),\s*'([a-z_]+)'/g, /\bproblem\(\s*([\w.]+),\s*'([a-z_]+)'/g];
/** A field error's code: `{ code: 'code' }`, and the fake's helper `add('/pointer', 'code', …)`. */
const FIELD_EMITTERS = [/\bcode:\s*'([a-z_]+)'/g, /\badd\(\s*'\/[^']*',\s*'([a-z_]+)'/g];

/** `[code, status]` pairs; status is null when the source passes a variable. */
function problemCodes(source) {
  const found = new Map();
  for (const pattern of PROBLEM_EMITTERS) {
    for (const [, status, code] of source.matchAll(pattern)) {
      const key = `${code} ${status}`;
      if (!found.has(key)) found.set(key, [code, /^\d{3}$/.test(status) ? Number(status) : null]);
    }
  }
  return [...found.values()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function fieldCodes(source) {
  const codes = new Set();
  for (const pattern of FIELD_EMITTERS) for (const match of source.matchAll(pattern)) codes.add(match[1]);
  return [...codes].sort();
}

/** The `errorCodes` catalog of endpoint-docs.ts: code -> status. */
function catalog(docs) {
  const start = docs.indexOf('export const errorCodes = {');
  const end = docs.indexOf('} satisfies Record<string, ErrorCodeDoc>', start);
  assert.ok(start >= 0 && end > start, 'the errorCodes catalog is found');
  const codes = new Map();
  for (const [, code, status] of docs.slice(start, end).matchAll(/^ {2}(\w+): \{\n {4}status: (\d{3}),/gm)) codes.set(code, Number(status));
  return codes;
}

/** Named as a code: `code` in Markdown, 'code' or "code" in TypeScript, or a key of the errorCodes catalog. */
function names(docs, code) {
  return new RegExp(`[\`'"]${code}[\`'"]|^ {2}${code}: \\{`, 'm').test(docs);
}

describe('error codes of the fake backend', () => {
  it('are found in every form the fake sends them', () => {
    const sample = `
      fail(409, 'sync_running', 'Busy.');
      if (!d) fail(status, 'thing_not_found', \`No \${id}.\`);
      problem(500, 'internal_error', detail);
      errors.push({ pointer: '/a', code: 'field_rule', detail: 'x' });
      add('/substituteId', 'unknown_user', 'Unknown user.');
      const kind = 'not_a_code';
    `;
    assert.deepEqual(problemCodes(sample), [['internal_error', 500], ['sync_running', 409], ['thing_not_found', null]]);
    assert.deepEqual(fieldCodes(sample), ['field_rule', 'unknown_user']);
    const fake = read('mocks/fake-backend.ts');
    const sent = problemCodes(fake).map(([code]) => code);
    for (const code of ['precondition_required', 'not_found', 'invalid_request']) assert.ok(sent.includes(code), `${code} is found in mocks/fake-backend.ts`);
    for (const code of ['outside_absence', 'unknown_scope']) assert.ok(fieldCodes(fake).includes(code), `${code} is found in mocks/fake-backend.ts`);
  });

  it('reads the catalog and counts only whole codes as named', () => {
    const docs = "export const errorCodes = {\n  not_found: {\n    status: 404,\n  },\n} satisfies Record<string, ErrorCodeDoc>;\n  x: 'codes: `required_scope_missing`.'";
    assert.deepEqual([...catalog(docs)], [['not_found', 404]]);
    assert.ok(names(docs, 'not_found'));
    assert.ok(names(docs, 'required_scope_missing'));
    assert.ok(!names(docs, 'required'));
    assert.ok(!names(docs, 'found'));
  });

  it(`problem codes are codes of the catalog in ${DOCS_FILE}, with its status`, () => {
    const codes = catalog(read(DOCS_FILE));
    assert.ok(codes.size > 20, 'the catalog has its codes');
    const wrong = FAKE_FILES.flatMap((file) =>
      problemCodes(read(file))
        .filter(([code, status]) => !codes.has(code) || (status !== null && codes.get(code) !== status))
        .map(([code, status]) => `${status ?? '?'} ${code} (${file}; the catalog says ${codes.get(code) ?? 'nothing'})`),
    );
    assert.deepEqual(wrong, [], `answer the documented code and status, as ${DOCS_FILE} lists them`);
  });

  it(`field-error codes are all named in ${DOCS_FILE}`, () => {
    const docs = read(DOCS_FILE);
    const missing = FAKE_FILES.flatMap((file) => fieldCodes(read(file)).filter((code) => !names(docs, code)).map((code) => `${code} (${file})`));
    assert.deepEqual(missing, [], `document these codes in ${DOCS_FILE}, then run npm run contract`);
  });
});
