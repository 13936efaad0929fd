import { fixture, html } from '@open-wc/testing';
import type { QueryClient } from '@tanstack/query-core';
import type { TemplateResult } from 'lit';
import type { HrApiProvider } from '../../src/components/hr-api-provider/hr-api-provider.js';
import { createQueryClient } from '../../src/data/query-client.js';
import '../../src/define/all.js';

export interface Mounted<E extends HTMLElement = HTMLElement> {
  el: E;
  provider: HrApiProvider;
  queryClient: QueryClient;
}

/**
 * Renders `template` inside an `<hr-api-provider>` with a fresh QueryClient (5 ms query retries)
 * and the given request timeout; returns the first element child and the services around it.
 */
export async function mountIn<E extends HTMLElement = HTMLElement>(template: TemplateResult, options: { timeout?: number } = {}): Promise<Mounted<E>> {
  const queryClient = createQueryClient({ retryDelayMs: 5 });
  const provider = await fixture<HrApiProvider>(
    html`<hr-api-provider base-url="/api/hr" timeout=${options.timeout ?? 3000} .queryClient=${queryClient}>${template}</hr-api-provider>`,
  );
  const el = provider.firstElementChild as E | null;
  if (!el) throw new Error('mountIn: the template rendered no element');
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { el, provider, queryClient };
}

/** Removes `el` and appends a fresh instance with the same attributes to the same provider. */
export async function remount<E extends HTMLElement>(el: E): Promise<E> {
  const parent = el.parentElement!;
  const again = el.cloneNode(false) as E;
  el.remove();
  parent.append(again);
  await (again as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return again;
}

/** Whitespace-collapsed text of an element's shadow root (or of the node). */
export function textIn(node: Element | ShadowRoot | null | undefined): string {
  if (!node) return '';
  const root = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function setValue(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export interface RecordedEvent {
  type: string;
  detail: unknown;
  target: EventTarget;
}

/**
 * Records every `hr-*` event dispatched anywhere on the page (by wrapping dispatchEvent, so no
 * event type can be missed) and whether it reached `document`.
 */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  readonly atDocument: RecordedEvent[] = [];
  readonly #original = EventTarget.prototype.dispatchEvent;
  readonly #types = new Set<string>();
  readonly #onDocument = (event: Event) => {
    this.atDocument.push({ type: event.type, detail: (event as CustomEvent).detail, target: event.composedPath()[0] ?? document });
  };

  start(): this {
    const events = this.events;
    const types = this.#types;
    const onDocument = this.#onDocument;
    const original = this.#original;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
      if (event.type.startsWith('hr-')) {
        events.push({ type: event.type, detail: (event as CustomEvent).detail, target: this });
        if (!types.has(event.type)) {
          types.add(event.type);
          document.addEventListener(event.type, onDocument);
        }
      }
      return original.call(this, event);
    };
    return this;
  }

  stop(): void {
    EventTarget.prototype.dispatchEvent = this.#original;
    for (const type of this.#types) document.removeEventListener(type, this.#onDocument);
  }

  /** Forgets what was recorded so far. */
  clear(): void {
    this.events.length = 0;
    this.atDocument.length = 0;
  }

  of(type: string): RecordedEvent[] {
    return this.atDocument.filter((e) => e.type === type);
  }

  count(type: string): number {
    return this.of(type).length;
  }
}

/** Like `until`, but a timeout says what the element showed then (for failures that only happen under load). */
export async function waitFor(predicate: () => unknown, what: string, el: Element, timeout = 6000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}; the element shows: "${textIn(el).slice(0, 400)}"`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
