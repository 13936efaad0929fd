import { QueryClient } from '@tanstack/query-core';
import { isHrApiError } from '../api/errors.js';

const MAX_QUERY_RETRIES = 2;

/** Retry transient faults only (network, timeout, 408, 429, 5xx); never other 4xx or contract errors. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_QUERY_RETRIES && isHrApiError(error) && error.isTransient;
}

/** Retry-After when the backend sent one, else exponential backoff from 500 ms up to 8 s. */
export function retryDelay(attempt: number, error: unknown): number {
  if (isHrApiError(error) && error.retryAfterMs !== null) return error.retryAfterMs;
  return Math.min(500 * 2 ** attempt, 8000);
}

/**
 * The page's one QueryClient. Not mounted: focus and online refetching would add listeners on
 * window and document, and the elements refresh through invalidation instead.
 */
export function createQueryClient(options: { retryDelayMs?: number } = {}): QueryClient {
  const delay = options.retryDelayMs;
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: delay === undefined ? retryDelay : () => delay,
        staleTime: 30_000,
        gcTime: 5 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}
