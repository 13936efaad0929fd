import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { fixtures } from '../mocks/seed.js';
import { addDays, localIsoDate } from '../src/components/approver-delegation-banner/period.js';
import type { ApproverDelegationBanner } from '../src/components/approver-delegation-banner/approver-delegation-banner.js';
import type { ApproverAbsence, Delegation } from '../src/contract/approvals.js';
import type { HrDelegationDismissedDetail } from '../src/events/hr-delegation-dismissed.js';
import { setLocale } from '../src/localize/index.js';
import '../src/define/approver-delegation-banner.js';
import { mount, textOf, until, useFakeBackend } from './helpers/fixture.js';

const ALL_ABSENCES = Object.values(fixtures.absences);
const today = () => localIsoDate(new Date());
let keySeq = 0;
const usedKeys: string[] = [];

/** Mounts the banner; `only` hides every other seeded absence through the dismissal store. */
async function mountBanner(options: { only?: string; storageKey?: string; layout?: 'full' | 'compact'; now?: Date } = {}): Promise<ApproverDelegationBanner> {
  const storageKey = options.storageKey ?? `test-delegation-${++keySeq}`;
  usedKeys.push(storageKey);
  if (options.only) localStorage.setItem(storageKey, JSON.stringify(ALL_ABSENCES.filter((id) => id !== options.only)));
  const el = await mount<ApproverDelegationBanner>(
    html`<approver-delegation-banner storage-key=${storageKey} layout=${options.layout ?? 'full'} .now=${options.now}></approver-delegation-banner>`,
  );
  await until(() => !el.shadowRoot!.querySelector('[part~="loading"]'), 'the absences to load');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const card = (el: Element, absenceId: string) => $(el, `[data-absence="${absenceId}"]`);
const button = (el: Element, part: string) => $<HTMLButtonElement>(el, `[part~="${part}"]`)!;
const combobox = (el: Element) => $<HTMLInputElement>(el, '#substitute')!;
const options = (el: Element) => $$(el, '[role="option"]');

/**
 * What a write in another tab of the same origin looks like here: the store changes, then the
 * browser fires `storage` on window (it never does for this tab's own writes).
 */
function writeFromOtherTab(key: string, value: string | null, area: Storage = localStorage): void {
  const oldValue = area.getItem(key);
  if (value === null) area.removeItem(key);
  else area.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue: value, storageArea: area }));
}

/** Errors thrown by listeners while `run` runs (dispatchEvent reports them to window, never to the caller). */
function errorsDuring(run: () => void): unknown[] {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => {
    errors.push(e.error ?? e.message);
    e.preventDefault();
  };
  window.addEventListener('error', onError);
  try {
    run();
  } finally {
    window.removeEventListener('error', onError);
  }
  return errors;
}

/** The element is on the page and takes space (not `empty`, not display: none). */
const shown = (el: Element) => !el.hasAttribute('empty') && el.getBoundingClientRect().height > 0;
/** The element renders nothing and takes no space. */
const gone = (el: Element) => el.hasAttribute('empty') && el.getBoundingClientRect().height === 0 && !$(el, '[part~="banner"]');

function setValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Opens "Assign substitute" and picks the first candidate whose text includes `name`, by keyboard. */
async function pickCandidate(el: ApproverDelegationBanner, name: string): Promise<void> {
  const input = combobox(el);
  input.focus();
  await sendKeys({ type: name });
  await until(() => options(el).length > 0 && options(el).every((o) => o.textContent!.includes(name)), `options matching ${name}`);
  await sendKeys({ press: 'ArrowDown' });
  await el.updateComplete;
  expect(input.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  expect(input.getAttribute('aria-expanded')).to.equal('false');
}

async function openForm(el: ApproverDelegationBanner, part: 'assign-button' | 'change-button' = 'assign-button'): Promise<void> {
  button(el, part).click();
  await el.updateComplete;
  await until(() => el.shadowRoot!.activeElement === combobox(el), 'focus in the substitute field');
}

describe('approver-delegation-banner', () => {
  const fake = useFakeBackend({ size: 'small' });

  afterEach(() => {
    for (const key of usedKeys.splice(0)) localStorage.removeItem(key);
    localStorage.removeItem('hr-delegation-banner');
  });

  describe('banner', () => {
    it('summarizes several absences and expands the list with a disclosure button', async () => {
      const el = await mountBanner();
      const summary = $(el, '[part~="summary"]')!;
      expect(summary.textContent).to.match(/4 approvers are absent\.\s+8 requests are waiting\./);
      // Anna's oldest request is past the deadline: the summary is an alert.
      expect($(el, '[part~="summary"] [role]')!.getAttribute('role')).to.equal('alert');
      const toggle = button(el, 'toggle');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '#absences')!.hidden).to.equal(true);

      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect($(el, '#absences')!.hidden).to.equal(false);
      expect($$(el, '[part~="absence"]').map((a) => a.dataset.absence)).to.have.members([
        fixtures.absences.anna,
        fixtures.absences.pieter,
        fixtures.absences.daan,
        fixtures.absences.jan,
      ]);
      expect(textOf(card(el, fixtures.absences.pieter)!)).to.match(/approves in their place until/);
      await expect(el).to.be.accessible();
    });

    it('shows who, absence type, until when, waiting requests and the oldest age; status when nothing is overdue', async () => {
      const absences = fake.current.backend.listApproverAbsences().body as { items: ApproverAbsence[] };
      const pieter = absences.items.find((a) => a.id === fixtures.absences.pieter)!;
      const now = new Date(Date.parse(pieter.oldestWaitingSince!) + 3 * 86_400_000);
      const el = await mountBanner({ only: fixtures.absences.pieter, now });
      const message = $(el, '[part~="message"]')!;
      expect(message.getAttribute('role')).to.equal('status');
      const text = textOf(message);
      expect(text).to.contain(`${pieter.approver.name} is absent until`);
      expect(text).to.contain('Parental leave');
      expect(text).to.contain('2 requests are waiting, the oldest submitted 3 days ago.');
      expect(text).to.contain(`${pieter.delegation!.substitute.name} approves in their place until`);
      expect(button(el, 'change-button')).to.exist;
      expect(button(el, 'undo-button')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is an alert when requests are overdue, and omits an unknown absence type', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      expect($(el, '[part~="message"]')!.getAttribute('role')).to.equal('alert');
      expect(textOf($(el, '[part~="message"]')!)).to.contain('Overdue');

      const daan = await mountBanner({ only: fixtures.absences.daan });
      const badges = $$(daan, '[part~="message"] [part~="badge"]');
      expect(badges).to.have.length(0);
      expect($(daan, '[part~="message"]')!.getAttribute('role')).to.equal('status');
    });

    it('says an open-ended absence has no known return date', async () => {
      const el = await mountBanner({ only: fixtures.absences.jan });
      expect(textOf($(el, '[part~="message"]')!)).to.contain('is absent, no return date known.');
      expect(textOf($(el, '[part~="message"]')!)).to.contain('Sick leave');
    });

    it('renders nothing and takes no space when nobody is absent', async () => {
      await fake.current.reset({ size: 'small', grantedScopes: ['employees.basic'] });
      const el = await mountBanner();
      await until(() => el.hasAttribute('empty'), 'the empty attribute');
      expect(el.empty).to.equal(true);
      expect(el.shadowRoot!.querySelector('*')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(getComputedStyle(el).display).to.equal('none');
    });

    it('reflects the layout and leaves out the age in the compact one', async () => {
      const el = await mountBanner({ only: fixtures.absences.pieter, layout: 'compact' });
      expect(el.getAttribute('layout')).to.equal('compact');
      expect(textOf($(el, '[part~="message"]')!)).to.contain('2 requests are waiting.');
      expect(textOf($(el, '[part~="message"]')!)).not.to.contain('oldest');
    });

    it('speaks German and Dutch with localized dates', async () => {
      try {
        await setLocale('de');
        const el = await mountBanner({ only: fixtures.absences.anna });
        expect(textOf($(el, '[part~="message"]')!)).to.match(/ist bis .+ abwesend\./);
        expect(textOf($(el, '[part~="message"]')!)).to.contain('Urlaub');
        expect(button(el, 'assign-button').textContent!.trim()).to.equal('Vertretung zuweisen');
        await setLocale('nl');
        await el.updateComplete;
        expect(textOf($(el, '[part~="message"]')!)).to.match(/is afwezig tot .+\./);
        expect(textOf($(el, '[part~="message"]')!)).to.contain('Vakantie');
      } finally {
        await setLocale('en');
      }
    });
  });

  describe('assign', () => {
    it('assigns a substitute by keyboard with an idempotency key, then says who covers until when', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      const assigned: Delegation[] = [];
      el.addEventListener('hr-substitute-assigned', (e) => assigned.push(e.detail));
      await openForm(el);
      // The period is prefilled from the absence (from today, since it already began).
      const anna = (fake.current.backend.listApproverAbsences().body as { items: ApproverAbsence[] }).items.find((a) => a.id === fixtures.absences.anna)!;
      expect($<HTMLInputElement>(el, '#startsOn')!.value).to.equal(today());
      expect($<HTMLInputElement>(el, '#endsOn')!.value).to.equal(anna.endsOn);

      await pickCandidate(el, 'Lotte');
      const name = combobox(el).value;
      button(el, 'submit-button').click();
      await until(() => assigned.length === 1, 'hr-substitute-assigned');

      const sent = fake.current.log.of('createDelegation');
      expect(sent).to.have.length(1);
      expect(sent[0]!.headers['idempotency-key']).to.be.a('string').and.not.be.empty;
      expect(sent[0]!.body).to.deep.include({ absenceId: fixtures.absences.anna, startsOn: today(), endsOn: anna.endsOn });
      expect(assigned[0]!.substitute.name).to.equal(name);
      expect(assigned[0]!.absenceId).to.equal(fixtures.absences.anna);

      await until(() => textOf(card(el, fixtures.absences.anna)!).includes(`${name} approves in their place until`), 'the covered text');
      expect(button(el, 'undo-button')).to.exist;
      expect(button(el, 'change-button')).to.exist;
      expect($(el, '[part~="form"]')).to.equal(null);
      await until(() => textOf(el).includes(`${name} now approves for`), 'the announcement');
      expect(el.shadowRoot!.activeElement?.classList.contains('title')).to.equal(true);
    });

    it('operates the combobox per APG: arrows open and move, Escape closes then clears', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      const input = combobox(el);
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      await until(() => fake.current.log.count('listSubstituteCandidates') > 0 && !textOf(el).includes('Searching'), 'candidates');
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      const all = options(el);
      expect(input.getAttribute('aria-activedescendant')).to.equal(all[all.length - 1]!.id);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal(all[0]!.id);
      expect(all[0]!.getAttribute('aria-selected')).to.equal('true');
      // The absent approver is never offered.
      expect(all.map((o) => o.textContent)).not.to.include.members(['Anna']);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ type: 'zz' });
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.value).to.equal('');
    });

    it('searches candidates on the server with q', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await sendKeys({ type: 'lotte' });
      await until(() => fake.current.log.of('listSubstituteCandidates').some((r) => r.query.q === 'lotte'), 'a search request');
      const last = fake.current.log.last('listSubstituteCandidates')!;
      expect(last.params.absenceId).to.equal(fixtures.absences.anna);
    });

    it('warns, without blocking, when the candidate requested a waiting item', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      combobox(el).focus();
      await sendKeys({ type: 'Tim' });
      await until(() => options(el).some((o) => o.textContent!.includes('Requested a waiting item')), 'a requester candidate');
      const index = options(el).findIndex((o) => o.textContent!.includes('Requested a waiting item'));
      options(el)[index]!.click();
      await el.updateComplete;
      const warning = $(el, '[part~="warning"]')!;
      expect(warning.textContent).to.contain('requested at least one of the waiting items');
      button(el, 'submit-button').click();
      await until(() => fake.current.log.count('createDelegation') === 1, 'the request');
    });

    it('refuses an invalid period before sending, with localized errors on the fields', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await pickCandidate(el, 'Lotte');
      const start = $<HTMLInputElement>(el, '#startsOn')!;
      const end = $<HTMLInputElement>(el, '#endsOn')!;

      setValue(start, addDays(today(), 3));
      setValue(end, addDays(today(), 1));
      button(el, 'submit-button').click();
      await el.updateComplete;
      await until(() => el.shadowRoot!.activeElement === end, 'focus on the end date');
      expect(end.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#endsOn-error')!.textContent).to.equal('The end date cannot be before the start date.');

      setValue(start, addDays(today(), -1));
      setValue(end, addDays(today(), 60));
      button(el, 'submit-button').click();
      await el.updateComplete;
      expect($(el, '#startsOn-error')!.textContent).to.equal('The date cannot be in the past.');
      expect($(el, '#endsOn-error')!.textContent).to.match(/^The delegation cannot last beyond /);

      setValue(start, '');
      button(el, 'submit-button').click();
      await el.updateComplete;
      expect($(el, '#startsOn-error')!.textContent).to.equal('Enter a start date.');
      expect(fake.current.log.count('createDelegation')).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('requires a substitute chosen from the list', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await sendKeys({ type: 'Nobody in particular' });
      button(el, 'submit-button').click();
      await el.updateComplete;
      expect($(el, '#substitute-error')!.textContent).to.equal('Choose a substitute from the list.');
      expect(combobox(el).getAttribute('aria-invalid')).to.equal('true');
      expect(fake.current.log.count('createDelegation')).to.equal(0);
    });

    it('shows a candidate the backend refuses (422) on the substitute field', async () => {
      const absence = (fake.current.backend.listApproverAbsences().body as { items: ApproverAbsence[] }).items.find((a) => a.id === fixtures.absences.anna)!;
      // Someone offered by a stale list: here the absent approver herself.
      fake.current.use(
        http.get('/api/hr/approver-absences/:absenceId/substitute-candidates', () =>
          HttpResponse.json({ items: [{ id: absence.approver.id, name: absence.approver.name, email: null, isRequesterOfWaiting: false }] }),
        ),
      );
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await pickCandidate(el, absence.approver.name);
      button(el, 'submit-button').click();
      await until(() => $(el, '#substitute-error'), 'the field error');
      expect($(el, '#substitute-error')!.textContent).to.equal('The absent approver cannot be their own substitute.');
      expect(combobox(el).getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(combobox(el));
      expect(fake.current.log.last('createDelegation')!.status).to.equal(422);
    });

    it('retries a failed save with the same idempotency key', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await pickCandidate(el, 'Lotte');
      fake.current.faults.set({ kind: '500', endpoints: ['createDelegation'], times: 1 });
      button(el, 'submit-button').click();
      await until(() => $(el, '[part~="form"] [part~="error"]'), 'the error');
      expect(textOf($(el, '[part~="form"] [part~="error"]')!)).to.contain('The server had a problem.');
      const assigned: Delegation[] = [];
      el.addEventListener('hr-substitute-assigned', (e) => assigned.push(e.detail));
      $<HTMLButtonElement>(el, '[part~="form"] [part~="retry-button"]')!.click();
      await until(() => assigned.length === 1, 'the retried save');
      const [first, second] = fake.current.log.of('createDelegation');
      expect(first!.headers['idempotency-key']).to.equal(second!.headers['idempotency-key']);
    });

    it('shows the other admin\'s delegation when the absence was covered meanwhile (409)', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await pickCandidate(el, 'Lotte');
      const anna = (fake.current.backend.listApproverAbsences().body as { items: ApproverAbsence[] }).items.find((a) => a.id === fixtures.absences.anna)!;
      const candidates = fake.current.backend.listSubstituteCandidates({ params: { absenceId: anna.id }, query: { q: 'Mark' } }).body as { items: { id: string; name: string }[] };
      const other = candidates.items[0]!;
      expect(fake.current.backend.createDelegation({ body: { absenceId: anna.id, substituteId: other.id, startsOn: today(), endsOn: anna.endsOn }, headers: { 'Idempotency-Key': 'other-admin' } }).status).to.equal(201);
      button(el, 'submit-button').click();
      await until(() => $(el, '[part~="absence"] [part~="error"]'), 'the conflict');
      expect(textOf($(el, '[part~="absence"] [part~="error"]')!)).to.contain('Another admin changed the substitute for this absence in the meantime.');
      expect($(el, '[part~="form"]')).to.equal(null);
      await until(() => textOf(card(el, fixtures.absences.anna)!).includes(`${other.name} approves in their place`), 'the other delegation');
    });

    it('cancels the form with the focus back on the button that opened it', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      button(el, 'cancel-button').click();
      await until(() => el.shadowRoot!.activeElement === button(el, 'assign-button'), 'focus on Assign substitute');
      expect($(el, '[part~="form"]')).to.equal(null);
    });
  });

  describe('change and undo', () => {
    it('changes a delegation, sending only what changed', async () => {
      const el = await mountBanner({ only: fixtures.absences.pieter });
      const assigned: Delegation[] = [];
      el.addEventListener('hr-substitute-assigned', (e) => assigned.push(e.detail));
      await openForm(el, 'change-button');
      expect(combobox(el).value).to.not.equal('');
      const end = $<HTMLInputElement>(el, '#endsOn')!;
      const newEnd = addDays(today(), 5);
      setValue(end, newEnd);
      expect(button(el, 'submit-button').textContent!.trim()).to.equal('Save changes');
      button(el, 'submit-button').click();
      await until(() => assigned.length === 1, 'hr-substitute-assigned');
      const sent = fake.current.log.of('updateDelegation');
      expect(sent).to.have.length(1);
      expect(sent[0]!.method).to.equal('PATCH');
      expect(sent[0]!.params.delegationId).to.equal(fixtures.delegations.pieter);
      expect(sent[0]!.body).to.deep.equal({ endsOn: newEnd });
      expect(sent[0]!.headers['idempotency-key']).to.be.a('string');
      expect(assigned[0]!.endsOn).to.equal(newEnd);
    });

    it('undoes a delegation: the approver is uncovered again', async () => {
      const el = await mountBanner({ only: fixtures.absences.pieter });
      const ended: Delegation[] = [];
      el.addEventListener('hr-delegation-ended', (e) => ended.push(e.detail));
      button(el, 'undo-button').click();
      await until(() => ended.length === 1, 'hr-delegation-ended');
      expect(ended[0]!.id).to.equal(fixtures.delegations.pieter);
      expect(ended[0]!.status).to.equal('ended');
      expect(fake.current.log.last('endDelegation')!.method).to.equal('DELETE');
      await until(() => button(el, 'assign-button'), 'Assign substitute');
      expect(textOf(el)).not.to.contain('approves in their place');
      await until(() => textOf(el).includes('has ended'), 'the announcement');
    });

    it('after an undo of a delegation that is gone, shows the current state instead of a retry', async () => {
      const el = await mountBanner({ only: fixtures.absences.pieter });
      const problem = { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: 'No such delegation.' };
      fake.current.use(http.delete('*/api/hr/delegations/:delegationId', () => HttpResponse.json(problem, { status: 404, headers: { 'content-type': 'application/problem+json' } })));
      const reloads = fake.current.log.of('listApproverAbsences').length;
      button(el, 'undo-button').click();
      await until(() => $(el, '[part~="absence"] [part~="error"]'), 'the notice');
      expect(textOf($(el, '[part~="absence"] [part~="error"]')!)).to.contain('Another admin changed the substitute for this absence in the meantime.');
      expect($(el, '[part~="absence"] [part~="retry-button"]')).to.equal(null);
      await until(() => fake.current.log.of('listApproverAbsences').length > reloads, 'the absences reloaded');
    });

    it('shows a failed undo on the absence, with a retry', async () => {
      const el = await mountBanner({ only: fixtures.absences.pieter });
      fake.current.faults.set({ kind: '503', retryAfter: 0, endpoints: ['endDelegation'], times: 3 });
      button(el, 'undo-button').click();
      await until(() => $(el, '[part~="absence"] [part~="error"]'), 'the error');
      expect($(el, '[part~="absence"] [part~="error"]')!.getAttribute('role')).to.equal('alert');
      const ended: Delegation[] = [];
      el.addEventListener('hr-delegation-ended', (e) => ended.push(e.detail));
      $<HTMLButtonElement>(el, '[part~="absence"] [part~="retry-button"]')!.click();
      await until(() => ended.length === 1, 'the retried undo');
    });
  });

  describe('dismiss', () => {
    it('dismisses one absence, tells the host, and remembers it across re-mounts', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna, storageKey: 'test-delegation-dismiss' });
      const dismissed: HrDelegationDismissedDetail[] = [];
      el.addEventListener('hr-delegation-dismissed', (e) => dismissed.push(e.detail));
      const anna = (fake.current.backend.listApproverAbsences().body as { items: ApproverAbsence[] }).items.find((a) => a.id === fixtures.absences.anna)!;
      button(el, 'dismiss-button').click();
      await el.updateComplete;
      expect(dismissed).to.deep.equal([{ absenceId: anna.id, approverId: anna.approver.id }]);
      expect(JSON.parse(localStorage.getItem('test-delegation-dismiss')!)).to.include(anna.id);
      await until(() => el.hasAttribute('empty'), 'the banner to go');

      el.parentElement!.remove();
      const again = await mountBanner({ storageKey: 'test-delegation-dismiss' });
      expect(again.hasAttribute('empty')).to.equal(true);
      // Another storage key remembers nothing.
      const other = await mountBanner({ only: fixtures.absences.anna });
      expect(card(other, fixtures.absences.anna)).to.exist;
    });

    it('uses hr-delegation-banner as the default storage key', async () => {
      const el = await mount<ApproverDelegationBanner>(html`<approver-delegation-banner></approver-delegation-banner>`);
      await until(() => button(el, 'toggle'), 'the summary');
      button(el, 'toggle').click();
      await el.updateComplete;
      card(el, fixtures.absences.daan)!.querySelector<HTMLButtonElement>('[part~="dismiss-button"]')!.click();
      await el.updateComplete;
      expect(JSON.parse(localStorage.getItem('hr-delegation-banner')!)).to.deep.equal([fixtures.absences.daan]);
    });
  });

  describe('other tabs', () => {
    const allBut = (id: string) => JSON.stringify(ALL_ABSENCES.filter((a) => a !== id));

    it('hides a notice dismissed in another tab at once, shows it again when taken back there, and fires no event', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      const key = el.storageKey;
      const dismissed: HrDelegationDismissedDetail[] = [];
      el.addEventListener('hr-delegation-dismissed', (e) => dismissed.push(e.detail));
      expect(card(el, fixtures.absences.anna)).to.exist;
      expect(shown(el)).to.equal(true);

      writeFromOtherTab(key, JSON.stringify(ALL_ABSENCES));
      await el.updateComplete;
      expect(gone(el)).to.equal(true);
      expect(textOf(el)).to.equal('');
      // That tab's element told its host; a second event here would count one action twice.
      expect(dismissed).to.deep.equal([]);

      writeFromOtherTab(key, allBut(fixtures.absences.anna));
      await el.updateComplete;
      expect(shown(el)).to.equal(true);
      expect(textOf(card(el, fixtures.absences.anna)!)).to.contain('is absent');

      // The key removed, or localStorage cleared (key null), there: every notice is back.
      writeFromOtherTab(key, JSON.stringify(ALL_ABSENCES));
      await el.updateComplete;
      expect(gone(el)).to.equal(true);
      writeFromOtherTab(key, null);
      await el.updateComplete;
      expect(textOf($(el, '[part~="summary"]')!)).to.match(/4 approvers are absent\./);
      writeFromOtherTab(key, allBut(fixtures.absences.anna));
      await el.updateComplete;
      expect(Boolean(card(el, fixtures.absences.pieter))).to.equal(false);
      localStorage.removeItem(key);
      window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }));
      await el.updateComplete;
      expect(textOf($(el, '[part~="summary"]')!)).to.match(/4 approvers are absent\./);
      expect(dismissed).to.deep.equal([]);
    });

    it('follows only its own key in localStorage', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      const key = el.storageKey;
      const otherKey = `${key}-other`;
      usedKeys.push(otherKey);
      // This key changed without an event (yet): only an event about it may make the banner look.
      localStorage.setItem(key, JSON.stringify(ALL_ABSENCES));

      writeFromOtherTab(otherKey, JSON.stringify(ALL_ABSENCES));
      expect(el.isUpdatePending).to.equal(false);
      try {
        writeFromOtherTab(key, JSON.stringify(ALL_ABSENCES), sessionStorage);
      } finally {
        sessionStorage.removeItem(key);
      }
      expect(el.isUpdatePending).to.equal(false);
      await el.updateComplete;
      expect(card(el, fixtures.absences.anna)).to.exist;
      expect(shown(el)).to.equal(true);

      window.dispatchEvent(new StorageEvent('storage', { key, newValue: JSON.stringify(ALL_ABSENCES), storageArea: localStorage }));
      await el.updateComplete;
      expect(gone(el)).to.equal(true);
    });

    it('takes an unreadable value from another tab as nothing dismissed, and keeps working', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      const key = el.storageKey;
      for (const garbage of ['{not json', 'null', '"anna"', '{"0":"x"}', '42', '', '[1,null,{}]']) {
        writeFromOtherTab(key, allBut(fixtures.absences.anna));
        await el.updateComplete;
        expect(Boolean(card(el, fixtures.absences.pieter)), garbage).to.equal(false);

        expect(errorsDuring(() => writeFromOtherTab(key, garbage)), garbage).to.deep.equal([]);
        await el.updateComplete;
        expect(textOf($(el, '[part~="summary"]')!), garbage).to.match(/4 approvers are absent\./);
      }
      writeFromOtherTab(key, JSON.stringify(ALL_ABSENCES));
      await el.updateComplete;
      expect(gone(el)).to.equal(true);
    });

    it('drops the open form and hands focus on when the notice is dismissed in another tab', async () => {
      const el = await mountBanner({ only: fixtures.absences.anna });
      const key = el.storageKey;
      writeFromOtherTab(key, JSON.stringify(ALL_ABSENCES.filter((a) => a !== fixtures.absences.anna && a !== fixtures.absences.daan)));
      await el.updateComplete;
      button(el, 'toggle').click();
      await el.updateComplete;
      const order = $$(el, '[part~="absence"]').map((a) => a.dataset.absence!);
      expect(order).to.have.members([fixtures.absences.anna, fixtures.absences.daan]);
      const [first, second] = order as [string, string];
      card(el, first)!.querySelector<HTMLButtonElement>('.primary-action')!.click();
      await el.updateComplete;
      await until(() => combobox(el) && el.shadowRoot!.activeElement === combobox(el), 'focus in the substitute field');

      writeFromOtherTab(key, allBut(second));
      await el.updateComplete;
      expect(Boolean(card(el, first))).to.equal(false);
      const title = () => $(el, `[data-absence="${second}"] .title`);
      await until(() => title() && el.shadowRoot!.activeElement === title(), 'focus on the remaining notice');

      // Taken back there: the notice returns as it was before the form was opened.
      writeFromOtherTab(key, JSON.stringify(ALL_ABSENCES.filter((a) => a !== first && a !== second)));
      await el.updateComplete;
      expect(card(el, first)).to.exist;
      expect(Boolean($(el, '[part~="form"]'))).to.equal(false);
    });

    it('stops listening when removed, and catches up when attached again', async () => {
      const added: EventListenerOrEventListenerObject[] = [];
      const removed: EventListenerOrEventListenerObject[] = [];
      const { addEventListener: add, removeEventListener: remove } = window;
      window.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
        if (type === 'storage') added.push(listener);
        add.call(window, type, listener, options);
      }) as typeof window.addEventListener;
      window.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
        if (type === 'storage') removed.push(listener);
        remove.call(window, type, listener, options);
      }) as typeof window.removeEventListener;
      try {
        const el = await mountBanner({ only: fixtures.absences.anna });
        const key = el.storageKey;
        const provider = el.parentElement!;
        expect(added).to.have.length(1);
        writeFromOtherTab(key, JSON.stringify(ALL_ABSENCES));
        await el.updateComplete;
        expect(gone(el)).to.equal(true);

        el.remove();
        expect(removed).to.deep.equal(added);
        const errors = errorsDuring(() => writeFromOtherTab(key, allBut(fixtures.absences.anna)));
        expect(errors).to.deep.equal([]);
        expect(el.isUpdatePending).to.equal(false);
        expect(Boolean(card(el, fixtures.absences.anna))).to.equal(false);

        provider.append(el);
        await el.updateComplete;
        expect(added).to.have.length(2);
        await until(() => card(el, fixtures.absences.anna), 'the notice taken back while detached');
        expect(shown(el)).to.equal(true);
      } finally {
        delete (window as Partial<Window>).addEventListener;
        delete (window as Partial<Window>).removeEventListener;
      }
    });
  });

  describe('faults', () => {
    it('shows a loading state, then an error with a retry that recovers', async () => {
      fake.current.faults.set({ kind: '500', endpoints: ['listApproverAbsences'], times: 3 });
      const el = await mount<ApproverDelegationBanner>(html`<approver-delegation-banner storage-key="test-delegation-faults"></approver-delegation-banner>`);
      usedKeys.push('test-delegation-faults');
      expect($(el, '[part~="loading"]')!.getAttribute('aria-busy')).to.equal('true');
      await until(() => $(el, '[part~="error"]'), 'the error state');
      expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(textOf(el)).to.contain('The server had a problem.');
      expect(el.hasAttribute('empty')).to.equal(false);
      await expect(el).to.be.accessible();
      button(el, 'retry-button').click();
      await until(() => $(el, '[part~="summary"]'), 'the summary after the retry');
    });

    for (const kind of ['offline', 'schema_break', 'malformed_json', '429', '403'] as const) {
      it(`says what went wrong on a ${kind} fault of the absences`, async () => {
        fake.current.faults.set({ kind, endpoints: ['listApproverAbsences'], retryAfter: 0 });
        const auth: unknown[] = [];
        document.addEventListener('hr-auth-required', (e) => auth.push(e.detail), { once: true });
        const el = await mount<ApproverDelegationBanner>(html`<approver-delegation-banner></approver-delegation-banner>`);
        await until(() => $(el, '[part~="error"]'), 'the error state', 8000);
        const expected = {
          offline: 'No connection to the server.',
          schema_break: 'The server sent data this page cannot read.',
          malformed_json: 'The server sent data this page cannot read.',
          '429': 'The server is busy.',
          '403': 'You do not have permission to do this.',
        }[kind];
        expect(textOf($(el, '[part~="error"]')!)).to.contain(expected);
        if (kind === '403') expect(auth).to.deep.equal([{ status: 403, endpoint: 'listApproverAbsences' }]);
      });
    }

    it('keeps the absences shown when a refresh fails (partial)', async () => {
      const el = await mountBanner({ only: fixtures.absences.pieter });
      fake.current.faults.set({ kind: '500', endpoints: ['listApproverAbsences'] });
      button(el, 'undo-button').click();
      await until(() => $(el, '.stale'), 'the stale notice', 8000);
      expect(textOf($(el, '.stale')!)).to.contain('could not be refreshed');
      expect(card(el, fixtures.absences.pieter)).to.exist;
      fake.current.faults.clear();
      $<HTMLButtonElement>(el, '.stale [part~="retry-button"]')!.click();
      await until(() => !$(el, '.stale'), 'the notice to go');
    });

    it('shows a failed candidate search in the field with a retry', async () => {
      fake.current.faults.set({ kind: '500', endpoints: ['listSubstituteCandidates'], times: 3 });
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await until(() => textOf(el).includes('The server had a problem.'), 'the candidate error');
      $<HTMLButtonElement>(el, '[part~="form"] [part~="retry-button"]')!.click();
      await until(() => textOf(el).includes('people found') || combobox(el).getAttribute('aria-expanded') === 'false', 'recovery');
      combobox(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => options(el).length > 0, 'candidates after the retry');
    });

    it('says when nobody can step in', async () => {
      fake.current.use(http.get('/api/hr/approver-absences/:absenceId/substitute-candidates', () => HttpResponse.json({ items: [] })));
      const el = await mountBanner({ only: fixtures.absences.anna });
      await openForm(el);
      await until(() => textOf(el).includes('Nobody can step in'), 'the empty candidate text');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    });
  });

  it('releases its subscriptions when mounted and removed many times', async () => {
    for (let i = 0; i < 20; i++) {
      const el = await mountBanner({ only: fixtures.absences.anna });
      el.parentElement!.remove();
    }
    const el = await mountBanner({ only: fixtures.absences.anna });
    expect(card(el, fixtures.absences.anna)).to.exist;
  });
});
