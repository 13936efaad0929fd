import type { EndpointName, ResponseOf } from '../../src/contract/endpoints.js';
import type { FakeResponse } from '../../mocks/fake-backend.js';
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { startFakeBackend, type FakeBackendHandle, type StartFakeBackendOptions } from '../../mocks/browser.js';
import { createQueryClient } from '../../src/data/query-client.js';
import '../../src/define/hr-api-provider.js';
import type { HrApiProvider } from '../../src/components/hr-api-provider/hr-api-provider.js';

export type { FakeBackendHandle };

let handle: FakeBackendHandle | undefined;

/**
 * Starts the msw fake backend once per test file and resets its state, faults and request log
 * before each test. Call it at the top of a `describe`.
 */
export function useFakeBackend(options: StartFakeBackendOptions = {}): { readonly current: FakeBackendHandle } {
  const ref = {
    get current(): FakeBackendHandle {
      if (!handle) throw new Error('the fake backend has not started yet');
      return handle;
    },
  };
  beforeEach(async () => {
    handle ??= await startFakeBackend({ quiet: true, ...options });
    await handle.reset(options);
  });
  return ref;
}

/**
 * Renders `template` inside an `<hr-api-provider>` with a fresh QueryClient (fast retries), so
 * every test starts with an empty cache. Returns the first element child of the provider.
 */
export async function mount<T extends Element>(template: TemplateResult, options: { headers?: () => HeadersInit } = {}): Promise<T> {
  const queryClient = createQueryClient({ retryDelayMs: 5 });
  const provider = await fixture<HrApiProvider>(
    html`<hr-api-provider base-url="/api/hr" timeout="3000" .queryClient=${queryClient} .headers=${options.headers}>${template}</hr-api-provider>`,
  );
  const element = provider.firstElementChild as T | null;
  if (!element) throw new Error('mount: the template rendered no element');
  if ('updateComplete' in element) await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

export { until, textOf } from './wait.js';

/** The body of a successful answer of the fake backend, typed; throws on a problem. */
export function bodyOf<N extends EndpointName>(response: FakeResponse<N>): ResponseOf<N> {
  if (response.status >= 400) throw new Error(`fake backend answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as ResponseOf<N>;
}
