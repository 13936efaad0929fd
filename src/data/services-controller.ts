import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { hrServicesContext } from '../context/services-context.js';
import { pageDefaultServices, type HrServices } from './services.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Finds the services: from the nearest `<hr-api-provider>`, else the page's default. Add it before
 * the controllers that use it, so they see the services in their own hostConnected.
 */
export class ServicesController implements ReactiveController {
  readonly #consumer: ContextConsumer<typeof hrServicesContext, Host>;
  readonly #listeners = new Set<(services: HrServices) => void>();

  constructor(host: Host) {
    this.#consumer = new ContextConsumer(host, {
      context: hrServicesContext,
      subscribe: true,
      callback: (services) => this.#listeners.forEach((listener) => listener(services)),
    });
    host.addController(this);
  }

  get value(): HrServices {
    return this.#consumer.value ?? pageDefaultServices();
  }

  /** Called when a provider supplies (other) services after connect. */
  onChange(listener: (services: HrServices) => void): void {
    this.#listeners.add(listener);
  }

  hostConnected(): void {}
}
