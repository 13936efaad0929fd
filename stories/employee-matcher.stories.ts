import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import '../src/define/employee-matcher.js';
import type { EmployeeMatcher } from '../src/components/employee-matcher/employee-matcher.js';
import type { SyncPreview, UserLink, UserLinksDoc } from '../src/contract/links.js';

interface Args {
  status: 'all' | 'linked' | 'suggested' | 'unmatched' | 'conflict';
  pageSize: number;
  draftKey: string;
}

export default {
  title: 'Elements/employee-matcher',
  component: 'employee-matcher',
  args: { status: 'all', pageSize: 50, draftKey: 'employee-matcher-story' } satisfies Args,
  argTypes: {
    status: { control: 'select', options: ['all', 'linked', 'suggested', 'unmatched', 'conflict'] },
    pageSize: { control: { type: 'number', min: 5, max: 200 } },
  },
  render: (args: Args) =>
    html`<employee-matcher status=${args.status} page-size=${args.pageSize} draft-key=${args.draftKey}></employee-matcher>`,
};

const problem = (status: number, title: string) =>
  HttpResponse.json({ type: 'about:blank', title, status }, { status, headers: { 'Content-Type': 'application/problem+json' } });

/** Waits for a query inside the element's shadow root (stories settle before play, but be safe). */
async function find(root: ShadowRoot, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 300; i++) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`story: ${selector} did not appear`);
}

const matcherIn = (canvas: HTMLElement) => canvas.querySelector('employee-matcher') as EmployeeMatcher;

/** The seeded company: linked users, e-mail suggestions, unmatched users and conflicts. */
export const Default = {};

export const Linked = { args: { status: 'linked' } };

/** E-mail matches that differ only in case or surrounding spaces are suggested, never linked by themselves. */
export const Suggested = { args: { status: 'suggested' } };

export const Unmatched = { args: { status: 'unmatched' } };

/** Several employees share an e-mail address, or the matching employee is linked to someone else. */
export const Conflicts = { args: { status: 'conflict' } };

const notShared: SyncPreview['fields'] = {
  name: { shared: true, current: 'J. de Vries', next: 'Jan de Vries' },
  hrTeam: { shared: true, current: null, next: { id: 'hrt-finance-nl', name: 'Finance NL' } },
  appTeam: { shared: true, current: null, next: { id: 'at-finance', name: 'Finance' } },
  department: { shared: false },
  costCenters: {
    shared: true,
    current: null,
    next: [
      { id: 'cc-100', name: 'CC-100 Amsterdam', percentage: 60 },
      { id: 'cc-200', name: 'CC-200 Berlin', percentage: 40 },
    ],
  },
  supervisor: { shared: false },
  lastWorkingDay: { shared: false },
  bankAccount: { shared: true, current: null, next: { last4: '4300', holder: 'Jan de Vries' } },
};

/** The HR system shares only some fields: the others say so instead of showing blanks. */
export const MissingFields = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/users/:userId/sync-preview', ({ params, request }) =>
          HttpResponse.json({
            userId: String(params.userId),
            employeeId: new URL(request.url).searchParams.get('employeeId') ?? '',
            fields: notShared,
          } satisfies SyncPreview),
        ),
      ],
    },
  },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = matcherIn(canvasElement).shadowRoot!;
    (await find(root, 'button[data-preview]')).click();
    await find(root, '.not-shared');
  },
};

export const Loading = {
  parameters: { msw: { handlers: [http.get('*/user-links', async () => delay('infinite'))] } },
};

export const Empty = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/user-links', () =>
          HttpResponse.json({ items: [], counts: { linked: 0, suggested: 0, unmatched: 0, conflict: 0 }, version: '"ul-empty"' } satisfies UserLinksDoc, {
            headers: { ETag: '"ul-empty"' },
          }),
        ),
      ],
    },
  },
};

export const LoadError = {
  parameters: { msw: { handlers: [http.get('*/user-links', () => problem(500, 'Internal Server Error'))] } },
};

/** A save where one user could not be linked: the others are saved, the failure says why. */
export const PartlySaved = {
  args: { draftKey: 'employee-matcher-story-partly-saved' },
  parameters: {
    msw: {
      handlers: [
        http.put('*/user-links', async ({ request }) => {
          const body = (await request.json()) as { links: { userId: string }[] };
          return HttpResponse.json({
            version: '"ul-story"',
            results: body.links.map((l, i) =>
              i === 0
                ? { userId: l.userId, status: 'failed' as const, reason: 'The employee is already linked to another user.' }
                : { userId: l.userId, status: 'saved' as const, reason: null },
            ),
          });
        }),
      ],
    },
  },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = matcherIn(canvasElement).shadowRoot!;
    (await find(root, 'button[data-accept-all]')).click();
    (await find(root, 'button[data-save]')).click();
    await find(root, '[part="results"]');
  },
};

/** Another admin saved first: the list reloads, the admin's choices stay on top, nothing is overwritten. */
export const SaveConflict = {
  args: { draftKey: 'employee-matcher-story-conflict' },
  parameters: { msw: { handlers: [http.put('*/user-links', () => problem(412, 'Precondition Failed'))] } },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = matcherIn(canvasElement).shadowRoot!;
    (await find(root, 'button[data-accept-all]')).click();
    (await find(root, 'button[data-save]')).click();
    await find(root, '[part="conflicts"]');
  },
};

const LARGE = 5000;
function largeDoc(): UserLinksDoc {
  const statuses: UserLink['status'][] = ['linked', 'linked', 'linked', 'suggested', 'unmatched', 'conflict'];
  const counts = { linked: 0, suggested: 0, unmatched: 0, conflict: 0 };
  const items = Array.from({ length: LARGE }, (_, i): UserLink => {
    const status = statuses[i % statuses.length]!;
    counts[status]++;
    const n = String(i + 1).padStart(4, '0');
    const employee = { id: `emp-l${n}`, name: `Employee ${n}`, email: `person.${n}@noordlicht.example`, hrTeam: { id: 'hrt-sales-benelux', name: 'Sales Benelux' } };
    return {
      userId: `usr-l${n}`,
      userName: `Person ${n}`,
      userEmail: status === 'suggested' ? ` Person.${n}@Noordlicht.example` : `person.${n}@noordlicht.example`,
      status,
      employee: status === 'linked' || status === 'suggested' ? employee : null,
      candidates: status === 'conflict' ? [employee, { ...employee, id: `emp-m${n}` }] : [],
      conflictReason: status === 'conflict' ? 'several_employees' : null,
    };
  });
  return { items, counts, version: '"ul-large"' };
}

/** 5,000 users: filtered and searched in the browser, shown 50 at a time. */
export const LargeList = {
  parameters: { msw: { handlers: [http.get('*/user-links', () => HttpResponse.json(largeDoc(), { headers: { ETag: '"ul-large"' } }))] } },
};
