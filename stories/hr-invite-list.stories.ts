import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { FakeBackend, type FakeBackendOptions } from '../mocks/fake-backend.js';
import { createHandlers } from '../mocks/handlers.js';
import type { HrInviteList } from '../src/components/hr-invite-list/hr-invite-list.js';
import '../src/define/hr-invite-list.js';

interface Args {
  appName: string;
  syncUrl: boolean;
}

const CANDIDATES_URL = '/api/hr/invite-candidates';

export default {
  title: 'Elements/hr-invite-list',
  component: 'hr-invite-list',
  args: { appName: 'Noordlicht Spend', syncUrl: false } satisfies Args,
  render: (args: Args) => html`<hr-invite-list app-name=${args.appName} ?sync-url=${args.syncUrl}></hr-invite-list>`,
};

/** A company of its own for a story, created when the story first asks (50,000 take a moment). */
function company(options: FakeBackendOptions, prepare?: (backend: FakeBackend) => void) {
  let backend: FakeBackend | undefined;
  return createHandlers(() => {
    if (!backend) {
      backend = new FakeBackend(options);
      prepare?.(backend);
    }
    return backend;
  });
}

async function list(canvas: HTMLElement): Promise<HrInviteList> {
  const el = canvas.querySelector('hr-invite-list')!;
  for (let i = 0; i < 300 && !el.shadowRoot?.querySelector('[data-row]'); i++) await new Promise((r) => setTimeout(r, 20));
  return el;
}

/** 40 employees, 20 of them not invited yet: new hires, no e-mail, no team, unmapped teams. */
export const Employees40 = { parameters: { msw: { handlers: company({ size: 'small' }) } } };

/** The seeded company of 400 employees: several pages, fetched as the admin scrolls. */
export const Employees400 = {};

/** 50,000 employees: server-side paging and filtering, only the visible rows are rendered. */
export const Employees50000 = { parameters: { msw: { handlers: company({ size: 'large' }) } } };

/** No HR team has an app team yet: every row offers "Map team" (the host opens team-mapper). */
export const UnmappedTeams = {
  parameters: {
    msw: {
      handlers: company({ size: 'small' }, (backend) => {
        const doc = backend.getTeamMapping().body as { version: string };
        backend.saveTeamMapping({ body: { mappings: [] }, headers: { 'if-match': doc.version } });
      }),
    },
  },
};

/** Everyone in the HR system has a user or an invitation. */
export const AllInvited = {
  parameters: {
    msw: {
      handlers: [
        http.get(CANDIDATES_URL, () =>
          HttpResponse.json({ items: [], nextCursor: null, total: 0, facets: { teams: [], costCenters: [], noTeam: 0 } }),
        ),
      ],
    },
  },
};

/** The HR system is not connected yet. */
export const NotConnected = { parameters: { msw: { handlers: company({ size: 'small', connection: 'disconnected' }) } } };

export const Loading = { parameters: { msw: { handlers: [http.get(CANDIDATES_URL, () => delay('infinite'))] } } };

/** The first page failed: what happened and a retry. */
export const ServerError = {
  parameters: {
    msw: {
      handlers: [
        http.get(CANDIDATES_URL, () =>
          HttpResponse.json(
            { title: 'Internal Server Error', status: 500, code: 'internal_error' },
            { status: 500, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      ],
    },
  },
};

/** Everyone matching the filter is selected, across every page, without loading them. */
export const AllMatchingSelected = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = await list(canvasElement);
    const grid = el.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
    grid.focus();
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, composed: true }));
    await el.updateComplete;
  },
};

/**
 * Partial failure: four people invited; one is sent, one has no e-mail, one's mailbox rejects the
 * invitation and stays selected for a retry.
 */
export const PartialFailure = {
  parameters: { msw: { handlers: company({ size: 'small' }) } },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = await list(canvasElement);
    const root = el.shadowRoot!;
    for (const name of ['Emma Fischer', 'Lena Zimmermann', 'Sem Dekker']) {
      const row = [...root.querySelectorAll('[data-row]')].find((r) => r.textContent?.includes(name));
      row?.querySelector<HTMLElement>('[data-col="0"]')?.click();
      await el.updateComplete;
    }
    root.querySelector<HTMLButtonElement>('[part="invite-button"]')!.click();
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    for (let i = 0; i < 200 && !root.querySelector('[part="results"]'); i++) await new Promise((r) => setTimeout(r, 20));
  },
};
