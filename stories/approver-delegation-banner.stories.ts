import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type { ApproverAbsence } from '../src/contract/approvals.js';
import type { ApproverDelegationBanner, DelegationBannerLayout } from '../src/components/approver-delegation-banner/approver-delegation-banner.js';
import '../src/define/approver-delegation-banner.js';
import '../src/define/hr-api-provider.js';

interface Args {
  layout: DelegationBannerLayout;
  storageKey: string;
  now: Date | undefined;
}

const API = '/api/hr';
/** A fixed clock, so the relative ages read the same every time. */
const NOW = new Date('2026-03-04T09:30:00Z');

const anna: ApproverAbsence = {
  id: 'abs-anna',
  approver: { id: 'usr-0002', name: 'Anna Schäfer' },
  type: 'paid_vacation',
  startsOn: '2026-03-02',
  endsOn: '2026-03-13',
  waitingRequests: 3,
  oldestWaitingSince: '2026-03-01T14:05:00Z',
  overdue: false,
  delegation: null,
};
const pieter: ApproverAbsence = {
  id: 'abs-pieter',
  approver: { id: 'usr-0003', name: 'Pieter Bakker' },
  type: 'parental_leave',
  startsOn: '2026-02-22',
  endsOn: '2026-04-13',
  waitingRequests: 2,
  oldestWaitingSince: '2026-03-02T09:12:00Z',
  overdue: false,
  delegation: {
    id: 'dlg-pieter',
    absenceId: 'abs-pieter',
    approver: { id: 'usr-0003', name: 'Pieter Bakker' },
    substitute: { id: 'usr-0004', name: 'Lotte Jansen' },
    startsOn: '2026-02-22',
    endsOn: '2026-04-13',
    status: 'active',
  },
};
const overdueAnna: ApproverAbsence = { ...anna, waitingRequests: 4, oldestWaitingSince: '2026-02-24T14:05:00Z', overdue: true };
const daan: ApproverAbsence = {
  id: 'abs-daan',
  approver: { id: 'usr-0007', name: 'Daan de Boer' },
  type: null,
  startsOn: '2026-03-09',
  endsOn: null,
  waitingRequests: 1,
  oldestWaitingSince: null,
  overdue: false,
  delegation: null,
};

const absences = (...items: ApproverAbsence[]) => http.get(`${API}/approver-absences`, () => HttpResponse.json({ items }));
const problem = (status: number, title: string) =>
  HttpResponse.json({ title, status }, { status, headers: { 'content-type': 'application/problem+json' } });

const banner = (canvas: HTMLElement) => canvas.querySelector<ApproverDelegationBanner>('approver-delegation-banner')!;

async function openAssignForm(canvas: HTMLElement, listbox: boolean): Promise<void> {
  const el = banner(canvas);
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="assign-button"]')!.click();
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#substitute')!;
  input.focus();
  if (listbox) input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
  await el.updateComplete;
}

export default {
  title: 'Elements/approver-delegation-banner',
  component: 'approver-delegation-banner',
  args: { layout: 'full', storageKey: 'hr-delegation-banner-stories', now: NOW } satisfies Args,
  argTypes: {
    layout: { control: 'inline-radio', options: ['full', 'compact'] },
  },
  render: (args: Args) =>
    html`<hr-api-provider base-url=${API}>
      <approver-delegation-banner layout=${args.layout} storage-key=${args.storageKey} .now=${args.now}></approver-delegation-banner>
    </hr-api-provider>`,
};

/** One approver is away with requests waiting. */
export const OneAbsence = { parameters: { msw: { handlers: [absences(anna)] } } };

/** Several approvers away: a summary that expands. Live against the fake backend (today's dates). */
export const SeveralAbsences = { args: { now: undefined } };

/** The summary expanded with the disclosure button. */
export const SeveralExpanded = {
  parameters: { msw: { handlers: [absences(overdueAnna, pieter, daan)] } },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = banner(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
    await el.updateComplete;
  },
};

/** A request is past the approval deadline: the banner is an alert. */
export const Overdue = { parameters: { msw: { handlers: [absences(overdueAnna)] } } };

/** A substitute already covers: "Change" and "Undo". */
export const AlreadyCovered = { parameters: { msw: { handlers: [absences(pieter)] } } };

/** The HR system shares neither the absence type nor the return date. */
export const UnknownTypeAndReturn = { parameters: { msw: { handlers: [absences(daan)] } } };

/** The compact layout, one line per absence. */
export const Compact = { args: { layout: 'compact' }, parameters: { msw: { handlers: [absences(anna, pieter)] } } };

/** The substitute form with the candidate list open (candidates from the fake backend). */
export const AssignForm = {
  parameters: { msw: { handlers: [absences(anna)] } },
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => openAssignForm(canvasElement, true),
};

/** Everyone who could approve is absent too. */
export const NoCandidates = {
  parameters: {
    msw: {
      handlers: [absences(anna), http.get(`${API}/approver-absences/:absenceId/substitute-candidates`, () => HttpResponse.json({ items: [] }))],
    },
  },
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => openAssignForm(canvasElement, false),
};

/** The candidates could not be loaded: the field says so and offers a retry. */
export const CandidatesError = {
  parameters: {
    msw: {
      handlers: [absences(anna), http.get(`${API}/approver-absences/:absenceId/substitute-candidates`, () => problem(500, 'Internal error'))],
    },
  },
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => openAssignForm(canvasElement, false),
};

/** Waiting for the absences. */
export const Loading = {
  parameters: { msw: { handlers: [http.get(`${API}/approver-absences`, async () => { await delay('infinite'); return HttpResponse.json({ items: [] }); })] } },
};

/** The absences could not be loaded. */
export const LoadError = { parameters: { msw: { handlers: [http.get(`${API}/approver-absences`, () => problem(500, 'Internal error'))] } } };

/** Nobody is absent: the element renders nothing and takes no space. */
export const NobodyAbsent = { parameters: { msw: { handlers: [absences()] } } };
