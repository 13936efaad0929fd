import {
  InfiniteQueryObserver,
  QueryObserver,
  type InfiniteData,
  type InfiniteQueryObserverResult,
  type QueryObserverResult,
} from '@tanstack/query-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EndpointName, ParamsOf, QueryOf, ResponseOf } from '../contract/endpoints.js';
import type { HrApiError } from '../api/errors.js';
import { HrAuthRequiredEvent } from '../events/hr-auth-required.js';
import { queryKey } from './query-keys.js';
import { ServicesController } from './services-controller.js';
import type { HrServices } from './services.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface QueryInput<N extends EndpointName> {
  endpoint: N;
  params?: ParamsOf<N>;
  query?: QueryOf<N>;
  /** false: keep the observer idle (e.g. until an id is known). */
  enabled?: boolean;
  staleTime?: number;
  refetchInterval?: number | false;
}

export type QueryResult<N extends EndpointName> = QueryObserverResult<ResponseOf<N>, HrApiError>;

/**
 * Failures already reported, page-wide: elements sharing a query share its error object, so one
 * refused request fires one `hr-auth-required`, from the first element that sees it.
 */
const reportedFailures = new WeakSet<object>();

/** Dispatches `hr-auth-required` once per 401/403 failure, page-wide. */
function reportAuth(host: HTMLElement, error: HrApiError | null): void {
  if (!error || !error.isAuth || reportedFailures.has(error)) return;
  reportedFailures.add(error);
  host.dispatchEvent(new HrAuthRequiredEvent({ status: error.status as 401 | 403, endpoint: error.endpoint }));
}

/** What both query-core observers offer that the controllers use. */
interface Observer<Result> {
  getCurrentResult(): Result;
  subscribe(listener: (result: Result) => void): () => void;
  setOptions(options: never): void;
  refetch(): Promise<unknown>;
}

/**
 * Subscribes an element to one query in the page's shared cache: subscribes on connect, releases on
 * disconnect, re-evaluates the input before each update and switches the query when any input
 * changed. Never fetches in render: render reads `result`.
 */
abstract class ObserverController<Result extends { error: HrApiError | null; isFetching: boolean }, O extends Observer<Result>>
  implements ReactiveController
{
  protected readonly host: Host;
  protected readonly services: ServicesController;
  protected observer: O | undefined;
  #result: Result | undefined;
  #unsubscribe: (() => void) | undefined;
  #releaseWhenIdle = false;

  constructor(host: Host, services?: ServicesController) {
    this.host = host;
    this.services = services ?? new ServicesController(host);
    host.addController(this);
    this.services.onChange(() => {
      if (!this.#unsubscribe) return;
      this.#release();
      this.hostConnected();
    });
  }

  protected abstract createObserver(services: HrServices): O;
  protected abstract options(services: HrServices): object;

  hostConnected(): void {
    if (this.#releaseWhenIdle) {
      // Back before its request settled: still subscribed.
      this.#releaseWhenIdle = false;
      return;
    }
    const observer = (this.observer = this.createObserver(this.services.value));
    this.#result = observer.getCurrentResult();
    this.#unsubscribe = observer.subscribe((result) => {
      this.#result = result;
      if (this.#releaseWhenIdle) {
        if (!result.isFetching) this.#release();
        return;
      }
      reportAuth(this.host, result.error);
      this.host.requestUpdate();
    });
  }

  hostUpdate(): void {
    if (!this.#unsubscribe || this.#releaseWhenIdle || !this.observer) return;
    this.observer.setOptions(this.options(this.services.value) as never);
    this.#result = this.observer.getCurrentResult();
  }

  /**
   * Releases the subscription; while its request is under way, only once that settles: releasing
   * the last observer aborts the request, and a re-mount (same or new element) would send it again
   * instead of joining it.
   */
  hostDisconnected(): void {
    if (this.#unsubscribe && this.observer?.getCurrentResult().isFetching) this.#releaseWhenIdle = true;
    else this.#release();
  }

  #release(): void {
    this.#releaseWhenIdle = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The current result; `undefined` before the element first connected. */
  get result(): Result | undefined {
    return this.#result;
  }

  get error(): HrApiError | null {
    return this.#result?.error ?? null;
  }

  refetch(): Promise<unknown> {
    return this.observer?.refetch() ?? Promise.resolve();
  }
}

/** Subscribes an element to one endpoint's data in the page's shared cache (see ObserverController). */
export class QueryController<N extends EndpointName> extends ObserverController<QueryResult<N>, QueryObserver<ResponseOf<N>, HrApiError>> {
  readonly #input: () => QueryInput<N>;

  constructor(host: Host, input: () => QueryInput<N>, services?: ServicesController) {
    super(host, services);
    this.#input = input;
  }

  protected options(services: HrServices) {
    const input = this.#input();
    return {
      queryKey: queryKey(input.endpoint, input.params, input.query ?? undefined),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        services.api
          .request(input.endpoint, { params: input.params, query: input.query, signal } as never)
          .then((response) => response.data as ResponseOf<N>),
      enabled: input.enabled ?? true,
      // Only what the input sets: an undefined option would override the client's defaults.
      ...(input.staleTime !== undefined && { staleTime: input.staleTime }),
      ...(input.refetchInterval !== undefined && { refetchInterval: input.refetchInterval }),
    };
  }

  protected createObserver(services: HrServices) {
    return new QueryObserver<ResponseOf<N>, HrApiError>(services.queryClient, this.options(services) as never);
  }

  get data(): ResponseOf<N> | undefined {
    return this.result?.data;
  }
}

export type InfiniteResult<N extends EndpointName> = InfiniteQueryObserverResult<InfiniteData<ResponseOf<N>, string | null>, HrApiError>;
type PagesObserver<N extends EndpointName> = InfiniteQueryObserver<ResponseOf<N>, HrApiError, InfiniteData<ResponseOf<N>, string | null>, readonly unknown[], string | null>;

/**
 * Like {@link QueryController}, for cursor-paged endpoints: pages come as `fetchNextPage()` asks,
 * each with `cursor` set to the previous page's `nextCursor`.
 */
export class InfiniteQueryController<N extends EndpointName> extends ObserverController<InfiniteResult<N>, PagesObserver<N>> {
  readonly #input: () => QueryInput<N>;

  constructor(host: Host, input: () => QueryInput<N>, services?: ServicesController) {
    super(host, services);
    this.#input = input;
  }

  protected options(services: HrServices) {
    const input = this.#input();
    return {
      queryKey: [...queryKey(input.endpoint, input.params, input.query ?? undefined), 'pages'],
      queryFn: ({ signal, pageParam }: { signal: AbortSignal; pageParam: string | null }) =>
        services.api
          .request(input.endpoint, {
            params: input.params,
            query: { ...(input.query ?? {}), ...(pageParam ? { cursor: pageParam } : {}) },
            signal,
          } as never)
          .then((response) => response.data as ResponseOf<N>),
      initialPageParam: null,
      getNextPageParam: (last: ResponseOf<N>) => (last as { nextCursor?: string | null }).nextCursor ?? undefined,
      enabled: input.enabled ?? true,
      ...(input.staleTime !== undefined && { staleTime: input.staleTime }),
    };
  }

  protected createObserver(services: HrServices): PagesObserver<N> {
    return new InfiniteQueryObserver(services.queryClient, this.options(services) as never);
  }

  /** Every loaded page's data, in order. */
  get pages(): readonly ResponseOf<N>[] {
    return this.result?.data?.pages ?? [];
  }

  fetchNextPage(): Promise<unknown> {
    const result = this.result;
    if (!this.observer || !result?.hasNextPage || result.isFetchingNextPage) return Promise.resolve();
    return this.observer.fetchNextPage();
  }
}
