import type { QueryClient } from '@tanstack/query-core';
import { ApiClient, type ApiClientOptions } from '../api/client.js';
import { getLocale } from '../localize/index.js';
import { DraftStore } from './drafts.js';
import { createQueryClient } from './query-client.js';

/** What every element of a page shares: one API client, one query cache, one draft store. */
export interface HrServices {
  readonly api: ApiClient;
  readonly queryClient: QueryClient;
  readonly drafts: DraftStore;
  /** Writes in flight by key: a second submit of the same write joins the first. */
  readonly writes: Map<string, Promise<unknown>>;
}

export interface HrServicesOptions extends Partial<ApiClientOptions> {
  queryClient?: QueryClient;
  drafts?: DraftStore;
}

export const DEFAULT_BASE_URL = '/api/hr';

export function createServices(options: HrServicesOptions = {}): HrServices {
  const { queryClient, drafts, ...api } = options;
  return {
    api: new ApiClient({ locale: getLocale, ...api, baseUrl: api.baseUrl ?? DEFAULT_BASE_URL }),
    queryClient: queryClient ?? createQueryClient(),
    drafts: drafts ?? new DraftStore(),
    writes: new Map(),
  };
}

let pageServices: HrServices | undefined;

/**
 * Configures the services used by elements that have no `<hr-api-provider>` above them. Call it
 * once, before the elements connect; calling it again replaces the page's services.
 */
export function configureHrElements(options: HrServicesOptions): HrServices {
  pageServices = createServices(options);
  return pageServices;
}

/** The page's services, created once with defaults when the host configured none. */
export function pageDefaultServices(): HrServices {
  pageServices ??= createServices();
  return pageServices;
}
