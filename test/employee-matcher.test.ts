import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixtures } from '../mocks/seed.js';
import type { EmployeeMatcher } from '../src/components/employee-matcher/employee-matcher.js';
import type { UserLinksDoc } from '../src/contract/links.js';
import '../src/define/employee-matcher.js';
import type { HrLinkSelectionChangeEvent } from '../src/events/hr-link-selection-change.js';
import type { HrLinksSavedEvent } from '../src/events/hr-links-saved.js';
import type { HrAuthRequiredEvent } from '../src/events/hr-auth-required.js';
import { setLocale } from '../src/localize/index.js';
import { mount, textOf, until, useFakeBackend } from './helpers/fixture.js';

const U = fixtures.users;
const E = fixtures.employees;

const root = (el: EmployeeMatcher) => el.shadowRoot!;
const rowOf = (el: EmployeeMatcher, userId: string) => root(el).querySelector<HTMLTableRowElement>(`tr[data-user="${userId}"]`);
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function button(scope: Element | ShadowRoot | null, label: string): HTMLButtonElement {
  const found = [...(scope?.querySelectorAll('button') ?? [])].find((b) => text(b) === label || text(b).startsWith(`${label} `));
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

async function loaded(el: EmployeeMatcher): Promise<void> {
  await until(() => root(el).querySelector('tbody tr') || root(el).querySelector('[part="empty"]'), 'the user list');
  await el.updateComplete;
}

async function mountMatcher(template = html`<employee-matcher></employee-matcher>`): Promise<EmployeeMatcher> {
  const el = await mount<EmployeeMatcher>(template);
  await loaded(el);
  return el;
}

/** Every text node and attribute value in the element's shadow root. */
function everythingIn(el: EmployeeMatcher): string {
  const parts: string[] = [root(el).textContent ?? ''];
  for (const node of root(el).querySelectorAll('*')) {
    for (const attr of node.attributes) parts.push(attr.value);
    if (node instanceof HTMLInputElement) parts.push(node.value);
  }
  return parts.join('\n');
}

describe('employee-matcher', () => {
  const fake = useFakeBackend({ size: 'small' });

  afterEach(() => setLocale('en'));

  const serverDoc = () => fake.current.backend.getUserLinks().body as UserLinksDoc;

  it('shows a loading state, then every user with counts per status, accessibly', async () => {
    fake.current.faults.set({ kind: 'latency', ms: 300, endpoints: ['getUserLinks'], times: 1 });
    const el = await mount<EmployeeMatcher>(html`<employee-matcher></employee-matcher>`);
    const loading = root(el).querySelector('[part="loading"]');
    expect(loading?.getAttribute('aria-busy')).to.equal('true');
    await loaded(el);

    const doc = serverDoc();
    expect(root(el).querySelectorAll('tbody tr.user')).to.have.length(doc.items.length);
    for (const status of ['linked', 'suggested', 'unmatched', 'conflict'] as const) {
      const filter = root(el).querySelector(`[data-status="${status}"]`)!;
      expect(text(filter)).to.contain(String(doc.counts[status]));
    }
    expect(fake.current.log.count('getUserLinks')).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('suggests e-mail matches that differ only in case and surrounding spaces', async () => {
    const el = await mountMatcher();
    const doc = serverDoc();
    const sophie = doc.items.find((i) => i.userId === U.sophie)!;
    // The seeded address really differs in case and spaces from the employee's.
    expect(sophie.userEmail).not.to.equal(sophie.employee?.email);
    expect(sophie.userEmail.trim().toLowerCase()).to.equal(sophie.employee?.email);

    for (const userId of [U.sophie, U.lieke]) {
      const row = rowOf(el, userId)!;
      expect(text(row.querySelector('[part="status-badge"]'))).to.equal('Suggested');
      expect(text(row)).to.contain('Same e-mail address');
    }
    expect(text(rowOf(el, U.sophie))).to.contain('Sophie Jansen');

    button(root(el).querySelector('[part="filters"]'), 'Suggested').click();
    await el.updateComplete;
    const shown = [...root(el).querySelectorAll('tbody tr.user')].map((r) => r.getAttribute('data-user'));
    expect(shown).to.have.members(doc.items.filter((i) => i.status === 'suggested').map((i) => i.userId));
    expect(el.getAttribute('status')).to.equal('suggested');
  });

  it('shows conflicts with their reasons and links a chosen candidate', async () => {
    const el = await mountMatcher(html`<employee-matcher status="conflict"></employee-matcher>`);
    const lars = rowOf(el, U.lars)!;
    expect(text(lars)).to.contain('Several employees have this e-mail address');
    expect(lars.querySelectorAll('.candidates button')).to.have.length(2);
    expect(text(rowOf(el, U.pieterShared))).to.contain('already linked to another user');

    const events: HrLinkSelectionChangeEvent[] = [];
    el.addEventListener('hr-link-selection-change', (e) => events.push(e));
    const current = lars.querySelectorAll<HTMLButtonElement>('.candidates button')[1]!;
    current.click();
    await el.updateComplete;
    expect(events.map((e) => e.detail)).to.deep.equal([{ userId: U.lars, employeeId: E.larsBecker }]);
    expect(text(rowOf(el, U.lars))).to.contain('Will be linked');
    expect(root(el).activeElement).to.equal(rowOf(el, U.lars)!.querySelector('[data-pick]'));

    button(root(el), 'Save links').click();
    await until(() => root(el).querySelector('[part="results"]'), 'save results');
    expect(fake.current.log.last('saveUserLinks')?.body).to.deep.equal({ links: [{ userId: U.lars, employeeId: E.larsBecker }] });
    await until(() => serverDoc().items.find((i) => i.userId === U.lars)?.status === 'linked', 'the fake to link Lars');
  });

  it('picks an employee with the keyboard from a debounced server-side search', async () => {
    const el = await mountMatcher();
    const mark = rowOf(el, U.mark)!;
    expect(text(mark.querySelector('[part="status-badge"]'))).to.equal('Unmatched');
    const pick = mark.querySelector<HTMLButtonElement>('[data-pick]')!;
    pick.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    const input = root(el).querySelector<HTMLInputElement>('[role="combobox"]')!;
    expect(root(el).activeElement).to.equal(input);
    expect(input.getAttribute('aria-controls')).to.equal('picker-listbox');
    const before = fake.current.log.count('searchEmployees');
    await sendKeys({ type: 'yara el' });
    await until(() => root(el).querySelector('[role="option"]') && text(root(el).querySelector('#picker-status')).includes('found'), 'search results');
    // Typing fast sends one search for the whole word, not one per key (the picker's first,
    // empty search may land after `before` was read: only searches for typed text count).
    const searches = fake.current.log.of('searchEmployees').slice(before).filter((r) => r.query.q);
    expect(searches.map((r) => r.query.q)).to.deep.equal(['yara el']);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const option = root(el).querySelector('[role="option"][aria-selected="true"]')!;
    expect(input.getAttribute('aria-activedescendant')).to.equal(option.id);
    expect(text(option)).to.contain('Yara El Amrani');

    const events: HrLinkSelectionChangeEvent[] = [];
    el.addEventListener('hr-link-selection-change', (e) => events.push(e));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events.map((e) => e.detail)).to.deep.equal([{ userId: U.mark, employeeId: E.yaraElAmrani }]);
    expect(root(el).querySelector('[role="combobox"]')).to.equal(null);
    expect(root(el).activeElement).to.equal(rowOf(el, U.mark)!.querySelector('[data-pick]'));
    expect(text(rowOf(el, U.mark))).to.contain('Yara El Amrani');
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain('1 unsaved change');
  });

  it('Escape closes the employee search without choosing', async () => {
    const el = await mountMatcher();
    rowOf(el, U.mark)!.querySelector<HTMLButtonElement>('[data-pick]')!.click();
    await el.updateComplete;
    await sendKeys({ type: 'jan' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('[role="combobox"]')).to.equal(null);
    expect(root(el).activeElement).to.equal(rowOf(el, U.mark)!.querySelector('[data-pick]'));
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain('0 unsaved changes');
  });

  it('accepts all suggestions in one step and saves them with If-Match and an Idempotency-Key', async () => {
    const el = await mountMatcher();
    const doc = serverDoc();
    const suggested = doc.items.filter((i) => i.status === 'suggested');
    expect(suggested.length).to.be.greaterThan(1);

    const changes: HrLinkSelectionChangeEvent[] = [];
    const saved: HrLinksSavedEvent[] = [];
    el.addEventListener('hr-link-selection-change', (e) => changes.push(e));
    el.addEventListener('hr-links-saved', (e) => saved.push(e));
    root(el).querySelector<HTMLButtonElement>('[data-accept-all]')!.click();
    await el.updateComplete;
    expect(changes).to.have.length(suggested.length);
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain(`${suggested.length} unsaved changes`);
    expect(root(el).querySelector('[data-accept-all]')!.getAttribute('aria-disabled')).to.equal('true');

    button(root(el), 'Save links').click();
    await until(() => saved.length, 'hr-links-saved');
    const request = fake.current.log.last('saveUserLinks')!;
    expect(request.headers['if-match']).to.equal(doc.version);
    expect(request.headers['idempotency-key']).to.match(/\S{8,}/);
    expect(request.body).to.deep.equal({ links: suggested.map((s) => ({ userId: s.userId, employeeId: s.employee!.id })) });
    expect(saved[0]!.detail).to.deep.include({ saved: suggested.length, failed: 0, version: serverDoc().version });
    expect(saved[0]!.detail.results.every((r) => r.status === 'saved')).to.equal(true);

    await until(() => text(root(el).querySelector('[data-status="suggested"]')).endsWith('0'), 'the refreshed counts');
    for (const s of suggested) {
      expect(text(rowOf(el, s.userId)!.querySelector('[part="status-badge"]'))).to.equal('Linked');
      expect(text(rowOf(el, s.userId))).to.contain('Saved');
    }
    expect(text(root(el).querySelector('[part="results"]'))).to.contain(`${suggested.length} links saved.`);
    expect(fake.current.log.count('saveUserLinks')).to.equal(1);
  });

  it('shows per-user results when part of a save fails, and keeps the failed choice', async () => {
    const el = await mountMatcher();
    const saved: HrLinksSavedEvent[] = [];
    el.addEventListener('hr-links-saved', (e) => saved.push(e));
    // The employee is linked to Pieter already: this link must fail; Sophie's must succeed.
    rowOf(el, U.pieterShared)!.querySelector<HTMLButtonElement>('.candidates button')!.click();
    await el.updateComplete;
    button(rowOf(el, U.sophie), 'Accept').click();
    await el.updateComplete;
    button(root(el), 'Save links').click();
    await until(() => saved.length, 'hr-links-saved');

    expect(saved[0]!.detail.saved).to.equal(1);
    expect(saved[0]!.detail.failed).to.equal(1);
    const failure = saved[0]!.detail.results.find((r) => r.userId === U.pieterShared)!;
    expect(failure).to.deep.include({ status: 'failed', employeeId: E.pieterBakker });
    expect(failure.reason).to.be.a('string').and.not.empty;

    await until(() => text(rowOf(el, U.sophie)).includes('Linked'), 'Sophie linked');
    const pieterRow = text(rowOf(el, U.pieterShared));
    expect(pieterRow).to.contain('Not saved');
    expect(pieterRow).to.contain(failure.reason!);
    expect(text(rowOf(el, U.sophie))).to.contain('Saved');
    expect(text(root(el).querySelector('[part="results"]'))).to.contain('1 saved, 1 not saved.');
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain('1 unsaved change');
  });

  it('previews the fields that will sync, with the bank account masked and never unmasked in the DOM', async () => {
    const el = await mountMatcher();
    const annaIban = fake.current.backend.world.employees.find((e) => e.id === E.annaMueller)!.iban!;
    expect(annaIban.length).to.be.greaterThan(8);
    root(el).querySelector<HTMLButtonElement>(`[data-preview="${U.anna}"]`)!.click();
    await until(() => root(el).querySelector('[part="preview"] tbody'), 'the preview');
    const preview = root(el).querySelector('[part="preview"]')!;
    expect(text(preview)).to.contain(`•••• ${annaIban.slice(-4)}`);
    expect(text(preview)).to.contain('60%');
    expect(text(preview)).to.contain('40%');
    expect(fake.current.log.last('getSyncPreview')?.query).to.deep.equal({ employeeId: E.annaMueller });

    const everything = everythingIn(el).replace(/\s+/g, '');
    expect(everything).not.to.contain(annaIban.replace(/\s+/g, ''));
    expect(everything).not.to.contain(annaIban.replace(/\s+/g, '').slice(-8));
    expect(textOf(el)).not.to.match(/[A-Z]{2}\d{2}[A-Z0-9]{10,}/);
    await expect(el).to.be.accessible();
  });

  it('says "Not shared by the HR system" for fields the HR system did not provide', async () => {
    const el = await mountMatcher();
    rowOf(el, U.mark)!.querySelector<HTMLButtonElement>('[data-pick]')!.click();
    await el.updateComplete;
    await sendKeys({ type: 'yara' });
    await until(() => root(el).querySelector('[role="option"]'), 'search results');
    root(el).querySelector<HTMLElement>('[role="option"]')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>(`[data-preview="${U.mark}"]`)!.click();
    await until(() => root(el).querySelector('[part="preview"] tbody'), 'the preview');

    const rows = [...root(el).querySelectorAll('[part="preview"] tbody tr')].map((r) => text(r));
    for (const field of ['Department', 'Supervisor', 'Last working day', 'Bank account']) {
      expect(rows.find((r) => r.startsWith(field))).to.equal(`${field} Not shared by the HR system`);
    }
    expect(rows.find((r) => r.startsWith('Name'))).to.contain('Yara El Amrani');
  });

  it('keeps unsaved choices across a re-mount', async () => {
    const el = await mountMatcher();
    button(rowOf(el, U.sophie), 'Accept').click();
    await el.updateComplete;
    const provider = el.parentElement!;
    el.remove();
    const again = document.createElement('employee-matcher');
    provider.append(again);
    await loaded(again);
    expect(text(rowOf(again, U.sophie))).to.contain('Will be linked');
    expect(text(root(again).querySelector('[part="save-bar"]'))).to.contain('1 unsaved change');
  });

  it('on a 412 reloads, re-applies the choices on top, shows the conflicts and does not overwrite', async () => {
    const el = await mountMatcher();
    const version = serverDoc().version;
    button(rowOf(el, U.sophie), 'Accept').click();
    button(rowOf(el, U.lieke), 'Accept').click();
    await el.updateComplete;

    // Another admin links Sophie to someone else meanwhile.
    const other = fake.current.backend.saveUserLinks({
      headers: { 'If-Match': version, 'Idempotency-Key': 'another-admin' },
      body: { links: [{ userId: U.sophie, employeeId: E.sanneMeijer }] },
    });
    expect(other.status).to.equal(200);
    const theirVersion = serverDoc().version;

    button(root(el), 'Save links').click();
    await until(() => root(el).querySelector('[part="conflicts"]'), 'the conflict notice');
    const first = fake.current.log.last('saveUserLinks')!;
    expect(first.status).to.equal(412);
    expect(fake.current.log.of('saveUserLinks').length).to.equal(1);

    const notice = root(el).querySelector('[part="conflicts"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(text(notice)).to.contain('Sophie Jansen: now Sanne Meijer, your choice Sophie Jansen.');
    expect(text(notice)).not.to.contain('Lieke');
    expect(root(el).activeElement?.id).to.equal('conflicts-heading');
    // The list shows the other admin's link, with the admin's choice on top.
    expect(text(rowOf(el, U.sophie)!.querySelector('[part="status-badge"]'))).to.equal('Linked');
    expect(text(rowOf(el, U.sophie))).to.contain('Will be linked');
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain('2 unsaved changes');

    button(notice, 'Use theirs').click();
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain('1 unsaved change');
    button(root(el), 'Save links').click();
    await until(() => root(el).querySelector('[part="results"]'), 'save results');
    const second = fake.current.log.last('saveUserLinks')!;
    expect(second.headers['if-match']).to.equal(theirVersion);
    expect(second.headers['idempotency-key']).not.to.equal(first.headers['idempotency-key']);
    expect(second.body).to.deep.equal({ links: [{ userId: U.lieke, employeeId: E.liekeDeJong }] });
    const sophie = serverDoc().items.find((i) => i.userId === U.sophie)!;
    expect(sophie.employee?.id).to.equal(E.sanneMeijer);
  });

  it('on a 412 whose reload fails too, keeps every choice, says the list may be out of date, and resolves the conflict after a retry', async () => {
    const el = await mountMatcher();
    const version = serverDoc().version;
    button(rowOf(el, U.sophie), 'Accept').click();
    button(rowOf(el, U.lieke), 'Accept').click();
    await el.updateComplete;
    const other = fake.current.backend.saveUserLinks({
      headers: { 'If-Match': version, 'Idempotency-Key': 'another-admin' },
      body: { links: [{ userId: U.sophie, employeeId: E.sanneMeijer }] },
    });
    expect(other.status).to.equal(200);

    // The reload after the 412 fails, retries included.
    fake.current.faults.set({ kind: '500', endpoints: ['getUserLinks'], times: 3 });
    button(root(el), 'Save links').click();
    await until(() => text(root(el)).includes('The list could not be refreshed; it may be out of date.'), 'the stale-list warning');
    expect(fake.current.log.last('saveUserLinks')!.status).to.equal(412);
    expect(root(el).querySelector('[part="conflicts"]')).to.equal(null);
    expect(text(rowOf(el, U.sophie))).to.contain('Will be linked');
    expect(text(rowOf(el, U.lieke))).to.contain('Will be linked');
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain('2 unsaved changes');

    button(root(el), 'Try again').click();
    await until(() => !text(root(el)).includes('The list could not be refreshed'), 'the list reloaded');
    expect(text(root(el).querySelector('[part="save-bar"]'))).to.contain('2 unsaved changes');
    // Saving again meets the 412 again, now with the other admin's version to re-apply onto.
    button(root(el), 'Save links').click();
    await until(() => root(el).querySelector('[part="conflicts"]'), 'the conflict notice');
    expect(text(root(el).querySelector('[part="conflicts"]'))).to.contain('Sophie Jansen: now Sanne Meijer, your choice Sophie Jansen.');
    expect(fake.current.log.of('saveUserLinks').map((r) => r.status)).to.deep.equal([412, 412]);
    expect(serverDoc().items.find((i) => i.userId === U.sophie)!.employee?.id, 'nothing overwritten').to.equal(E.sanneMeijer);
  });

  it('retries a failed save with the same Idempotency-Key', async () => {
    const el = await mountMatcher();
    fake.current.faults.set({ kind: '500', endpoints: ['saveUserLinks'], times: 1 });
    button(rowOf(el, U.sophie), 'Accept').click();
    await el.updateComplete;
    button(root(el), 'Save links').click();
    await until(() => root(el).querySelector('[part="error"]'), 'the save error');
    expect(text(root(el).querySelector('[part="error"]'))).to.contain('The server had a problem.');
    expect(text(rowOf(el, U.sophie))).to.contain('Will be linked');

    root(el).querySelector<HTMLButtonElement>('[part="error"] [part="retry-button"]')!.click();
    await until(() => root(el).querySelector('[part="results"]'), 'save results');
    const [first, second] = fake.current.log.of('saveUserLinks');
    expect(second!.headers['idempotency-key']).to.equal(first!.headers['idempotency-key']);
    expect(second!.status).to.equal(200);
  });

  it('searches users by name or e-mail and pages with the keyboard', async () => {
    const el = await mountMatcher(html`<employee-matcher page-size="5"></employee-matcher>`);
    const total = serverDoc().items.length;
    expect(root(el).querySelectorAll('tbody tr.user')).to.have.length(5);
    expect(text(root(el).querySelector('caption'))).to.equal(`Users 1–5 of ${total}`);

    root(el).querySelector<HTMLButtonElement>('tbody [data-pick]')!.focus();
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(text(root(el).querySelector('caption'))).to.equal(`Users 6–10 of ${total}`);
    expect(root(el).activeElement).to.equal(root(el).querySelector('tbody [data-pick]'));
    const next = root(el).querySelector<HTMLButtonElement>('[data-page="previous"]')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(root(el).querySelector('caption'))).to.equal(`Users 1–5 of ${total}`);
    expect(next.getAttribute('aria-disabled')).to.equal('true');

    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await sendKeys({ type: 'NOORDLICHT.example  sophie' });
    await el.updateComplete;
    expect([...root(el).querySelectorAll('tbody tr.user')].map((r) => r.getAttribute('data-user'))).to.deep.equal([U.sophie]);
    expect(fake.current.log.count('getUserLinks')).to.equal(1);

    search.value = 'nobody-has-this';
    search.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="empty"]'))).to.contain('No user matches this filter.');
    button(root(el).querySelector('[part="empty"]'), 'Show all users').click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('tbody tr.user')).to.have.length(5);
  });

  it('shows an empty state when there are no users', async () => {
    const { http, HttpResponse } = await import('msw');
    fake.current.use(
      http.get('*/user-links', () =>
        HttpResponse.json({ items: [], counts: { linked: 0, suggested: 0, unmatched: 0, conflict: 0 }, version: '"ul-0"' }),
      ),
    );
    const el = await mountMatcher();
    expect(text(root(el).querySelector('[part="empty"]'))).to.contain('There are no users to link.');
    await expect(el).to.be.accessible();
  });

  it('shows a stale-list warning when a refresh fails but data is there', async () => {
    const el = await mountMatcher();
    fake.current.faults.set({ kind: '500', endpoints: ['getUserLinks'] });
    button(rowOf(el, U.sophie), 'Accept').click();
    // A save refreshes the list; the refresh fails: the list stays, with a warning.
    button(root(el), 'Save links').click();
    await until(() => text(root(el)).includes('could not be refreshed'), 'the stale warning');
    expect(root(el).querySelectorAll('tbody tr.user').length).to.be.greaterThan(0);
    fake.current.faults.clear();
    button(root(el), 'Try again').click();
    await until(() => !text(root(el)).includes('could not be refreshed'), 'the refresh');
    expect(text(rowOf(el, U.sophie)!.querySelector('[part="status-badge"]'))).to.equal('Linked');
  });

  describe('faults while loading the list', () => {
    const cases = [
      { kind: '500', message: 'The server had a problem.', retry: true },
      { kind: '503', message: 'The server is busy.', retry: true },
      { kind: '429', message: 'The server is busy.', retry: true },
      { kind: 'offline', message: 'No connection to the server.', retry: true },
      { kind: 'malformed_json', message: 'The server sent data this page cannot read.', retry: true },
      { kind: 'schema_break', message: 'The server sent data this page cannot read.', retry: true },
      { kind: '401', message: 'Your session has expired.', retry: true },
      { kind: '403', message: 'You do not have permission to do this.', retry: false },
    ] as const;
    for (const c of cases) {
      it(`${c.kind}: says what happened${c.retry ? ' and retries' : ''}`, async () => {
        fake.current.faults.set({ kind: c.kind, endpoints: ['getUserLinks'], retryAfter: 0 });
        const auth: HrAuthRequiredEvent[] = [];
        const onAuth = (e: HrAuthRequiredEvent) => auth.push(e);
        document.addEventListener('hr-auth-required', onAuth);
        const el = await mount<EmployeeMatcher>(html`<employee-matcher></employee-matcher>`);
        await until(() => root(el).querySelector('[part="error"]'), 'the error state', 8000);
        document.removeEventListener('hr-auth-required', onAuth);
        const error = root(el).querySelector('[part="error"]')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.contain(c.message);
        if (c.kind === '401' || c.kind === '403') expect(auth.map((e) => e.detail.status)).to.include(Number(c.kind));
        await expect(el).to.be.accessible();
        const retry = error.querySelector<HTMLButtonElement>('[part="retry-button"]');
        if (!c.retry) {
          expect(retry).to.equal(null);
          return;
        }
        fake.current.faults.clear();
        retry!.click();
        await loaded(el);
        expect(root(el).querySelectorAll('tbody tr.user').length).to.equal(serverDoc().items.length);
      });
    }
  });

  it('shows a search error inside the picker and retries it', async () => {
    const el = await mountMatcher();
    fake.current.faults.set({ kind: '403', endpoints: ['searchEmployees'], times: 1 });
    rowOf(el, U.mark)!.querySelector<HTMLButtonElement>('[data-pick]')!.click();
    await until(() => root(el).querySelector('[part="picker"] [part="error"]'), 'the search error');
    expect(text(root(el).querySelector('[part="picker"] [part="error"]'))).to.contain('You do not have permission');
  });

  it('shows a preview error with a retry', async () => {
    const el = await mountMatcher();
    fake.current.faults.set({ kind: '500', endpoints: ['getSyncPreview'] });
    root(el).querySelector<HTMLButtonElement>(`[data-preview="${U.anna}"]`)!.click();
    await until(() => root(el).querySelector('[part="preview"] [part="error"]'), 'the preview error');
    fake.current.faults.clear();
    root(el).querySelector<HTMLButtonElement>('[part="preview"] [part="retry-button"]')!.click();
    await until(() => root(el).querySelector('[part="preview"] tbody'), 'the preview');
  });

  it('speaks German and Dutch', async () => {
    await setLocale('de');
    const el = await mountMatcher();
    expect(text(root(el).querySelector('h2'))).to.equal('Benutzer mit Mitarbeitenden verknüpfen');
    expect(text(rowOf(el, U.sophie)!.querySelector('[part="status-badge"]'))).to.equal('Vorgeschlagen');
    await setLocale('nl');
    await el.updateComplete;
    expect(text(root(el).querySelector('h2'))).to.equal('Gebruikers aan medewerkers koppelen');
    expect(text(rowOf(el, U.sophie)!.querySelector('[part="status-badge"]'))).to.equal('Voorgesteld');
  });

  it('releases its subscriptions when removed', async () => {
    const el = await mountMatcher();
    const provider = el.parentElement as HTMLElement & { services: { queryClient: { getQueryCache(): { findAll(): { getObserversCount(): number }[] } } } };
    const observers = () => provider.services.queryClient.getQueryCache().findAll().reduce((n, q) => n + q.getObserversCount(), 0);
    expect(observers()).to.be.greaterThan(0);
    for (let i = 0; i < 5; i++) {
      el.remove();
      provider.append(el);
    }
    el.remove();
    expect(observers()).to.equal(0);
  });
});
