import type { EndpointName } from '../contract/endpoints.js';

/**
 * Query keys: `['hr', endpoint, params, query]`. Every input of a request is part of its key, so a
 * stale answer never lands under a newer filter; invalidation matches by prefix `['hr', endpoint]`.
 */
export const queryKey = (endpoint: EndpointName, params?: object, query?: object) =>
  ['hr', endpoint, params ?? {}, query ?? {}] as const;

export const endpointKey = (endpoint: EndpointName) => ['hr', endpoint] as const;
