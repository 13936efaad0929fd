// `npm run bench`: <hr-invite-list> against <vaadin-grid> and a plain lit repeat() table, with the
// fake backend's 50,000 employees, in headless Chromium. Not a test: it prints medians and ratios.
//
//   BENCH_RUNS=7 npm run bench      (default 5 runs per contender, interleaved, fresh page each)
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { launchOptions } from './chromium.mjs';
import type { RunResult } from './bench-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const QUERIES = ['an', 'ber', 'mül', 'jan', 'sch'];
type Contender = 'ours' | 'vaadin' | 'plain';
const ALL: Contender[] = ['ours', 'vaadin', 'plain'];
/** BENCH_ONLY=ours,vaadin skips the others (their columns print as 0). */
const CONTENDERS: Contender[] = ALL.filter((c) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(c));
const LABEL: Record<Contender, string> = { ours: 'hr-invite-list', vaadin: 'vaadin-grid', plain: 'lit repeat() table' };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: { bench: join(root, 'scripts/bench-page.ts'), 'bench-worker': join(root, 'scripts/bench-worker.ts') },
    outdir: dir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    // package.json marks only dist/define/* as side effects; the bench imports the sources.
    ignoreAnnotations: true,
  });
}

async function serve(dir: string) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:14px system-ui,sans-serif}#stage{width:1280px}</style></head>
<body><div id="stage"></div><script type="module" src="/bench.js"></script></body></html>`;
  const server = createServer(async (req, res) => {
    if (req.url === '/bench.js' || req.url === '/bench-worker.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(await readFile(join(dir, req.url.slice(1))));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hr-bench-'));
  await bundle(dir);
  const { server, url } = await serve(dir);
  const browser = await chromium.launch(launchOptions());
  const results: Record<Contender, RunResult[]> = { ours: [], vaadin: [], plain: [] };
  let prepared: { rows: number; searches: Record<string, number> } | undefined;
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const contender of CONTENDERS) {
        const context = await browser.newContext({ viewport: { width: 1320, height: 900 } });
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`[${contender}] page error:`, error.message));
        await page.goto(url);
        await page.waitForFunction(() => 'bench' in window);
        prepared = await page.evaluate((queries) => window.bench.prepare(queries), QUERIES);
        const result = await page.evaluate(([c, queries]) => window.bench.run(c as 'ours', queries as string[]), [contender, QUERIES] as const);
        results[contender].push(result);
        process.stdout.write(`run ${i + 1}/${RUNS} ${LABEL[contender]}: first paint ${fmt(result.firstPaint.ms)} ms\n`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }

  const m = (c: Contender, pick: (r: RunResult) => number) => median(results[c].map(pick));
  const searchMs = (r: RunResult) => median(r.search.map((s) => s.ms));
  const searchWork = (r: RunResult) => median(r.search.map((s) => s.workMs));
  const searchLong = (r: RunResult) => r.search.reduce((sum, s) => sum + s.longTasks.count, 0);
  const rows: [string, (r: RunResult) => number][] = [
    ['data → first rows painted (ms)', (r) => r.firstPaint.ms],
    ['  of which main-thread work (ms)', (r) => r.firstPaint.workMs],
    ['  long tasks', (r) => r.firstPaint.longTasks.count],
    ['search: response → painted (ms)', searchMs],
    ['  of which main-thread work (ms)', searchWork],
    [`  long tasks (${QUERIES.length} searches)`, searchLong],
    ['select all matching → painted (ms)', (r) => r.selectAll.ms],
    ['  of which main-thread work (ms)', (r) => r.selectAll.workMs],
    ['  long tasks', (r) => r.selectAll.longTasks.count],
    [`scroll ${120} frames: long tasks`, (r) => r.scroll.count],
    ['  long task time (ms)', (r) => r.scroll.totalMs],
    ['  longest frame (ms)', (r) => r.scroll.maxFrameMs],
  ];
  console.log(`\n${prepared?.rows ?? '?'} invite candidates, searches ${JSON.stringify(prepared?.searches ?? {})}; medians of ${RUNS} runs`);
  const header = ['metric', ...ALL.map((c) => LABEL[c]), 'vaadin / ours', 'table / ours'];
  const table = rows.map(([name, pick]) => {
    const [ours, vaadin, plain] = ALL.map((c) => (results[c].length ? m(c, pick) : 0)) as [number, number, number];
    const ratio = (other: number) => (ours > 0 ? `${(other / ours).toFixed(1)}×` : other > 0 ? '∞' : '=');
    return [name, fmt(ours), fmt(vaadin), fmt(plain), ratio(vaadin), ratio(plain)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of table) console.log(line(r));

  const first = (c: Contender) => (results[c].length ? m(c, (r) => r.firstPaint.ms) : NaN);
  const goals = [
    ['first paint ≤ 100 ms', first('ours') <= 100],
    ['first paint no slower than vaadin-grid', first('ours') <= first('vaadin')],
    ['first paint ≥ 10× faster than the plain table', first('plain') / first('ours') >= 10],
    ['search main-thread work ≤ 16 ms', m('ours', searchWork) <= 16],
    ['search without long tasks', m('ours', searchLong) === 0],
    ['search no slower than vaadin-grid', m('ours', searchMs) <= m('vaadin', searchMs)],
    ['select all main-thread work ≤ 16 ms', m('ours', (r) => r.selectAll.workMs) <= 16],
    ['scrolling without long tasks', m('ours', (r) => r.scroll.count) === 0],
  ] as const;
  console.log('\ngoals:');
  for (const [goal, met] of goals) console.log(`  ${met ? 'met    ' : 'MISSED '} ${goal}`);
  console.log('"→ painted" includes the wait for the next frame; "main-thread work" is data → last DOM change plus that frame\'s style/layout/paint.');

  const fakeBench = join(root, 'scripts/bench-fake.ts');
  if (existsSync(fakeBench)) {
    const out = spawnSync(process.execPath, ['--import', 'tsx', fakeBench], { cwd: root, encoding: 'utf8' });
    const last = `${out.stdout ?? ''}`.trim().split('\n').pop();
    console.log(`\nscripts/bench-fake.ts: ${last || `(no output; exit ${out.status}) ${out.stderr?.trim().split('\n').pop() ?? ''}`}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
