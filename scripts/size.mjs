// Bundle-size budget: what a host pays when it loads the elements with every runtime dependency.
// Bundles src/define/all.ts and each src/define/<tag>.ts alone (minified, ES2022, production),
// prints raw and gzip sizes of what a page loads up front (lazy locale catalogs listed apart)
// plus the largest contributors, and fails when all.ts is above the budget. Lit templates are
// minified as in the library build (scripts/minify-templates.mjs), so this is what hosts get.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildMinifyTemplates } from './minify-templates.mjs';

const BUDGET_KB = 45;
const root = fileURLToPath(new URL('..', import.meta.url));
const defineDir = join(root, 'src', 'define');

const kb = (bytes) => (bytes / 1024).toFixed(1);

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

/**
 * Bundles one entry with code splitting, so what loads later (the de/nl catalogs behind
 * `import()`) is measured apart from what a page loads up front: the entry and every chunk it
 * imports statically.
 */
async function bundle(entry) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    treeShaking: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: join(root, 'size-out'),
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: [defineHasSideEffects, esbuildMinifyTemplates()],
  });
  const files = new Map(result.outputFiles.map((file) => [relative(root, file.path), file.contents]));
  const outputs = result.metafile.outputs;
  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint);

  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of outputs[name].imports) if (dep.kind === 'import-statement' && !dep.external) visit(dep.path);
  };
  visit(entryName);

  const measure = (names) =>
    [...names].reduce(
      (sum, name) => ({
        raw: sum.raw + files.get(name).byteLength,
        gzip: sum.gzip + gzipSync(files.get(name), { level: 9 }).byteLength,
      }),
      { raw: 0, gzip: 0 },
    );
  const lazy = Object.keys(outputs).filter((name) => name.endsWith('.js') && !initial.has(name));
  return {
    ...measure(initial),
    lazy: lazy.map((name) => ({ name, inputs: Object.keys(outputs[name].inputs), ...measure([name]) })),
    inputs: [...initial].map((name) => outputs[name].inputs),
  };
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
