// One way to measure what a page pays for an entry: esbuild bundles it with every dependency
// (minified, ES2022, production, code splitting), then counts what loads up front — the entry and
// every chunk it imports statically — each chunk gzipped on its own, as a server sends it. What
// loads later (locale catalogs behind `import()`) is returned apart. Used by size.mjs and
// import-cost.mjs so both report the same numbers.
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * @param {import('esbuild').BuildOptions & { outdir: string }} options entry (entryPoints or
 *   stdin), absWorkingDir/outdir and plugins; the measuring options are set here.
 * @param {string} root paths in the result are relative to it
 */
export async function bundleCost(options, root) {
  const result = await build({
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
    ...options,
  });
  const files = new Map(result.outputFiles.map((file) => [relative(root, file.path).replaceAll('\\', '/'), file.contents]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint);

  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const dep of outputs[name].imports) if (dep.kind === 'import-statement' && !dep.external) visit(dep.path);
  };
  visit(entry);

  const measure = (names) =>
    [...names].reduce(
      (sum, name) => ({
        raw: sum.raw + files.get(name).byteLength,
        gzip: sum.gzip + gzipSync(files.get(name), { level: 9 }).byteLength,
      }),
      { raw: 0, gzip: 0 },
    );
  const lazy = Object.keys(outputs).filter((name) => name.endsWith('.js') && !upFront.has(name));
  return {
    ...measure(upFront),
    lazy: lazy.map((name) => ({ name, inputs: Object.keys(outputs[name].inputs), ...measure([name]) })),
    /** Per up-front chunk: its inputs with bytesInOutput, from the metafile. */
    inputs: [...upFront].map((name) => outputs[name].inputs),
  };
}

export const kb = (bytes) => (bytes / 1024).toFixed(1);
