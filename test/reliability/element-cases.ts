import { sendKeys } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import type { FakeBackendHandle, StartFakeBackendOptions } from '../../mocks/browser.js';
import { fixtures } from '../../mocks/seed.js';
import type { EndpointName } from '../../src/contract/endpoints.js';
import type { TeamMappingDoc } from '../../src/contract/teams.js';
import type { UserLinksDoc } from '../../src/contract/links.js';
import type { OffboardingSettings } from '../../src/contract/sync.js';
import { until } from '../helpers/wait.js';
import { setValue, textIn } from './harness.js';

/**
 * How the shared reliability suites drive each element: how to mount it, which read loads it,
 * which write it performs and how an admin triggers that write. Every predicate here is
 * locale-independent (parts, roles, ids, events), so the same case runs in English and German.
 */

type El = HTMLElement & { updateComplete?: Promise<unknown> };

export const SECRET_FIELD_NOTE = 'the client secret is cleared after every submit by design; the admin re-enters it to retry';

export interface WriteCase {
  /** The write whose requests the suite inspects. */
  endpoint: EndpointName;
  /** Event the element fires once the write succeeded. */
  successEvent: string;
  /** Types or selects what the write will carry. */
  prepare(el: El, fake: FakeBackendHandle): Promise<void>;
  /** Throws when what `prepare` typed or selected is gone. */
  assertKept(el: El): void;
  /** Starts the write the way an admin does. */
  trigger(el: El): Promise<void>;
  /** The element's visible failure of the write (null until shown). */
  error(el: El): Element | null;
  /** Retries the write the way an admin does: the element's Try again, else its own submit. */
  retry(el: El): Promise<void>;
  /** The write went through (visible in the element). */
  done(el: El): boolean;
}

export interface ConflictCase {
  /** 412 for conditional writes; 409 `request_in_progress` (a retry while the first is still processed) otherwise. */
  kind: '412' | '409';
  /** 412 only: another admin saves a change that overlaps what `prepare` chose. */
  otherAdminSaves?(fake: FakeBackendHandle): void;
  /** 412 only: the element's conflict notice. */
  notice?(el: El): Element | null;
}

export interface PartialCase {
  /** What the partial failure is. */
  label: string;
  prepare(el: El, fake: FakeBackendHandle): Promise<void>;
  trigger(el: El): Promise<void>;
  /** Faults that make one step fail (for multi-request writes); none for per-item results. */
  faults?: Parameters<FakeBackendHandle['faults']['set']>;
  /** Waits for the partial result and checks it: visible per item / per step, the failed part still pending. */
  assertPartial(el: El, fake: FakeBackendHandle): Promise<void>;
  /** Retries only what failed. */
  retry(el: El, fake: FakeBackendHandle): Promise<void>;
  /** After the retry: nothing that succeeded the first time went out again as a new write. */
  assertNotRepeated(fake: FakeBackendHandle): void;
}

export interface ElementCase {
  tag: string;
  /** Options for `fake.reset` before each cell. */
  fake: StartFakeBackendOptions;
  /** The element's markup; may prepare storage (called once per mount). */
  template(): TemplateResult;
  /** The read that loads the element (the one the load faults hit). */
  read: EndpointName;
  /** The element shows its data. */
  loaded(el: El): boolean;
  /** The visible failure of loading. */
  loadError(el: El): Element | null;
  write: WriteCase;
  conflict: ConflictCase | { na: string };
  partial: PartialCase | { na: string };
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const uniqueKey = () => `rel-${crypto.randomUUID()}`;

/** Clicks the Try again of `scope` if it offers one; otherwise calls `fallback`. */
async function tryAgainOr(el: El, scope: Element | null, fallback: () => Promise<void> | void): Promise<void> {
  const retry = scope?.querySelector<HTMLButtonElement>('[part~="retry-button"]');
  if (retry) retry.click();
  else await fallback();
  await el.updateComplete;
}

// --- hr-connect-wizard ---------------------------------------------------------------------------

const WIZARD_SECRET = 'wizard-matrix-secret-4711';
const wizardInput = (el: Element, name: string) => $<HTMLInputElement>(el, `#field-${name}`)!;
const wizardPrimary = (el: Element) => $<HTMLButtonElement>(el, 'button.primary');

async function wizardToCredentials(el: El): Promise<void> {
  if ($(el, '#provider')) {
    wizardPrimary(el)!.click();
    await until(() => $(el, '#consent'), 'the consent step');
  }
  $<HTMLInputElement>(el, '#consent')!.click();
  await el.updateComplete;
  wizardPrimary(el)!.click();
  await until(() => $(el, 'form'), 'the credentials step');
}

const wizard: ElementCase = {
  tag: 'hr-connect-wizard',
  fake: { size: 'small', connection: 'disconnected' },
  template: () => html`<hr-connect-wizard></hr-connect-wizard>`,
  read: 'getConnection',
  loaded: (el) => Boolean($(el, '#provider')),
  loadError: (el) => $(el, '[part~="error"]'),
  write: {
    endpoint: 'connect',
    successEvent: 'hr-connected',
    async prepare(el) {
      await wizardToCredentials(el);
      setValue(wizardInput(el, 'clientId'), 'papi-matrix');
      setValue(wizardInput(el, 'clientSecret'), WIZARD_SECRET);
      await el.updateComplete;
    },
    assertKept(el) {
      // The client ID stays; the secret is cleared on submit by design (see SECRET_FIELD_NOTE).
      if (wizardInput(el, 'clientId')?.value !== 'papi-matrix') throw new Error('the client ID was lost');
    },
    async trigger(el) {
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await el.updateComplete;
    },
    error: (el) => $(el, '[part~="form-error"]'),
    async retry(el) {
      setValue(wizardInput(el, 'clientSecret'), WIZARD_SECRET);
      await el.updateComplete;
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await el.updateComplete;
    },
    done: (el) => !$(el, 'form') && Boolean($(el, '[part~="heading"]')) && !$(el, '[part~="form-error"]'),
  },
  conflict: { kind: '409' },
  partial: { na: 'connect is one write with one answer; there are no per-item results' },
};

// --- team-mapper ---------------------------------------------------------------------------------

const T = fixtures.hrTeams;
const PAYMENTS = T.engineeringPayments;
const mapperPicker = (el: Element, id: string) => $<HTMLInputElement>(el, `input[role="combobox"][data-hr-team="${id}"]`)!;
const mapperSave = (el: Element) => $<HTMLButtonElement>(el, '[part~="save-button"]')!;

async function mapperChoose(el: El, hrTeamId: string, typed: string): Promise<void> {
  const input = mapperPicker(el, hrTeamId);
  input.focus();
  input.select();
  await sendKeys({ type: typed });
  await el.updateComplete;
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

const mapperDirty = (el: El) => (el as unknown as { dirty: boolean }).dirty;

const teamMapper: ElementCase = {
  tag: 'team-mapper',
  fake: { size: 'small' },
  template: () => html`<team-mapper storage-key=${uniqueKey()}></team-mapper>`,
  read: 'getTeamMapping',
  loaded: (el) => Boolean($(el, 'tbody tr')),
  loadError: (el) => $(el, '[part="error"]'),
  write: {
    endpoint: 'saveTeamMapping',
    successEvent: 'hr-mapping-saved',
    async prepare(el) {
      await mapperChoose(el, PAYMENTS, 'Sales');
    },
    assertKept(el) {
      if (mapperPicker(el, PAYMENTS).value !== 'Sales' || !mapperDirty(el)) throw new Error('the chosen app team was lost');
    },
    async trigger(el) {
      mapperSave(el).click();
      await el.updateComplete;
    },
    error: (el) => $(el, '[part="error"]'),
    async retry(el) {
      await tryAgainOr(el, $(el, '[part="error"]'), () => mapperSave(el).click());
    },
    done: (el) => !mapperDirty(el),
  },
  conflict: {
    kind: '412',
    otherAdminSaves(fake) {
      const doc = fake.backend.getTeamMapping().body as TeamMappingDoc;
      const mappings = [...doc.mappings.filter((m) => m.hrTeamId !== PAYMENTS), { hrTeamId: PAYMENTS, appTeamId: fixtures.appTeams.finance }];
      const result = fake.backend.saveTeamMapping({ body: { mappings }, headers: { 'if-match': doc.version, 'idempotency-key': uniqueKey() } });
      if (result.status !== 200) throw new Error(`the other admin's save failed: ${result.status}`);
    },
    notice: (el) => $(el, '[part="conflicts"]'),
  },
  partial: {
    label: 'two-step save: app teams created, mapping not saved',
    async prepare(el) {
      await mapperChoose(el, T.legal, 'Legal team');
    },
    async trigger(el) {
      mapperSave(el).click();
      await el.updateComplete;
    },
    faults: [{ kind: '500', endpoints: ['saveTeamMapping'] }],
    async assertPartial(el) {
      await until(() => $(el, '[part="partial"]') && $(el, '[part="error"]'), 'the partial notice');
      if ($(el, '[part="partial"]')!.getAttribute('role') !== 'alert') throw new Error('the partial notice is not an alert');
      if (mapperPicker(el, T.legal).value !== 'Legal team' || !mapperDirty(el)) throw new Error('the new team choice was lost');
    },
    async retry(el) {
      await tryAgainOr(el, $(el, '[part="error"]'), () => mapperSave(el).click());
      await until(() => !mapperDirty(el), 'the save after the retry');
    },
    assertNotRepeated(fake) {
      const created = fake.log.of('createAppTeams').filter((r) => r.status !== undefined && r.status < 300);
      const keys = new Set(created.map((r) => r.headers['idempotency-key']));
      if (keys.size !== 1) throw new Error(`app teams were created by ${keys.size} different writes`);
      const teams = (fake.backend.getTeamMapping().body as TeamMappingDoc).appTeams.filter((t) => t.name === 'Legal team');
      if (teams.length !== 1) throw new Error(`${teams.length} app teams named "Legal team"`);
    },
  },
};

// --- employee-matcher ----------------------------------------------------------------------------

const U = fixtures.users;
const E = fixtures.employees;
const matcherRow = (el: Element, userId: string) => $<HTMLTableRowElement>(el, `tr[data-user="${userId}"]`);
const matcherSave = (el: Element) => $<HTMLButtonElement>(el, '[part~="save-button"]')!;
const matcherAccept = (el: Element, userId: string) => matcherRow(el, userId)!.querySelector<HTMLButtonElement>('button[id^="accept-"]')!;
/** The row shows an unsaved choice ("Will be linked"). */
const matcherPending = (el: Element, userId: string) => Boolean(matcherRow(el, userId)?.querySelector('.badge.changed'));

const employeeMatcher: ElementCase = {
  tag: 'employee-matcher',
  fake: { size: 'small' },
  template: () => html`<employee-matcher></employee-matcher>`,
  read: 'getUserLinks',
  loaded: (el) => Boolean($(el, 'tbody tr')),
  loadError: (el) => $(el, '[part="error"]'),
  write: {
    endpoint: 'saveUserLinks',
    successEvent: 'hr-links-saved',
    async prepare(el) {
      matcherAccept(el, U.sophie).click();
      await el.updateComplete;
    },
    assertKept(el) {
      if (!matcherPending(el, U.sophie)) throw new Error('the accepted suggestion was lost');
    },
    async trigger(el) {
      matcherSave(el).click();
      await el.updateComplete;
    },
    error: (el) => $(el, '[part="error"]'),
    async retry(el) {
      await tryAgainOr(el, $(el, '[part="error"]'), () => matcherSave(el).click());
    },
    done: (el) => Boolean($(el, '[part="results"]')),
  },
  conflict: {
    kind: '412',
    otherAdminSaves(fake) {
      const doc = fake.backend.getUserLinks().body as UserLinksDoc;
      const result = fake.backend.saveUserLinks({
        headers: { 'If-Match': doc.version, 'Idempotency-Key': uniqueKey() },
        body: { links: [{ userId: U.sophie, employeeId: E.sanneMeijer }] },
      });
      if (result.status !== 200) throw new Error(`the other admin's save failed: ${result.status}`);
    },
    notice: (el) => $(el, '[part="conflicts"]'),
  },
  partial: {
    label: 'per-user results: one link saved, one refused',
    async prepare(el) {
      // Pieter Bakker's employee is linked to another user already: this link fails; Sophie's succeeds.
      matcherRow(el, U.pieterShared)!.querySelector<HTMLButtonElement>('.candidates button')!.click();
      await el.updateComplete;
      matcherAccept(el, U.sophie).click();
      await el.updateComplete;
    },
    async trigger(el) {
      matcherSave(el).click();
      await el.updateComplete;
    },
    async assertPartial(el) {
      await until(() => $(el, '[part="results"]'), 'the per-user results');
      await until(() => matcherPending(el, U.pieterShared), 'the failed choice still pending');
      if (matcherPending(el, U.sophie)) throw new Error('the saved link is still shown as unsaved');
    },
    async retry(el, fake) {
      const before = fake.log.count('saveUserLinks');
      matcherSave(el).click();
      await until(() => fake.log.count('saveUserLinks') === before + 1 && fake.log.last('saveUserLinks')!.status !== undefined, 'the retried save');
      await until(() => $(el, '[part="results"]'), 'the results of the retry');
    },
    assertNotRepeated(fake) {
      const bodies = fake.log.of('saveUserLinks').filter((r) => r.status !== undefined && r.status < 300).map((r) => r.body as { links: { userId: string }[] });
      const sophie = bodies.filter((b) => b.links.some((l) => l.userId === U.sophie)).length;
      if (sophie !== 1) throw new Error(`Sophie's link went out in ${sophie} saves`);
      if (bodies.at(-1)!.links.map((l) => l.userId).join() !== U.pieterShared) throw new Error('the retry sent more than the failed link');
    },
  },
};

// --- hr-invite-list ------------------------------------------------------------------------------

const inviteRows = (el: Element) => $$(el, '[role="row"][data-row]');
const inviteRow = (el: Element, name: string) => inviteRows(el).find((r) => textIn(r).includes(name));
const inviteGrid = (el: Element) => $(el, '[role="grid"]');
const inviteSelected = (el: Element, name: string) => inviteRow(el, name)?.getAttribute('aria-selected') === 'true';

async function inviteToggle(el: El, name: string): Promise<void> {
  await until(() => inviteRow(el, name), `the row of ${name}`);
  inviteRow(el, name)!.querySelector<HTMLElement>('[data-col="0"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function inviteOpenAndSend(el: El): Promise<void> {
  if (!$(el, '[part="confirm"]')) {
    $<HTMLButtonElement>(el, '[part~="invite-button"]')!.click();
    await until(() => $(el, '[part="confirm"] [part~="confirm-button"]'), 'the confirmation');
  }
  $<HTMLButtonElement>(el, '[part="confirm"] [part~="confirm-button"]')!.click();
  await el.updateComplete;
}

const inviteList: ElementCase = {
  tag: 'hr-invite-list',
  fake: { size: 'small' },
  template: () => html`<hr-invite-list></hr-invite-list>`,
  read: 'listInviteCandidates',
  loaded: (el) => inviteRows(el).length > 0 && inviteGrid(el)?.getAttribute('aria-busy') !== 'true',
  loadError: (el) => $(el, '[part="error"]'),
  write: {
    endpoint: 'createInvitations',
    successEvent: 'hr-invitations-sent',
    async prepare(el) {
      await inviteToggle(el, 'Koen Smits');
      await inviteToggle(el, 'Emma Fischer');
    },
    assertKept(el) {
      if (!inviteSelected(el, 'Koen Smits') || !inviteSelected(el, 'Emma Fischer')) throw new Error('the selection was lost');
    },
    trigger: inviteOpenAndSend,
    error: (el) => $(el, '[part="confirm"] [role="alert"]'),
    async retry(el) {
      await tryAgainOr(el, $(el, '[part="confirm"] [role="alert"]'), () => inviteOpenAndSend(el));
    },
    done: (el) => Boolean($(el, '[part="results"]')),
  },
  conflict: { kind: '409' },
  partial: {
    label: 'per-person results: one invitation sent, one failed',
    async prepare(el) {
      await inviteToggle(el, 'Koen Smits');
      await inviteToggle(el, 'Lena Zimmermann');
    },
    trigger: inviteOpenAndSend,
    async assertPartial(el) {
      await until(() => $(el, '[part="results"]'), 'the per-person results');
      if (!textIn($(el, '[part="results"]')).includes(fixtures.inviteFailure)) throw new Error('the failure reason is not shown');
      await until(() => inviteSelected(el, 'Lena Zimmermann'), 'the failed person still selected');
      if (inviteRow(el, 'Koen Smits') && inviteSelected(el, 'Koen Smits')) throw new Error('the invited person is still selected');
    },
    async retry(el, fake) {
      const before = fake.log.count('createInvitations');
      await inviteOpenAndSend(el);
      await until(() => fake.log.count('createInvitations') === before + 1 && fake.log.last('createInvitations')!.status !== undefined, 'the retried invitation');
      await until(() => $(el, '[part="results"]'), 'the results of the retry');
    },
    assertNotRepeated(fake) {
      const bodies = fake.log.of('createInvitations').filter((r) => r.status !== undefined && r.status < 300).map((r) => JSON.stringify(r.body));
      const koen = fake.backend.world.employees.find((e) => e.name === 'Koen Smits')!.id;
      const sentToKoen = bodies.filter((b) => b.includes(koen)).length;
      if (sentToKoen !== 1) throw new Error(`Koen Smits was invited in ${sentToKoen} requests`);
      if (bodies.at(-1) !== JSON.stringify({ employeeIds: [E.lenaZimmermann] })) throw new Error(`the retry sent ${bodies.at(-1)}`);
    },
  },
};

// --- approver-delegation-banner ------------------------------------------------------------------

const ALL_ABSENCES = Object.values(fixtures.absences);
const combobox = (el: Element) => $<HTMLInputElement>(el, '#substitute')!;

const delegationBanner: ElementCase = {
  tag: 'approver-delegation-banner',
  fake: { size: 'small' },
  template() {
    const storageKey = uniqueKey();
    // Only Anna's absence (nobody covers it yet): the others are dismissed in this storage key.
    localStorage.setItem(storageKey, JSON.stringify(ALL_ABSENCES.filter((id) => id !== fixtures.absences.anna)));
    return html`<approver-delegation-banner storage-key=${storageKey}></approver-delegation-banner>`;
  },
  read: 'listApproverAbsences',
  loaded: (el) => Boolean($(el, `[data-absence="${fixtures.absences.anna}"]`)),
  loadError: (el) => $(el, '[part~="error"]'),
  write: {
    endpoint: 'createDelegation',
    successEvent: 'hr-substitute-assigned',
    async prepare(el) {
      $<HTMLButtonElement>(el, '[part~="assign-button"]')!.click();
      await until(() => root(el).activeElement === combobox(el), 'focus in the substitute field');
      await sendKeys({ type: 'Lotte' });
      await until(() => $$(el, '[role="option"]').length > 0 && $$(el, '[role="option"]').every((o) => o.textContent!.includes('Lotte')), 'Lotte offered');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    },
    assertKept(el) {
      if (!$(el, '[part~="form"]') || !combobox(el).value.includes('Lotte')) throw new Error('the chosen substitute was lost');
    },
    async trigger(el) {
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await el.updateComplete;
    },
    error: (el) => $(el, '[part~="form"] [part~="error"]'),
    async retry(el) {
      await tryAgainOr(el, $(el, '[part~="form"] [part~="error"]'), () => $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click());
    },
    done: (el) => !$(el, '[part~="form"]') && Boolean($(el, `[data-absence="${fixtures.absences.anna}"] [part~="undo-button"]`)),
  },
  conflict: { kind: '409' },
  partial: { na: 'a delegation is one write with one answer; there are no per-item results' },
};

// --- hr-sync-status ------------------------------------------------------------------------------

const grace = (el: Element) => $<HTMLInputElement>(el, 'input[name="graceDays"]');
const settingsSave = (el: Element) => $<HTMLButtonElement>(el, '[part="settings-form"] button[type="submit"]')!;
const settingsAlert = (el: Element) => $(el, '[part="settings-form"] [role="alert"]');

const syncStatus: ElementCase = {
  tag: 'hr-sync-status',
  fake: { size: 'small', syncDurationMs: 300 },
  template: () => html`<hr-sync-status></hr-sync-status>`,
  read: 'getConnection',
  loaded: (el) => Boolean(grace(el)) && Boolean($(el, '[part="sync-button"]')),
  loadError: (el) => $(el, '[part="error"]'),
  write: {
    endpoint: 'saveOffboardingSettings',
    successEvent: 'hr-offboarding-saved',
    async prepare(el) {
      const input = grace(el)!;
      input.value = '14';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    },
    assertKept(el) {
      if (grace(el)?.value !== '14') throw new Error('the typed grace period was lost');
    },
    async trigger(el) {
      settingsSave(el).click();
      await el.updateComplete;
    },
    error: settingsAlert,
    async retry(el) {
      settingsSave(el).click();
      await el.updateComplete;
    },
    done: (el) => Boolean($(el, '[part="settings-form"] [role="status"]')),
  },
  conflict: {
    kind: '412',
    otherAdminSaves(fake) {
      const current = fake.backend.getOffboardingSettings().body as OffboardingSettings;
      const result = fake.backend.saveOffboardingSettings({ params: {}, query: {}, body: { enabled: true, graceDays: 10 }, headers: { 'if-match': current.version } });
      if (result.status !== 200) throw new Error(`the other admin's save failed: ${result.status}`);
    },
    notice: settingsAlert,
  },
  partial: { na: 'settings are one document saved as a whole; there are no per-item results' },
};

export const elementCases: readonly ElementCase[] = [wizard, teamMapper, employeeMatcher, inviteList, delegationBanner, syncStatus];

/** localStorage keys the cases create (drafts, dismissals), removed after each test. */
export function clearCaseStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.includes('rel-')) localStorage.removeItem(key);
}

export const WIZARD_MATRIX_SECRET = WIZARD_SECRET;
