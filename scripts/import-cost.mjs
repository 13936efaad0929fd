// What a host pays for one element: bundles, from the built package (dist/, via its name and
// "exports", so package.json "sideEffects" applies as in a host's bundler), an entry that imports
// only `hr-connect-elements/define/<tag>`, for each tag, and one that imports `define/all`
// (dependencies bundled, minified, gzip). Fails when one element costs ≥ 90 % of all of them,
// or pulls in another element's code: a host importing one element must not pay for the others.
//
//   npm run build && npm run size:per-element
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const MAX_SHARE = 0.9;
const root = fileURLToPath(new URL('..', import.meta.url));
const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (!existsSync(join(root, 'dist/define/all.js'))) {
  console.error('dist/ is not built: run npm run build first');
  process.exit(1);
}

const tags = readdirSync(join(root, 'dist/define'))
  .filter((f) => f.endsWith('.js') && f !== 'all.js')
  .map((f) => f.slice(0, -3))
  .sort();
/** Element directories in dist/components, to see whose code a bundle contains. */
const componentDirs = readdirSync(join(root, 'dist/components'));

/**
 * Bytes loaded up front: the entry chunk and the chunks it imports statically. Lazy chunks
 * (`import()` of the other locales' catalogs) are listed apart.
 */
async function bundle(specifier) {
  const result = await build({
    // Resolved from the project root: `name` refers to this package itself (self-reference).
    stdin: { contents: `import '${specifier}';`, resolveDir: root, loader: 'js' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    metafile: true,
    logLevel: 'error',
    outdir: join(root, '.cache/import-cost'),
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((f) => [relative(root, f.path).replaceAll('\\', '/'), f.contents]));
  const entry = Object.keys(outputs).find((key) => outputs[key].entryPoint);
  const upFront = new Set();
  const visit = (key) => {
    if (upFront.has(key)) return;
    upFront.add(key);
    for (const imported of outputs[key].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const size = (keys) => {
    const code = Buffer.concat(keys.filter((k) => k.endsWith('.js')).map((k) => files.get(k)));
    return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  };
  const lazy = Object.keys(outputs).filter((k) => !upFront.has(k) && k.endsWith('.js'));
  const inputs = [...upFront].flatMap((k) => Object.keys(outputs[k].inputs)).map((p) => p.replaceAll('\\', '/'));
  const components = new Set(
    inputs.map((p) => /(?:^|\/)dist\/components\/([^/]+)\//.exec(p)?.[1]).filter((c) => c && componentDirs.includes(c)),
  );
  return { ...size([...upFront]), lazy: size(lazy), components };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const all = await bundle(`${name}/define/all`);
const rows = [];
for (const tag of tags) rows.push({ tag, ...(await bundle(`${name}/define/${tag}`)) });

const width = Math.max(...tags.map((t) => t.length), 'define/all'.length) + 'define/'.length;
console.log(`${'import'.padEnd(width)}  ${'min kB'.padStart(7)}  ${'gzip kB'.padStart(7)}  ${'of all'.padStart(6)}  other elements bundled`);
const failures = [];
for (const row of rows) {
  const share = row.gzip / all.gzip;
  const others = [...row.components].filter((c) => c !== row.tag);
  console.log(
    `${`define/${row.tag}`.padEnd(width)}  ${kb(row.raw).padStart(7)}  ${kb(row.gzip).padStart(7)}  ${`${Math.round(share * 100)} %`.padStart(6)}  ${others.join(', ') || '-'}`,
  );
  if (share >= MAX_SHARE) failures.push(`define/${row.tag} costs ${Math.round(share * 100)} % of define/all (limit ${MAX_SHARE * 100} %)`);
  if (others.length) failures.push(`define/${row.tag} bundles other elements: ${others.join(', ')}`);
}
console.log(`${'define/all'.padEnd(width)}  ${kb(all.raw).padStart(7)}  ${kb(all.gzip).padStart(7)}  ${'100 %'.padStart(6)}`);
console.log(`\nup front only; loaded later by import() (other locales): ${kb(all.lazy.gzip)} kB gzip.`);

if (failures.length) {
  console.error(`\n${failures.join('\n')}`);
  process.exitCode = 1;
}
