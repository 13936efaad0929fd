import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { FakeBackend } from '../mocks/fake-backend.js';
import type { SeedOptions } from '../mocks/seed.js';
import '../src/define/hr-sync-status.js';

interface Args {
  headingLevel: number;
  now: Date | undefined;
}

const API = '/api/hr';
const TODAY = '2026-11-24';
/** A fixed clock, so relative times read the same every time. */
const NOW = new Date('2026-11-24T10:00:00Z');

/** Answers one read from a fake backend seeded with `options` (the fake's real semantics). */
function seeded(options: SeedOptions, ...endpoints: ('getConnection' | 'getSyncNotices' | 'getOffboardingSettings')[]) {
  const backend = new FakeBackend({ size: 'small', today: TODAY, ...options });
  const paths = { getConnection: '/connection', getSyncNotices: '/sync-notices', getOffboardingSettings: '/offboarding-settings' };
  return endpoints.map((endpoint) => http.get(`${API}${paths[endpoint]}`, () => HttpResponse.json(backend[endpoint]().body)));
}

const problem = (status: number, title: string) =>
  HttpResponse.json({ title, status }, { status, headers: { 'content-type': 'application/problem+json' } });

export default {
  title: 'Elements/hr-sync-status',
  component: 'hr-sync-status',
  args: { headingLevel: 3, now: NOW } satisfies Args,
  render: (args: Args) => html`<hr-sync-status heading-level=${args.headingLevel} .now=${args.now}></hr-sync-status>`,
};

/** Connected, last sync succeeded, new hires waiting, people leaving soon (the fake backend). */
export const Connected = { parameters: { msw: { handlers: seeded({}, 'getConnection', 'getSyncNotices', 'getOffboardingSettings') } } };

/** Waiting for the backend. */
export const Loading = {
  parameters: { msw: { handlers: [http.get(`${API}/connection`, async () => { await delay('infinite'); return HttpResponse.json({}); })] } },
};

/** Nothing connected: one call to action for the host to route to the wizard. */
export const Disconnected = { parameters: { msw: { handlers: seeded({ connection: 'disconnected' }, 'getConnection') } } };

/** The HR system stopped accepting the credentials. */
export const NeedsReauth = { parameters: { msw: { handlers: seeded({ connection: 'needs_reauth' }, 'getConnection', 'getSyncNotices', 'getOffboardingSettings') } } };

/** The credentials lack permissions: what stops working without them. */
export const MissingPermissions = {
  parameters: {
    msw: { handlers: seeded({ grantedScopes: ['employees.basic', 'employees.team', 'employees.cost_centers'] }, 'getConnection', 'getSyncNotices', 'getOffboardingSettings') },
  },
};

/** The last sync failed for some employee records. */
export const PartialSync = { parameters: { msw: { handlers: seeded({ syncOutcome: 'partial' }, 'getConnection', 'getSyncNotices', 'getOffboardingSettings') } } };

/** No new hires and nobody leaving. */
export const Quiet = {
  parameters: {
    msw: {
      handlers: [
        ...seeded({}, 'getConnection', 'getOffboardingSettings'),
        http.get(`${API}/sync-notices`, () => HttpResponse.json({ newHires: { count: 0, since: '2026-11-20T08:00:00Z' }, deactivations: [] })),
      ],
    },
  },
};

/** Notices could not be loaded: both cards say so and offer a retry; the rest still works. */
export const NoticesError = {
  parameters: { msw: { handlers: [...seeded({}, 'getConnection', 'getOffboardingSettings'), http.get(`${API}/sync-notices`, () => problem(500, 'Internal error'))] } },
};

/** The whole overview failed to load. */
export const LoadError = { parameters: { msw: { handlers: [http.get(`${API}/connection`, () => problem(503, 'Unavailable'))] } } };

/** A grace period outside 0–30 is refused before anything is sent. */
export const InvalidGracePeriod = {
  parameters: Connected.parameters,
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('hr-sync-status')!;
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('input[name="graceDays"]'); i++) await new Promise((r) => setTimeout(r, 20));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="graceDays"]')!;
    input.value = '45';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  },
};
