// Bundle-size budget: what a host pays when it loads the elements with every runtime dependency.
// Bundles src/define/all.ts and each src/define/<tag>.ts alone (minified, ES2022, production),
// prints raw and gzip sizes of what a page loads up front (lazy locale catalogs listed apart)
// plus the largest contributors, and fails when all.ts is above the budget. Lit templates are
// minified as in the library build (scripts/minify-templates.mjs), so this is what hosts get.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCost, kb } from './bundle-cost.mjs';
import { esbuildMinifyTemplates } from './minify-templates.mjs';

const BUDGET_KB = 45;
const root = fileURLToPath(new URL('..', import.meta.url));
const defineDir = join(root, 'src', 'define');

/** Registration files are side effects by definition, whatever package.json's sideEffects says about src/. */
const defineHasSideEffects = {
  name: 'define-has-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData?.skip) return undefined;
      const result = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { skip: true },
      });
      if (result.errors.length || !result.path.startsWith(defineDir)) return undefined;
      return { path: result.path, sideEffects: true };
    });
  },
};

/** What a page loads up front for one entry, with templates minified as in the library build. */
function bundle(entry) {
  return bundleCost(
    { absWorkingDir: root, entryPoints: [entry], outdir: join(root, 'size-out'), treeShaking: true, plugins: [defineHasSideEffects, esbuildMinifyTemplates()] },
    root,
  );
}

/** Groups bytes by npm package, element folder or src/ folder for the contributors list. */
function contributors(inputsPerChunk) {
  const totals = new Map();
  for (const [path, { bytesInOutput }] of inputsPerChunk.flatMap((inputs) => Object.entries(inputs))) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const parts = path.split('/');
    const key = match ? match[1] : parts.slice(0, parts[1] === 'components' ? 3 : 2).join('/');
    totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const tags = readdirSync(defineDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'all.ts')
  .sort();

const all = await bundle(join(defineDir, 'all.ts'));
const rows = [['src/define/all.ts', all]];
for (const tag of tags) rows.push([`src/define/${tag}`, await bundle(join(defineDir, tag))]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'entry'.padEnd(width)}  ${'min kB'.padStart(8)}  ${'gzip kB'.padStart(8)}`);
for (const [name, { raw, gzip }] of rows) {
  console.log(`${name.padEnd(width)}  ${kb(raw).padStart(8)}  ${kb(gzip).padStart(8)}`);
}

if (all.lazy.length) {
  console.log('\nloaded later by all.ts (import(), not in the total):');
  for (const chunk of all.lazy) {
    const sources = chunk.inputs.filter((input) => input.startsWith('src/'));
    const dirs = [...new Set(sources.map((input) => input.slice(0, input.lastIndexOf('/') + 1)))];
    const label = dirs.length === 1 ? `${dirs[0]}*` : (sources[0] ?? chunk.name);
    console.log(`${`  ${label}`.padEnd(width)}  ${kb(chunk.raw).padStart(8)}  ${kb(chunk.gzip).padStart(8)}`);
  }
}

console.log('\nlargest parts of all.ts up front (minified kB before gzip):');
for (const [name, bytes] of contributors(all.inputs).slice(0, 14)) {
  console.log(`  ${relative('.', name).padEnd(width)}  ${kb(bytes).padStart(8)}`);
}

const total = Number(kb(all.gzip));
if (total > BUDGET_KB) {
  console.log(`\nover budget: ${total} kB gzip > ${BUDGET_KB} kB`);
  process.exitCode = 1;
}
console.log(`total-gzip-kb: ${total.toFixed(1)}`);
