import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/define/hr-api-provider.js';
import type { HrApiProvider } from '../../src/components/hr-api-provider/hr-api-provider.js';
import { createQueryClient } from '../../src/data/query-client.js';
import { QueryController } from '../../src/data/query-controller.js';
import { MutationController } from '../../src/data/mutation-controller.js';
import { ServicesController } from '../../src/data/services-controller.js';
import { HrAuthRequiredEvent } from '../../src/events/hr-auth-required.js';
import { until } from '../helpers/wait.js';

const settings = { enabled: true, graceDays: 3, version: 'v1' };
const notices = { newHires: { count: 2, since: null }, deactivations: [] };

class SettingsView extends LitElement {
  readonly services = new ServicesController(this);
  readonly settings = new QueryController(this, () => ({ endpoint: 'getOffboardingSettings' }), this.services);
  readonly notices = new QueryController(this, () => ({ endpoint: 'getSyncNotices' }), this.services);
  readonly save = new MutationController(this, 'saveOffboardingSettings', this.services);
  readonly connect = new MutationController(this, 'connect', this.services, { sensitive: true });
  readonly invite = new MutationController(this, 'createInvitations', this.services);
  override render() {
    const data = this.settings.data;
    return html`<p>${data ? `grace ${data.graceDays}` : this.settings.error ? `error ${this.settings.error.status}` : 'loading'}</p>`;
  }
}
customElements.define('test-settings-view', SettingsView);

type Route = (request: Request) => Response | Promise<Response>;

function backend(routes: Record<string, Route>) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), location.origin), init);
    requests.push(request.clone());
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const route = routes[key];
    if (!route) return new Response(JSON.stringify({ title: 'Not found', status: 404 }), { status: 404 });
    return route(request);
  };
  const count = (key: string) => requests.filter((r) => `${r.method} ${new URL(r.url).pathname}` === key).length;
  return { fetch, requests, count };
}

const ok = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function page(routes: Record<string, Route>, views = 1) {
  const server = backend(routes);
  const queryClient = createQueryClient({ retryDelayMs: 1 });
  const provider = await fixture<HrApiProvider>(html`<hr-api-provider base-url="/api/hr" .fetch=${server.fetch} .queryClient=${queryClient}>
    ${Array.from({ length: views }, () => html`<test-settings-view></test-settings-view>`)}
  </hr-api-provider>`);
  const elements = [...provider.querySelectorAll('test-settings-view')] as SettingsView[];
  return { server, queryClient, provider, elements };
}

describe('shared query cache and controllers', () => {
  it('serves several elements from one request through the provider', async () => {
    const { server, elements } = await page({ 'GET /api/hr/offboarding-settings': ok(settings), 'GET /api/hr/sync-notices': ok(notices) }, 3);
    await until(() => elements.every((e) => e.shadowRoot!.textContent!.includes('grace 3')), 'data in every element');
    expect(server.count('GET /api/hr/offboarding-settings')).to.equal(1);
  });

  it('releases every observer on disconnect, across 1,000 mount/unmount cycles', async () => {
    const { provider, queryClient, elements } = await page({ 'GET /api/hr/offboarding-settings': ok(settings), 'GET /api/hr/sync-notices': ok(notices) });
    const element = elements[0]!;
    await until(() => element.settings.data, 'data');
    const query = queryClient.getQueryCache().find({ queryKey: ['hr', 'getOffboardingSettings'], exact: false })!;
    expect(query.getObserversCount()).to.equal(1);
    for (let i = 0; i < 1000; i++) {
      element.remove();
      provider.append(element);
    }
    expect(query.getObserversCount()).to.equal(1);
    element.remove();
    expect(query.getObserversCount()).to.equal(0);
    expect(queryClient.getQueryCache().getAll().every((q) => q.getObserversCount() === 0)).to.equal(true);
  });

  it('retries transient faults but not other 4xx', async () => {
    let settingsCalls = 0;
    const { server, elements } = await page({
      'GET /api/hr/offboarding-settings': () => (++settingsCalls < 3 ? new Response('', { status: 503 }) : ok(settings)()),
      'GET /api/hr/sync-notices': () => new Response(JSON.stringify({ title: 'Nope', status: 404 }), { status: 404 }),
    });
    await until(() => elements[0]!.settings.data, 'data after retries');
    expect(settingsCalls).to.equal(3);
    await until(() => elements[0]!.notices.error, 'notices error');
    expect(server.count('GET /api/hr/sync-notices')).to.equal(1);
  });

  it('announces 401 to the host once per failure', async () => {
    const events: HrAuthRequiredEvent[] = [];
    const listener = (e: HrAuthRequiredEvent) => events.push(e);
    document.addEventListener('hr-auth-required', listener);
    try {
      const { elements } = await page({
        'GET /api/hr/offboarding-settings': () => new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), { status: 401 }),
        'GET /api/hr/sync-notices': ok(notices),
      });
      await until(() => elements[0]!.shadowRoot!.textContent!.includes('error 401'), 'error shown');
      expect(events).to.have.length(1);
      expect(events[0]!.detail).to.deep.equal({ status: 401, endpoint: 'getOffboardingSettings' });
    } finally {
      document.removeEventListener('hr-auth-required', listener);
    }
  });

  it('sends a write once when it is submitted twice, and refreshes exactly what it changes', async () => {
    let version = 1;
    const { server, elements } = await page({
      'GET /api/hr/offboarding-settings': () => ok({ ...settings, version: `v${version}` })(),
      'GET /api/hr/sync-notices': ok(notices),
      'PUT /api/hr/offboarding-settings': async (request) => {
        const body = (await request.json()) as { graceDays: number };
        version++;
        return ok({ enabled: true, graceDays: body.graceDays, version: `v${version}` })();
      },
    });
    const element = elements[0]!;
    await until(() => element.settings.data && element.notices.data, 'data');
    const first = element.save.mutate({ body: { enabled: true, graceDays: 7 }, ifMatch: 'v1' });
    const second = element.save.mutate({ body: { enabled: true, graceDays: 7 }, ifMatch: 'v1' });
    expect(second).to.equal(first);
    await first;
    await until(() => server.count('GET /api/hr/sync-notices') === 2, 'notices refetched');
    expect(server.count('PUT /api/hr/offboarding-settings')).to.equal(1);
    // The saved document lands in the cache directly: no refetch of the settings.
    expect(server.count('GET /api/hr/offboarding-settings')).to.equal(1);
    await until(() => element.shadowRoot!.textContent!.includes('grace 7'), 'new value shown');
  });

  it('joins writes with the same Idempotency-Key across elements', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { server, elements } = await page(
      {
        'GET /api/hr/offboarding-settings': ok(settings),
        'GET /api/hr/sync-notices': ok(notices),
        'POST /api/hr/invitations': async () => {
          await gate;
          return ok({ results: [], summary: { sent: 0, alreadyUser: 0, noEmail: 0, failed: 0 } })();
        },
      },
      2,
    );
    const a = elements[0]!.invite.mutate({ body: { employeeIds: ['e1'] }, idempotencyKey: 'same' });
    const b = elements[1]!.invite.mutate({ body: { employeeIds: ['e1'] }, idempotencyKey: 'same' });
    release();
    await Promise.all([a, b]);
    expect(server.count('POST /api/hr/invitations')).to.equal(1);
  });

  it('keeps the variables of sensitive writes out of the query cache', async () => {
    const connection = {
      status: 'connected', providerId: 'personio', providerName: 'Personio', connectedAt: '2026-11-01T09:00:00Z',
      grantedScopes: [], missingScopes: [], lastSync: null, nextSyncAt: null, statusDetail: null,
    };
    const { queryClient, elements } = await page({
      'GET /api/hr/offboarding-settings': ok(settings),
      'GET /api/hr/sync-notices': ok(notices),
      'POST /api/hr/connection': ok(connection, 201),
    });
    await elements[0]!.connect.mutate({ body: { providerId: 'personio', credentials: { clientSecret: 'super-secret-value' }, acceptedScopes: [] } });
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((q) => q.state),
      queryClient.getMutationCache().getAll().map((m) => m.state),
    ]);
    expect(cached).not.to.contain('super-secret-value');
  });
});
