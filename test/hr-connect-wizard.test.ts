import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { StartFakeBackendOptions } from '../mocks/browser.js';
import type { HrApiProvider } from '../src/components/hr-api-provider/hr-api-provider.js';
import type { HrConnectWizard } from '../src/components/hr-connect-wizard/hr-connect-wizard.js';
import { setLocale } from '../src/localize/index.js';
import '../src/define/hr-connect-wizard.js';
import { mount, textOf, until, useFakeBackend } from './helpers/fixture.js';

const BASE: StartFakeBackendOptions = { size: 'small', connection: 'disconnected', syncDurationMs: 600 };
const SECRET = 'Sup3r-Secret-Value-9f8e7d';
const WIZARD_EVENTS = ['hr-step-change', 'hr-connected', 'hr-disconnected', 'hr-cancel', 'hr-next-step', 'hr-auth-required'] as const;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const heading = (el: Element) => $(el, '[part~="heading"]')?.textContent?.trim() ?? '';
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const buttonNamed = (el: Element, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name);
const input = (el: Element, name: string) => $<HTMLInputElement>(el, `#field-${name}`)!;

/** Every event the wizard fires, in order. */
function record(el: Element): Event[] {
  const seen: Event[] = [];
  for (const type of WIZARD_EVENTS) el.addEventListener(type, (event) => seen.push(event));
  return seen;
}
const details = (events: Event[], type: string) => events.filter((e) => e.type === type).map((e) => (e as CustomEvent).detail as unknown);

async function mountWizard(template = html`<hr-connect-wizard></hr-connect-wizard>`): Promise<HrConnectWizard> {
  const el = await mount<HrConnectWizard>(template);
  await until(() => !$(el, '[part~="loading"]'), 'the wizard to load');
  await el.updateComplete;
  return el;
}

/** Presses Tab until the focused element in the wizard matches. */
async function tabTo(el: Element, matches: (element: HTMLElement) => boolean, what: string): Promise<HTMLElement> {
  for (let i = 0; i < 30; i++) {
    const current = active(el);
    if (current && matches(current)) return current;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}
const isButton = (name: string) => (e: HTMLElement) => e.tagName === 'BUTTON' && e.textContent!.replace(/\s+/g, ' ').trim() === name;

function setValue(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Walks to the credentials step with the mouse-free shortcuts of the DOM. */
async function toCredentials(el: HrConnectWizard): Promise<void> {
  if ($(el, '#provider')) {
    buttonNamed(el, 'Continue')!.click();
    await until(() => $(el, '#consent'), 'the consent step');
  }
  $<HTMLInputElement>(el, '#consent')!.click();
  await el.updateComplete;
  buttonNamed(el, 'Continue')!.click();
  await until(() => $(el, 'form'), 'the credentials step');
}

async function fillAndSubmit(el: HrConnectWizard, clientId: string, secret = SECRET): Promise<void> {
  setValue(input(el, 'clientId'), clientId);
  setValue(input(el, 'clientSecret'), secret);
  await el.updateComplete;
  $<HTMLFormElement>(el, 'form')!.requestSubmit();
}

const servicesOf = (el: Element) => (el.closest('hr-api-provider') as HrApiProvider).services;

describe('hr-connect-wizard', () => {
  const fake = useFakeBackend(BASE);

  afterEach(async () => {
    await setLocale('en');
  });

  it('connects keyboard-only, from the provider choice to the next steps', async () => {
    const el = await mountWizard();
    const events = record(el);
    expect(heading(el)).to.equal('Connect your HR system');
    await expect(el).to.be.accessible();

    const select = await tabTo(el, (e) => e.id === 'provider', 'the HR system dropdown');
    expect((select as HTMLSelectElement).value).to.equal('personio');
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)[0]).to.equal('Personio');
    await tabTo(el, isButton('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Data this app reads from Personio', 'the consent step');
    await until(() => active(el)?.matches('[part~="heading"]'), 'focus on the consent heading');
    expect(textOf(el)).to.include('Names, e-mail addresses, status, hire date and last working day');
    expect(textOf(el)).to.include('To match employees to users');
    await expect(el).to.be.accessible();

    await tabTo(el, (e) => e.id === 'consent', 'the consent checkbox');
    await sendKeys({ press: 'Space' });
    await tabTo(el, isButton('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Connect Personio with API credentials', 'the credentials step');
    await until(() => active(el)?.matches('[part~="heading"]'), 'focus on the credentials heading');
    expect(textOf($(el, '[part~="instructions"]')!)).to.include('Open "Settings & permissions" on the tile.');
    expect($(el, '[part~="instructions"] a')!.getAttribute('href')).to.equal('https://developer.personio.de/docs');
    expect($(el, 'form'), 'the form beside the instructions').to.exist;
    await expect(el).to.be.accessible();

    await tabTo(el, (e) => e.id === 'field-clientId', 'the client ID');
    await sendKeys({ type: '  papi-keyboard-1 ' });
    await tabTo(el, (e) => e.id === 'field-clientSecret', 'the client secret');
    expect(input(el, 'clientId').value, 'trimmed when leaving the field').to.equal('papi-keyboard-1');
    const secretInput = input(el, 'clientSecret');
    expect(secretInput.type).to.equal('password');
    expect(secretInput.getAttribute('autocomplete')).to.equal('new-password');
    await sendKeys({ type: SECRET });
    await tabTo(el, (e) => e.getAttribute('part') === 'toggle', 'show/hide');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(secretInput.type, 'shown').to.equal('text');
    expect($(el, '[part="toggle"]')!.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(secretInput.type, 'hidden again').to.equal('password');
    await tabTo(el, isButton('Set up integration'), 'Set up integration');
    await sendKeys({ press: 'Enter' });

    await until(() => heading(el) === 'Personio is connected', 'the success step');
    await until(() => active(el)?.matches('[part~="heading"]'), 'focus on the success heading');
    expect(details(events, 'hr-connected')).to.deep.equal([{ providerId: 'personio', providerName: 'Personio', status: 'connected' }]);
    expect(details(events, 'hr-step-change')).to.deep.equal([
      { from: 'provider', to: 'consent' },
      { from: 'consent', to: 'credentials' },
      { from: 'credentials', to: 'success' },
    ]);
    const sent = fake.current.log.of('connect');
    expect(sent).to.have.length(1);
    expect(sent[0]!.body).to.deep.equal({
      providerId: 'personio',
      credentials: { clientId: 'papi-keyboard-1', clientSecret: SECRET },
      acceptedScopes: ['employees.basic', 'employees.team', 'employees.cost_centers', 'employees.supervisor', 'employees.bank_account', 'absences'],
    });
    expect(sent[0]!.headers['idempotency-key']).to.be.a('string').and.not.empty;
    await expect(el).to.be.accessible();

    await tabTo(el, isButton('Link existing users'), 'Link existing users');
    await sendKeys({ press: 'Enter' });
    await tabTo(el, isButton('Invite employees'), 'Invite employees');
    await sendKeys({ press: 'Enter' });
    expect(details(events, 'hr-next-step')).to.deep.equal([{ step: 'link-users' }, { step: 'invite' }]);

    await tabTo(el, isButton('Show connection'), 'Show connection');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'HR system: Personio', 'the connection view');
    expect(textOf(el)).to.include('Connected');
  });

  it('declining an optional scope leaves it out of the connect request', async () => {
    const el = await mountWizard();
    buttonNamed(el, 'Continue')!.click();
    await until(() => $(el, '#consent'), 'the consent step');
    $<HTMLInputElement>(el, '#scope-employees\\.bank_account')!.click();
    await toCredentials(el);
    await fillAndSubmit(el, 'papi-1');
    await until(() => heading(el) === 'Personio is connected', 'success');
    expect((fake.current.log.of('connect')[0]!.body as { acceptedScopes: string[] }).acceptedScopes).not.to.include('employees.bank_account');
  });

  it('asks for consent before continuing', async () => {
    const el = await mountWizard(html`<hr-connect-wizard provider="personio"></hr-connect-wizard>`);
    const events = record(el);
    buttonNamed(el, 'Continue')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Data this app reads from Personio');
    expect($(el, '[role="alert"]')!.textContent).to.include('Agree to the data access to continue.');
    expect(active(el)?.id).to.equal('consent');
    expect($(el, '#consent')!.getAttribute('aria-invalid')).to.equal('true');
    expect(events).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('skips the provider choice when the host preselects one, and offers no way back to it', async () => {
    const el = await mountWizard(html`<hr-connect-wizard provider="personio"></hr-connect-wizard>`);
    expect(heading(el)).to.equal('Data this app reads from Personio');
    expect(buttonNamed(el, 'Back')).to.equal(undefined);
    expect([...el.shadowRoot!.querySelectorAll('[part="steps"] li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'Review data access',
      'Enter credentials',
      'Done',
    ]);
  });

  it('keeps the step when the host cancels hr-step-change', async () => {
    const el = await mountWizard();
    el.addEventListener('hr-step-change', (event) => event.preventDefault());
    buttonNamed(el, 'Continue')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Connect your HR system');
  });

  it('Cancel fires hr-cancel with the step and starts over', async () => {
    const el = await mountWizard();
    const events = record(el);
    await toCredentials(el);
    setValue(input(el, 'clientId'), 'papi-cancelled');
    buttonNamed(el, 'Cancel')!.click();
    await el.updateComplete;
    expect(details(events, 'hr-cancel')).to.deep.equal([{ step: 'credentials' }]);
    expect(heading(el)).to.equal('Connect your HR system');
    expect(servicesOf(el).drafts.get('hr-connect-wizard:default')).to.equal(undefined);
  });

  it('checks required fields before sending anything', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    setValue(input(el, 'clientId'), '   ');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(textOf(el)).to.include('Enter the Client ID.');
    expect(textOf(el)).to.include('Enter the Client secret.');
    expect(input(el, 'clientId').getAttribute('aria-invalid')).to.equal('true');
    expect(active(el)).to.equal(input(el, 'clientId'));
    expect(fake.current.log.count('connect')).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('puts a rejected client ID error on its field and clears the secret', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    await fillAndSubmit(el, 'not-a-personio-id');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    await el.updateComplete;
    const clientId = input(el, 'clientId');
    expect(clientId.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = clientId.getAttribute('aria-describedby')!.split(' ');
    const message = describedBy.map((id) => el.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ');
    expect(message).to.include('Personio does not know this client ID. Copy it again from Personio.');
    expect($(el, '[part~="form-error"]')!.getAttribute('role')).to.equal('alert');
    expect(textOf($(el, '[part~="form-error"]')!)).to.include('Personio did not accept these credentials.');
    expect(active(el)).to.equal(clientId);
    expect(clientId.value, 'the client ID stays for correction').to.equal('not-a-personio-id');
    expect(input(el, 'clientSecret').value, 'the secret is cleared').to.equal('');
    expect(input(el, 'clientSecret').getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('puts a rejected secret error on the secret field; a corrected retry uses a new Idempotency-Key', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    await fillAndSubmit(el, 'papi-1', 'wrong-secret');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    await el.updateComplete;
    expect(input(el, 'clientSecret').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el)).to.include('Personio rejected this client secret.');
    expect(active(el)).to.equal(input(el, 'clientSecret'));

    await fillAndSubmit(el, 'papi-1');
    await until(() => heading(el) === 'Personio is connected', 'success');
    const [first, second] = fake.current.log.of('connect');
    expect(second!.status).to.equal(201);
    expect(second!.headers['idempotency-key']).not.to.equal(first!.headers['idempotency-key']);
  });

  it('lists missing permissions by their names', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    await fillAndSubmit(el, 'papi-limited-access');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    const error = $(el, '[part~="form-error"]')!;
    expect(textOf(error)).to.include('The credentials lack permissions in Personio.');
    expect([...error.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal(['Bank account (IBAN)', 'Absences (time off)']);
    await expect(el).to.be.accessible();
  });

  it('does not call a refusal of something other than the credentials a credentials problem', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    // E.g. the backend no longer knows a scope the provider list offered.
    fake.current.use(
      http.post('*/api/hr/connection', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            code: 'validation_failed',
            detail: 'Check the highlighted fields.',
            errors: [{ pointer: '/acceptedScopes', code: 'unknown_scope', detail: 'Unknown scopes: absences.v2.' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    await fillAndSubmit(el, 'papi-1');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    const error = textOf($(el, '[part~="form-error"]')!);
    expect(error).to.include('The request was refused.');
    expect(error).to.include('Unknown scopes: absences.v2.');
    expect(error).not.to.include('did not accept these credentials');
    expect(input(el, 'clientId').getAttribute('aria-invalid')).not.to.equal('true');
  });

  it('says when the network is down and retries as the same write', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    fake.current.faults.set({ kind: 'offline', endpoints: ['connect'], times: 1 });
    await fillAndSubmit(el, 'papi-1');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    expect(textOf($(el, '[part~="form-error"]')!)).to.include('No connection to the server.');
    expect(textOf($(el, '[part~="form-error"]')!)).to.include('enter it again to retry');
    expect(active(el)).to.equal($(el, '[part~="form-error"]'));
    await expect(el).to.be.accessible();

    await fillAndSubmit(el, 'papi-1');
    await until(() => heading(el) === 'Personio is connected', 'success');
    const [first, second] = fake.current.log.of('connect');
    expect(second!.headers['idempotency-key']).to.equal(first!.headers['idempotency-key']);
  });

  it('sends a changed client ID after an unreadable answer as a new write with a new key', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    // The backend applies the first attempt, but its answer cannot be read.
    fake.current.faults.set({ kind: 'malformed_json', endpoints: ['connect'], times: 1 });
    await fillAndSubmit(el, 'papi-1');
    await until(() => $(el, '[part~="form-error"]'), 'the error');

    await fillAndSubmit(el, 'papi-2');
    await until(() => heading(el) === 'Personio is connected', 'success');
    const [first, second] = fake.current.log.of('connect');
    expect((second!.body as { credentials: Record<string, string> }).credentials['clientId']).to.equal('papi-2');
    expect(second!.headers['idempotency-key']).not.to.equal(first!.headers['idempotency-key']);
  });

  it('says so when a retry differs only in the secret, and sends the next try as a new write', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    fake.current.faults.set({ kind: 'malformed_json', endpoints: ['connect'], times: 1 });
    await fillAndSubmit(el, 'papi-1');
    await until(() => $(el, '[part~="form-error"]'), 'the error');

    // The secret is cleared after each attempt, so it cannot be compared: a retyped one that
    // differs is refused by the backend as a reused key. That must not read as bad credentials.
    await fillAndSubmit(el, 'papi-1', 'An0ther-Secret-Value');
    await until(() => textOf($(el, '[part~="form-error"]') ?? el).includes('These details differ from the attempt this repeats.'), 'the reused-key message');
    expect(textOf($(el, '[part~="form-error"]')!)).not.to.include('did not accept');
    expect(active(el)).to.equal($(el, '[part~="form-error"]'));

    await fillAndSubmit(el, 'papi-1', 'An0ther-Secret-Value');
    await until(() => heading(el) === 'Personio is connected', 'success');
    const keys = fake.current.log.of('connect').map((r) => r.headers['idempotency-key']);
    expect(keys).to.have.length(3);
    expect(keys[1]).to.equal(keys[0]);
    expect(keys[2]).not.to.equal(keys[0]);
  });

  it('says when the server fails (500)', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    fake.current.faults.set({ kind: '500', endpoints: ['connect'] });
    await fillAndSubmit(el, 'papi-1');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    expect(textOf($(el, '[part~="form-error"]')!)).to.include('The server had a problem.');
    expect(fake.current.log.count('connect'), 'writes are not retried by themselves').to.equal(1);
  });

  it('says when the server is busy (429), after honouring Retry-After with the same key', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    fake.current.faults.set({ kind: '429', endpoints: ['connect'], retryAfter: 0 });
    await fillAndSubmit(el, 'papi-1');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    expect(textOf($(el, '[part~="form-error"]')!)).to.include('The server is busy.');
    const keys = new Set(fake.current.log.of('connect').map((r) => r.headers['idempotency-key']));
    expect(keys.size).to.equal(1);
  });

  it('tells the host when the session expired (401)', async () => {
    const el = await mountWizard();
    const events = record(el);
    await toCredentials(el);
    fake.current.faults.set({ kind: '401', endpoints: ['connect'] });
    await fillAndSubmit(el, 'papi-1');
    await until(() => $(el, '[part~="form-error"]'), 'the error');
    expect(details(events, 'hr-auth-required')).to.deep.equal([{ status: 401, endpoint: 'connect' }]);
    expect(textOf($(el, '[part~="form-error"]')!)).to.include('Your session has expired.');
  });

  it('sends one connect request for a double submit', async () => {
    const el = await mountWizard();
    const events = record(el);
    await toCredentials(el);
    fake.current.faults.set({ kind: 'latency', ms: 300, endpoints: ['connect'] });
    await fillAndSubmit(el, 'papi-1');
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    buttonNamed(el, 'Set up integration')!.click();
    await el.updateComplete;
    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    expect(textOf($(el, 'form [role="status"]')!)).to.equal('Setting up the integration…');
    expect(input(el, 'clientSecret').getAttribute('aria-invalid'), 'the second submit joins; it does not re-validate').to.equal('false');
    expect($(el, '[part~="form-error"]')).to.equal(null);
    await until(() => heading(el) === 'Personio is connected', 'success');
    expect(fake.current.log.count('connect')).to.equal(1);
    expect(details(events, 'hr-connected')).to.have.length(1);
  });

  it('keeps the secret out of everything but the one connect request', async () => {
    const logged: string[] = [];
    const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    for (const level of Object.keys(original) as (keyof typeof original)[]) {
      console[level] = (...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        original[level](...args);
      };
    }
    try {
      const el = await mountWizard();
      const events = record(el);
      document.addEventListener('hr-connected', (e) => events.push(e), { once: true });
      await toCredentials(el);
      setValue(input(el, 'clientId'), 'papi-1');
      setValue(input(el, 'clientSecret'), SECRET);
      // While typed, the secret is in the input and nowhere else.
      expect(input(el, 'clientSecret').getAttribute('value')).to.equal(null);
      fake.current.faults.set({ kind: 'latency', ms: 200, endpoints: ['connect'] });
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await el.updateComplete;
      expect(input(el, 'clientSecret').value, 'cleared on submit').to.equal('');
      await until(() => heading(el) === 'Personio is connected', 'success');

      const leaks: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const node of root.querySelectorAll('*')) {
          for (const attribute of node.attributes) if (attribute.value.includes(SECRET)) leaks.push(`attribute ${attribute.name} of <${node.localName}>`);
          if ('value' in node && String((node as HTMLInputElement).value).includes(SECRET)) leaks.push(`value of <${node.localName}>`);
          if (node.shadowRoot) walk(node.shadowRoot);
        }
        if ((root.textContent ?? '').includes(SECRET)) leaks.push('text');
      };
      walk(document);
      for (const storage of [localStorage, sessionStorage]) {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i)!;
          if (`${key}${storage.getItem(key)}`.includes(SECRET)) leaks.push(`storage ${key}`);
        }
      }
      const { queryClient, drafts } = servicesOf(el);
      const queries = queryClient.getQueryCache().getAll();
      const mutations = queryClient.getMutationCache().getAll();
      expect(queries.length).to.be.greaterThan(0);
      if (JSON.stringify(queries.map((q) => [q.queryKey, q.state])).includes(SECRET)) leaks.push('query cache');
      if (JSON.stringify(mutations.map((m) => [m.options.mutationKey, m.state])).includes(SECRET)) leaks.push('mutation cache');
      if (JSON.stringify(drafts.get('hr-connect-wizard:default') ?? null).includes(SECRET)) leaks.push('draft');
      if (JSON.stringify(events.map((e) => [e.type, (e as CustomEvent).detail])).includes(SECRET)) leaks.push('event detail');
      if (logged.some((line) => line.includes(SECRET))) leaks.push('console');
      for (const request of fake.current.log.entries) {
        if (request.url.includes(SECRET)) leaks.push(`URL of ${request.endpoint}`);
      }
      const carriers = fake.current.log.containing(SECRET);
      expect(carriers.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['POST /connection']);
      expect(leaks).to.deep.equal([]);
      expect(events.filter((e) => e.type === 'hr-connected')).to.have.length(2);
    } finally {
      Object.assign(console, original);
    }
  });

  it('restores the step and the client ID after a re-mount, but not the secret', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    setValue(input(el, 'clientId'), 'papi-remount');
    setValue(input(el, 'clientSecret'), SECRET);
    const provider = el.parentElement!;
    el.remove();

    const again = document.createElement('hr-connect-wizard');
    provider.append(again);
    await until(() => again.shadowRoot?.querySelector('form'), 'the credentials step after re-mount');
    await again.updateComplete;
    expect(heading(again)).to.equal('Connect Personio with API credentials');
    expect(input(again, 'clientId').value).to.equal('papi-remount');
    expect(input(again, 'clientSecret').value).to.equal('');
    expect(JSON.stringify(servicesOf(again).drafts.get('hr-connect-wizard:default'))).not.to.include(SECRET);
  });

  it('a re-mount during the connect request joins it instead of sending again', async () => {
    const el = await mountWizard();
    await toCredentials(el);
    fake.current.faults.set({ kind: 'latency', ms: 400, endpoints: ['connect'] });
    await fillAndSubmit(el, 'papi-1');
    await el.updateComplete;
    const provider = el.parentElement!;
    el.remove();

    const again = document.createElement('hr-connect-wizard');
    const events = record(again);
    provider.append(again);
    await until(() => again.shadowRoot?.querySelector('form'), 'the credentials step after re-mount');
    expect(again.shadowRoot!.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
    again.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => heading(again) === 'Personio is connected', 'success in the new element');
    expect(fake.current.log.count('connect')).to.equal(1);
    expect(details(events, 'hr-connected')).to.have.length(1);
  });

  it('shows the providers error with a retry, and an empty list plainly', async () => {
    fake.current.faults.set({ kind: '500', endpoints: ['listProviders'], times: 3 });
    const el = await mountWizard();
    await until(() => $(el, '[part~="error"]'), 'the error');
    expect(textOf(el)).to.include('The server had a problem.');
    await expect(el).to.be.accessible();
    fake.current.use(http.get('*/api/hr/providers', () => HttpResponse.json({ items: [] })));
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await until(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(textOf(el)).to.include('No HR systems are available to connect.');
    await expect(el).to.be.accessible();
  });

  it('shows a connection load error with a retry that recovers', async () => {
    fake.current.faults.set({ kind: 'offline', endpoints: ['getConnection'], times: 3 });
    const el = await mountWizard();
    await until(() => $(el, '[part~="error"]'), 'the error');
    expect(textOf(el)).to.include('No connection to the server.');
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await until(() => heading(el) === 'Connect your HR system', 'the first step');
  });

  it('shows a busy placeholder while loading', async () => {
    fake.current.faults.set({ kind: 'latency', ms: 400, endpoints: ['getConnection'] });
    const el = await mount<HrConnectWizard>(html`<hr-connect-wizard></hr-connect-wizard>`);
    const loading = $(el, '[part~="loading"]')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(loading.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    await until(() => heading(el) === 'Connect your HR system', 'the first step');
  });

  it('shows the strings in German', async () => {
    await setLocale('de');
    const el = await mountWizard();
    expect(heading(el)).to.equal('HR-System verbinden');
    expect(buttonNamed(el, 'Weiter')).to.exist;
  });

  describe('connected', () => {
    it('shows the connection, runs "Sync now" and reports progress in a live region', async () => {
      await fake.current.reset({ ...BASE, connection: 'connected' });
      const el = await mountWizard();
      expect(heading(el)).to.equal('HR system: Personio');
      expect(textOf(el)).to.include('Connected since');
      expect(textOf(el)).to.include('Succeeded');
      await expect(el).to.be.accessible();

      const live = $(el, '[part~="sync-progress"] [role="status"]')!;
      buttonNamed(el, 'Sync now')!.click();
      await until(() => live.textContent!.includes('Sync running'), 'progress in the live region');
      expect($(el, 'progress')).to.exist;
      buttonNamed(el, 'Syncing…')!.click();
      await until(() => live.textContent!.includes('Sync finished: Succeeded.'), 'the end of the sync', 6000);
      expect(fake.current.log.count('startSync')).to.equal(1);
      expect(fake.current.log.count('getSyncRun')).to.be.greaterThan(0);
      expect($(el, 'progress')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows a partial last sync with its problems', async () => {
      await fake.current.reset({ ...BASE, connection: 'connected', syncOutcome: 'partial' });
      const el = await mountWizard();
      expect(textOf(el)).to.include('Partly succeeded: 2 failed');
      expect(textOf(el)).to.include('Cost centre percentages add up to 110 %');
      await expect(el).to.be.accessible();
    });

    it('offers Reconnect when the backend needs re-authentication, with the provider preselected', async () => {
      await fake.current.reset({ ...BASE, connection: 'needs_reauth' });
      const el = await mountWizard();
      const events = record(el);
      expect(textOf(el)).to.include('Needs reconnecting');
      expect(textOf(el)).to.include('Personio rejected the API credentials');
      expect([...el.shadowRoot!.querySelectorAll('.notice li')].map((li) => li.textContent!.trim())).to.include('Bank account (IBAN)');
      await expect(el).to.be.accessible();

      buttonNamed(el, 'Reconnect')!.click();
      await until(() => heading(el) === 'Reconnect Personio', 'the reconnect flow');
      expect(details(events, 'hr-step-change')).to.deep.equal([{ from: null, to: 'consent' }]);
      await toCredentials(el);
      await fillAndSubmit(el, 'papi-renewed');
      await until(() => heading(el) === 'Personio is connected', 'success');
      expect(details(events, 'hr-connected')).to.deep.equal([{ providerId: 'personio', providerName: 'Personio', status: 'connected' }]);
    });

    it('shows missing permissions by label, and by id when the providers cannot load', async () => {
      await fake.current.reset({ ...BASE, connection: 'needs_reauth' });
      fake.current.faults.set({ kind: '500', endpoints: ['listProviders'] });
      const el = await mountWizard();
      await until(() => textOf(el).includes('employees.bank_account'), 'the scope id');
      expect(heading(el)).to.equal('HR system: Personio');
    });

    it('disconnects behind an inline confirmation that spells out what happens', async () => {
      await fake.current.reset({ ...BASE, connection: 'connected' });
      const el = await mountWizard();
      const events = record(el);
      const disconnect = buttonNamed(el, 'Disconnect')!;
      disconnect.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => active(el)?.id === 'confirm-heading', 'focus on the confirmation');
      const confirm = $(el, '[part~="confirm"]')!;
      expect(textOf(confirm)).to.include('Disconnect Personio?');
      expect(textOf(confirm)).to.include('Users keep their accounts and their access.');
      expect(textOf(confirm)).to.include('Team mappings and the links between users and employees are kept');
      expect(disconnect.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[part~="confirm"]')).to.equal(null);
      expect(active(el)).to.equal(disconnect);
      expect(fake.current.log.count('disconnect')).to.equal(0);

      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[part~="confirm"]'), 'the confirmation again');
      await tabTo(el, isButton('Disconnect Personio'), 'Disconnect Personio');
      await sendKeys({ press: 'Enter' });
      await until(() => heading(el) === 'Connect your HR system', 'the first step');
      await until(() => active(el)?.matches('[part~="heading"]'), 'focus on the first step');
      expect(fake.current.log.count('disconnect')).to.equal(1);
      expect(details(events, 'hr-disconnected')).to.deep.equal([{ providerId: 'personio', providerName: 'Personio' }]);
    });
  });
});
