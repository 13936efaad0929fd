import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HrApiProvider } from '../../src/components/hr-api-provider/hr-api-provider.js';
import { until, useFakeBackend } from '../helpers/fixture.js';
import { clearCaseStorage, elementCases } from './element-cases.js';
import { EventRecorder, mountIn, setValue } from './harness.js';

/**
 * The client secret goes out once, in the connect request, and nowhere else: not in the DOM (any
 * attribute, property or input value of any element, shadow roots included), not in an event
 * detail, a URL, web storage, the console, the query or mutation cache, or another request.
 */

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
type ConsoleMethod = (typeof CONSOLE_METHODS)[number];

/** JSON of anything, skipping DOM nodes and functions and breaking cycles. */
function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'function' || v instanceof Node) return undefined;
      if (v instanceof Error) return { ...v, name: v.name, message: v.message, stack: v.stack, cause: v.cause };
      if (v instanceof Map) return [...v.entries()];
      if (v instanceof Set) return [...v.values()];
      if (v && typeof v === 'object') {
        if (seen.has(v)) return undefined;
        seen.add(v);
      }
      return v;
    }) ?? '';
  } catch (error) {
    return `unserializable: ${String(error)}`;
  }
}

function* deepElements(root: Document | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** Where `secret` sits in the page's DOM: attributes, input values, text, own and reactive properties, Lit's committed values. */
function domLeaks(secret: string): string[] {
  const leaks: string[] = [];
  const where = (el: Element) => `<${el.localName}${el.id ? `#${el.id}` : ''}>`;
  if ((document.documentElement.outerHTML ?? '').includes(secret)) leaks.push('the light DOM');
  for (const el of deepElements(document)) {
    for (const attribute of el.attributes) if (attribute.value.includes(secret)) leaks.push(`attribute ${attribute.name} of ${where(el)}`);
    if ('value' in el && String((el as HTMLInputElement).value).includes(secret)) leaks.push(`value of ${where(el)}`);
    if ('defaultValue' in el && String((el as HTMLInputElement).defaultValue).includes(secret)) leaks.push(`defaultValue of ${where(el)}`);
    for (const name of Object.getOwnPropertyNames(el)) {
      if (safeJson((el as unknown as Record<string, unknown>)[name]).includes(secret)) leaks.push(`property ${name} of ${where(el)}`);
    }
    const reactive = (el.constructor as { elementProperties?: Map<PropertyKey, unknown> }).elementProperties;
    for (const name of reactive?.keys() ?? []) {
      if (safeJson((el as unknown as Record<PropertyKey, unknown>)[name]).includes(secret)) leaks.push(`reactive property ${String(name)} of ${where(el)}`);
    }
    const shadow = el.shadowRoot;
    if (shadow) {
      if ((shadow.textContent ?? '').includes(secret)) leaks.push(`text in ${where(el)}`);
      if (shadow.innerHTML.includes(secret)) leaks.push(`markup in ${where(el)}`);
      // Lit keeps the last rendered values on the root part: a value rendered once stays reachable here.
      for (const name of Object.getOwnPropertyNames(shadow)) {
        if (safeJson((shadow as unknown as Record<string, unknown>)[name]).includes(secret)) leaks.push(`rendered value ${name} in ${where(el)}`);
      }
    }
  }
  return leaks;
}

function storageLeaks(secret: string): string[] {
  const leaks: string[] = [];
  for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      if (`${key}${storage.getItem(key)}`.includes(secret)) leaks.push(`${name} ${key}`);
    }
  }
  if (document.cookie.includes(secret)) leaks.push('cookie');
  return leaks;
}

function urlLeaks(secret: string): string[] {
  const leaks: string[] = [];
  if (location.href.includes(secret)) leaks.push('location');
  if (safeJson(history.state).includes(secret)) leaks.push('history state');
  for (const entry of performance.getEntriesByType('resource')) if (entry.name.includes(secret)) leaks.push(`resource ${entry.name}`);
  return leaks;
}

describe('secrets: the client secret goes out once, in the connect request', function () {
  this.timeout(20_000);
  const fake = useFakeBackend({ size: 'small', connection: 'disconnected' });
  let events: EventRecorder;
  let logged: string[];
  const original = {} as Record<ConsoleMethod, (...args: unknown[]) => void>;

  beforeEach(() => {
    events = new EventRecorder().start();
    logged = [];
    for (const method of CONSOLE_METHODS) {
      original[method] = console[method] as (...args: unknown[]) => void;
      console[method] = (...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
        original[method].apply(console, args);
      };
    }
  });

  afterEach(() => {
    Object.assign(console, original);
    events.stop();
    clearCaseStorage();
  });

  /** Every element of the library in one provider, the wizard first. */
  async function mountAll() {
    const others = elementCases.filter((c) => c.tag !== 'hr-connect-wizard').map((c) => c.template());
    const mounted = await mountIn(html`<hr-connect-wizard></hr-connect-wizard>${others}`);
    const wizard = mounted.el;
    await until(() => wizard.shadowRoot!.querySelector('#provider'), 'the wizard');
    return mounted;
  }

  async function toCredentials(wizard: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
    const $ = (s: string) => wizard.shadowRoot!.querySelector<HTMLElement>(s);
    $('button.primary')!.click();
    await until(() => $('#consent'), 'the consent step');
    $('#consent')!.click();
    await wizard.updateComplete;
    $('button.primary')!.click();
    await until(() => $('form'), 'the credentials step');
  }

  /** Types the secret with the keyboard, as an admin pasting it would. */
  async function typeCredentials(wizard: HTMLElement, secret: string): Promise<void> {
    const field = (name: string) => wizard.shadowRoot!.querySelector<HTMLInputElement>(`#field-${name}`)!;
    setValue(field('clientId'), 'papi-secret-suite');
    field('clientSecret').focus();
    await sendKeys({ type: secret });
    // Shown once (the show/hide toggle), as an admin checking what they pasted.
    wizard.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')?.click();
    expect(field('clientSecret').value).to.equal(secret);
  }

  function expectNowhereBut(secret: string, provider: HrApiProvider, connectRequests: number): void {
    const { queryClient } = provider.services;
    const queries = queryClient.getQueryCache().getAll();
    const mutations = queryClient.getMutationCache().getAll();
    expect(queries.length, 'the other elements loaded through the cache').to.be.greaterThan(3);
    const leaks = [
      ...domLeaks(secret),
      ...storageLeaks(secret),
      ...urlLeaks(secret),
      ...(safeJson(queries.map((q) => [q.queryKey, q.state, q.options.meta])).includes(secret) ? ['query cache'] : []),
      ...(safeJson(mutations.map((m) => [m.options.mutationKey, m.state])).includes(secret) ? ['mutation cache'] : []),
      ...(safeJson([...provider.services.writes.keys()]).includes(secret) ? ['pending writes'] : []),
      ...(safeJson(provider.services.drafts.get('hr-connect-wizard:default') ?? null).includes(secret) ? ['wizard draft'] : []),
      ...events.events.filter((e) => safeJson(e.detail).includes(secret)).map((e) => `detail of ${e.type}`),
      ...logged.filter((line) => line.includes(secret)).map(() => 'console'),
      ...fake.current.log.entries.filter((r) => r.url.includes(secret)).map((r) => `URL of ${r.endpoint}`),
    ];
    expect(leaks, 'places that hold the secret').to.deep.equal([]);
    const carriers = fake.current.log.containing(secret);
    expect(carriers.map((r) => `${r.method} ${r.path} ${r.endpoint}`)).to.deep.equal(Array.from({ length: connectRequests }, () => 'POST /connection connect'));
    expect(events.events.filter((e) => e.type.startsWith('hr-')).length, 'events were recorded').to.be.greaterThan(0);
  }

  it('after connecting, is in no attribute, property, event, URL, storage, console line, cache entry or other request', async () => {
    const secret = `s3cr3t-${crypto.randomUUID()}`;
    const { el: wizard, provider } = await mountAll();
    await toCredentials(wizard);
    await typeCredentials(wizard, secret);
    wizard.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => events.count('hr-connected') === 1, 'hr-connected');
    // Every element refreshes after connecting (invalidation '*'): let them all settle.
    await until(() => provider.services.queryClient.isFetching() === 0, 'the refresh after connecting');
    await until(() => fake.current.log.entries.length > 0 && fake.current.log.entries.every((r) => r.status !== undefined), 'every request answered');
    expectNowhereBut(secret, provider, 1);
  });

  it('after a failed attempt and a retry, is only in the two connect requests', async () => {
    const secret = `s3cr3t-${crypto.randomUUID()}`;
    const { el: wizard, provider } = await mountAll();
    await toCredentials(wizard);
    await typeCredentials(wizard, secret);
    fake.current.faults.set({ kind: '500', endpoints: ['connect'], times: 1 });
    wizard.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => wizard.shadowRoot!.querySelector('[part~="form-error"]'), 'the connect error');
    expect(domLeaks(secret), 'the failed attempt left the secret behind').to.deep.equal([]);
    await typeCredentials(wizard, secret);
    wizard.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => events.count('hr-connected') === 1, 'hr-connected');
    await until(() => provider.services.queryClient.isFetching() === 0, 'the refresh after connecting');
    expectNowhereBut(secret, provider, 2);
  });

  it('is gone when the wizard is removed before submitting', async () => {
    const secret = `s3cr3t-${crypto.randomUUID()}`;
    const { el: wizard, provider } = await mountAll();
    await toCredentials(wizard);
    await typeCredentials(wizard, secret);
    const parent = wizard.parentElement!;
    wizard.remove();
    parent.prepend(wizard);
    await until(() => wizard.shadowRoot!.querySelector('form'), 'the credentials step again');
    expect(domLeaks(secret)).to.deep.equal([]);
    expect(storageLeaks(secret)).to.deep.equal([]);
    expect(safeJson(provider.services.drafts.get('hr-connect-wizard:default') ?? null)).to.not.contain(secret);
    expect(fake.current.log.containing(secret)).to.deep.equal([]);
  });
});
