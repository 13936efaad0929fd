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

abstract class ObserverController<Result> implements ReactiveController {
  protected readonly host: Host;
  protected readonly services: ServicesController;
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

  protected abstract subscribe(services: HrServices, onResult: (result: Result) => void): () => void;
  protected abstract update(): void;
  protected abstract errorOf(result: Result): HrApiError | null;
  protected abstract isFetching(): boolean;

  hostConnected(): void {
    if (this.#releaseWhenIdle) {
      // Back before its request settled: still subscribed.
      this.#releaseWhenIdle = false;
      return;
    }
    this.#unsubscribe = this.subscribe(this.services.value, (result) => {
      if (this.#releaseWhenIdle) {
        if (!this.isFetching()) this.#release();
        return;
      }
      reportAuth(this.host, this.errorOf(result));
      this.host.requestUpdate();
    });
  }

  hostUpdate(): void {
    if (this.#unsubscribe && !this.#releaseWhenIdle) this.update();
  }

  /**
   * Releases the subscription; while its request is under way, only once that settles: releasing
   * the last observer aborts the request, and a re-mount (same or new element) would send it again
   * instead of joining it.
   */
  hostDisconnected(): void {
    if (this.#unsubscribe && this.isFetching()) this.#releaseWhenIdle = true;
    else this.#release();
  }

  #release(): void {
    this.#releaseWhenIdle = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

/**
 * Subscribes an element to one endpoint's data in the page's shared cache: subscribes on connect,
 * releases on disconnect, re-evaluates `input()` before each update and switches the query when any
 * input changed. Never fetches in render: render reads `result`.
 */
export class QueryController<N extends EndpointName> extends ObserverController<QueryResult<N>> {
  readonly #input: () => QueryInput<N>;
  #observer: QueryObserver<ResponseOf<N>, HrApiError> | undefined;
  #result: QueryResult<N> | undefined;

  constructor(host: Host, input: () => QueryInput<N>, services?: ServicesController) {
    super(host, services);
    this.#input = input;
  }

  #options(services: HrServices) {
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

  protected subscribe(services: HrServices, onResult: (result: QueryResult<N>) => void) {
    this.#observer = new QueryObserver<ResponseOf<N>, HrApiError>(services.queryClient, this.#options(services) as never);
    this.#result = this.#observer.getCurrentResult();
    return this.#observer.subscribe((result) => {
      this.#result = result;
      onResult(result);
    });
  }

  protected update(): void {
    this.#observer?.setOptions(this.#options(this.services.value) as never);
    if (this.#observer) this.#result = this.#observer.getCurrentResult();
  }

  protected errorOf(result: QueryResult<N>) {
    return result.error;
  }

  protected isFetching(): boolean {
    return this.#observer?.getCurrentResult().isFetching ?? false;
  }

  /** The current result; `undefined` before the element first connected. */
  get result(): QueryResult<N> | undefined {
    return this.#result;
  }

  get data(): ResponseOf<N> | undefined {
    return this.#result?.data;
  }

  get error(): HrApiError | null {
    return this.#result?.error ?? null;
  }

  refetch(): Promise<unknown> {
    return this.#observer?.refetch() ?? Promise.resolve();
  }
}

export type InfiniteResult<N extends EndpointName> = InfiniteQueryObserverResult<InfiniteData<ResponseOf<N>, string | null>, HrApiError>;

/**
 * Like {@link QueryController}, for cursor-paged endpoints: pages come as `fetchNextPage()` asks,
 * each with `cursor` set to the previous page's `nextCursor`.
 */
export class InfiniteQueryController<N extends EndpointName> extends ObserverController<InfiniteResult<N>> {
  readonly #input: () => QueryInput<N>;
  #observer: InfiniteQueryObserver<ResponseOf<N>, HrApiError, InfiniteData<ResponseOf<N>, string | null>, readonly unknown[], string | null> | undefined;
  #result: InfiniteResult<N> | undefined;

  constructor(host: Host, input: () => QueryInput<N>, services?: ServicesController) {
    super(host, services);
    this.#input = input;
  }

  #options(services: HrServices) {
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

  protected subscribe(services: HrServices, onResult: (result: InfiniteResult<N>) => void) {
    this.#observer = new InfiniteQueryObserver(services.queryClient, this.#options(services) as never);
    this.#result = this.#observer.getCurrentResult() as InfiniteResult<N>;
    return this.#observer.subscribe((result) => {
      this.#result = result as InfiniteResult<N>;
      onResult(this.#result);
    });
  }

  protected update(): void {
    this.#observer?.setOptions(this.#options(this.services.value) as never);
    if (this.#observer) this.#result = this.#observer.getCurrentResult() as InfiniteResult<N>;
  }

  protected errorOf(result: InfiniteResult<N>) {
    return result.error;
  }

  protected isFetching(): boolean {
    return this.#observer?.getCurrentResult().isFetching ?? false;
  }

  get result(): InfiniteResult<N> | undefined {
    return this.#result;
  }

  /** Every loaded page's data, in order. */
  get pages(): readonly ResponseOf<N>[] {
    return this.#result?.data?.pages ?? [];
  }

  get error(): HrApiError | null {
    return this.#result?.error ?? null;
  }

  fetchNextPage(): Promise<unknown> {
    const result = this.#result;
    if (!this.#observer || !result?.hasNextPage || result.isFetchingNextPage) return Promise.resolve();
    return this.#observer.fetchNextPage();
  }

  refetch(): Promise<unknown> {
    return this.#observer?.refetch() ?? Promise.resolve();
  }
}
