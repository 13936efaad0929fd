import type {
  AbsenceType,
  Connection,
  ConnectionStatus,
  CostCenterShare,
  NamedRef,
  Provider,
  SyncRun,
  TeamMapping,
} from '../src/contract/index.js';
import { Rng } from './random.js';
import { addDays, atTime, foldGerman, isoDate, isoDateTime } from './util.js';

export type SeedSize = 'small' | 'default' | 'large';
export const SIZES: Record<SeedSize, number> = { small: 40, default: 400, large: 50_000 };

export type SyncOutcome = 'succeeded' | 'partial' | 'failed';

/** JSON-serializable; stored in snapshots. */
export interface SeedOptions {
  size?: SeedSize;
  /** PRNG seed; the same seed gives the same company. */
  seed?: number;
  /** `YYYY-MM-DD` (or a Date); dates are relative to it. Default: the real date. */
  today?: string | Date;
  /** Initial connection state. Default `connected` with a successful last sync. */
  connection?: ConnectionStatus;
  /** Outcome of the seeded last sync and of every sync run started. Default `succeeded`. */
  syncOutcome?: SyncOutcome;
  /** Scopes granted to the seeded connection. Default: every Personio scope. */
  grantedScopes?: string[];
}

export type EmployeeStatus = 'active' | 'onboarding' | 'leave' | 'inactive';

/**
 * An employee as the HR system delivers it. `undefined` = the attribute is not shared (Personio
 * leaves out attributes that are not whitelisted); `null` = shared, but empty.
 */
export interface SeedEmployee {
  id: string;
  name: string;
  email: string | null;
  status: EmployeeStatus;
  hrTeamId: string | null;
  department?: string | null;
  costCenters?: CostCenterShare[];
  supervisorId?: string | null;
  hireDate: string | null;
  lastWorkingDay?: string | null;
  iban?: string | null;
  /** When the employee first appeared in a sync (ISO instant). */
  appearedAt: string;
  /** Sending an invitation to this employee fails with this reason. */
  inviteFailure?: string;
}

export interface SeedUser {
  id: string;
  name: string;
  /** As stored in the host app: may differ from the employee's in case or surrounding spaces. */
  email: string;
  appTeamId: string | null;
  /** The link stored in the host app. */
  linkedEmployeeId: string | null;
}

export interface SeedHrTeam {
  id: string;
  name: string;
  department: string | null;
}

export interface SeedAbsence {
  id: string;
  userId: string;
  type: AbsenceType | null;
  startsOn: string;
  endsOn: string | null;
}

export interface SeedWaitingRequest {
  id: string;
  approverId: string;
  requesterId: string;
  submittedAt: string;
}

export interface SeedDelegation {
  id: string;
  absenceId: string;
  substituteId: string;
  startsOn: string;
  endsOn: string;
  ended: boolean;
}

export interface World {
  options: SeedOptions;
  size: SeedSize;
  /** The instant the seed was made for (ms). */
  nowMs: number;
  today: string;
  company: { name: string; domain: string };
  providers: Provider[];
  hrTeams: SeedHrTeam[];
  appTeams: NamedRef[];
  mappings: TeamMapping[];
  costCenters: NamedRef[];
  employees: SeedEmployee[];
  users: SeedUser[];
  invited: { employeeId: string; on: string }[];
  excluded: string[];
  absences: SeedAbsence[];
  waitingRequests: SeedWaitingRequest[];
  delegations: SeedDelegation[];
  connection: Connection;
  offboarding: { enabled: boolean; graceDays: number };
  keepActive: string[];
  /** Users deactivated by hand (user id -> date). */
  deactivated: { userId: string; on: string }[];
  /** The admin's last look at new hires. */
  newHiresSince: string | null;
  /** Days after which a waiting request is overdue. */
  approvalDeadlineDays: number;
}

export const DOMAIN = 'noordlicht.example';

/** Stable ids of the hand-made part of every seed (all sizes). */
export const fixtures = {
  employees: {
    janDeVries: 'emp-00001',
    annaMueller: 'emp-00002',
    pieterBakker: 'emp-00003',
    lotteVisser: 'emp-00004',
    katrinWeber: 'emp-00005',
    timSchroeder: 'emp-00006',
    daanSmit: 'emp-00007',
    sophieJansen: 'emp-00008',
    liekeDeJong: 'emp-00009',
    larsBeckerOld: 'emp-00010',
    larsBecker: 'emp-00011',
    femkeMulder: 'emp-00012',
    stefanWagner: 'emp-00013',
    noahVanDijk: 'emp-00014',
    juliaSchmitt: 'emp-00015',
    rubenVos: 'emp-00016',
    milaPeters: 'emp-00017',
    finnHendriks: 'emp-00018',
    emmaFischer: 'emp-00019',
    semDekker: 'emp-00020',
    lenaZimmermann: 'emp-00021',
    bramVanLeeuwen: 'emp-00022',
    hannahKoch: 'emp-00023',
    maxSchulz: 'emp-00024',
    yaraElAmrani: 'emp-00025',
    jeroenBos: 'emp-00026',
    sanneMeijer: 'emp-00027',
    felixWagner: 'emp-00028',
  },
  users: {
    jan: 'usr-0001',
    anna: 'usr-0002',
    pieter: 'usr-0003',
    lotte: 'usr-0004',
    katrin: 'usr-0005',
    tim: 'usr-0006',
    daan: 'usr-0007',
    sophie: 'usr-0008',
    lieke: 'usr-0009',
    lars: 'usr-0010',
    pieterShared: 'usr-0011',
    buchhaltung: 'usr-0012',
    mark: 'usr-0013',
    femke: 'usr-0014',
    stefan: 'usr-0015',
    noah: 'usr-0016',
    julia: 'usr-0017',
    ruben: 'usr-0018',
  },
  absences: {
    anna: 'abs-anna',
    annaPast: 'abs-anna-past',
    pieter: 'abs-pieter',
    daan: 'abs-daan',
    jan: 'abs-jan',
    katrin: 'abs-katrin',
  },
  delegations: { pieter: 'dlg-pieter' },
  hrTeams: {
    financeNl: 'hrt-finance-nl',
    financeDach: 'hrt-finance-dach',
    treasury: 'hrt-treasury',
    vertriebDach: 'hrt-vertrieb-dach',
    engineeringPayments: 'hrt-engineering-payments',
    peopleCulture: 'hrt-people-culture',
    legal: 'hrt-legal',
  },
  appTeams: { finance: 'at-finance', sales: 'at-sales', board: 'at-board', freelancers: 'at-freelancers' },
  costCenters: { amsterdam: 'cc-100', berlin: 'cc-200', muenchen: 'cc-210', hamburg: 'cc-220', duesseldorf: 'cc-230' },
  inviteFailure: 'Mailbox rejected the invitation',
  personioScopes: ['employees.basic', 'employees.team', 'employees.cost_centers', 'employees.supervisor', 'employees.bank_account', 'absences'],
} as const;

const F = fixtures.employees;
const U = fixtures.users;

export const PERSONIO: Provider = {
  id: 'personio',
  name: 'Personio',
  credentialFields: [
    { name: 'clientId', label: 'Client ID', kind: 'text', required: true, help: 'Starts with papi-' },
    { name: 'clientSecret', label: 'Client secret', kind: 'secret', required: true },
  ],
  scopes: [
    { id: 'employees.basic', label: 'Names, e-mail addresses, status, hire date and last working day', purpose: 'To match employees to users, invite new hires and deactivate leavers after their last working day.', required: true },
    { id: 'employees.team', label: 'Teams and departments', purpose: 'To put people in the right app team through your team mapping.', required: true },
    { id: 'employees.cost_centers', label: 'Cost centres', purpose: 'To book card spend and expenses to the right cost centres, split by percentage.', required: false },
    { id: 'employees.supervisor', label: 'Supervisor', purpose: "To route approvals to each person's manager.", required: false },
    { id: 'employees.bank_account', label: 'Bank account (IBAN)', purpose: 'For reimbursement payouts of out-of-pocket expenses. Only the last 4 characters are ever shown.', required: false },
    { id: 'absences', label: 'Absences (time off)', purpose: 'To let a substitute approve requests while an approver is away.', required: false },
  ],
  setupSteps: [
    'Sign in to Personio as an account owner or admin.',
    'Open the Marketplace and find the Noordlicht Spend tile.',
    'Open "Settings & permissions" on the tile.',
    'Click "Connect".',
    'Generate the API credentials and copy the client ID and the client secret.',
  ],
  docsUrl: 'https://developer.personio.de/docs',
};

export const LONG_PROVIDER: Provider = {
  id: 'zeitgeist',
  name: 'Zeitgeist Personalmanagement & Zeitwirtschaft Enterprise Edition für Mittelstand und Konzerne (Sandbox)',
  credentialFields: [
    { name: 'tenantId', label: 'Mandanten-ID / Tenant identifier of your Zeitgeist Enterprise installation', kind: 'text', required: true, help: 'Administration > System > Schnittstellen > Mandanteninformationen, the long identifier below the company name.' },
    { name: 'apiKey', label: 'API key', kind: 'secret', required: true },
    { name: 'region', label: 'Data centre region', kind: 'text', required: false, help: 'eu-central (default) or eu-west.' },
  ],
  scopes: [
    { id: 'employees.basic', label: 'Stammdaten der Mitarbeitenden (Namen, E-Mail-Adressen, Status, Eintrittsdatum, letzter Arbeitstag)', purpose: 'To match employees to users and invite new hires.', required: true },
    { id: 'employees.team', label: 'Organisationseinheiten', purpose: 'To put people in the right app team.', required: true },
  ],
  setupSteps: [
    'Open Administration > System > Schnittstellen.',
    'Create an API key with read access to "Stammdaten" and "Organisationseinheiten".',
  ],
  docsUrl: null,
};

interface TeamDef extends SeedHrTeam {
  app: string | null;
  cc: string;
  weight: number;
}

const BASE_TEAMS: TeamDef[] = [
  { id: 'hrt-finance-nl', name: 'Finance NL', department: 'Finance', app: 'at-finance', cc: 'cc-100', weight: 4 },
  { id: 'hrt-finance-dach', name: 'Finance DACH', department: 'Finanzen', app: 'at-finance', cc: 'cc-200', weight: 3 },
  { id: 'hrt-treasury', name: 'Treasury', department: 'Finance', app: 'at-finance', cc: 'cc-900', weight: 1 },
  { id: 'hrt-vertrieb-dach', name: 'Vertrieb DACH', department: 'Vertrieb', app: 'at-sales', cc: 'cc-210', weight: 8 },
  { id: 'hrt-sales-benelux', name: 'Sales Benelux', department: 'Sales', app: 'at-sales', cc: 'cc-100', weight: 6 },
  { id: 'hrt-engineering-platform', name: 'Engineering Platform', department: 'Engineering', app: 'at-engineering-platform', cc: 'cc-110', weight: 6 },
  { id: 'hrt-engineering-payments', name: 'Engineering Payments', department: 'Engineering', app: null, cc: 'cc-110', weight: 4 },
  { id: 'hrt-customer-success-nl', name: 'Customer Success NL', department: 'Customer Success', app: 'at-customer-success', cc: 'cc-120', weight: 5 },
  { id: 'hrt-kundenservice-dach', name: 'Kundenservice DACH', department: 'Customer Success', app: 'at-customer-success', cc: 'cc-220', weight: 5 },
  { id: 'hrt-people-culture', name: 'People & Culture', department: 'HR', app: null, cc: 'cc-900', weight: 2 },
  { id: 'hrt-marketing', name: 'Marketing', department: 'Marketing', app: 'at-marketing', cc: 'cc-100', weight: 3 },
  { id: 'hrt-operations-rotterdam', name: 'Operations Rotterdam', department: 'Operations', app: 'at-operations', cc: 'cc-110', weight: 6 },
  { id: 'hrt-logistik-muenchen', name: 'Logistik München', department: 'Operations', app: null, cc: 'cc-210', weight: 6 },
  { id: 'hrt-legal', name: 'Legal & Compliance', department: null, app: null, cc: 'cc-900', weight: 1 },
  { id: 'hrt-data', name: 'Data & Analytics', department: 'Engineering', app: 'at-data', cc: 'cc-200', weight: 2 },
  { id: 'hrt-werkstudenten-berlin', name: 'Werkstudenten Berlin', department: 'Operations', app: null, cc: 'cc-200', weight: 1 },
];

const STORE_CITIES = [
  'Berlin-Mitte', 'Berlin-Spandau', 'Hamburg-Altona', 'Hamburg-Harburg', 'München-Pasing', 'München-Schwabing',
  'Köln-Ehrenfeld', 'Frankfurt', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Dresden', 'Hannover', 'Nürnberg',
  'Bremen', 'Essen', 'Dortmund', 'Münster', 'Freiburg', 'Augsburg', 'Wien', 'Graz', 'Zürich', 'Basel',
  'Amsterdam-Zuid', 'Amsterdam-Noord', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg',
  'Nijmegen', 'Haarlem', 'Arnhem', 'Zwolle', 'Breda', 'Maastricht', 'Leiden', 'Delft',
];

const APP_TEAMS: NamedRef[] = [
  { id: 'at-finance', name: 'Finance' },
  { id: 'at-sales', name: 'Sales' },
  { id: 'at-engineering-platform', name: 'Engineering Platform' },
  { id: 'at-customer-success', name: 'Customer Success' },
  { id: 'at-marketing', name: 'Marketing' },
  { id: 'at-operations', name: 'Operations' },
  { id: 'at-data', name: 'Data' },
  { id: 'at-retail', name: 'Retail' },
  // App teams that match no HR team.
  { id: 'at-board', name: 'Management Board' },
  { id: 'at-freelancers', name: 'Freelancers & contractors' },
  { id: 'at-expense-approvers', name: 'Expense approvers' },
];

const COST_CENTERS: NamedRef[] = [
  { id: 'cc-100', name: 'CC-100 Amsterdam' },
  { id: 'cc-110', name: 'CC-110 Rotterdam' },
  { id: 'cc-120', name: 'CC-120 Utrecht' },
  { id: 'cc-200', name: 'CC-200 Berlin' },
  { id: 'cc-210', name: 'CC-210 München' },
  { id: 'cc-220', name: 'CC-220 Hamburg' },
  { id: 'cc-230', name: 'CC-230 Düsseldorf' },
  { id: 'cc-300', name: 'CC-300 Wien' },
  { id: 'cc-400', name: 'CC-400 Zürich' },
  { id: 'cc-900', name: 'CC-900 Shared Services' },
];

const FIRST_NAMES = [
  'Jan', 'Anna', 'Pieter', 'Sophie', 'Lotte', 'Daan', 'Sem', 'Emma', 'Julia', 'Lucas', 'Finn', 'Mila', 'Noah',
  'Tess', 'Bram', 'Fleur', 'Ruben', 'Lieke', 'Thijs', 'Sanne', 'Jeroen', 'Femke', 'Maarten', 'Eva', 'Joris',
  'Anouk', 'Wouter', 'Iris', 'Koen', 'Marloes', 'Lukas', 'Leonie', 'Jonas', 'Hannah', 'Felix', 'Lena', 'Max',
  'Katrin', 'Tim', 'Jürgen', 'Sabine', 'Stefan', 'Birgit', 'Matthias', 'Claudia', 'Tobias', 'Jörg', 'Ute',
  'Sören', 'Mareike', 'Björn', 'Gülsen', 'Mehmet', 'Ayşe', 'Yara', 'Youssef', 'Zoë', 'Chloë', 'Maël', 'René',
  'Dominik', 'Franziska', 'Kerstin', 'Niels', 'Maik', 'Ole', 'Ines', 'Frédérique', 'Lars', 'Milan', 'Luuk',
];

const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van Dijk', 'Schouten',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Köhler', 'Weiß', 'Groß',
  'Öztürk', 'Yılmaz', 'El Amrani', 'Nguyen', 'Kowalski', 'Ødegaard', "O'Brien", 'Jäger', 'Günther', 'Böhm',
];

const STATUS_WEIGHTS: [EmployeeStatus, number][] = [['active', 84], ['onboarding', 3], ['leave', 5], ['inactive', 8]];

const INVITE_FAILURES = [fixtures.inviteFailure, "The e-mail domain is blocked by the company's mail policy"];

const SCOPE_IDS = PERSONIO.scopes.map((s) => s.id);

const emailParts = new Map<string, string>();
function emailLocal(first: string, last: string): string {
  const part = (s: string) => {
    let p = emailParts.get(s);
    if (p === undefined) emailParts.set(s, (p = foldGerman(s).replace(/[^a-z]/g, '')));
    return p;
  };
  return `${part(first)}.${part(last)}`;
}

/** A syntactically valid IBAN (mod-97 check digits). */
function iban(rng: Rng): string {
  // One draw per digit: the sequence of draws decides every later person, so keep it stable.
  const digits = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += rng.int(10);
    return out;
  };
  const [country, bban] = rng.chance(0.5)
    ? ['NL', rng.pick(['ABNA', 'INGB', 'RABO', 'TRIO', 'SNSB']) + digits(10)]
    : ['DE', digits(18)];
  let rest = 0;
  for (const ch of bban + country + '00') {
    const code = ch.charCodeAt(0);
    rest = code >= 65 ? (rest * 100 + code - 55) % 97 : (rest * 10 + code - 48) % 97;
  }
  return `${country}${String(98 - rest).padStart(2, '0')}${bban}`;
}

export function resolveToday(today: string | Date | undefined): { nowMs: number; today: string } {
  if (today === undefined) {
    const nowMs = Date.now();
    return { nowMs, today: isoDate(nowMs) };
  }
  const day = typeof today === 'string' ? today : isoDate(today.getTime());
  return { nowMs: atTime(day, 9, 30), today: day };
}

/** Builds the whole seeded company. Deterministic for the same options and `today`. */
export function seed(options: SeedOptions = {}): World {
  const size = options.size ?? 'default';
  const n = SIZES[size];
  const rng = new Rng(options.seed ?? 20_240);
  const { nowMs, today } = resolveToday(options.today);
  const days = new Map<number, string>();
  const day = (offset: number): string => {
    let d = days.get(offset);
    if (d === undefined) days.set(offset, (d = addDays(today, offset)));
    return d;
  };
  const instants = new Map<number, string>();
  const at = (offsetDays: number, hours: number, minutes = 0): string => {
    const key = offsetDays * 10_000 + hours * 100 + minutes;
    let t = instants.get(key);
    if (t === undefined) instants.set(key, (t = isoDateTime(atTime(day(offsetDays), hours, minutes))));
    return t;
  };

  const teams: TeamDef[] = [...BASE_TEAMS];
  const costCenters = [...COST_CENTERS];
  if (size === 'large') {
    STORE_CITIES.forEach((city, i) => {
      const slug = foldGerman(city).replace(/[^a-z]+/g, '-');
      const cc = `cc-7${String(i).padStart(2, '0')}`;
      costCenters.push({ id: cc, name: `CC-7${String(i).padStart(2, '0')} Filiale ${city}` });
      teams.push({ id: `hrt-filiale-${slug}`, name: `Filiale ${city}`, department: 'Retail', app: i % 2 ? null : 'at-retail', cc, weight: 18 });
    });
  }
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const ccById = new Map(costCenters.map((c) => [c.id, c]));
  const shareOf = ([id, percentage]: [string, number]): CostCenterShare => ({ ...ccById.get(id)!, percentage });

  const usedEmails = new Map<string, number>();
  const reserveEmail = (local: string): string => {
    const count = usedEmails.get(local) ?? 0;
    usedEmails.set(local, count + 1);
    return `${count ? `${local}${count + 1}` : local}@${DOMAIN}`;
  };

  const employees: SeedEmployee[] = [];
  const userRows: SeedUser[] = [];
  const invited: World['invited'] = [];
  const excluded: string[] = [];

  // --- The cast: hand-made people every size has, one per case the elements must handle. ---
  interface Cast {
    first: string;
    last: string;
    team: string | null;
    status?: EmployeeStatus;
    hire: number;
    email?: string | null;
    cc?: [string, number][] | 'absent';
    dept?: 'absent';
    supervisor?: string | null | 'absent';
    lwd?: number | 'absent';
    iban?: 'absent';
    appeared?: number;
  }
  const cast = (c: Cast): SeedEmployee => {
    const team = c.team ? teamById.get(c.team)! : null;
    const id = `emp-${String(employees.length + 1).padStart(5, '0')}`;
    const e: SeedEmployee = {
      id,
      name: `${c.first} ${c.last}`,
      email: c.email === undefined ? reserveEmail(emailLocal(c.first, c.last)) : c.email,
      status: c.status ?? 'active',
      hrTeamId: team?.id ?? null,
      department: c.dept === 'absent' ? undefined : (team?.department ?? null),
      costCenters:
        c.cc === 'absent'
          ? undefined
          : (c.cc ?? [[team?.cc ?? 'cc-900', 100]]).map(shareOf),
      supervisorId: c.supervisor === 'absent' ? undefined : (c.supervisor ?? null),
      hireDate: day(c.hire),
      lastWorkingDay: c.lwd === 'absent' ? undefined : c.lwd === undefined ? null : day(c.lwd),
      iban: c.iban === 'absent' ? undefined : iban(rng),
      appearedAt: at(c.appeared ?? Math.min(c.hire, 0) - 20, 6, 15),
    };
    employees.push(e);
    return e;
  };
  const user = (id: string, name: string, email: string, linked: SeedEmployee | null, appTeamId?: string | null) => {
    const mapped = linked?.hrTeamId ? (teamById.get(linked.hrTeamId)?.app ?? null) : null;
    userRows.push({ id, name, email, linkedEmployeeId: linked?.id ?? null, appTeamId: appTeamId === undefined ? mapped : appTeamId });
  };

  const jan = cast({ first: 'Jan', last: 'de Vries', team: 'hrt-finance-nl', hire: -3300 });
  const anna = cast({ first: 'Anna', last: 'Müller', team: 'hrt-vertrieb-dach', hire: -2100, cc: [['cc-200', 60], ['cc-210', 40]], supervisor: jan.id });
  const pieter = cast({ first: 'Pieter', last: 'Bakker', team: 'hrt-finance-nl', hire: -1800, supervisor: jan.id });
  const lotte = cast({ first: 'Lotte', last: 'Visser', team: 'hrt-people-culture', hire: -1500, supervisor: jan.id });
  const katrin = cast({ first: 'Katrin', last: 'Weber', team: 'hrt-finance-dach', hire: -1200, supervisor: jan.id });
  const tim = cast({ first: 'Tim', last: 'Schröder', team: 'hrt-vertrieb-dach', hire: -900, cc: [['cc-210', 100]], supervisor: anna.id });
  const daan = cast({ first: 'Daan', last: 'Smit', team: 'hrt-engineering-platform', hire: -1000, supervisor: jan.id });
  const sophie = cast({ first: 'Sophie', last: 'Jansen', team: 'hrt-customer-success-nl', hire: -700, supervisor: lotte.id });
  const lieke = cast({ first: 'Lieke', last: 'de Jong', team: 'hrt-marketing', hire: -650, supervisor: lotte.id });
  const larsEmail = reserveEmail('lars.becker');
  cast({ first: 'Lars', last: 'Becker', team: 'hrt-logistik-muenchen', status: 'inactive', hire: -2600, lwd: -800, email: larsEmail, supervisor: 'absent' });
  const lars = cast({ first: 'Lars', last: 'Becker', team: 'hrt-operations-rotterdam', hire: -120, email: larsEmail, supervisor: daan.id });
  const femke = cast({ first: 'Femke', last: 'Mulder', team: 'hrt-sales-benelux', hire: -1400, lwd: 3, supervisor: anna.id });
  const stefan = cast({ first: 'Stefan', last: 'Wagner', team: 'hrt-logistik-muenchen', hire: -2200, lwd: 12, supervisor: anna.id });
  const noah = cast({ first: 'Noah', last: 'van Dijk', team: 'hrt-engineering-platform', status: 'inactive', hire: -600, lwd: -2, supervisor: daan.id });
  const julia = cast({ first: 'Julia', last: 'Schmitt', team: 'hrt-finance-dach', status: 'inactive', hire: -1600, lwd: -5, supervisor: katrin.id });
  const ruben = cast({ first: 'Ruben', last: 'Vos', team: 'hrt-sales-benelux', hire: -500, lwd: 45, supervisor: anna.id });
  cast({ first: 'Mila', last: 'Peters', team: 'hrt-engineering-payments', status: 'onboarding', hire: 7, appeared: -1, supervisor: daan.id });
  cast({ first: 'Finn', last: 'Hendriks', team: null, hire: -3, appeared: -3, dept: 'absent', cc: [['cc-100', 100]] });
  cast({ first: 'Emma', last: 'Fischer', team: 'hrt-finance-dach', hire: -10, appeared: -12, cc: [['cc-200', 60], ['cc-210', 40]], supervisor: katrin.id });
  cast({ first: 'Sem', last: 'Dekker', team: 'hrt-operations-rotterdam', hire: -400, email: null });
  const lena = cast({ first: 'Lena', last: 'Zimmermann', team: 'hrt-kundenservice-dach', hire: -300 });
  lena.inviteFailure = fixtures.inviteFailure;
  const bram = cast({ first: 'Bram', last: 'van Leeuwen', team: 'hrt-sales-benelux', hire: -40 });
  invited.push({ employeeId: bram.id, on: day(-6) });
  const hannah = cast({ first: 'Hannah', last: 'Koch', team: 'hrt-werkstudenten-berlin', hire: -200 });
  excluded.push(hannah.id);
  cast({ first: 'Max', last: 'Schulz', team: 'hrt-vertrieb-dach', status: 'leave', hire: -1100 });
  cast({ first: 'Yara', last: 'El Amrani', team: 'hrt-customer-success-nl', hire: -250, dept: 'absent', supervisor: 'absent', lwd: 'absent', iban: 'absent' });
  cast({ first: 'Jeroen', last: 'Bos', team: 'hrt-kundenservice-dach', hire: -800, cc: [['cc-220', 50], ['cc-230', 50]], supervisor: anna.id });
  cast({ first: 'Sanne', last: 'Meijer', team: 'hrt-people-culture', hire: -350, supervisor: lotte.id });
  cast({ first: 'Felix', last: 'Wagner', team: 'hrt-legal', hire: -900, cc: 'absent' });

  user(U.jan, 'J. de Vries', jan.email!, jan);
  user(U.anna, anna.name, anna.email!, anna);
  user(U.pieter, pieter.name, `p.bakker@${DOMAIN}`, pieter);
  user(U.lotte, lotte.name, lotte.email!, lotte, 'at-expense-approvers');
  user(U.katrin, katrin.name, katrin.email!, katrin);
  user(U.tim, tim.name, tim.email!, tim);
  user(U.daan, daan.name, daan.email!, daan);
  user(U.sophie, sophie.name, `  Sophie.Jansen@Noordlicht.example `, null, 'at-customer-success');
  user(U.lieke, lieke.name, lieke.email!.toUpperCase(), null, null);
  user(U.lars, lars.name, larsEmail, null, 'at-operations');
  user(U.pieterShared, 'Pieter Bakker (Finance shared)', pieter.email!, null, 'at-finance');
  user(U.buchhaltung, 'Buchhaltung Extern', 'buchhaltung@steuerbuero-koch.example', null, 'at-freelancers');
  user(U.mark, 'Mark Janssen', 'mark.janssen@privemail.example', null, 'at-board');
  user(U.femke, femke.name, femke.email!, femke);
  user(U.stefan, stefan.name, stefan.email!, stefan);
  user(U.noah, noah.name, noah.email!, noah);
  user(U.julia, julia.name, julia.email!, julia);
  user(U.ruben, ruben.name, ruben.email!, ruben);
  const castCount = employees.length;

  // --- Everyone else, generated. ---
  const teamWeights = teams.map((t) => [t, t.weight] as const);
  const leads = Math.max(castCount, Math.floor(n / 25));
  /** A second cost centre, different from the first. */
  const other = (homeCc: string): string => {
    const c = rng.pick(costCenters).id;
    if (c !== homeCc) return c;
    return homeCc === 'cc-900' ? 'cc-100' : 'cc-900';
  };
  for (let i = employees.length; i < n; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const status = rng.weighted(STATUS_WEIGHTS);
    const team = rng.chance(0.04) ? null : rng.weighted(teamWeights);
    const newHire = status === 'onboarding' || (status === 'active' && rng.chance(0.025));
    const hireOffset = status === 'onboarding' ? rng.between(-5, 30) : newHire ? rng.between(-13, 0) : -rng.between(15, 4000);
    const ccRoll = rng.next();
    const homeCc = team?.cc ?? rng.pick(costCenters).id;
    const split = ccRoll < 0.8 ? 100 : ccRoll < 0.92 ? 60 : ccRoll < 0.97 ? 50 : 70;
    const shares: [string, number][] = split === 100 ? [[homeCc, 100]] : [[homeCc, split], [other(homeCc), 100 - split]];
    const lwd =
      status === 'inactive' ? day(-rng.between(20, 1500)) : status === 'active' && rng.chance(0.015) ? day(rng.between(1, 60)) : null;
    const roll = rng.next();
    const employee: SeedEmployee = {
      id: `emp-${String(i + 1).padStart(5, '0')}`,
      name: `${first} ${last}`,
      email: rng.chance(0.015) ? null : reserveEmail(emailLocal(first, last)),
      status,
      hrTeamId: team?.id ?? null,
      department: rng.chance(0.1) ? undefined : (team?.department ?? null),
      costCenters: rng.chance(0.03) ? undefined : shares.map(shareOf),
      supervisorId: roll < 0.08 ? undefined : roll < 0.13 ? null : employees[rng.int(Math.min(i, leads))]!.id,
      hireDate: day(hireOffset),
      lastWorkingDay: rng.chance(0.05) ? undefined : lwd,
      iban: rng.chance(0.2) ? undefined : iban(rng),
      appearedAt: newHire ? at(-rng.between(0, 13), 6, 15) : at(Math.min(hireOffset, 0) - 20, 6, 15),
    };
    if (rng.chance(0.005)) employee.inviteFailure = rng.pick(INVITE_FAILURES);
    employees.push(employee);
  }

  // Generated users (≈15 % of employees overall): mostly linked, some only suggested by e-mail, some external.
  const userTarget = Math.max(userRows.length, Math.round(n * 0.15));
  const taken = new Set<number>();
  const generatedPool = n - castCount;
  for (let u = userRows.length; u < userTarget && taken.size < generatedPool; u++) {
    const id = `usr-${String(u + 1).padStart(4, '0')}`;
    const kind = rng.weighted([['linked', 85], ['suggested', 8], ['external', 7]] as const);
    if (kind === 'external') {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      user(id, `${first} ${last}`, `${emailLocal(first, last)}@extern-${u}.example`, null, rng.pick(['at-freelancers', 'at-board', null]));
      continue;
    }
    let idx = castCount + rng.int(generatedPool);
    while (taken.has(idx) || employees[idx]!.email === null || employees[idx]!.status === 'inactive') {
      idx = idx + 1 >= n ? castCount : idx + 1;
      if (taken.size >= generatedPool - 1) break;
    }
    taken.add(idx);
    const e = employees[idx]!;
    if (kind === 'linked') user(id, e.name, e.email ?? `${id}@${DOMAIN}`, e);
    // Same address, different case and a stray space: matching suggests it, never links it by itself.
    else user(id, e.name, ` ${e.email![0]!.toUpperCase()}${e.email!.slice(1)}`, null, null);
  }

  // A few generated candidates already invited or excluded.
  const linkedIds = new Set(userRows.map((u) => u.linkedEmployeeId));
  for (let i = castCount; i < n; i++) {
    const e = employees[i]!;
    if (linkedIds.has(e.id) || (e.status !== 'active' && e.status !== 'onboarding')) continue;
    const r = rng.next();
    if (r < 0.03) invited.push({ employeeId: e.id, on: day(-rng.between(1, 30)) });
    else if (r < 0.04) excluded.push(e.id);
  }

  const absences: SeedAbsence[] = [
    { id: fixtures.absences.anna, userId: U.anna, type: 'paid_vacation', startsOn: day(-2), endsOn: day(9) },
    { id: fixtures.absences.annaPast, userId: U.anna, type: 'paid_vacation', startsOn: day(-30), endsOn: day(-20) },
    { id: fixtures.absences.pieter, userId: U.pieter, type: 'parental_leave', startsOn: day(-10), endsOn: day(40) },
    { id: fixtures.absences.daan, userId: U.daan, type: null, startsOn: day(5), endsOn: day(12) },
    { id: fixtures.absences.jan, userId: U.jan, type: 'sick_leave', startsOn: day(20), endsOn: null },
    { id: fixtures.absences.katrin, userId: U.katrin, type: 'sick_leave', startsOn: day(0), endsOn: day(3) },
  ];
  const waitingRequests: SeedWaitingRequest[] = [
    { id: 'req-1', approverId: U.anna, requesterId: U.tim, submittedAt: at(-8, 14, 5) },
    { id: 'req-2', approverId: U.anna, requesterId: U.tim, submittedAt: at(-3, 10, 40) },
    { id: 'req-3', approverId: U.anna, requesterId: U.femke, submittedAt: at(-1, 16, 20) },
    { id: 'req-4', approverId: U.anna, requesterId: U.ruben, submittedAt: at(-1, 17, 2) },
    { id: 'req-5', approverId: U.pieter, requesterId: U.katrin, submittedAt: at(-2, 9, 12) },
    { id: 'req-6', approverId: U.pieter, requesterId: U.jan, submittedAt: at(-1, 11, 30) },
    { id: 'req-7', approverId: U.daan, requesterId: U.lieke, submittedAt: at(-1, 8, 55) },
    { id: 'req-8', approverId: U.jan, requesterId: U.anna, submittedAt: at(-4, 15, 0) },
  ];
  const delegations: SeedDelegation[] = [
    { id: fixtures.delegations.pieter, absenceId: fixtures.absences.pieter, substituteId: U.lotte, startsOn: day(-10), endsOn: day(40), ended: false },
  ];

  const status = options.connection ?? 'connected';
  const outcome = options.syncOutcome ?? 'succeeded';
  const granted = options.grantedScopes ?? SCOPE_IDS;
  const run = (id: string, startedMs: number, result: SyncStatus): SyncRun => ({
    id,
    status: result,
    startedAt: isoDateTime(startedMs),
    finishedAt: isoDateTime(startedMs + 21_000),
    progress: 100,
    employeesSeen: result === 'failed' ? 0 : n,
    created: result === 'failed' ? 0 : 3,
    updated: result === 'failed' ? 0 : Math.ceil(n / 50),
    deactivated: result === 'failed' ? 0 : 1,
    failed: result === 'partial' ? 2 : 0,
    errors: syncErrors(result),
  });
  const connection: Connection =
    status === 'disconnected'
      ? { status, providerId: null, providerName: null, connectedAt: null, grantedScopes: [], missingScopes: [], lastSync: null, nextSyncAt: null, statusDetail: null }
      : {
          status,
          providerId: PERSONIO.id,
          providerName: PERSONIO.name,
          connectedAt: at(-40, 10, 12),
          grantedScopes: granted,
          missingScopes: status === 'needs_reauth' ? ['employees.bank_account'] : SCOPE_IDS.filter((id) => !granted.includes(id)),
          lastSync:
            status === 'connected'
              ? run('run-seed', nowMs - 47 * 60_000, outcome)
              : status === 'needs_reauth'
                ? run('run-seed', nowMs - 2 * 86_400_000, 'succeeded')
                : run('run-seed', nowMs - 3 * 3_600_000, 'failed'),
          nextSyncAt: status === 'needs_reauth' ? null : isoDateTime(nowMs + 13 * 60_000),
          statusDetail:
            status === 'needs_reauth'
              ? 'Personio rejected the API credentials: they were deleted or no longer grant access to bank accounts. Generate new credentials in Personio and reconnect.'
              : status === 'error'
                ? 'The last sync failed: Personio did not answer (HTTP 503). The next sync retries automatically.'
                : null,
        };

  return {
    options: { ...options, today: options.today instanceof Date ? today : options.today },
    size,
    nowMs,
    today,
    company: { name: 'Noordlicht Handel B.V.', domain: DOMAIN },
    providers: [PERSONIO, LONG_PROVIDER],
    hrTeams: teams.map(({ id, name, department }) => ({ id, name, department })),
    appTeams: APP_TEAMS,
    mappings: teams.filter((t) => t.app).map((t) => ({ hrTeamId: t.id, appTeamId: t.app! })),
    costCenters,
    employees,
    users: userRows,
    invited,
    excluded,
    absences,
    waitingRequests,
    delegations,
    connection,
    offboarding: { enabled: true, graceDays: 3 },
    keepActive: [U.stefan],
    deactivated: [],
    newHiresSince: isoDateTime(nowMs - 4 * 86_400_000),
    approvalDeadlineDays: 5,
  };
}

type SyncStatus = SyncRun['status'];

/** Per-employee problems a partial or failed run reports. */
export function syncErrors(status: SyncStatus): SyncRun['errors'] {
  if (status === 'partial') {
    return [
      { employeeId: F.jeroenBos, message: 'Cost centre percentages add up to 110 %; kept the previous cost centres.' },
      { employeeId: null, message: 'Personio rate limit reached (HTTP 429); 12 employees are retried in the next sync.' },
    ];
  }
  if (status === 'failed') return [{ employeeId: null, message: 'Personio did not answer (HTTP 503).' }];
  return [];
}
