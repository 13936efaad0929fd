import { MutationObserver, type MutationObserverResult } from '@tanstack/query-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BodyOf, EndpointName, ParamsOf, ResponseOf } from '../contract/endpoints.js';
import { endpoints } from '../contract/endpoints.js';
import type { HrApiError } from '../api/errors.js';
import { HrAuthRequiredEvent } from '../events/hr-auth-required.js';
import { answersWith, invalidates } from './invalidation.js';
import { endpointKey, queryKey } from './query-keys.js';
import { ServicesController } from './services-controller.js';
import type { HrServices } from './services.js';

type Host = ReactiveControllerHost & HTMLElement;

export type WriteInput<N extends EndpointName> = {
  /** For non-repeatable writes: keep the same key when retrying the same write. */
  idempotencyKey?: string;
  /** For conditional writes: the version (ETag) the admin's edit is based on. */
  ifMatch?: string;
} & (keyof ParamsOf<N> extends never ? { params?: undefined } : { params: ParamsOf<N> }) &
  (BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> });

export type MutationResult<N extends EndpointName> = MutationObserverResult<ResponseOf<N>, HrApiError, WriteInput<N>>;

/** Refreshes exactly the reads a successful write changes (see invalidation.ts). */
export function applyWrite<N extends EndpointName>(services: HrServices, endpoint: N, data: ResponseOf<N>): void {
  const document = answersWith[endpoint];
  if (document) services.queryClient.setQueryData(queryKey(document), data);
  const targets: readonly EndpointName[] | '*' | undefined = invalidates[endpoint as EndpointName];
  if (targets === '*') {
    void services.queryClient.invalidateQueries({ queryKey: ['hr'] });
  } else {
    for (const target of targets ?? []) {
      if (target === document) continue;
      void services.queryClient.invalidateQueries({ queryKey: endpointKey(target) });
    }
  }
}

/**
 * Sends one kind of write. A second `mutate` while the same write is pending joins it instead of
 * sending again — across elements too, by Idempotency-Key. On success it updates the shared
 * cache through the invalidation map.
 */
export class MutationController<N extends EndpointName> implements ReactiveController {
  readonly #host: Host;
  readonly #endpoint: N;
  readonly #services: ServicesController;
  #observer: MutationObserver<ResponseOf<N>, HrApiError, WriteInput<N>> | undefined;
  #unsubscribe: (() => void) | undefined;
  #pending: Promise<ResponseOf<N>> | undefined;
  readonly #sensitive: boolean;
  #sensitiveError: HrApiError | null = null;

  /**
   * `sensitive: true` keeps the request's variables out of the query cache (the mutation cache
   * would otherwise hold them): use it for writes that carry secrets, such as `connect`.
   */
  constructor(host: Host, endpoint: N, services?: ServicesController, options: { sensitive?: boolean } = {}) {
    this.#host = host;
    this.#endpoint = endpoint;
    this.#services = services ?? new ServicesController(host);
    this.#sensitive = options.sensitive ?? false;
    host.addController(this);
  }

  async #sendSensitive(input: WriteInput<N>): Promise<ResponseOf<N>> {
    const services = this.#services.value;
    this.#sensitiveError = null;
    try {
      const { data } = await services.api.request(this.#endpoint, input as never);
      applyWrite(services, this.#endpoint, data as ResponseOf<N>);
      return data as ResponseOf<N>;
    } catch (error) {
      this.#sensitiveError = error as HrApiError;
      if (this.#sensitiveError.isAuth) {
        this.#host.dispatchEvent(new HrAuthRequiredEvent({ status: this.#sensitiveError.status as 401 | 403, endpoint: this.#endpoint }));
      }
      throw error;
    }
  }

  #observe(): MutationObserver<ResponseOf<N>, HrApiError, WriteInput<N>> {
    if (this.#observer) return this.#observer;
    const services = this.#services.value;
    const endpoint = this.#endpoint;
    this.#observer = new MutationObserver<ResponseOf<N>, HrApiError, WriteInput<N>>(services.queryClient, {
      mutationKey: ['hr', endpoint],
      mutationFn: async (input) => {
        const { data } = await services.api.request(endpoint, input as never);
        return data as ResponseOf<N>;
      },
      onSuccess: (data) => applyWrite(services, endpoint, data),
      onError: (error) => {
        if (error.isAuth) {
          this.#host.dispatchEvent(new HrAuthRequiredEvent({ status: error.status as 401 | 403, endpoint }));
        }
      },
    });
    if (this.#host.isConnected) this.hostConnected();
    return this.#observer;
  }

  hostConnected(): void {
    if (!this.#observer || this.#unsubscribe) return;
    this.#unsubscribe = this.#observer.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  get result(): MutationResult<N> | undefined {
    return this.#observer?.getCurrentResult();
  }

  get isPending(): boolean {
    return this.#pending !== undefined;
  }

  get error(): HrApiError | null {
    return this.#sensitive ? this.#sensitiveError : (this.result?.error ?? null);
  }

  /**
   * Sends the write, or joins the one already under way from this element or (same
   * Idempotency-Key) from any element on the page. Rejects with {@link HrApiError}.
   */
  mutate(input: WriteInput<N>): Promise<ResponseOf<N>> {
    if (this.#pending) return this.#pending;
    const services = this.#services.value;
    const writeKey = endpoints[this.#endpoint].idempotencyKey && input.idempotencyKey ? `${this.#endpoint}:${input.idempotencyKey}` : null;
    const joined = writeKey ? (services.writes.get(writeKey) as Promise<ResponseOf<N>> | undefined) : undefined;
    const promise = joined ?? (this.#sensitive ? this.#sendSensitive(input) : this.#observe().mutate(input));
    if (writeKey && !joined) services.writes.set(writeKey, promise);
    this.#pending = promise;
    const settle = () => {
      if (writeKey && services.writes.get(writeKey) === promise) services.writes.delete(writeKey);
      this.#pending = undefined;
      this.#host.requestUpdate();
    };
    promise.then(settle, settle);
    this.#host.requestUpdate();
    return promise;
  }

  /** The write with this Idempotency-Key under way anywhere on the page, e.g. to re-attach after a re-mount. */
  pending(idempotencyKey: string): Promise<ResponseOf<N>> | undefined {
    return this.#services.value.writes.get(`${this.#endpoint}:${idempotencyKey}`) as Promise<ResponseOf<N>> | undefined;
  }

  reset(): void {
    this.#sensitiveError = null;
    this.#observer?.reset();
  }
}

/** A fresh Idempotency-Key for a new logical write. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
