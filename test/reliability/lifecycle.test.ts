import { expect, html } from '@open-wc/testing';
import { useFakeBackend, until } from '../helpers/fixture.js';
import { clearCaseStorage, elementCases, type ElementCase } from './element-cases.js';
import { EventRecorder, mountIn, remount } from './harness.js';

/**
 * Mounting and removing an element leaves nothing behind (listeners on window/document, timers,
 * DOM observers, query observers); two instances and a re-mount while a request is under way never
 * send a request or fire an event twice.
 */

const CYCLES = 1000;

interface ListenerRecord {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

interface TimerRecord {
  kind: 'timeout' | 'interval';
  delay: number;
}

type ObserverCtor = typeof ResizeObserver | typeof IntersectionObserver | typeof MutationObserver;

/** Counts what is registered on window/document, pending timers and live DOM observers while installed. */
class LeakProbe {
  readonly listeners: ListenerRecord[] = [];
  readonly timers = new Map<number, TimerRecord>();
  readonly observers = new Set<{ name: string }>();
  #restore: (() => void)[] = [];

  install(): this {
    const probe = { listeners: this.listeners, timers: this.timers, observers: this.observers };
    const proto = EventTarget.prototype;
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    const watched = (target: EventTarget) => target === window || target === document;
    const find = (target: EventTarget, type: string, listener: EventListenerOrEventListenerObject, capture: boolean) =>
      probe.listeners.findIndex((r) => r.target === target && r.type === type && r.listener === listener && r.capture === capture);
    proto.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      if (listener && watched(this)) {
        const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
        const signal = typeof options === 'object' ? options.signal : undefined;
        if (find(this, type, listener, capture) === -1 && !signal?.aborted) {
          const record = { target: this, type, listener, capture };
          probe.listeners.push(record);
          const drop = () => {
            const index = probe.listeners.indexOf(record);
            if (index !== -1) probe.listeners.splice(index, 1);
          };
          signal?.addEventListener('abort', drop, { once: true });
          if (typeof options === 'object' && options.once) add.call(this, type, drop, { once: true, capture });
        }
      }
      return add.call(this, type, listener, options);
    };
    proto.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      if (listener && watched(this)) {
        const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
        const index = find(this, type, listener, capture);
        if (index !== -1) probe.listeners.splice(index, 1);
      }
      return remove.call(this, type, listener, options);
    };
    this.#restore.push(() => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    });

    const { setTimeout: st, setInterval: si, clearTimeout: ct, clearInterval: ci } = window;
    window.setTimeout = ((handler: TimerHandler, delay = 0, ...args: unknown[]) => {
      const id: number = st(
        (...a: unknown[]) => {
          probe.timers.delete(id);
          if (typeof handler === 'function') (handler as (...b: unknown[]) => void)(...a);
        },
        delay,
        ...args,
      );
      probe.timers.set(id, { kind: 'timeout', delay });
      return id;
    }) as typeof window.setTimeout;
    window.setInterval = ((handler: TimerHandler, delay = 0, ...args: unknown[]) => {
      const id: number = si(handler, delay, ...args);
      probe.timers.set(id, { kind: 'interval', delay });
      return id;
    }) as typeof window.setInterval;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) probe.timers.delete(id);
      ct(id);
    }) as typeof window.clearTimeout;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) probe.timers.delete(id);
      ci(id);
    }) as typeof window.clearInterval;
    this.#restore.push(() => Object.assign(window, { setTimeout: st, setInterval: si, clearTimeout: ct, clearInterval: ci }));

    for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver'] as const) {
      const Original = window[name] as ObserverCtor;
      const Counted = class extends (Original as typeof ResizeObserver) {
        readonly name = name;
        override observe(...args: Parameters<ResizeObserver['observe']>): void {
          probe.observers.add(this);
          super.observe(...args);
        }
        override disconnect(): void {
          probe.observers.delete(this);
          super.disconnect();
        }
      };
      (window as unknown as Record<string, unknown>)[name] = Counted;
      this.#restore.push(() => ((window as unknown as Record<string, unknown>)[name] = Original));
    }
    return this;
  }

  uninstall(): void {
    for (const restore of this.#restore.splice(0).reverse()) restore();
  }
}

const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1_048_576).toFixed(1)} MB`);
type Updatable = HTMLElement & { updateComplete?: Promise<unknown> };

/** The element with everything that registers outside it switched on (the invite list's URL sync). */
function lifecycleTemplate(c: ElementCase) {
  return c.tag === 'hr-invite-list' ? html`<hr-invite-list sync-url></hr-invite-list>` : c.template();
}

describe('lifecycle: mount and unmount leave nothing behind', function () {
  this.timeout(120_000);
  const fake = useFakeBackend({ size: 'small' });
  const report: string[] = [];

  afterEach(() => clearCaseStorage());

  after(() => {
    console.log(['', `Lifecycle: ${CYCLES} mount/unmount cycles per element (heap is informational)`, ...report, ''].join('\n'));
  });

  for (const c of elementCases) {
    it(`${c.tag}: ${CYCLES} cycles leave no listeners, timers, DOM observers or query observers`, async () => {
      await fake.current.reset(c.fake);
      const { el: first, provider, queryClient } = await mountIn<Updatable>(lifecycleTemplate(c));
      await until(() => c.loaded(first), `${c.tag}: loaded`);
      first.remove();
      await until(() => queryClient.isFetching() === 0, 'idle');

      const probe = new LeakProbe().install();
      const heapBefore = heap();
      const requestsBefore = fake.current.log.entries.length;
      try {
        for (let i = 0; i < CYCLES; i++) {
          const el = first.cloneNode(false) as Updatable;
          provider.append(el);
          await el.updateComplete;
          el.remove();
        }
        // Let anything the cycles started finish: fetches, debounces, Lit updates.
        await until(() => queryClient.isFetching() === 0, 'idle after the cycles');
        await new Promise((resolve) => setTimeout(resolve, 300));
      } finally {
        probe.uninstall();
      }
      const heapAfter = heap();

      const listeners = probe.listeners.map((r) => `${r.target === window ? 'window' : 'document'}:${r.type}`);
      expect(listeners, 'listeners left on window/document').to.deep.equal([]);

      const gcTime = queryClient.getDefaultOptions().queries?.gcTime;
      const pending = [...probe.timers.values()];
      const cacheGc = pending.filter((t) => t.kind === 'timeout' && t.delay === gcTime);
      const others = pending.filter((t) => !cacheGc.includes(t)).map((t) => `${t.kind} ${t.delay} ms`);
      expect(others, 'timers left pending').to.deep.equal([]);
      const queries = queryClient.getQueryCache().getAll();
      expect(cacheGc.length, 'at most one cache clean-up timer per query').to.be.at.most(queries.length);

      expect([...probe.observers].map((o) => o.name), 'DOM observers left observing').to.deep.equal([]);
      const observed = queries.filter((q) => q.getObserversCount() > 0).map((q) => JSON.stringify(q.queryKey));
      expect(observed, 'queries still observed').to.deep.equal([]);
      expect(fake.current.log.entries.length - requestsBefore, 'the cycles were served from the cache').to.be.at.most(2);

      report.push(`${c.tag}: heap ${mb(heapBefore)} -> ${mb(heapAfter)}, ${queries.length} queries, ${cacheGc.length} cache clean-up timers`);
    });
  }
});

describe('lifecycle: no request or event twice', function () {
  this.timeout(20_000);
  const fake = useFakeBackend({ size: 'small' });
  let events: EventRecorder;

  beforeEach(() => {
    events = new EventRecorder().start();
  });

  afterEach(() => {
    events.stop();
    fake.current.faults.clear();
    clearCaseStorage();
  });

  /** No GET for the same URL twice. */
  function expectNoReadTwice(): void {
    const reads = fake.current.log.entries.filter((r) => r.method === 'GET').map((r) => `${r.endpoint} ${r.url}`);
    const twice = reads.filter((r, i) => reads.indexOf(r) !== i);
    expect(twice, 'reads sent twice').to.deep.equal([]);
  }

  for (const c of elementCases) {
    it(`${c.tag}: two instances share each read and fire one event per write`, async () => {
      await fake.current.reset(c.fake);
      const { el: one } = await mountIn<Updatable>(html`${c.template()}${c.template()}`);
      const two = one.nextElementSibling as Updatable;
      expect(two.localName).to.equal(c.tag);
      await until(() => c.loaded(one) && c.loaded(two), `${c.tag}: both loaded`);
      expectNoReadTwice();

      await c.write.prepare(one, fake.current);
      await c.write.trigger(one);
      await until(() => events.count(c.write.successEvent) > 0, `${c.tag}: the write`, 6000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fake.current.log.count(c.write.endpoint), 'one write').to.equal(1);
      const fired = events.events.filter((e) => e.type === c.write.successEvent);
      expect(fired.map((e) => e.target === one), 'one success event, from the element that wrote').to.deep.equal([true]);
      expect(events.count(c.write.successEvent), 'one success event at the document').to.equal(1);
    });

    it(`${c.tag}: two instances report a refused read once`, async () => {
      await fake.current.reset(c.fake);
      fake.current.faults.set({ kind: '401', endpoints: [c.read], times: 1 });
      const { el: one } = await mountIn<Updatable>(html`${c.template()}${c.template()}`);
      const two = one.nextElementSibling as Updatable;
      await until(() => c.loadError(one) && c.loadError(two), `${c.tag}: both show the error`);
      expect(fake.current.log.count(c.read), 'one request').to.equal(1);
      expect(events.of('hr-auth-required').map((e) => e.detail), 'one event for one refused request').to.deep.equal([{ status: 401, endpoint: c.read }]);
    });

    it(`${c.tag}: a re-mount while loading sends the read once`, async () => {
      await fake.current.reset(c.fake);
      fake.current.faults.set({ kind: 'latency', ms: 300, endpoints: [c.read], times: 1 });
      const { el, queryClient } = await mountIn<Updatable>(c.template());
      await until(() => fake.current.log.count(c.read) === 1, 'the read under way');
      const again = await remount(el);
      await until(() => c.loaded(again), `${c.tag}: loaded after the re-mount`);
      expect(fake.current.log.count(c.read), `${c.read} sent once`).to.equal(1);
      expectNoReadTwice();
      // The removed instance let go once its request settled; the new one lets go when removed.
      again.remove();
      await until(() => queryClient.isFetching() === 0, 'idle');
      expect(queryClient.getQueryCache().getAll().filter((q) => q.getObserversCount() > 0).map((q) => JSON.stringify(q.queryKey))).to.deep.equal([]);
    });

    it(`${c.tag}: a re-mount while writing sends the write once and fires at most one event`, async () => {
      await fake.current.reset(c.fake);
      const { el } = await mountIn<Updatable>(c.template());
      await until(() => c.loaded(el), `${c.tag}: loaded`);
      await c.write.prepare(el, fake.current);
      fake.current.faults.set({ kind: 'latency', ms: 400, endpoints: [c.write.endpoint], times: 1 });
      await c.write.trigger(el);
      await until(() => fake.current.log.count(c.write.endpoint) === 1, 'the write under way');
      const again = await remount(el);
      await until(() => fake.current.log.of(c.write.endpoint).every((r) => r.status !== undefined), 'the write answered', 4000);
      await until(() => queryFnIdle(again), 'the refresh after the write', 4000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fake.current.log.count(c.write.endpoint), 'one write').to.equal(1);
      expect(events.count(c.write.successEvent), 'at most one success event').to.be.at.most(1);
    });
  }
});

function queryFnIdle(el: HTMLElement): boolean {
  const provider = el.closest('hr-api-provider') as (HTMLElement & { services: { queryClient: { isFetching(): number } } }) | null;
  return !provider || provider.services.queryClient.isFetching() === 0;
}
