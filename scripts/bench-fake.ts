// `npx tsx scripts/bench-fake.ts`: how fast the fake backend answers a filtered page of 100 out of
// 50,000 invite candidates, in headless Chromium. Not a test: it prints numbers.
//
//   BENCH_SAMPLES=100 npx tsx scripts/bench-fake.ts     (default 60 timed calls per filter shape)
//
// The last line, `fake-filtered-page-ms: N`, is the p95 over every timed call of every shape.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type LaunchOptions } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);

/** Filter shapes, as `listInviteCandidates` queries (limit 100 each). */
const SHAPES: Record<string, Record<string, unknown>> = {
  'q=jan': { q: 'jan' },
  'q=müller': { q: 'müller' },
  'team=Vertrieb DACH': { team: ['hrt-vertrieb-dach'] },
  'team=none': { team: ['none'] },
  'costCenter=CC-210': { costCenter: ['cc-210'] },
  newHires: { newHires: true },
  'q+team+costCenter': { q: 'an', team: ['hrt-vertrieb-dach', 'none'], costCenter: ['cc-210', 'cc-200'] },
};

interface PageResult {
  seedMs: number;
  shapes: Record<string, { samples: number[]; total: number; items: number }>;
}

/** Runs in the page: seeds 50,000 employees, then times each shape. */
const entry = `
import { FakeBackend } from './mocks/fake-backend.js';
const shapes = ${JSON.stringify(SHAPES)};
const samples = ${SAMPLES};
const t0 = performance.now();
const backend = new FakeBackend({ size: 'large', today: '2025-03-10' });
const result = { seedMs: performance.now() - t0, shapes: {} };
for (const [name, query] of Object.entries(shapes)) {
  let res;
  for (let i = 0; i < 5; i++) res = backend.listInviteCandidates({ query: { ...query, limit: 100 } });
  const times = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    res = backend.listInviteCandidates({ query: { ...query, limit: 100 } });
    times.push(performance.now() - start);
  }
  if (res.status !== 200) throw new Error(name + ': ' + JSON.stringify(res.body));
  result.shapes[name] = { samples: times, total: res.body.total, items: res.body.items.length };
}
window.__benchFake = result;
`;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (n: number) => n.toFixed(2).padStart(8);

const bundled = await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'bench-fake-entry.ts', loader: 'ts' },
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  minify: true,
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});

// A variable specifier: chromium.mjs is plain JS without type declarations.
const chromiumModule = './chromium.mjs';
const { launchOptions } = (await import(chromiumModule)) as { launchOptions: () => LaunchOptions };
const browser = await chromium.launch(launchOptions());
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench-fake</title></head><body></body></html>');
  await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
  await page.waitForFunction(() => '__benchFake' in window || document.title === 'error', null, { timeout: 120_000 }).catch(() => undefined);
  if (errors.length) throw new Error(errors.join('\n'));
  const result = (await page.evaluate(() => (window as unknown as { __benchFake: unknown }).__benchFake)) as PageResult;

  console.log(`FakeBackend, 50,000 employees, seeded in ${result.seedMs.toFixed(0)} ms; ${SAMPLES} calls per shape, limit 100`);
  console.log(`${'shape'.padEnd(22)}${'median'.padStart(8)}${'p95'.padStart(8)}   total`);
  const all: number[] = [];
  for (const [name, r] of Object.entries(result.shapes)) {
    all.push(...r.samples);
    console.log(`${name.padEnd(22)}${ms(quantile(r.samples, 0.5))}${ms(quantile(r.samples, 0.95))}   ${r.total} (${r.items} on the page)`);
  }
  console.log(`${'all shapes'.padEnd(22)}${ms(quantile(all, 0.5))}${ms(quantile(all, 0.95))}`);
  console.log(`fake-filtered-page-ms: ${quantile(all, 0.95).toFixed(2)}`);
} finally {
  await browser.close();
}
