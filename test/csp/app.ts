/**
 * The strict-CSP page's module (test/csp/strict.html, served with a strict
 * Content-Security-Policy header). It runs the fake backend and every element's happy path in that
 * page, for strict-csp.test.ts in the parent page to drive and check.
 */
import { report, type CspReport } from './report.js';
import { html, render, type TemplateResult } from 'lit';
import { startFakeBackend, type FakeBackendHandle, type StartFakeBackendOptions } from '../../mocks/browser.js';
import type { EndpointName } from '../../src/contract/endpoints.js';
import { createQueryClient } from '../../src/data/query-client.js';
import '../../src/define/all.js';
import { setLocale } from '../../src/localize/index.js';
import { until } from '../helpers/wait.js';

type Lit = HTMLElement & { updateComplete: Promise<unknown> };

export interface PathResult {
  /** The steps of the happy path that were reached, in order. */
  steps: string[];
  /** Writes the element sent, from the fake's request log. */
  writes: Partial<Record<EndpointName, number>>;
}

export interface CspHarness {
  report: CspReport;
  /** Tries what the policy forbids, to show it is enforced and reported. */
  controls(): Promise<{ innerHTML: string; inlineStyle: string; evaluation: string; violations: string[] }>;
  start(): Promise<void>;
  run(tag: string): Promise<PathResult>;
  /** Switches to German and returns an element's text, to show the locale module loaded. */
  german(): Promise<string>;
}

declare global {
  interface Window {
    cspHarness?: CspHarness;
  }
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL?: (url: string) => string | null }): unknown;
}

/**
 * The page's one Trusted Types exception: msw registers its service worker (test infrastructure,
 * not the library) with a plain string. The default policy lets exactly that URL through; every
 * other sink (HTML, script, other script URLs) stays blocked and reported.
 */
(window as unknown as { trustedTypes: TrustedTypePolicyFactory }).trustedTypes.createPolicy('default', {
  createScriptURL: (url) => (new URL(url, location.href).pathname === '/mockServiceWorker.js' ? url : null),
});

let fake: FakeBackendHandle;
const container = document.createElement('div');
document.body.append(container);

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(template: TemplateResult): Promise<Lit> {
  render(html`<hr-api-provider base-url="/api/hr" .queryClient=${createQueryClient({ retryDelayMs: 5 })}>${template}</hr-api-provider>`, container);
  const el = container.querySelector('hr-api-provider')!.firstElementChild as Lit;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const textOf = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (el: Element, name: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => (typeof name === 'string' ? textOf(b) === name : name.test(textOf(b))));
const idle = (el: Element) => !$(el, '[part~="loading"], [aria-busy="true"]');
function typeInto(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function reset(options: StartFakeBackendOptions): Promise<void> {
  render(html``, container);
  await fake.reset({ size: 'small', ...options });
}

const HAPPY_PATHS: Record<string, (steps: string[]) => Promise<void>> = {
  async 'hr-connect-wizard'(steps) {
    await reset({ connection: 'disconnected', syncDurationMs: 300 });
    const el = await mount(html`<hr-connect-wizard></hr-connect-wizard>`);
    await until(() => idle(el) && $(el, '#provider'), 'the provider step');
    steps.push('provider');
    buttonNamed(el, 'Continue')!.click();
    await until(() => $(el, '#consent'), 'the consent step');
    $<HTMLInputElement>(el, '#consent')!.click();
    await el.updateComplete;
    buttonNamed(el, 'Continue')!.click();
    await until(() => $(el, 'form'), 'the credentials step');
    steps.push('credentials');
    for (const input of $$<HTMLInputElement>(el, 'form input')) typeInto(input, input.type === 'password' ? 'Sup3r-Secret-csp' : 'papi-csp-test');
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => fake.log.count('connect') === 1 && !$(el, 'form') && idle(el), 'connected', 6000);
    steps.push('connected');
  },

  async 'team-mapper'(steps) {
    await reset({});
    const el = await mount(html`<team-mapper></team-mapper>`);
    await until(() => $(el, 'tbody tr'), 'the table');
    steps.push('loaded');
    $<HTMLInputElement>(el, 'input[role="combobox"]')!.click();
    const choices = () => $$(el, '[role="option"]:not(.special)[aria-selected="false"]');
    await until(() => choices().length > 0, 'the app teams');
    choices()[0]!.click();
    await el.updateComplete;
    steps.push('mapped');
    $(el, '[part="save-button"]')!.click();
    await until(() => fake.log.count('saveTeamMapping') === 1 && textOf(el.shadowRoot).includes('No unsaved changes'), 'saved');
    steps.push('saved');
  },

  async 'employee-matcher'(steps) {
    await reset({});
    const el = await mount(html`<employee-matcher></employee-matcher>`);
    await until(() => $(el, 'tbody tr'), 'the users');
    steps.push('loaded');
    $(el, '[data-preview]')!.click();
    await until(() => $(el, '[part="preview"] tbody'), 'the preview');
    steps.push('preview');
    $(el, '[data-accept-all]')!.click();
    await el.updateComplete;
    buttonNamed(el, 'Save links')!.click();
    await until(() => fake.log.count('saveUserLinks') === 1 && idle(el), 'saved');
    steps.push('saved');
  },

  async 'hr-invite-list'(steps) {
    await reset({});
    const el = await mount(html`<hr-invite-list app-name="Acme"></hr-invite-list>`);
    const rows = () => $$(el, '[role="row"][data-row]');
    await until(() => rows().length > 0 && $(el, '[role="grid"]')?.getAttribute('aria-busy') === 'false', 'the candidates');
    steps.push('loaded');
    const row = rows().find((r) => !/No e-mail/.test(textOf(r)))!;
    row.querySelector<HTMLElement>('[data-col="0"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    $(el, '[part="invite-button"]')!.click();
    await until(() => buttonNamed(el, /^Send 1 invitation/), 'the confirmation');
    steps.push('confirm');
    buttonNamed(el, /^Send 1 invitation/)!.click();
    await until(() => $(el, '[part="results"]'), 'the results');
    steps.push('sent');
  },

  async 'approver-delegation-banner'(steps) {
    await reset({});
    localStorage.removeItem('csp-banner');
    const el = await mount(html`<approver-delegation-banner storage-key="csp-banner" layout="full"></approver-delegation-banner>`);
    await until(() => idle(el) && $(el, '[part~="assign-button"]'), 'the absences');
    steps.push('loaded');
    const toggle = $(el, '[part~="toggle"]');
    if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
    await el.updateComplete;
    $(el, '[part~="assign-button"]')!.click();
    await until(() => $(el, '#substitute'), 'the form');
    typeInto($<HTMLInputElement>(el, '#substitute')!, 'Lotte');
    await until(() => $$(el, '[role="option"]').some((o) => textOf(o).includes('Lotte')), 'the candidates');
    $$(el, '[role="option"]').find((o) => textOf(o).includes('Lotte'))!.click();
    await el.updateComplete;
    steps.push('chosen');
    $(el, '[part~="submit-button"]')!.click();
    await until(() => fake.log.count('createDelegation') === 1 && !$(el, 'form') && idle(el), 'assigned');
    steps.push('assigned');
  },

  async 'hr-sync-status'(steps) {
    await reset({ syncDurationMs: 300 });
    const el = await mount(html`<hr-sync-status></hr-sync-status>`);
    await until(() => idle(el) && textOf(el.shadowRoot).includes('Offboarding'), 'the status');
    steps.push('loaded');
    buttonNamed(el, 'Sync now')!.click();
    await until(() => $(el, 'progress'), 'the progress');
    steps.push('syncing');
    await until(() => fake.log.count('startSync') === 1 && !$(el, 'progress'), 'the sync to finish', 6000);
    steps.push('synced');
  },
};

const WRITES: EndpointName[] = ['connect', 'saveTeamMapping', 'saveUserLinks', 'createInvitations', 'createDelegation', 'startSync'];

window.cspHarness = {
  report,

  async controls() {
    const before = report.violations.length;
    const probe = document.createElement('div');
    let innerHTML = 'allowed';
    try {
      probe.innerHTML = '<b>x</b>';
    } catch {
      innerHTML = 'blocked';
    }
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    const inlineStyle = probe.style.color === 'red' ? 'applied' : 'blocked';
    probe.remove();
    let evaluation = 'allowed';
    try {
      new Function('return 1')();
    } catch {
      evaluation = 'blocked';
    }
    await nextTask();
    const violations = report.violations.splice(before);
    return { innerHTML, inlineStyle, evaluation, violations };
  },

  async start() {
    fake = await startFakeBackend({ size: 'small', quiet: true });
  },

  async run(tag) {
    const steps: string[] = [];
    try {
      await HAPPY_PATHS[tag]!(steps);
    } catch (error) {
      const shown = container.querySelector('hr-api-provider')?.firstElementChild?.shadowRoot;
      steps.push(`failed: ${(error as Error).message}`);
      console.warn(`${tag}: ${textOf(shown).slice(0, 500)}`);
    }
    await nextTask();
    const writes = Object.fromEntries(WRITES.map((w) => [w, fake.log.count(w)]).filter(([, n]) => n));
    return { steps, writes };
  },

  async german() {
    await reset({});
    const el = await mount(html`<hr-sync-status></hr-sync-status>`);
    try {
      await setLocale('de');
      await until(() => idle(el) && textOf(el.shadowRoot).includes('Offboarding'), 'the status');
      await el.updateComplete;
      return textOf(el.shadowRoot);
    } catch (error) {
      return `failed: ${(error as Error).message}: ${textOf(el.shadowRoot)}`;
    } finally {
      await setLocale('en');
    }
  },
};
