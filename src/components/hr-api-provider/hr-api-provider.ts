import { ContextProvider } from '@lit/context';
import type { QueryClient } from '@tanstack/query-core';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { HeadersHook } from '../../api/client.js';
import { hrServicesContext } from '../../context/services-context.js';
import { createServices, DEFAULT_BASE_URL, type HrServices } from '../../data/services.js';

/**
 * Gives every HR element inside it the same API client and query cache. Optional: without a
 * provider the elements use the page's services from `configureHrElements()`.
 *
 * @summary Configures base URL, headers and credentials for the HR elements inside it.
 * @slot - The HR elements (and any other content).
 */
export class HrApiProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the host's HR endpoints. */
  @property({ attribute: 'base-url' }) baseUrl = DEFAULT_BASE_URL;

  /** `fetch` credentials mode. */
  @property() credentials: RequestCredentials = 'same-origin';

  /** Per-request timeout in ms. */
  @property({ type: Number }) timeout = 15_000;

  /** Returns the host's headers for each request; may be async to refresh a token. */
  @property({ attribute: false }) headers: HeadersHook | undefined;

  /** Use your own fetch (instrumentation, tests). */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined;

  /** Share an existing QueryClient (e.g. the host's own query-core client). */
  @property({ attribute: false }) queryClient: QueryClient | undefined;

  readonly #provider = new ContextProvider(this, { context: hrServicesContext });
  #config = '';

  /** The services the elements below use. */
  get services(): HrServices {
    return this.#ensure();
  }

  #ensure(): HrServices {
    const config = JSON.stringify([this.baseUrl, this.credentials, this.timeout]);
    const current = this.#provider.value;
    if (current && config === this.#config && (!this.queryClient || this.queryClient === current.queryClient)) return current;
    this.#config = config;
    const services = createServices({
      baseUrl: this.baseUrl,
      credentials: this.credentials,
      timeoutMs: this.timeout,
      headers: () => (this.headers ? this.headers() : {}),
      fetch: (input, init) => (this.fetch ?? globalThis.fetch)(input, init),
      queryClient: this.queryClient,
      drafts: current?.drafts,
    });
    this.#provider.setValue(services);
    return services;
  }

  override connectedCallback(): void {
    // Before children ask for the services: they connect after their parent.
    this.#ensure();
    super.connectedCallback();
  }

  override willUpdate(): void {
    this.#ensure();
  }

  override render() {
    return html`<slot></slot>`;
  }
}
