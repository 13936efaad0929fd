import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { seed } from '../mocks/seed.js';
import type { Connection } from '../src/contract/connection.js';
import '../src/define/hr-connect-wizard.js';

interface Args {
  provider: string;
  layout: 'inline' | 'compact';
  dir: 'ltr' | 'rtl';
}

export default {
  title: 'Elements/hr-connect-wizard',
  component: 'hr-connect-wizard',
  args: { provider: '', layout: 'inline', dir: 'ltr' } satisfies Args,
  argTypes: {
    provider: { control: 'select', options: ['', 'personio', 'zeitgeist'] },
    layout: { control: 'inline-radio', options: ['inline', 'compact'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: (args: Args) =>
    html`<div dir=${args.dir}><hr-connect-wizard provider=${args.provider || ''} layout=${args.layout}></hr-connect-wizard></div>`,
};

const API = '*/api/hr';
const connectionOf = (status: Connection['status']): Connection => seed({ size: 'small', connection: status }).connection;
const problem = (status: number, title: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ type: 'about:blank', title, status }, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

/** No HR system connected yet: the wizard starts. */
const disconnected = http.get(`${API}/connection`, () => HttpResponse.json(connectionOf('disconnected')));

interface PlayContext {
  canvasElement: HTMLElement;
}

async function find(root: ShadowRoot, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 300; i++) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`story: ${selector} did not appear`);
}

const wizardRoot = (canvas: HTMLElement) => (canvas.querySelector('hr-connect-wizard') as HTMLElement).shadowRoot!;

async function clickButton(root: ShadowRoot, name: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name);
    if (button) return button.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`story: no button ${name}`);
}

/** From the consent step (provider preselected) to the credentials form. */
async function toCredentials({ canvasElement }: PlayContext): Promise<void> {
  const root = wizardRoot(canvasElement);
  (await find(root, '#consent')).click();
  await clickButton(root, 'Continue');
  await find(root, 'form');
}

function type(input: HTMLElement, value: string): void {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Fills the Personio credentials and submits. */
const submitWith = (clientId: string, secret: string) => async (context: PlayContext) => {
  await toCredentials(context);
  const root = wizardRoot(context.canvasElement);
  type(await find(root, '#field-clientId'), clientId);
  type(await find(root, '#field-clientSecret'), secret);
  (await find(root, 'form') as HTMLFormElement).requestSubmit();
};

const waitFor = (selector: string) => async ({ canvasElement }: PlayContext) => {
  await find(wizardRoot(canvasElement), selector);
};

/** Step 1: choose the HR system from the providers the backend serves. */
export const ChooseProvider = { parameters: { msw: { handlers: [disconnected] } } };

/** Step 2: the data the host reads and why, accepted explicitly. */
export const Consent = { args: { provider: 'personio' }, parameters: { msw: { handlers: [disconnected] } } };

/** Step 3: the provider's instructions beside the credentials form. */
export const Credentials = { args: { provider: 'personio' }, parameters: { msw: { handlers: [disconnected] } }, play: toCredentials };

/** Step 4: connected; the next steps are events the host routes on. */
export const Success = {
  args: { provider: 'personio' },
  parameters: { msw: { handlers: [disconnected] } },
  play: async (context: PlayContext) => {
    await submitWith('papi-story', 'story-secret')(context);
    await waitFor('[part~="next-steps"]')(context);
  },
};

/** Personio rejected the client secret: the error sits on the field. */
export const BadCredentials = {
  args: { provider: 'personio' },
  parameters: { msw: { handlers: [disconnected] } },
  play: async (context: PlayContext) => {
    await submitWith('papi-story', 'wrong-secret')(context);
    await waitFor('[part~="form-error"]')(context);
  },
};

/** The credentials lack permissions: listed by name. */
export const MissingPermissions = {
  args: { provider: 'personio' },
  parameters: { msw: { handlers: [disconnected] } },
  play: async (context: PlayContext) => {
    await submitWith('papi-limited', 'story-secret')(context);
    await waitFor('[part~="form-error"]')(context);
  },
};

/** The network is down while connecting. */
export const NetworkDown = {
  args: { provider: 'personio' },
  parameters: { msw: { handlers: [disconnected, http.post(`${API}/connection`, () => HttpResponse.error())] } },
  play: async (context: PlayContext) => {
    await submitWith('papi-story', 'story-secret')(context);
    await waitFor('[part~="form-error"]')(context);
  },
};

/** The backend fails (500) while connecting. */
export const ServerError = {
  args: { provider: 'personio' },
  parameters: { msw: { handlers: [disconnected, http.post(`${API}/connection`, () => problem(500, 'Internal Server Error'))] } },
  play: async (context: PlayContext) => {
    await submitWith('papi-story', 'story-secret')(context);
    await waitFor('[part~="form-error"]')(context);
  },
};

/** Too many attempts (429): the admin learns when to try again. */
export const RateLimited = {
  args: { provider: 'personio' },
  parameters: {
    msw: { handlers: [disconnected, http.post(`${API}/connection`, () => problem(429, 'Too Many Requests', { 'Retry-After': '120' }))] },
  },
  play: async (context: PlayContext) => {
    await submitWith('papi-story', 'story-secret')(context);
    await waitFor('[part~="form-error"]')(context);
  },
};

/** Connected, with the last sync, "Sync now" and "Disconnect". */
export const Connected = {};

/** "Sync now" pressed: progress in a live region while the run is polled. */
export const SyncRunning = {
  play: async ({ canvasElement }: PlayContext) => {
    const root = wizardRoot(canvasElement);
    await clickButton(root, 'Sync now');
    await find(root, 'progress');
  },
};

/** The last sync partly failed. */
export const PartialSync = {
  parameters: {
    msw: { handlers: [http.get(`${API}/connection`, () => HttpResponse.json(seed({ size: 'small', syncOutcome: 'partial' }).connection))] },
  },
};

/** The backend reports needs_reauth: Reconnect runs the flow with the provider preselected. */
export const NeedsReauth = { parameters: { msw: { handlers: [http.get(`${API}/connection`, () => HttpResponse.json(connectionOf('needs_reauth')))] } } };

/** Disconnect asks first and spells out what happens to users, links and mappings. */
export const DisconnectConfirm = {
  play: async ({ canvasElement }: PlayContext) => {
    const root = wizardRoot(canvasElement);
    await clickButton(root, 'Disconnect');
    await find(root, '[part~="confirm"]');
  },
};

/** A provider with a very long name and long field labels. */
export const LongProviderName = { args: { provider: 'zeitgeist' }, parameters: { msw: { handlers: [disconnected] } }, play: toCredentials };

/** Right-to-left page, compact layout. */
export const RightToLeft = {
  args: { provider: 'personio', dir: 'rtl', layout: 'compact' },
  parameters: { msw: { handlers: [disconnected] } },
  play: toCredentials,
};

/** Stacked instructions and tighter spacing. */
export const Compact = { args: { provider: 'personio', layout: 'compact' }, parameters: { msw: { handlers: [disconnected] } }, play: toCredentials };

export const Loading = { parameters: { msw: { handlers: [http.get(`${API}/connection`, async () => { await delay('infinite'); return HttpResponse.json({}); })] } } };

export const LoadError = { parameters: { msw: { handlers: [http.get(`${API}/connection`, () => problem(500, 'Internal Server Error'))] } } };

/** The backend offers no HR system. */
export const NoProviders = {
  parameters: { msw: { handlers: [disconnected, http.get(`${API}/providers`, () => HttpResponse.json({ items: [] }))] } },
};
