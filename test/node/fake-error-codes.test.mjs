// Every error `code` the fake backend answers is named in src/contract/endpoint-docs.ts (the
// source of docs/contract.md and contract/openapi.json), so a backend built from the docs answers
// the codes the elements are tested against.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The mocks that answer problems; mocks/util.ts only defines `fail` and `problem`. */
const FAKE_FILES = ['mocks/fake-backend.ts', 'mocks/handlers.ts', 'mocks/faults.ts'];
const DOCS_FILE = 'src/contract/endpoint-docs.ts';

/**
 * Where a code literal is sent: `fail(404, 'code', …)` or `fail(status, 'code', …)`,
 * `problem(500, 'code', …)`, a field error `{ code: 'code' }`, the fake's field-error helper
 * `add('/pointer', 'code', …)`, and `parseOrFail(schema, value, 400, 'code')`.
 */
const EMITTERS = [
  /\bfail\(\s*[\w.]+,\s*'([a-z_]+)'/g,
  /\bproblem\(\s*[\w.]+,\s*'([a-z_]+)'/g,
  /\bcode:\s*'([a-z_]+)'/g,
  /\badd\(\s*'\/[^']*',\s*'([a-z_]+)'/g,
  /\bparseOrFail\(.*,\s*\d{3},\s*'([a-z_]+)'\)/g,
];

function emittedCodes(source) {
  const codes = new Set();
  for (const pattern of EMITTERS) for (const match of source.matchAll(pattern)) codes.add(match[1]);
  return [...codes].sort();
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
      query: parseOrFail(ep.query, coerceQuery(ep.query, req.query ?? {}), 400, 'invalid_query'),
      const kind = 'not_a_code';
    `;
    assert.deepEqual(emittedCodes(sample), ['field_rule', 'internal_error', 'invalid_query', 'sync_running', 'thing_not_found', 'unknown_user']);
    const fake = emittedCodes(read('mocks/fake-backend.ts'));
    for (const code of ['if_match_required', 'employee_not_found', 'invalid_body', 'outside_absence', 'unknown_scope']) {
      assert.ok(fake.includes(code), `${code} is found in mocks/fake-backend.ts`);
    }
  });

  it('counts only whole codes as named', () => {
    const docs = "errors: ['validation_failed'],\n  invalid_cursor: {\n  x: 'codes: `required_scope_missing`.'";
    assert.ok(names(docs, 'validation_failed'));
    assert.ok(names(docs, 'invalid_cursor'));
    assert.ok(names(docs, 'required_scope_missing'));
    assert.ok(!names(docs, 'required'));
    assert.ok(!names(docs, 'validation'));
  });

  it(`are all named in ${DOCS_FILE}`, () => {
    const docs = read(DOCS_FILE);
    const missing = FAKE_FILES.flatMap((file) => emittedCodes(read(file)).filter((code) => !names(docs, code)).map((code) => `${code} (${file})`));
    assert.deepEqual(missing, [], `document these codes in ${DOCS_FILE}, then run npm run contract`);
  });
});
