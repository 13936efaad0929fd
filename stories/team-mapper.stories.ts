import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type { TeamMappingDoc } from '../src/contract/teams.js';
import type { MappingDraft, RowFilter } from '../src/components/team-mapper/index.js';
import '../src/define/team-mapper.js';

interface Args {
  storageKey: string;
  filter: RowFilter;
}

const MAPPING_URL = '/api/hr/team-mapping';

export default {
  title: 'Elements/team-mapper',
  component: 'team-mapper',
  args: { storageKey: 'story-team-mapper', filter: 'all' } satisfies Args,
  argTypes: { filter: { control: 'inline-radio', options: ['all', 'unmapped'] } },
  render: (args: Args) => html`<team-mapper storage-key=${args.storageKey} filter=${args.filter}></team-mapper>`,
};

const answer = (doc: TeamMappingDoc) => http.get(MAPPING_URL, () => HttpResponse.json(doc, { headers: { ETag: doc.version } }));

const small: TeamMappingDoc = {
  hrTeams: [
    { id: 'hrt-finance-nl', name: 'Finance NL', department: 'Finance', employeeCount: 14 },
    { id: 'hrt-finance-dach', name: 'Finance DACH', department: 'Finanzen', employeeCount: 9 },
    { id: 'hrt-vertrieb-dach', name: 'Vertrieb DACH', department: 'Vertrieb', employeeCount: 31 },
    { id: 'hrt-legal', name: 'Legal & Compliance', department: null, employeeCount: 3 },
  ],
  appTeams: [
    { id: 'at-finance', name: 'Finance', memberCount: 20 },
    { id: 'at-sales', name: 'Sales', memberCount: 28 },
    { id: 'at-legal', name: 'Legal & Compliance', memberCount: 2 },
  ],
  mappings: [
    { hrTeamId: 'hrt-finance-nl', appTeamId: 'at-finance' },
    { hrTeamId: 'hrt-finance-dach', appTeamId: 'at-finance' },
    { hrTeamId: 'hrt-vertrieb-dach', appTeamId: 'at-sales' },
  ],
  version: '"story-1"',
};

/** The seeded company from the fake backend: 16 HR teams, some sharing an app team, 5 unmapped. */
export const Default = { args: { storageKey: 'story-team-mapper-default' } };

/** Only the HR teams without an app team. */
export const Unmapped = { args: { storageKey: 'story-team-mapper-unmapped', filter: 'unmapped' } };

export const Loading = {
  args: { storageKey: 'story-team-mapper-loading' },
  parameters: { msw: { handlers: [http.get(MAPPING_URL, () => delay('infinite'))] } },
};

/** Connected, but the first sync brought no teams. */
export const Empty = {
  args: { storageKey: 'story-team-mapper-empty' },
  parameters: { msw: { handlers: [answer({ ...small, hrTeams: [], mappings: [] })] } },
};

/** Every HR team has an app team; the "not mapped" filter says so. */
export const AllMapped = {
  args: { storageKey: 'story-team-mapper-all-mapped', filter: 'unmapped' },
  parameters: { msw: { handlers: [answer({ ...small, mappings: [...small.mappings, { hrTeamId: 'hrt-legal', appTeamId: 'at-legal' }] })] } },
};

/** Departments the HR system does not share, teams without employees. */
export const MissingData = {
  args: { storageKey: 'story-team-mapper-missing-data' },
  parameters: {
    msw: { handlers: [answer({ ...small, hrTeams: small.hrTeams.map((t, i) => ({ ...t, department: i % 2 ? null : t.department, employeeCount: i % 2 ? 0 : t.employeeCount })) })] },
  },
};

/**
 * A draft based on an older version: another admin mapped Finance NL to Sales meanwhile, the
 * admin had chosen Legal & Compliance. The draft is re-applied on top and the conflict shown.
 */
export const Conflicts = {
  args: { storageKey: 'story-team-mapper-conflicts' },
  parameters: { msw: { handlers: [answer({ ...small, mappings: small.mappings.map((m) => (m.hrTeamId === 'hrt-finance-nl' ? { ...m, appTeamId: 'at-sales' } : m)) })] } },
  render: (args: Args) => {
    const draft: MappingDraft = {
      v: 1,
      baseVersion: '"story-0"',
      edits: {
        'hrt-finance-nl': { base: 'at-finance', choice: 'at-legal' },
        'hrt-legal': { base: null, choice: { create: 'Legal' } },
      },
      conflicts: {},
      keys: {},
    };
    localStorage.setItem(`hr-connect-elements:draft:mapping:${args.storageKey}`, JSON.stringify(draft));
    return html`<team-mapper storage-key=${args.storageKey} filter=${args.filter}></team-mapper>`;
  },
};

/**
 * Saving refused the name of a new app team (another admin took it meanwhile): the backend's
 * reason shows on that row, whose name field has focus; the draft is kept.
 */
export const NameRefused = {
  args: { storageKey: 'story-team-mapper-name-refused' },
  parameters: {
    msw: {
      handlers: [
        answer(small),
        http.post('/api/hr/app-teams', () =>
          HttpResponse.json(
            {
              title: 'Validation failed',
              status: 422,
              code: 'validation_failed',
              detail: 'Some teams cannot be created.',
              errors: [{ pointer: '/teams/0/name', code: 'name_taken', detail: 'An app team with this name exists.' }],
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      ],
    },
  },
  render: (args: Args) => {
    const draft: MappingDraft = {
      v: 1,
      baseVersion: small.version,
      edits: { 'hrt-legal': { base: null, choice: { create: 'Legal' } } },
      conflicts: {},
      keys: {},
    };
    localStorage.setItem(`hr-connect-elements:draft:mapping:${args.storageKey}`, JSON.stringify(draft));
    return html`<team-mapper storage-key=${args.storageKey} filter=${args.filter}></team-mapper>`;
  },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const mapper = canvasElement.querySelector('team-mapper')!;
    const find = (selector: string) => mapper.shadowRoot?.querySelector(selector);
    for (let i = 0; i < 300 && !find('[part="save-button"][aria-disabled="false"]'); i++) await new Promise((r) => setTimeout(r, 10));
    find('[part="save-button"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    for (let i = 0; i < 300 && !find('[part="create-name"][aria-invalid="true"]'); i++) await new Promise((r) => setTimeout(r, 10));
    if (!find('[part="create-name"][aria-invalid="true"]')) throw new Error('NameRefused: the refused name is not shown');
  },
};

/** The team mapping cannot be loaded: the error says what happened and offers a retry. */
export const LoadError = {
  args: { storageKey: 'story-team-mapper-error' },
  parameters: {
    msw: {
      handlers: [
        http.get(MAPPING_URL, () =>
          HttpResponse.json({ title: 'Internal server error', status: 500 }, { status: 500, headers: { 'Content-Type': 'application/problem+json' } }),
        ),
      ],
    },
  },
};

/** The preview of "Create app teams for all unmapped", before it applies. */
export const CreatePreview = {
  args: { storageKey: 'story-team-mapper-preview' },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const mapper = canvasElement.querySelector('team-mapper')!;
    for (let i = 0; i < 300 && !mapper.shadowRoot?.querySelector('[data-bulk="create"]'); i++) await new Promise((r) => setTimeout(r, 10));
    mapper.shadowRoot!.querySelector<HTMLButtonElement>('[data-bulk="create"]')!.click();
    await mapper.updateComplete;
  },
};

const big: TeamMappingDoc = {
  hrTeams: Array.from({ length: 500 }, (_, i) => ({
    id: `hrt-${i}`,
    name: `${['Filiale', 'Team', 'Projekt', 'Region'][i % 4]} ${String(i + 1).padStart(3, '0')}`,
    department: i % 5 ? `Department ${(i % 12) + 1}` : null,
    employeeCount: (i * 7) % 60,
  })),
  appTeams: Array.from({ length: 300 }, (_, i) => ({ id: `at-${i}`, name: `App team ${String(i + 1).padStart(3, '0')}`, memberCount: (i * 3) % 40 })),
  mappings: Array.from({ length: 380 }, (_, i) => ({ hrTeamId: `hrt-${i}`, appTeamId: `at-${i % 300}` })),
  version: '"story-big-1"',
};

/** 500 HR teams and 300 app teams (many-to-one, 120 unmapped). */
export const FiveHundredTeams = {
  args: { storageKey: 'story-team-mapper-500' },
  parameters: { msw: { handlers: [answer(big)] } },
};
