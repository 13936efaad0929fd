import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SyncRun } from '../contract/connection.js';
import type { HrApiError } from '../api/errors.js';
import { MutationController, newIdempotencyKey } from './mutation-controller.js';
import { QueryController } from './query-controller.js';
import type { ServicesController } from './services-controller.js';
import { endpointKey } from './query-keys.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface SyncRunOptions {
  /** How often a running sync is polled, in ms. Default 500. */
  pollMs?: number;
  /** The connection's last sync: when it is running, it is followed too (someone else started it). */
  lastSync?: () => SyncRun | null | undefined;
}

/**
 * "Sync now": starts a sync run (joining one already starting), follows it until it ends, then
 * refreshes the connection and everything a sync may have changed.
 */
export class SyncRunController implements ReactiveController {
  readonly #services: ServicesController;
  readonly #start: MutationController<'startSync'>;
  readonly #poll: QueryController<'getSyncRun'>;
  readonly #lastSync: () => SyncRun | null | undefined;
  #startedId: string | null = null;
  #settled: string | null = null;
  #error: HrApiError | null = null;

  constructor(host: Host, services: ServicesController, options: SyncRunOptions = {}) {
    this.#services = services;
    this.#lastSync = options.lastSync ?? (() => undefined);
    this.#start = new MutationController(host, 'startSync', services);
    this.#poll = new QueryController(
      host,
      () => {
        const runId = this.#followedId();
        return {
          endpoint: 'getSyncRun',
          params: { runId: runId ?? '' },
          enabled: runId !== null,
          staleTime: 0,
          refetchInterval: runId && this.run?.status === 'running' ? (options.pollMs ?? 500) : false,
        };
      },
      services,
    );
    host.addController(this);
  }

  #followedId(): string | null {
    if (this.#startedId) return this.#startedId;
    const last = this.#lastSync();
    return last?.status === 'running' ? last.id : null;
  }

  hostUpdate(): void {
    const run = this.run;
    if (run && run.status !== 'running' && this.#settled !== run.id && run.id === this.#followedId()) {
      this.#settled = run.id;
      const client = this.#services.value.queryClient;
      for (const endpoint of ['getConnection', 'getSyncNotices', 'getTeamMapping', 'getUserLinks', 'listInviteCandidates'] as const) {
        void client.invalidateQueries({ queryKey: endpointKey(endpoint) });
      }
    }
  }

  /** The run being followed, as last polled; else the connection's last sync. */
  get run(): SyncRun | undefined {
    const id = this.#followedId();
    const polled = this.#poll.data;
    if (id && polled?.id === id) return polled;
    const started = this.#start.result?.data;
    if (id && started?.id === id) return started;
    return this.#lastSync() ?? undefined;
  }

  get running(): boolean {
    return this.#start.isPending || this.run?.status === 'running';
  }

  /** The run started from this element (for "Sync finished" announcements). */
  get startedId(): string | null {
    return this.#startedId;
  }

  get error(): HrApiError | null {
    return this.#error ?? this.#poll.error;
  }

  /** Starts a sync; rejects with HrApiError (also kept in `error`). */
  async start(): Promise<void> {
    if (this.running) return;
    this.#error = null;
    try {
      const run = await this.#start.mutate({ idempotencyKey: newIdempotencyKey() });
      this.#startedId = run.id;
      this.#settled = run.status === 'running' ? null : run.id;
    } catch (error) {
      this.#error = error as HrApiError;
      throw error;
    }
  }

  /** Forgets the run started here (e.g. after disconnecting). */
  forget(): void {
    this.#startedId = null;
    this.#error = null;
  }
}
