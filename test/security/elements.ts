/**
 * Every element of the library, as the shared security suites mount and drive it: the fake
 * backend's state it needs, the reads it shows (and must show an error state for), the reads it
 * only uses for details, and how to reach its detail views cheaply.
 */
import { html, type TemplateResult } from 'lit';
import type { RequestHandler } from 'msw';
import type { StartFakeBackendOptions } from '../../mocks/browser.js';
import type { FakeBackend, FakeRequest, FakeResponse } from '../../mocks/fake-backend.js';
import { faults } from '../../mocks/faults.js';
import { createHandlers } from '../../mocks/handlers.js';
import type { RequestLog } from '../../mocks/request-log.js';
import type { EndpointName } from '../../src/contract/endpoints.js';
import '../../src/define/all.js';
import { until } from '../helpers/fixture.js';

export interface ElementCase {
  /** Tag plus scenario, e.g. `hr-sync-status (needs re-auth)`. */
  name: string;
  tag: string;
  fake: StartFakeBackendOptions;
  template: () => TemplateResult;
  /** GET endpoints whose data the element shows: a broken answer must give a contract-error state. */
  reads: EndpointName[];
  /** GET endpoints it reads for extra details only: it may degrade quietly when they break. */
  extras: EndpointName[];
  /** Opens detail views (pickers, previews, later steps) where that is cheap. */
  drive?: (el: HTMLElement) => Promise<void>;
  /** Endpoints `drive` reaches (their answers are poisoned too). */
  details?: EndpointName[];
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const click = async (el: HTMLElement, target: HTMLElement | null | undefined) => {
  target?.click();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};
const buttonNamed = (el: Element, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name);
const typeInto = (input: HTMLInputElement | null, value: string) => {
  if (!input) return;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};

/** No loading placeholder and nothing busy in the element's shadow root. */
export function idle(el: Element): boolean {
  const root = el.shadowRoot;
  return !!root && !root.querySelector('[part~="loading"], [aria-busy="true"]');
}

let storageSeq = 0;
const storageKey = (prefix: string) => `security-${prefix}-${++storageSeq}`;

/** Walks the wizard from the provider choice to the credentials form, as far as the data allows. */
async function driveWizard(el: HTMLElement): Promise<void> {
  if ($(el, '#provider')) {
    await click(el, buttonNamed(el, 'Continue'));
    await until(() => $(el, '#consent') || $(el, '[role="alert"]'), 'the consent step').catch(() => undefined);
  }
  const consent = $<HTMLInputElement>(el, '#consent');
  if (!consent) return;
  await click(el, consent);
  await click(el, buttonNamed(el, 'Continue'));
  await until(() => $(el, 'form'), 'the credentials step').catch(() => undefined);
  const form = $<HTMLFormElement>(el, 'form');
  if (!form) return;
  for (const input of form.querySelectorAll<HTMLInputElement>('input')) typeInto(input, input.type === 'password' ? 'wrong-secret' : 'papi-123');
  form.requestSubmit();
  await until(() => $(el, '[part~="field-error"], [part~="form-error"], [role="alert"]') && idle(el), 'the refusal').catch(() => undefined);
}

export const ELEMENT_CASES: ElementCase[] = [
  {
    name: 'hr-connect-wizard',
    tag: 'hr-connect-wizard',
    fake: { size: 'small', connection: 'disconnected' },
    template: () => html`<hr-connect-wizard></hr-connect-wizard>`,
    reads: ['getConnection', 'listProviders'],
    extras: [],
    drive: driveWizard,
    details: ['connect'],
  },
  {
    name: 'hr-connect-wizard (connection error)',
    tag: 'hr-connect-wizard',
    fake: { size: 'small', connection: 'error' },
    template: () => html`<hr-connect-wizard></hr-connect-wizard>`,
    reads: ['getConnection'],
    extras: [],
  },
  {
    name: 'team-mapper',
    tag: 'team-mapper',
    fake: { size: 'small' },
    template: () => html`<team-mapper storage-key=${storageKey('mapper')}></team-mapper>`,
    reads: ['getTeamMapping'],
    extras: [],
    async drive(el) {
      await click(el, $(el, 'input[role="combobox"]'));
      await click(el, $(el, '[data-bulk="create"]'));
    },
  },
  {
    name: 'employee-matcher',
    tag: 'employee-matcher',
    fake: { size: 'small' },
    template: () => html`<employee-matcher></employee-matcher>`,
    reads: ['getUserLinks'],
    extras: [],
    async drive(el) {
      await click(el, $(el, '[data-preview]'));
      await until(() => $(el, '[part="preview"] tbody, [part="preview"] [role="alert"]'), 'the preview').catch(() => undefined);
      await click(el, $(el, '[data-pick]'));
      await until(() => $(el, '[role="option"]'), 'search results').catch(() => undefined);
    },
    details: ['getSyncPreview', 'searchEmployees'],
  },
  {
    name: 'employee-matcher (conflicts)',
    tag: 'employee-matcher',
    fake: { size: 'small' },
    template: () => html`<employee-matcher status="conflict"></employee-matcher>`,
    reads: ['getUserLinks'],
    extras: [],
  },
  {
    name: 'hr-invite-list',
    tag: 'hr-invite-list',
    fake: { size: 'small' },
    template: () => html`<hr-invite-list app-name="Acme"></hr-invite-list>`,
    reads: ['listInviteCandidates'],
    extras: ['getConnection'],
    /** Selects everyone (Ctrl+A) and sends: the results list names and failure reasons. */
    async drive(el) {
      const grid = $(el, '[role="grid"]');
      if (!grid) return;
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
      await click(el, $(el, '[part="invite-button"]'));
      const send = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="confirm"] button')].find((b) => /^Send \d+ invitations?/.test(b.textContent!.trim()));
      await until(() => send(), 'the confirmation').catch(() => undefined);
      await click(el, send());
      await until(() => $(el, '[part="results"]'), 'the results').catch(() => undefined);
    },
    details: ['createInvitations'],
  },
  {
    name: 'approver-delegation-banner',
    tag: 'approver-delegation-banner',
    fake: { size: 'small' },
    template: () => html`<approver-delegation-banner storage-key=${storageKey('banner')} layout="full"></approver-delegation-banner>`,
    reads: ['listApproverAbsences'],
    extras: [],
    async drive(el) {
      const toggle = $(el, '[part~="toggle"]');
      if (toggle?.getAttribute('aria-expanded') === 'false') await click(el, toggle);
      await click(el, $(el, '[part~="assign-button"]'));
      typeInto($<HTMLInputElement>(el, '#substitute'), '');
      await until(() => $(el, '[role="option"]'), 'substitute candidates').catch(() => undefined);
    },
    details: ['listSubstituteCandidates'],
  },
  {
    name: 'hr-sync-status',
    tag: 'hr-sync-status',
    fake: { size: 'small', syncOutcome: 'partial' },
    template: () => html`<hr-sync-status></hr-sync-status>`,
    reads: ['getConnection', 'getSyncNotices', 'getOffboardingSettings'],
    extras: ['listProviders'],
  },
  {
    name: 'hr-sync-status (needs re-auth)',
    tag: 'hr-sync-status',
    fake: { size: 'small', connection: 'needs_reauth' },
    template: () => html`<hr-sync-status></hr-sync-status>`,
    reads: ['getConnection'],
    extras: ['listProviders'],
  },
];

/** One case per element: its plain scenario. */
export const ELEMENTS = ELEMENT_CASES.filter((c) => c.name === c.tag);

/** Every tag registered by `src/define/all.ts` except the provider must have a case here. */
export function registeredElementTags(): string[] {
  return ['hr-connect-wizard', 'team-mapper', 'employee-matcher', 'hr-invite-list', 'approver-delegation-banner', 'hr-sync-status'].filter((tag) =>
    customElements.get(tag),
  );
}

export type Interpose = (name: EndpointName, response: FakeResponse, request: FakeRequest) => FakeResponse;

/**
 * msw handlers in front of the fake's: every request still reaches the current fake backend (and
 * the shared request log and faults), and `interpose` may change its answer.
 */
export function interposedHandlers(backend: () => FakeBackend, log: RequestLog, interpose: Interpose): RequestHandler[] {
  const wrapper = {
    async callAsync(name: EndpointName, request: FakeRequest, delayMs: number): Promise<FakeResponse> {
      return interpose(name, await backend().callAsync(name, request, delayMs), request);
    },
  } as unknown as FakeBackend;
  return createHandlers(() => wrapper, { baseUrl: '/api/hr', faults, log });
}
