// What a host pays for one element: bundles, from the built package (dist/, via its name and
// "exports", so package.json "sideEffects" applies as in a host's bundler), an entry that imports
// only `hr-connect-elements/define/<tag>`, for each tag, and one that imports `define/all`
// (dependencies bundled, minified, gzip). Fails when one element costs ≥ 90 % of all of them,
// or pulls in another element's code: a host importing one element must not pay for the others.
//
//   npm run build && npm run size:per-element
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCost, kb } from './bundle-cost.mjs';

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

/** What a page loads up front for a host entry importing `specifier`, and which elements it contains. */
async function bundle(specifier) {
  const cost = await bundleCost(
    // Resolved from the project root: `name` refers to this package itself (self-reference).
    { stdin: { contents: `import '${specifier}';`, resolveDir: root, loader: 'js' }, outdir: join(root, '.cache/import-cost') },
    root,
  );
  const inputs = cost.inputs.flatMap((chunk) => Object.keys(chunk)).map((p) => p.replaceAll('\\', '/'));
  const components = new Set(
    inputs.map((p) => /(?:^|\/)dist\/components\/([^/]+)\//.exec(p)?.[1]).filter((c) => c && componentDirs.includes(c)),
  );
  const lazyGzip = cost.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);
  return { raw: cost.raw, gzip: cost.gzip, lazy: { gzip: lazyGzip }, components };
}

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
