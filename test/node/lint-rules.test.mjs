// Proves the security rules in eslint.config.js fire on browser code and stay quiet on a clean element.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function lint(code, filePath = 'src/components/fake-el/fake-el.ts') {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages;
}

async function assertReported(code, ruleId, filePath) {
  const messages = await lint(code, filePath);
  const hits = messages.filter((m) => m.ruleId === ruleId);
  assert.ok(
    hits.length > 0,
    `expected ${ruleId}, got: ${JSON.stringify(messages.map((m) => [m.ruleId, m.message]))}`,
  );
  return hits;
}

describe('eslint security rules in src/ and mocks/', () => {
  it('refuses lit/directives/unsafe-html.js', async () => {
    await assertReported(
      "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = unsafeHTML;\n",
      'no-restricted-imports',
    );
  });

  it('refuses lit/directives/unsafe-svg.js', async () => {
    await assertReported(
      "import { unsafeSVG } from 'lit/directives/unsafe-svg.js';\nexport const x = unsafeSVG;\n",
      'no-restricted-imports',
    );
  });

  it('refuses innerHTML and outerHTML assignments', async () => {
    const inner = await assertReported(
      "export function f(el: HTMLElement, s: string) { el.innerHTML = s; }\n",
      'no-restricted-syntax',
    );
    assert.match(inner[0].message, /innerHTML/);
    await assertReported(
      "export function f(el: HTMLElement, s: string) { el.outerHTML = s; }\n",
      'no-restricted-syntax',
    );
    await assertReported(
      "export function f(el: HTMLElement, s: string) { el['innerHTML'] += s; }\n",
      'no-restricted-syntax',
    );
  });

  it('refuses insertAdjacentHTML and document.write', async () => {
    const [hit] = await assertReported(
      "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }\n",
      'no-restricted-syntax',
    );
    assert.match(hit.message, /insertAdjacentHTML/);
    await assertReported("document.write('<p>x</p>');\n", 'no-restricted-syntax');
    await assertReported("document.writeln('<p>x</p>');\n", 'no-restricted-syntax');
  });

  it('refuses eval, implied eval and new Function', async () => {
    await assertReported("export const v = eval('1 + 1');\n", 'no-eval');
    await assertReported("setTimeout('alert(1)', 10);\n", 'no-implied-eval');
    await assertReported("export const f = new Function('return 1');\n", 'no-new-func');
  });

  it('refuses console.log but allows console.warn and console.error', async () => {
    await assertReported("console.log('debug');\n", 'no-console');
    const messages = await lint("console.warn('w');\nconsole.error('e');\n");
    assert.deepEqual(messages, []);
  });

  it('applies to mocks/ as well', async () => {
    await assertReported("console.log('debug');\n", 'no-console', 'mocks/handlers.ts');
    await assertReported(
      "export function f(el: HTMLElement, s: string) { el.innerHTML = s; }\n",
      'no-restricted-syntax',
      'mocks/handlers.ts',
    );
  });

  it('lets scripts use console', async () => {
    const messages = await lint("console.log('size');\n", 'scripts/example.mjs');
    assert.deepEqual(messages, []);
  });

  it('accepts a clean Lit element', async () => {
    const messages = await lint(`import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * @summary A clean sample.
 */
@customElement('fake-el')
export class FakeEl extends LitElement {
  static override styles = css\`:host { display: block; }\`;

  /** Name shown in the greeting. */
  @property() name = 'World';

  @state() private _count = 0;

  private _onClick(): void {
    this._count += 1;
    this.dispatchEvent(new CustomEvent('fake-count', { detail: this._count, bubbles: true, composed: true }));
  }

  override render() {
    return html\`<button type="button" @click=\${this._onClick}>Hello \${this.name}: \${this._count}</button>\`;
  }
}
`);
    assert.deepEqual(messages, []);
  });
});
