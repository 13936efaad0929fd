import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { FakeBackend, type FakeBackendOptions, type FakeSnapshot } from './fake-backend.js';
import { faults, type Faults } from './faults.js';
import { createHandlers } from './handlers.js';
import { RequestLog } from './request-log.js';

export interface StartFakeBackendOptions extends FakeBackendOptions {
  /** Where the elements send requests. Default `/api/hr`. */
  baseUrl?: string;
  /** Keeps the state in localStorage under this key across reloads (demo). */
  persistKey?: string;
  /** Silences msw's console output. Default true. */
  quiet?: boolean;
  /** Where msw's service worker is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
}

export interface FakeBackendHandle {
  /** The current backend (replaced by `reset`). */
  readonly backend: FakeBackend;
  readonly faults: Faults;
  readonly log: RequestLog;
  readonly worker: SetupWorker;
  /** Adds runtime handlers in front of the fake's (msw `worker.use`). */
  use(...handlers: RequestHandler[]): void;
  /** A fresh backend (from `options`, else the start options); clears faults, the log, runtime handlers and the stored state. */
  reset(options?: StartFakeBackendOptions): Promise<void>;
  stop(): void;
}

interface Running {
  handle: FakeBackendHandle;
  /** Switches to `options`, restoring the stored state when `persistKey` has one. */
  restart(options: StartFakeBackendOptions): void;
}

let running: Promise<Running> | undefined;

function load(options: StartFakeBackendOptions): FakeBackend {
  const { persistKey } = options;
  const stored = persistKey ? globalThis.localStorage?.getItem(persistKey) : null;
  if (stored) {
    try {
      const snapshot = JSON.parse(stored) as FakeSnapshot;
      const same = (snapshot.options.size ?? 'default') === (options.size ?? 'default') && snapshot.options.seed === options.seed;
      if (same) return FakeBackend.restore(snapshot, options.now ? { now: options.now } : {});
    } catch {
      // A snapshot from another version: start over.
    }
  }
  return new FakeBackend(options);
}

/**
 * Starts msw's service worker with the fake backend behind it. A second call on the same page
 * reuses the worker and the handle, with a backend for the new options (restored from
 * `persistKey` when stored, else fresh); faults, log and runtime handlers are cleared.
 */
export async function startFakeBackend(options: StartFakeBackendOptions = {}): Promise<FakeBackendHandle> {
  if (running) {
    const current = await running;
    current.restart(options);
    return current.handle;
  }
  running = start(options);
  try {
    return (await running).handle;
  } catch (error) {
    running = undefined;
    throw error;
  }
}

async function start(initial: StartFakeBackendOptions): Promise<Running> {
  let options = initial;
  let backend = load(options);
  const log = new RequestLog();
  const persist = () => {
    if (!options.persistKey) return;
    try {
      globalThis.localStorage?.setItem(options.persistKey, JSON.stringify(backend.snapshot()));
    } catch {
      // Storage full or blocked: the demo keeps working without persistence.
    }
  };
  const handlers = () =>
    createHandlers(() => backend, {
      baseUrl: options.baseUrl,
      faults,
      log,
      onResponse: (name) => {
        if (name === 'getSyncRun' || name === 'getConnection' || !/^(get|list|search)/.test(name)) persist();
      },
    });
  const worker = setupWorker(...handlers());
  await worker.start({
    quiet: options.quiet ?? true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });

  const restart = (next: StartFakeBackendOptions, fresh: boolean) => {
    options = next;
    if (fresh && options.persistKey) globalThis.localStorage?.removeItem(options.persistKey);
    backend = fresh ? new FakeBackend(options) : load(options);
    faults.clear();
    log.clear();
    worker.resetHandlers(...handlers());
  };
  const handle: FakeBackendHandle = {
    get backend() {
      return backend;
    },
    faults,
    log,
    worker,
    use: (...extra) => worker.use(...extra),
    reset: (next) => {
      restart(next ?? initial, true);
      return Promise.resolve();
    },
    stop: () => {
      worker.stop();
      running = undefined;
    },
  };
  return { handle, restart: (next) => restart(next, false) };
}
