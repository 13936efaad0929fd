import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SyncRun } from '../contract/connection.js';
import type { HrApiError } from '../api/errors.js';
import { MutationController, newIdempotencyKey } from './mutation-controller.js';
import { QueryController } from './query-controller.js';
import type { ServicesController } from './services-controller.js';
import { endpointKey } from './query-keys.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * "Sync now": starts a sync run once (joining one already starting) and follows it until it
 * ends, then refreshes the connection and everything the sync may have changed.
 */
export class SyncRunController implements ReactiveController {
  readonly #services: ServicesController;
  readonly #start: MutationController<'startSync'>;
  readonly #run: QueryController<'getSyncRun'>;
  #runId: string | null = null;
  #key = newIdempotencyKey();
  #settled: string | null = null;

  constructor(host: Host, services: ServicesController, options: { pollMs?: number } = {}) {
    this.#services = services;
    this.#start = new MutationController(host, 'startSync', services);
    this.#run = new QueryController(
      host,
      () => ({
        endpoint: 'getSyncRun',
        params: { runId: this.#runId ?? '' },
        enabled: this.#runId !== null,
        staleTime: 0,
        refetchInterval: this.#runId && this.run?.status === 'running' ? (options.pollMs ?? 500) : false,
      }),
      services,
    );
    host.addController(this);
  }

  hostUpdate(): void {
    const run = this.run;
    if (run && run.status !== 'running' && this.#settled !== run.id) {
      this.#settled = run.id;
      const client = this.#services.value.queryClient;
      for (const endpoint of ['getConnection', 'getSyncNotices', 'getTeamMapping', 'getUserLinks', 'listInviteCandidates'] as const) {
        void client.invalidateQueries({ queryKey: endpointKey(endpoint) });
      }
    }
  }

  /** The run this element started, as last polled. */
  get run(): SyncRun | undefined {
    return this.#run.data ?? this.#start.result?.data;
  }

  get running(): boolean {
    return this.#start.isPending || this.run?.status === 'running';
  }

  get error(): HrApiError | null {
    return this.#start.error ?? this.#run.error;
  }

  async start(): Promise<void> {
    const run = await this.#start.mutate({ idempotencyKey: this.#key });
    this.#key = newIdempotencyKey();
    this.#runId = run.id;
    this.#settled = run.status === 'running' ? null : run.id;
  }

  /** Follows a run someone else started (e.g. the connection's lastSync while running). */
  follow(runId: string): void {
    if (this.#runId !== runId) {
      this.#runId = runId;
      this.#settled = null;
    }
  }
}
