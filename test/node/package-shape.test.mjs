// What `npm publish` would ship, checked against the built dist/ (`npm run test:package` builds
// first). Skipped, with a note, when dist/ has not been built.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** dist/ is checked only when built after the last change to the sources (tsc writes dist/types last). */
function skipReason() {
  const stamp = join(root, 'dist/types/src/index.d.ts');
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(stamp)) {
    return 'dist/ is not built: run `npm run test:package` (build + this test)';
  }
  const builtAt = statSync(stamp).mtimeMs;
  const newer = ['src', 'mocks'].flatMap((dir) => walk(join(root, dir))).filter((f) => statSync(f).mtimeMs > builtAt);
  if (newer.length) return `dist/ is older than ${relative(root, newer[0])}: run \`npm run test:package\` (build + this test)`;
  return false;
}
const skip = skipReason();

const tags = readdirSync(join(root, 'src/define'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'all.ts')
  .map((f) => f.slice(0, -3))
  .sort();

/** The file list `npm pack` would publish (relative paths). */
function packedFiles() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Set(JSON.parse(out)[0].files.map((f) => f.path));
}

/** Resolves a subpath of package.json "exports" for one condition (`types` or `default`), patterns included. */
function resolveExport(subpath, condition) {
  const exportsMap = pkg.exports;
  let target = exportsMap[subpath];
  let star;
  if (target === undefined) {
    for (const key of Object.keys(exportsMap)) {
      const [prefix, suffix, extra] = key.split('*');
      if (extra === undefined && suffix !== undefined && subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
        target = exportsMap[key];
        star = subpath.slice(prefix.length, subpath.length - suffix.length);
        break;
      }
    }
  }
  if (target === undefined) return undefined;
  if (typeof target === 'object') target = target[condition] ?? (condition === 'default' ? target.import : undefined);
  if (typeof target !== 'string') return undefined;
  return (star === undefined ? target : target.replaceAll('*', star)).replace(/^\.\//, '');
}

describe('package shape (npm pack)', { skip }, () => {
  const files = skip ? new Set() : packedFiles();
  const list = [...files];

  it('ships the built code, types, manifest, contract, README and LICENSE', () => {
    const required = [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'contract/openapi.json',
      'dist/index.js',
      'dist/types/src/index.d.ts',
      'dist/define/all.js',
      'dist/mocks/index.js',
      'dist/types/src/types/react.d.ts',
      'dist/types/src/types/vue.d.ts',
      ...tags.flatMap((tag) => [`dist/define/${tag}.js`, `dist/types/src/define/${tag}.d.ts`]),
    ];
    assert.deepEqual(required.filter((f) => !files.has(f)), [], 'missing from the package');
  });

  it('ships no tests, stories, TypeScript sources, demo, scripts or config', () => {
    const leaked = list.filter(
      (f) =>
        /^(test|stories|src|mocks|demo|scripts|docs|\.storybook|\.ci|node_modules)\//.test(f) ||
        (/\.(ts|tsx|mts)$/.test(f) && !/\.d\.ts$/.test(f)) ||
        /(^|\/)(vite|web-test-runner|custom-elements-manifest)\.config\./.test(f) ||
        /\.test\.|\.stories\./.test(f),
    );
    assert.deepEqual(leaked, [], 'files that must not be published');
  });

  it('ships no source maps of the mocks and none that embed sources', () => {
    const maps = list.filter((f) => f.endsWith('.map'));
    assert.deepEqual(maps.filter((f) => /(^|\/)mocks\//.test(f)), [], 'source maps of the fake backend');
    const embedding = maps.filter((f) => {
      const map = JSON.parse(readFileSync(join(root, f), 'utf8'));
      return Array.isArray(map.sourcesContent) && map.sourcesContent.some((s) => s);
    });
    assert.deepEqual(embedding, [], 'source maps with sourcesContent');
  });

  it('resolves every public entry point through "exports" to a shipped file', () => {
    const entries = {
      '.': ['types', 'default'],
      './define/all': ['types', 'default'],
      ...Object.fromEntries(tags.map((tag) => [`./define/${tag}`, ['types', 'default']])),
      './mocks': ['types', 'default'],
      './react': ['types'],
      './vue': ['types'],
      './contract/openapi.json': ['default'],
      './custom-elements.json': ['default'],
    };
    const problems = [];
    for (const [subpath, conditions] of Object.entries(entries)) {
      for (const condition of conditions) {
        const file = resolveExport(subpath, condition);
        if (!file) problems.push(`${subpath} [${condition}]: not exported`);
        else if (!files.has(file)) problems.push(`${subpath} [${condition}] → ${file}: not in the package`);
      }
    }
    assert.deepEqual(problems, []);
    // The old-style fields agree with ".".
    assert.equal(pkg.types.replace(/^\.\//, ''), resolveExport('.', 'types'));
    assert.equal(pkg.module.replace(/^\.\//, ''), resolveExport('.', 'default'));
    assert.ok(files.has(pkg.customElements), '"customElements" names a shipped manifest');
  });

  it('marks only the define files as having side effects', () => {
    assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.length > 0, 'sideEffects is a list');
    assert.deepEqual(pkg.sideEffects.filter((p) => !/^\.\/dist\/define\/[^/]*\.js$/.test(p)), []);
  });

  it('imports at runtime only packages a host installs with it', () => {
    const installed = new Set(Object.keys(pkg.dependencies ?? {}));
    const peers = new Set(Object.keys(pkg.peerDependencies ?? {}));
    const bare = /(?:^|[\s;])(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?['"]([^'"./][^'"]*)['"]|import\(\s*['"]([^'"./][^'"]*)['"]\s*\)/gm;
    const problems = new Set();
    for (const path of walk(join(root, 'dist')).filter((p) => p.endsWith('.js'))) {
      const rel = relative(root, path).replaceAll('\\', '/');
      for (const match of readFileSync(path, 'utf8').matchAll(bare)) {
        const specifier = match[1] ?? match[2];
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (name.startsWith('node:')) problems.add(`${rel}: imports ${specifier}`);
        else if (installed.has(name)) continue;
        // The fake backend is opt-in: its msw may be an (optional) peer dependency.
        else if (rel.startsWith('dist/mocks/') && peers.has(name)) continue;
        else problems.add(`${rel}: imports ${name}, which is not in "dependencies"${rel.startsWith('dist/mocks/') ? ' or "peerDependencies"' : ''}`);
      }
    }
    assert.deepEqual([...problems], []);
  });

  it('lets a TypeScript host use the package by name: classes, tag map, React JSX and Vue typings', () => {
    // A host project whose node_modules/hr-connect-elements is this package.
    const host = mkdtempSync(join(tmpdir(), 'hr-host-'));
    try {
      mkdirSync(join(host, 'node_modules'));
      symlinkSync(root, join(host, 'node_modules', 'hr-connect-elements'), 'dir');
      // Its other packages (lit, react, vue, …) are this project's.
      for (const dep of readdirSync(join(root, 'node_modules'))) {
        if (!dep.startsWith('.')) symlinkSync(join(root, 'node_modules', dep), join(host, 'node_modules', dep), 'dir');
      }
      writeFileSync(
        join(host, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            jsx: 'react-jsx',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: [],
          },
          include: ['*.ts', '*.tsx'],
        }),
      );
      writeFileSync(
        join(host, 'app.tsx'),
        `import { configureHrElements, HrOffboardingSavedEvent, TeamMapper } from 'hr-connect-elements';
import 'hr-connect-elements/define/all';
import 'hr-connect-elements/define/team-mapper';
import type {} from 'hr-connect-elements/react';
import type { FakeBackendHandle } from 'hr-connect-elements/mocks';

configureHrElements({ baseUrl: '/api/hr', headers: () => ({ Authorization: 'Bearer t' }) });
const mapper: TeamMapper | null = document.querySelector('team-mapper');
const created: HTMLElementTagNameMap['hr-sync-status'] = document.createElement('hr-sync-status');
created.headingLevel = 2;
export const fake: FakeBackendHandle | undefined = undefined;

export function Page() {
  return (
    <main>
      <hr-sync-status headingLevel={2} onhr-offboarding-saved={(e: HrOffboardingSavedEvent) => e.detail.graceDays} />
      <team-mapper storageKey="m" onhr-mapping-saved={(e) => e.detail.mappings.toFixed()} />
      {/* @ts-expect-error headingLevel is a number */}
      <hr-sync-status headingLevel="2" />
    </main>
  );
}
export { mapper };
`,
      );
      writeFileSync(
        join(host, 'vue-host.ts'),
        `import type { GlobalComponents } from 'vue';
import type {} from 'hr-connect-elements/vue';
type PropsOf<T> = T extends abstract new (...args: never[]) => { $props: infer P } ? P : never;
export const ok: PropsOf<GlobalComponents['team-mapper']> = { storageKey: 'm', onHrMappingSaved: (e) => void e.detail.version };
// @ts-expect-error unknown event on this element
export const bad: PropsOf<GlobalComponents['team-mapper']> = { onHrOffboardingSaved: () => undefined };
`,
      );
      // Modern resolution reads "exports"; old `node10` resolution reads "types"/"typesVersions".
      for (const resolution of [[], ['--moduleResolution', 'node10', '--ignoreDeprecations', '6.0']]) {
        const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', host, ...resolution], { encoding: 'utf8' });
        assert.equal(tsc.status, 0, `a host's tsc ${resolution.join(' ')} failed:\n${tsc.stdout}${tsc.stderr}`);
      }
    } finally {
      rmSync(host, { recursive: true, force: true });
    }
  });
});
