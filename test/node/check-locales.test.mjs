// Runs scripts/check-locales.mjs on a temp fixture project and checks its verdicts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';

const script = fileURLToPath(new URL('../../scripts/check-locales.mjs', import.meta.url));

const element = `import { LitElement, html } from 'lit';
import { msg, str } from '@lit/localize';

// msg('commented out') is not a call
export class FixtureEl extends LitElement {
  name = 'x';
  override render() {
    return html\`<p>\${msg('Hello', { id: 'fixture.hello' })}</p>
      <p>\${msg(str\`Hi \${this.name}, \${\`\${1 + 1}\`} new\`, {
        id: 'fixture.greeting',
        desc: 'Greeting with a name',
      })}</p>\`;
  }
}
`;

const catalog = (hello, greeting) => `import { str } from '@lit/localize';

export default {
  'fixture.hello': '${hello}',
  'fixture.greeting': str\`${greeting} \${0}, \${1}\`,
};
`;

let root;

function write(path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function check() {
  const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('check-locales', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'check-locales-'));
    write('src/components/fixture-el/fixture-el.ts', element);
    write('src/localize/de/fixture.ts', catalog('Hallo', 'Hallo'));
    write('src/localize/nl/fixture.ts', catalog('Hallo', 'Hoi'));
    write('src/localize/fr/fixture.ts', catalog('Bonjour', 'Salut'));
    write('src/localize/es/fixture.ts', catalog('Hola', 'Hola'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes when every catalog is complete', () => {
    const { status, output } = check();
    assert.equal(status, 0, output);
    assert.match(output, /2 id\(s\), complete in de, nl, fr and es/);
  });

  it('fails on a string missing from one locale', () => {
    write(
      'src/localize/nl/fixture.ts',
      "export default {\n  'fixture.hello': 'Hallo',\n};\n",
    );
    const { status, output } = check();
    assert.equal(status, 1, output);
    assert.match(output, /nl: 1 missing id\(s\):\n\s+fixture\.greeting/);
    assert.doesNotMatch(output, /de: .*missing/);
  });

  it('fails when the French catalog lacks an id, or the Spanish one is missing', () => {
    write('src/localize/fr/fixture.ts', "export default {\n  'fixture.greeting': 'Salut',\n};\n");
    rmSync(join(root, 'src/localize/es'), { recursive: true });
    const { status, output } = check();
    assert.equal(status, 1, output);
    assert.match(output, /fr: 1 missing id\(s\):\n\s+fixture\.hello/);
    assert.match(output, /es: 2 missing id\(s\)/);
    assert.doesNotMatch(output, /(de|nl): .*missing/);
  });

  it('fails on a msg() without an explicit id, naming file and line', () => {
    write(
      'src/ui/bare.ts',
      "import { msg } from '@lit/localize';\n\nexport const label = () =>\n  msg('No id here');\n",
    );
    const { status, output } = check();
    assert.equal(status, 1, output);
    assert.match(output, /src\/ui\/bare\.ts:4: msg\(\) needs an explicit/);
  });

  it('fails on a catalog id that src does not use', () => {
    write(
      'src/localize/de/extra.ts',
      "export default {\n  'fixture.gone': 'Weg',\n};\n",
    );
    const { status, output } = check();
    assert.equal(status, 1, output);
    assert.match(output, /de: 1 id\(s\) not used in src:\n\s+fixture\.gone/);
  });
});
