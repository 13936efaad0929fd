// The page `npm run bench` loads in headless Chromium (bundled by scripts/bench.ts). It runs the
// fake backend in the page (50,000 employees) behind a fetch of its own, and measures the same
// rows in <hr-invite-list>, in <vaadin-grid> and in a plain lit repeat() table.
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import '@vaadin/grid/vaadin-grid-selection-column.js';
import type { Grid } from '@vaadin/grid';
import type { GridSelectionColumn } from '@vaadin/grid/vaadin-grid-selection-column.js';
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { FakeRequest } from '../mocks/fake-backend.js';
import type { HrInviteList } from '../src/components/hr-invite-list/hr-invite-list.js';
import { endpoints, type EndpointName } from '../src/contract/endpoints.js';
import type { InviteCandidate, InviteCandidatePage } from '../src/contract/invites.js';
import { createQueryClient } from '../src/data/query-client.js';
import '../src/define/hr-api-provider.js';
import '../src/define/hr-invite-list.js';

const BASE = '/api/hr';

/** The fake backend runs in a worker (scripts/bench-worker.ts), like a server would. */
const worker = new Worker('/bench-worker.js', { type: 'module' });
const workerReady = new Promise<void>((resolve) => worker.addEventListener('message', () => resolve(), { once: true }));
const pending = new Map<number, (res: { status: number; body: string | null; headers: Record<string, string> }) => void>();
let nextId = 1;
worker.addEventListener('message', (event) => {
  const { id } = event.data as { id?: number };
  if (id !== undefined) {
    pending.get(id)?.(event.data);
    pending.delete(id);
  }
});

function callFake(name: EndpointName, req: FakeRequest): Promise<{ status: number; body: string | null; headers: Record<string, string> }> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, name, req });
  });
}

// ---------------------------------------------------------------- fetch → fake backend

const routes = Object.entries(endpoints).map(([name, e]) => ({
  name: name as EndpointName,
  method: e.method,
  pattern: new RegExp(`^${BASE}${e.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

/** When the last invite-candidates response landed, and for which search. */
let landed: { at: number; q: string } | null = null;

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const route = routes.find((r) => r.method === request.method && r.pattern.test(url.pathname));
  if (!route) return new Response(null, { status: 404 });
  const params = { ...url.pathname.match(route.pattern)?.groups };
  const query: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  const text = request.method === 'GET' ? '' : await request.text();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  const res = await callFake(route.name, { params, query, body: text ? JSON.parse(text) : undefined, headers });
  const response = new Response(res.body, {
    status: res.status,
    headers: { 'content-type': res.status >= 400 ? 'application/problem+json' : 'application/json', ...res.headers },
  });
  if (route.name === 'listInviteCandidates') landed = { at: performance.now(), q: url.searchParams.get('q') ?? '' };
  return response;
}

// ---------------------------------------------------------------- timing helpers

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

interface LongTaskStats {
  count: number;
  totalMs: number;
  maxMs: number;
}

function longTasksBetween(from: number, to: number): LongTaskStats {
  const hits = longTasks.filter((t) => t.startTime + t.duration > from && t.startTime < to);
  return {
    count: hits.length,
    totalMs: hits.reduce((sum, t) => sum + t.duration, 0),
    maxMs: hits.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

/** After the next frame has been painted (a task queued from requestAnimationFrame runs after paint). */
function nextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
}

/** The first frame in which `ready()` holds: when its rendering started and when it was painted. */
async function paintedWhen(ready: () => unknown, timeoutMs = 60_000): Promise<{ frameStart: number; painted: number }> {
  const start = performance.now();
  for (;;) {
    const done = await new Promise<{ frameStart: number; painted: number } | null>((resolve) =>
      requestAnimationFrame(() => {
        if (!ready()) return resolve(null);
        const frameStart = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ frameStart, painted: performance.now() });
        channel.port2.postMessage(0);
      }),
    );
    if (done !== null) return done;
    if (performance.now() - start > timeoutMs) throw new Error('bench: timed out waiting for a paint');
  }
}

export interface Measure {
  /** From the data (or the input) to after the paint that shows it, idle frame wait included. */
  ms: number;
  /**
   * Main-thread work of that: data → last DOM change (script, render) plus the painted frame's
   * own style/layout/paint. Leaves out the wait for the frame.
   */
  workMs: number;
  longTasks: LongTaskStats;
}

/** Records DOM changes under `roots` so the end of the script work can be found. */
function watch(roots: Node[]): { lastAfter(from: number): number; stop(): void } {
  const times: number[] = [];
  const observer = new MutationObserver(() => times.push(performance.now()));
  for (const root of roots) observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    lastAfter: (from) => times.filter((t) => t >= from).reduce((a, b) => Math.max(a, b), from),
    stop: () => observer.disconnect(),
  };
}

async function measure(from: () => number, ready: () => unknown, roots: Node[], watcher = watch(roots)): Promise<Measure> {
  const { frameStart, painted } = await paintedWhen(ready);
  watcher.stop();
  const start = from();
  const scriptEnd = Math.min(frameStart, watcher.lastAfter(start));
  return { ms: painted - start, workMs: scriptEnd - start + (painted - frameStart), longTasks: longTasksBetween(start, painted) };
}

const idle = () => new Promise((resolve) => setTimeout(resolve, 50));

// ---------------------------------------------------------------- the same rows for every contender

interface FlatRow {
  employeeId: string;
  name: string;
  email: string;
  hrTeam: string;
  costCenters: string;
  hireDate: string;
  target: string;
}

async function allCandidates(q = ''): Promise<InviteCandidate[]> {
  const items: InviteCandidate[] = [];
  let cursor: string | undefined;
  do {
    const res = await callFake('listInviteCandidates', { query: { limit: 500, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } });
    const page = JSON.parse(res.body!) as InviteCandidatePage;
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const flat = (c: InviteCandidate): FlatRow => ({
  employeeId: c.employeeId,
  name: c.name,
  email: c.email ?? '',
  hrTeam: c.hrTeam?.name ?? '',
  costCenters: c.costCenters.map((cc) => `${cc.name} ${cc.percentage} %`).join(', '),
  hireDate: c.hireDate ?? '',
  target: c.target.kind === 'team' ? c.target.appTeam.name : c.target.kind === 'team_not_mapped' ? 'Team not in the app yet' : 'No team in HR',
});

let allRows: FlatRow[] = [];
const searchRows = new Map<string, FlatRow[]>();

async function prepare(queries: string[]): Promise<{ rows: number; searches: Record<string, number> }> {
  await workerReady;
  allRows = (await allCandidates()).map(flat);
  for (const q of queries) searchRows.set(q, (await allCandidates(q)).map(flat));
  return { rows: allRows.length, searches: Object.fromEntries([...searchRows].map(([q, rows]) => [q, rows.length])) };
}

const stage = () => document.getElementById('stage')!;

/** Empties the stage; lit's plain table renders into a fresh container each time. */
let plainHost = document.createElement('div');
function reset(): void {
  plainHost = document.createElement('div');
  stage().replaceChildren();
  landed = null;
}

// ---------------------------------------------------------------- hr-invite-list

let list: HrInviteList | null = null;
const listGrid = () => list?.shadowRoot?.querySelector<HTMLElement>('[role="grid"]') ?? null;

/** aria-rowcount of the unfiltered list, read after the first paint. */
let unfilteredRowCount: string | null = null;

async function oursFirstPaint(): Promise<Measure> {
  reset();
  const watcher = watch([stage()]);
  const provider = document.createElement('hr-api-provider');
  provider.fetch = fakeFetch;
  provider.queryClient = createQueryClient();
  list = document.createElement('hr-invite-list');
  provider.append(list);
  stage().append(provider);
  await list.updateComplete;
  const shadow = watch([list.shadowRoot!]);
  watcher.stop();
  const result = await measure(() => landed!.at, () => landed && list?.shadowRoot?.querySelector('[data-row]'), [], shadow);
  unfilteredRowCount = listGrid()?.getAttribute('aria-rowcount') ?? null;
  return result;
}

async function oursSearch(q: string): Promise<Measure> {
  const input = list!.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  landed = null;
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return measure(() => landed!.at, () => landed?.q === q && listGrid()?.getAttribute('aria-busy') === 'false', [list!.shadowRoot!]);
}

async function oursClearSearch(): Promise<void> {
  const input = list!.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  // The unfiltered list is still fresh in the shared cache, so clearing may send no request:
  // wait for its rows (the first row of the unfiltered list) rather than for a response.
  await paintedWhen(() => listGrid()?.getAttribute('aria-busy') === 'false' && listGrid()?.getAttribute('aria-rowcount') === unfilteredRowCount);
  await idle();
}

async function oursSelectAll(): Promise<Measure> {
  const grid = listGrid()!;
  const watcher = watch([list!.shadowRoot!]);
  const start = performance.now();
  grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, composed: true }));
  return measure(() => start, () => grid.querySelector('[data-row][aria-selected="true"]'), [], watcher);
}

// ---------------------------------------------------------------- vaadin-grid

let vgrid: Grid<FlatRow> | null = null;

function vaadinCell(name: string): boolean {
  return [...(vgrid?.querySelectorAll('vaadin-grid-cell-content') ?? [])].some((c) => c.textContent === name);
}

async function vaadinFirstPaint(): Promise<Measure> {
  reset();
  const watcher = watch([stage()]);
  const start = performance.now();
  vgrid = document.createElement('vaadin-grid') as Grid<FlatRow>;
  vgrid.style.height = '28rem';
  const selection = document.createElement('vaadin-grid-selection-column');
  vgrid.append(selection);
  for (const [path, header] of [
    ['name', 'Name'],
    ['email', 'E-mail'],
    ['hrTeam', 'HR team'],
    ['costCenters', 'Cost centres'],
    ['hireDate', 'Hire date'],
    ['target', 'Joins team'],
  ] as const) {
    const column = document.createElement('vaadin-grid-column');
    column.path = path;
    column.header = header;
    vgrid.append(column);
  }
  vgrid.items = allRows;
  stage().append(vgrid);
  const first = allRows[0]!.name;
  return measure(() => start, () => vaadinCell(first), [], watcher);
}

async function vaadinSearch(q: string): Promise<Measure> {
  const rows = searchRows.get(q)!;
  const watcher = watch([vgrid!, vgrid!.shadowRoot!]);
  const start = performance.now();
  vgrid!.items = rows;
  return measure(() => start, () => vaadinCell(rows[0]!.name), [], watcher);
}

async function vaadinClearSearch(): Promise<void> {
  vgrid!.items = allRows;
  await paintedWhen(() => vaadinCell(allRows[0]!.name));
  await idle();
}

async function vaadinSelectAll(): Promise<Measure> {
  const column = vgrid!.querySelector<GridSelectionColumn<FlatRow>>('vaadin-grid-selection-column')!;
  const watcher = watch([vgrid!, vgrid!.shadowRoot!]);
  const start = performance.now();
  column.selectAll = true;
  return measure(() => start, () => vgrid!.shadowRoot?.querySelector('tr[selected]'), [], watcher);
}

// ---------------------------------------------------------------- plain lit repeat() table

let plainSelected = false;

function renderPlain(rows: FlatRow[]): void {
  render(
    html`<div style="height: 28rem; overflow: auto" id="plain-scroller">
      <table>
        <thead>
          <tr><th></th><th>Name</th><th>E-mail</th><th>HR team</th><th>Cost centres</th><th>Hire date</th><th>Joins team</th></tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (r) => r.employeeId,
            (r) => html`<tr>
              <td><input type="checkbox" .checked=${plainSelected} aria-label=${r.name} /></td>
              <td>${r.name}</td><td>${r.email}</td><td>${r.hrTeam}</td><td>${r.costCenters}</td><td>${r.hireDate}</td><td>${r.target}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
    plainHost,
  );
  if (!plainHost.isConnected) stage().append(plainHost);
}

async function plainFirstPaint(): Promise<Measure> {
  reset();
  plainSelected = false;
  const watcher = watch([stage()]);
  const start = performance.now();
  renderPlain(allRows);
  return measure(() => start, () => true, [], watcher);
}

async function plainSearch(q: string): Promise<Measure> {
  const watcher = watch([stage()]);
  const start = performance.now();
  renderPlain(searchRows.get(q)!);
  return measure(() => start, () => true, [], watcher);
}

async function plainClearSearch(): Promise<void> {
  renderPlain(allRows);
  await nextPaint();
  await idle();
}

async function plainSelectAll(): Promise<Measure> {
  const watcher = watch([stage()]);
  const start = performance.now();
  plainSelected = true;
  renderPlain(allRows);
  return measure(() => start, () => true, [], watcher);
}

// ---------------------------------------------------------------- scrolling

/** Scrolls `frames` frames by `step` px each; long tasks and the longest frame meanwhile. */
async function scrollBy(scroller: () => HTMLElement | null, frames: number, step: number): Promise<LongTaskStats & { maxFrameMs: number }> {
  await idle();
  const start = performance.now();
  let last = start;
  let maxFrameMs = 0;
  for (let i = 0; i < frames; i++) {
    const el = scroller();
    if (el) el.scrollTop += step;
    const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    maxFrameMs = Math.max(maxFrameMs, now - last);
    last = now;
  }
  const end = await nextPaint();
  return { ...longTasksBetween(start, end), maxFrameMs };
}

// ---------------------------------------------------------------- one run of everything

export interface RunResult {
  firstPaint: Measure;
  search: Measure[];
  selectAll: Measure;
  scroll: LongTaskStats & { maxFrameMs: number };
}

type Contender = 'ours' | 'vaadin' | 'plain';

const SCROLL_FRAMES = 120;
const SCROLL_STEP = 400;

async function run(contender: Contender, queries: string[]): Promise<RunResult> {
  const impl = {
    ours: {
      firstPaint: oursFirstPaint,
      search: oursSearch,
      clear: oursClearSearch,
      selectAll: oursSelectAll,
      scroller: () => listGrid(),
    },
    vaadin: {
      firstPaint: vaadinFirstPaint,
      search: vaadinSearch,
      clear: vaadinClearSearch,
      selectAll: vaadinSelectAll,
      scroller: () => (vgrid as unknown as { $: { table: HTMLElement } } | null)?.$.table ?? null,
    },
    plain: {
      firstPaint: plainFirstPaint,
      search: plainSearch,
      clear: plainClearSearch,
      selectAll: plainSelectAll,
      scroller: () => document.getElementById('plain-scroller'),
    },
  }[contender];
  const firstPaint = await impl.firstPaint();
  await idle();
  const search = [];
  for (const q of queries) {
    search.push(await impl.search(q));
    await idle();
    await impl.clear();
  }
  const scroll = await scrollBy(impl.scroller, SCROLL_FRAMES, SCROLL_STEP);
  await idle();
  const selectAll = await impl.selectAll();
  await idle();
  reset();
  return { firstPaint, search, selectAll, scroll };
}

declare global {
  interface Window {
    bench: { prepare: typeof prepare; run: typeof run };
  }
}

window.bench = { prepare, run };
