import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import { http, HttpResponse } from 'msw';
import type { TeamMappingDoc } from '../src/contract/teams.js';
import { QueryController } from '../src/data/query-controller.js';
import { ServicesController } from '../src/data/services-controller.js';
import type { HrApiProvider } from '../src/components/hr-api-provider/hr-api-provider.js';
import type { TeamMapper } from '../src/components/team-mapper/team-mapper.js';
import type { HrMappingSavedEvent } from '../src/events/hr-mapping-saved.js';
import type { HrTeamCreatedEvent } from '../src/events/hr-team-created.js';
import { setLocale } from '../src/localize/index.js';
import '../src/define/team-mapper.js';
import { fixtures } from '../mocks/seed.js';
import { mount, textOf, until, useFakeBackend } from './helpers/fixture.js';

const T = fixtures.hrTeams;
const A = fixtures.appTeams;
const PAYMENTS = T.engineeringPayments;
const LEGAL = T.legal;

/** Reads invite candidates of one HR team through the page's shared cache, like hr-invite-list does. */
class InviteProbe extends LitElement {
  readonly services = new ServicesController(this);
  readonly candidates = new QueryController(this, () => ({ endpoint: 'listInviteCandidates', query: { team: [this.team] } }), this.services);
  team = '';

  override render() {
    return html`${this.candidates.data?.items.map((c) => html`<p>${c.target.kind === 'team' ? c.target.appTeam.id : c.target.kind}</p>`)}`;
  }
}
customElements.define('test-invite-probe', InviteProbe);

const key = () => `test-${crypto.randomUUID()}`;
const root = (el: TeamMapper) => el.shadowRoot!;
const row = (el: TeamMapper, id: string) => root(el).querySelector<HTMLTableRowElement>(`tr[data-hr-team="${id}"]`);
const picker = (el: TeamMapper, id: string) => root(el).querySelector<HTMLInputElement>(`input[role="combobox"][data-hr-team="${id}"]`)!;
const button = (el: TeamMapper, text: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === text);
const options = (el: TeamMapper) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const activeOption = (el: TeamMapper, input: HTMLInputElement) => root(el).getElementById(input.getAttribute('aria-activedescendant') ?? '');

async function loaded(el: TeamMapper): Promise<void> {
  await until(() => root(el).querySelector('tbody tr'), 'the table');
  await el.updateComplete;
}

async function choose(el: TeamMapper, hrTeamId: string, typed: string): Promise<void> {
  picker(el, hrTeamId).focus();
  picker(el, hrTeamId).select();
  await sendKeys({ type: typed });
  await el.updateComplete;
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

async function save(el: TeamMapper): Promise<void> {
  button(el, 'Save mapping')!.click();
  await el.updateComplete;
  expect(button(el, 'Saving…'), 'saving').to.not.equal(undefined);
  await until(() => button(el, 'Save mapping'), 'the save');
  await el.updateComplete;
}

describe('team-mapper', () => {
  const fake = useFakeBackend({ size: 'small' });
  let doc: TeamMappingDoc;

  beforeEach(() => {
    doc = fake.current.backend.getTeamMapping().body as TeamMappingDoc;
  });

  afterEach(() => setLocale('en'));

  it('shows loading, then every HR team with department, employees, app team and counts', async () => {
    fake.current.faults.set({ kind: 'latency', ms: 200, endpoints: ['getTeamMapping'] });
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    expect(root(el).querySelector('[part="loading"]')?.getAttribute('aria-busy')).to.equal('true');
    await loaded(el);
    expect(root(el).querySelectorAll('tbody tr').length).to.equal(doc.hrTeams.length);
    const mapped = doc.mappings.length;
    expect(textOf(el)).to.contain(`${mapped} mapped`).and.contain(`${doc.hrTeams.length - mapped} not mapped`);
    const finance = doc.hrTeams.find((t) => t.id === T.financeNl)!;
    const financeRow = row(el, T.financeNl)!;
    expect(financeRow.querySelector('th')!.textContent).to.equal(finance.name);
    expect(textOf(financeRow)).to.contain(finance.department!).and.contain(String(finance.employeeCount));
    expect(picker(el, T.financeNl).value).to.equal('Finance');
    expect(textOf(row(el, LEGAL)!)).to.contain('Not known');
    expect(picker(el, PAYMENTS).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('maps an HR team with the keyboard combobox and saves with If-Match and an Idempotency-Key', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    const input = picker(el, PAYMENTS);
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).getElementById(input.getAttribute('aria-controls')!)!.getAttribute('role')).to.equal('listbox');
    expect(options(el).map((o) => o.textContent!.trim())[0]).to.equal('Create team “Engineering Payments”');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('');

    await sendKeys({ type: 'engin plat' });
    await el.updateComplete;
    expect(activeOption(el, input)!.textContent).to.contain('Engineering Platform');
    expect(activeOption(el, input)!.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('Engineering Platform');
    expect(document.activeElement).to.equal(el);
    expect(root(el).activeElement).to.equal(input);
    expect(el.dirty).to.equal(true);
    expect(textOf(el)).to.contain('1 unsaved change');
    expect(textOf(row(el, PAYMENTS)!)).to.contain('Shared with Engineering Platform');

    const saved = oneEvent(el, 'hr-mapping-saved');
    await save(el);
    const { detail } = await saved;
    const put = fake.current.log.last('saveTeamMapping')!;
    expect(put.headers['if-match']).to.equal(doc.version);
    expect(put.headers['idempotency-key']).to.be.a('string').and.not.equal('');
    expect(put.body).to.deep.include({ mappings: (put.body as TeamMappingDoc).mappings });
    expect((put.body as TeamMappingDoc).mappings).to.deep.include({ hrTeamId: PAYMENTS, appTeamId: 'at-engineering-platform' });
    expect(fake.current.log.count('createAppTeams')).to.equal(0);
    expect(detail.mappings).to.equal(doc.mappings.length + 1);
    expect(detail.createdTeams).to.deep.equal([]);
    expect(el.dirty).to.equal(false);
    expect(textOf(el)).to.contain('No unsaved changes');
  });

  it('shows which other HR teams share an app team (many-to-one)', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    const sharing = doc.mappings.filter((m) => m.appTeamId === A.finance && m.hrTeamId !== T.financeNl);
    const names = sharing.map((m) => doc.hrTeams.find((t) => t.id === m.hrTeamId)!.name);
    for (const name of names) expect(textOf(row(el, T.financeNl)!)).to.contain(name);
    await choose(el, PAYMENTS, 'Finance');
    expect(textOf(row(el, T.financeNl)!)).to.contain(doc.hrTeams.find((t) => t.id === PAYMENTS)!.name);
  });

  it('creates an app team from the HR team, with an editable name, then maps to it', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    const input = picker(el, PAYMENTS);
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    // The current choice (not mapped) is active; the option above it creates a team.
    expect(activeOption(el, input)!.textContent!.trim()).to.equal('Not mapped');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const name = row(el, PAYMENTS)!.querySelector<HTMLInputElement>('[part="create-name"]')!;
    expect(name.value).to.equal('Engineering Payments');
    name.focus();
    name.select();
    await sendKeys({ type: 'Finance' });
    await el.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(row(el, PAYMENTS)!)).to.contain('An app team with this name exists');
    expect(button(el, 'Save mapping')!.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ type: ' Payments' });
    await el.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('false');

    const created: HrTeamCreatedEvent[] = [];
    el.addEventListener('hr-team-created', (e) => created.push(e));
    const saved = oneEvent(el, 'hr-mapping-saved');
    await save(el);
    const { detail } = await saved;
    const post = fake.current.log.last('createAppTeams')!;
    expect(post.body).to.deep.equal({ teams: [{ name: 'Finance Payments', fromHrTeamId: PAYMENTS }] });
    expect(post.headers['idempotency-key']).to.be.a('string');
    const newId = detail.createdTeams[0]!.id;
    expect(created.map((e) => [e.detail.appTeam.name, e.detail.fromHrTeamId])).to.deep.equal([['Finance Payments', PAYMENTS]]);
    const put = fake.current.log.last('saveTeamMapping')!;
    expect((put.body as TeamMappingDoc).mappings).to.deep.include({ hrTeamId: PAYMENTS, appTeamId: newId });
    await until(() => picker(el, PAYMENTS).value === 'Finance Payments', 'the new team in the row');
  });

  it('creates app teams for all unmapped HR teams after a preview', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    const unmapped = doc.hrTeams.filter((t) => !doc.mappings.some((m) => m.hrTeamId === t.id));
    const trigger = button(el, 'Create app teams for all unmapped')!;
    trigger.click();
    await el.updateComplete;
    const preview = root(el).querySelector('[part="preview"]')!;
    expect(root(el).activeElement).to.equal(preview.querySelector('h3'));
    expect(textOf(preview)).to.contain(`Create ${unmapped.length} app teams`);
    for (const team of unmapped) expect(textOf(preview)).to.contain(team.name);
    expect(el.dirty).to.equal(false);
    await expect(el).to.be.accessible();

    button(el, 'Cancel')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="preview"]')).to.equal(null);
    expect(root(el).activeElement).to.equal(trigger);

    trigger.click();
    await el.updateComplete;
    button(el, 'Apply')!.click();
    await el.updateComplete;
    expect(textOf(el)).to.contain(`${unmapped.length} unsaved changes`).and.contain('0 not mapped');
    await save(el);
    const post = fake.current.log.last('createAppTeams')!;
    expect((post.body as { teams: unknown[] }).teams).to.have.length(unmapped.length);
    const after = fake.current.backend.getTeamMapping().body as TeamMappingDoc;
    expect(after.mappings).to.have.length(doc.hrTeams.length);
  });

  it('maps by identical name after a preview', async () => {
    const legal = doc.hrTeams.find((t) => t.id === LEGAL)!;
    fake.current.backend.createAppTeams({ body: { teams: [{ name: legal.name.toUpperCase(), fromHrTeamId: null }] }, headers: { 'idempotency-key': 'seed-legal' } });
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    button(el, 'Map by identical name')!.click();
    await el.updateComplete;
    const preview = root(el).querySelector('[part="preview"]')!;
    expect(textOf(preview)).to.contain('Map 1 HR team by name').and.contain(`${legal.name} → ${legal.name.toUpperCase()}`);
    button(el, 'Apply')!.click();
    await el.updateComplete;
    expect(picker(el, LEGAL).value).to.equal(legal.name.toUpperCase());
    expect(el.dirty).to.equal(true);
  });

  it('filters to unmapped HR teams and searches by name', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    const unmapped = doc.hrTeams.length - doc.mappings.length;
    root(el).querySelector<HTMLInputElement>('input[value="unmapped"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('tbody tr').length).to.equal(unmapped);
    const search = root(el).querySelector<HTMLInputElement>('[part="search"]')!;
    search.focus();
    await sendKeys({ type: 'munchen' });
    await el.updateComplete;
    expect([...root(el).querySelectorAll('tbody th')].map((th) => th.textContent)).to.deep.equal(['Logistik München']);
    root(el).querySelector<HTMLInputElement>('input[value="all"]')!.click();
    search.value = 'zzz';
    search.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(textOf(el)).to.contain('No HR teams match the search or filter.');
  });

  it('keeps the draft across a re-mount and a reload, announces dirty changes, and discards', async () => {
    const storageKey = key();
    const first = await mount<TeamMapper>(html`<team-mapper storage-key=${storageKey}></team-mapper>`);
    await loaded(first);
    const dirty = oneEvent(first, 'hr-dirty-change');
    await choose(first, PAYMENTS, 'Sales');
    expect((await dirty).detail).to.deep.equal({ dirty: true });
    first.parentElement!.remove();

    // A fresh provider has a fresh in-memory draft store: the draft comes back from localStorage.
    const again = await mount<TeamMapper>(html`<team-mapper storage-key=${storageKey}></team-mapper>`);
    await loaded(again);
    expect(picker(again, PAYMENTS).value).to.equal('Sales');
    expect(again.dirty).to.equal(true);
    expect(row(again, PAYMENTS)!.className).to.contain('changed');

    const other = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(other);
    expect(picker(other, PAYMENTS).value).to.equal('');

    const clean = oneEvent(again, 'hr-dirty-change');
    button(again, 'Discard changes')!.click();
    expect((await clean).detail).to.deep.equal({ dirty: false });
    expect(picker(again, PAYMENTS).value).to.equal('');
    expect(Object.keys(localStorage).some((k) => k.endsWith(storageKey))).to.equal(false);
  });

  it('on 412 loads the other version, re-applies the draft, shows conflicts and never overwrites silently', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, T.financeNl, 'Management');
    await choose(el, PAYMENTS, 'Engineering Platform');

    // Another admin saves meanwhile: Finance NL differently, Legal untouched by us.
    const theirs = doc.mappings.map((m) => (m.hrTeamId === T.financeNl ? { ...m, appTeamId: A.sales } : m));
    theirs.push({ hrTeamId: LEGAL, appTeamId: A.freelancers });
    const other = fake.current.backend.saveTeamMapping({ body: { mappings: theirs }, headers: { 'if-match': doc.version, 'idempotency-key': 'other-admin' } });
    expect(other.status).to.equal(200);

    button(el, 'Save mapping')!.click();
    await until(() => root(el).querySelector('[part="conflicts"]'), 'the conflict notice');
    await el.updateComplete;
    expect(fake.current.log.of('saveTeamMapping').map((r) => r.status)).to.deep.equal([412]);
    const notice = root(el).querySelector('[part="conflicts"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(textOf(notice)).to.contain('1 HR team was changed differently: Finance NL');
    expect(textOf(row(el, T.financeNl)!)).to.contain('Someone else set this to: Sales');
    expect(picker(el, T.financeNl).value).to.equal('Management Board');
    expect(picker(el, PAYMENTS).value).to.equal('Engineering Platform');
    expect(picker(el, LEGAL).value).to.equal('Freelancers & contractors');
    expect(el.dirty).to.equal(true);

    await save(el);
    const puts = fake.current.log.of('saveTeamMapping');
    expect(puts).to.have.length(2);
    expect(puts[1]!.headers['if-match']).to.equal((other.body as TeamMappingDoc).version);
    expect(puts[1]!.headers['idempotency-key']).to.not.equal(puts[0]!.headers['idempotency-key']);
    const sent = (puts[1]!.body as TeamMappingDoc).mappings;
    expect(sent).to.deep.include({ hrTeamId: T.financeNl, appTeamId: A.board });
    expect(sent).to.deep.include({ hrTeamId: LEGAL, appTeamId: A.freelancers });
    expect(sent).to.deep.include({ hrTeamId: PAYMENTS, appTeamId: 'at-engineering-platform' });
    expect(root(el).querySelector('[part="conflicts"]')).to.equal(null);
  });

  it('stops before replacing the mapping when the refresh after creating teams shows a conflict', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, LEGAL, 'Legal team');
    await choose(el, T.financeNl, 'Management');
    const theirs = doc.mappings.map((m) => (m.hrTeamId === T.financeNl ? { ...m, appTeamId: A.sales } : m));
    fake.current.backend.saveTeamMapping({ body: { mappings: theirs }, headers: { 'if-match': doc.version, 'idempotency-key': 'other-admin' } });
    button(el, 'Save mapping')!.click();
    await until(() => root(el).querySelector('[part="conflicts"]'), 'the conflict notice');
    await el.updateComplete;
    expect(fake.current.log.count('createAppTeams')).to.equal(1);
    expect(fake.current.log.count('saveTeamMapping')).to.equal(0);
    expect(picker(el, LEGAL).value).to.equal('Legal team');
    expect(textOf(row(el, LEGAL)!)).to.not.contain('New team');
    await save(el);
    expect(fake.current.log.count('createAppTeams')).to.equal(1);
    const sent = (fake.current.log.last('saveTeamMapping')!.body as TeamMappingDoc).mappings;
    expect(sent).to.deep.include({ hrTeamId: T.financeNl, appTeamId: A.board });
    const created = (fake.current.backend.getTeamMapping().body as TeamMappingDoc).appTeams.find((t) => t.name === 'Legal team')!;
    expect(sent).to.deep.include({ hrTeamId: LEGAL, appTeamId: created.id });
  });

  it('lets the admin take the other choice after a conflict', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, T.financeNl, 'Management');
    fake.current.faults.set({ kind: '412', endpoints: ['saveTeamMapping'], times: 1 });
    const theirs = doc.mappings.map((m) => (m.hrTeamId === T.financeNl ? { ...m, appTeamId: A.sales } : m));
    fake.current.backend.saveTeamMapping({ body: { mappings: theirs }, headers: { 'if-match': doc.version, 'idempotency-key': 'other-admin' } });
    button(el, 'Save mapping')!.click();
    await until(() => button(el, 'Use their choice'), 'the conflict row');
    button(el, 'Use their choice')!.click();
    await el.updateComplete;
    expect(picker(el, T.financeNl).value).to.equal('Sales');
    expect(root(el).activeElement).to.equal(picker(el, T.financeNl));
    expect(el.dirty).to.equal(false);
  });

  it('keeps the row controls read-only while a save runs, so typing then changes nothing, and editable after it', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, LEGAL, 'Legal team');
    await choose(el, PAYMENTS, 'Sales');
    fake.current.faults.set({ kind: 'latency', ms: 400, endpoints: ['createAppTeams', 'saveTeamMapping'] });
    const saved = oneEvent(el, 'hr-mapping-saved');
    button(el, 'Save mapping')!.click();
    await el.updateComplete;

    // Creating the app teams: the name of the new team is read-only.
    const name = row(el, LEGAL)!.querySelector<HTMLInputElement>('[part="create-name"]')!;
    expect(name.readOnly).to.equal(true);
    name.focus();
    await sendKeys({ type: 'xy' });
    await el.updateComplete;
    expect(name.value).to.equal('Legal team');

    // Saving the mapping: the pickers are read-only and do not open, the bulk helpers are unavailable.
    await until(() => fake.current.log.count('saveTeamMapping') === 1, 'the mapping request');
    await el.updateComplete;
    const input = picker(el, PAYMENTS);
    expect(input.readOnly).to.equal(true);
    input.focus();
    await sendKeys({ type: 'Fin' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.value).to.equal('Sales');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(options(el)).to.have.length(0);
    const bulk = button(el, 'Create app teams for all unmapped')!;
    expect(bulk.getAttribute('aria-disabled')).to.equal('true');
    bulk.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="preview"]')).to.equal(null);

    await saved;
    await el.updateComplete;
    const created = (fake.current.backend.getTeamMapping().body as TeamMappingDoc).appTeams.find((t) => t.name === 'Legal team')!;
    const sent = (fake.current.log.last('saveTeamMapping')!.body as TeamMappingDoc).mappings;
    expect(sent).to.deep.include({ hrTeamId: PAYMENTS, appTeamId: A.sales });
    expect(sent).to.deep.include({ hrTeamId: LEGAL, appTeamId: created.id });
    expect(el.dirty).to.equal(false);
    expect(picker(el, PAYMENTS).value).to.equal('Sales');
    expect(picker(el, LEGAL).value).to.equal('Legal team');
    for (const field of root(el).querySelectorAll('input[role="combobox"]')) expect((field as HTMLInputElement).readOnly).to.equal(false);
    expect(bulk.getAttribute('aria-disabled')).to.equal('false');

    // Editable again after a save that fails, too.
    await choose(el, PAYMENTS, 'Finance');
    fake.current.faults.set({ kind: '500', endpoints: ['saveTeamMapping'], times: 1 });
    await save(el);
    expect(root(el).querySelector('[part="error"]')).to.not.equal(null);
    expect(picker(el, PAYMENTS).readOnly).to.equal(false);
    await choose(el, PAYMENTS, 'Operations');
    expect(picker(el, PAYMENTS).value).to.equal('Operations');
    expect(el.dirty).to.equal(true);
  });

  it('retrying a failed save reuses its Idempotency-Keys', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, LEGAL, 'Legal team');
    await choose(el, PAYMENTS, 'Engineering Platform');
    fake.current.faults.set({ kind: '500', endpoints: ['createAppTeams'], times: 1 }, { kind: '500', endpoints: ['saveTeamMapping'], times: 1 });
    await save(el);
    expect(textOf(root(el).querySelector('[part="error"]')!)).to.contain('The server had a problem.');
    expect(el.dirty).to.equal(true);
    root(el).querySelector<HTMLButtonElement>('[part="error"] [part="retry-button"]')!.click();
    await until(() => fake.current.log.count('saveTeamMapping') === 1 && !root(el).querySelector('table[aria-busy="true"]'), 'the second attempt');
    await el.updateComplete;
    expect(textOf(root(el).querySelector('[part="error"]')!)).to.contain('The server had a problem.');
    expect(textOf(root(el).querySelector('[part="partial"]')!)).to.contain('The new app teams were created');
    root(el).querySelector<HTMLButtonElement>('[part="error"] [part="retry-button"]')!.click();
    await until(() => !el.dirty, 'the save');
    const posts = fake.current.log.of('createAppTeams');
    expect(posts.map((p) => p.status)).to.deep.equal([500, 201]);
    expect(posts[0]!.headers['idempotency-key']).to.equal(posts[1]!.headers['idempotency-key']);
    const puts = fake.current.log.of('saveTeamMapping');
    expect(puts.map((p) => p.status)).to.deep.equal([500, 200]);
    expect(puts[0]!.headers['idempotency-key']).to.equal(puts[1]!.headers['idempotency-key']);
  });

  it('lists the app teams an earlier attempt created when the retry saves the mapping, and only for that save', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, LEGAL, 'Legal team');
    fake.current.faults.set({ kind: '500', endpoints: ['saveTeamMapping'], times: 1 });
    await save(el);
    expect(root(el).querySelector('[part="partial"]')).to.not.equal(null);
    const saved = oneEvent(el, 'hr-mapping-saved');
    root(el).querySelector<HTMLButtonElement>('[part="error"] [part="retry-button"]')!.click();
    const { detail } = await saved;
    const created = (fake.current.backend.getTeamMapping().body as TeamMappingDoc).appTeams.find((t) => t.name === 'Legal team')!;
    expect(detail.createdTeams).to.deep.equal([{ id: created.id, name: 'Legal team', memberCount: 0, fromHrTeamId: LEGAL }]);
    expect(fake.current.log.count('createAppTeams')).to.equal(1);
    expect(fake.current.log.of('saveTeamMapping').map((r) => r.status)).to.deep.equal([500, 200]);

    await choose(el, PAYMENTS, 'Sales');
    const next = oneEvent(el, 'hr-mapping-saved');
    await save(el);
    expect((await next).detail.createdTeams).to.deep.equal([]);
  });

  it('lists the app teams created before a re-mount when the save finishes after it', async () => {
    const storageKey = key();
    const first = await mount<TeamMapper>(html`<team-mapper storage-key=${storageKey}></team-mapper>`);
    await loaded(first);
    await choose(first, LEGAL, 'Legal team');
    fake.current.faults.set({ kind: '500', endpoints: ['saveTeamMapping'], times: 1 });
    await save(first);
    first.parentElement!.remove();

    const again = await mount<TeamMapper>(html`<team-mapper storage-key=${storageKey}></team-mapper>`);
    await loaded(again);
    expect(picker(again, LEGAL).value).to.equal('Legal team');
    const saved = oneEvent<HrMappingSavedEvent>(again, 'hr-mapping-saved');
    await save(again);
    const { detail } = await saved;
    expect(detail.createdTeams.map((t) => [t.name, t.fromHrTeamId])).to.deep.equal([['Legal team', LEGAL]]);
    expect(fake.current.log.count('createAppTeams')).to.equal(1);
  });

  it('shows the names the backend refused on their rows, focuses the first and keeps the draft', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, PAYMENTS, 'Payments team');
    await choose(el, LEGAL, 'Legal team');
    await choose(el, T.financeNl, 'Management');
    // Another admin creates an app team of that name after this page loaded the teams.
    fake.current.backend.createAppTeams({ body: { teams: [{ name: 'Legal team', fromHrTeamId: null }] }, headers: { 'idempotency-key': 'other-admin' } });

    await save(el);
    const post = fake.current.log.last('createAppTeams')!;
    expect(post.status).to.equal(422);
    // Legal & Compliance comes second in the request: the backend points at /teams/1/name.
    expect((post.body as { teams: { fromHrTeamId: string }[] }).teams.map((t) => t.fromHrTeamId)).to.deep.equal([PAYMENTS, LEGAL]);
    const nameOf = (id: string) => row(el, id)!.querySelector<HTMLInputElement>('[part="create-name"]')!;
    const legal = nameOf(LEGAL);
    expect(legal.getAttribute('aria-invalid')).to.equal('true');
    const described = root(el).getElementById(legal.getAttribute('aria-describedby')!)!;
    expect(described.textContent).to.equal('An app team with this name exists.');
    expect(nameOf(PAYMENTS).getAttribute('aria-invalid')).to.equal('false');
    expect(root(el).activeElement).to.equal(legal);
    expect(root(el).querySelector('[part="error"]')).to.equal(null);
    expect(textOf(el)).to.contain('Check the names of the new app teams.');
    expect(button(el, 'Save mapping')!.getAttribute('aria-disabled')).to.equal('true');
    expect(el.dirty).to.equal(true);
    expect(legal.value).to.equal('Legal team');
    expect(nameOf(PAYMENTS).value).to.equal('Payments team');
    expect(picker(el, T.financeNl).value).to.equal('Management Board');
    expect(fake.current.log.count('saveTeamMapping')).to.equal(0);
    await expect(el).to.be.accessible();

    await sendKeys({ type: ' NL' });
    await el.updateComplete;
    expect(legal.getAttribute('aria-invalid')).to.equal('false');
    const saved = oneEvent<HrMappingSavedEvent>(el, 'hr-mapping-saved');
    await save(el);
    expect((await saved).detail.createdTeams.map((t) => [t.name, t.fromHrTeamId])).to.deep.equal([
      ['Payments team', PAYMENTS],
      ['Legal team NL', LEGAL],
    ]);
  });

  for (const kind of ['500', 'offline', 'malformed_json', 'schema_break'] as const) {
    it(`shows an error with a retry when loading fails (${kind})`, async () => {
      fake.current.faults.set({ kind, endpoints: ['getTeamMapping'] });
      const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
      await until(() => root(el).querySelector('[part="error"]'), 'the error');
      const error = root(el).querySelector('[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      fake.current.faults.clear();
      error.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await loaded(el);
    });
  }

  it('waits out a 503 with Retry-After by itself', async () => {
    fake.current.faults.set({ kind: '503', retryAfter: 1, endpoints: ['getTeamMapping'], times: 1 });
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await until(() => root(el).querySelector('tbody tr'), 'the table', 5000);
    expect(fake.current.log.of('getTeamMapping').map((r) => r.status)).to.deep.equal([503, 200]);
  });

  it('reports 401 on load to the host and offers a retry', async () => {
    fake.current.faults.set({ kind: '401', endpoints: ['getTeamMapping'], times: 1 });
    const auth = new Promise<CustomEvent>((resolve) => document.addEventListener('hr-auth-required', (e) => resolve(e as unknown as CustomEvent), { once: true }));
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    expect((await auth).detail).to.deep.equal({ status: 401, endpoint: 'getTeamMapping' });
    await until(() => root(el).querySelector('[part="error"]'), 'the error');
    expect(textOf(root(el).querySelector('[part="error"]')!)).to.contain('Your session has expired.');
    root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await loaded(el);
  });

  it('reports 403 to the host and keeps the table usable when a save is refused', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await choose(el, PAYMENTS, 'Sales');
    fake.current.faults.set({ kind: '403', endpoints: ['saveTeamMapping'] });
    const auth = oneEvent(el, 'hr-auth-required');
    button(el, 'Save mapping')!.click();
    expect((await auth).detail).to.deep.equal({ status: 403, endpoint: 'saveTeamMapping' });
    await until(() => root(el).querySelector('[part="error"]'), 'the error');
    expect(textOf(root(el).querySelector('[part="error"]')!)).to.contain('You do not have permission');
    expect(picker(el, PAYMENTS).value).to.equal('Sales');
    expect(el.dirty).to.equal(true);
  });

  it('shows the empty state without HR teams and a success note when all are mapped', async () => {
    const empty: TeamMappingDoc = { ...doc, hrTeams: [], mappings: [] };
    fake.current.use(http.get('/api/hr/team-mapping', () => HttpResponse.json(empty, { headers: { ETag: empty.version } })));
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await until(() => root(el).querySelector('[part="empty"]'), 'the empty state');
    expect(textOf(el)).to.contain('No HR teams yet');
    await expect(el).to.be.accessible();
  });

  it('after saving, other elements on the page see the new target team at once', async () => {
    const team = 'hrt-logistik-muenchen';
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper><test-invite-probe></test-invite-probe>`);
    const probe = el.nextElementSibling as InviteProbe;
    probe.team = team;
    probe.requestUpdate();
    await until(() => probe.candidates.data, 'the invite candidates');
    const before = probe.candidates.data!.items;
    expect(before.length).to.be.greaterThan(0);
    expect(before.every((c) => c.target.kind === 'team_not_mapped')).to.equal(true);
    await loaded(el);
    await choose(el, team, 'Operations');
    await save(el);
    await until(() => probe.candidates.data!.items.every((c) => c.target.kind === 'team' && c.target.appTeam.id === 'at-operations'), 'the new target');
    expect(textOf(probe)).to.contain('at-operations');
  });

  it('renders 500 HR teams and 300 app teams, one row each, and filters them', async () => {
    const big: TeamMappingDoc = {
      hrTeams: Array.from({ length: 500 }, (_, i) => ({ id: `h${i}`, name: `HR team ${i}`, department: i % 3 ? `Dept ${i % 7}` : null, employeeCount: i % 40 })),
      appTeams: Array.from({ length: 300 }, (_, i) => ({ id: `a${i}`, name: `App team ${i}`, memberCount: i % 25 })),
      mappings: Array.from({ length: 350 }, (_, i) => ({ hrTeamId: `h${i}`, appTeamId: `a${i % 300}` })),
      version: '"big-1"',
    };
    fake.current.use(http.get('/api/hr/team-mapping', () => HttpResponse.json(big, { headers: { ETag: big.version } })));
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    expect(root(el).querySelectorAll('tbody tr').length).to.equal(500);
    expect(textOf(el)).to.contain('350 mapped').and.contain('150 not mapped');
    expect(textOf(row(el, 'h0')!)).to.contain('Shared with HR team 300');
    const input = picker(el, 'h400');
    input.focus();
    await sendKeys({ type: 'team 29' });
    await el.updateComplete;
    // 29, 129, 229 and 290–299, after "Create" and "Not mapped".
    expect(options(el).length).to.equal(2 + 13);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('App team 29');
    expect(textOf(el)).to.contain('351 mapped');
  });

  it('releases its cache subscription when removed', async () => {
    for (let i = 0; i < 10; i++) {
      const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
      await loaded(el);
      const provider = el.parentElement as HrApiProvider;
      const query = provider.services.queryClient.getQueryCache().find({ queryKey: ['hr', 'getTeamMapping'], exact: false })!;
      expect(query.getObserversCount()).to.equal(1);
      el.remove();
      expect(query.getObserversCount()).to.equal(0);
      provider.remove();
    }
  });

  it('speaks German and Dutch', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key=${key()}></team-mapper>`);
    await loaded(el);
    await setLocale('de');
    await el.updateComplete;
    expect(root(el).querySelector('[part="heading"]')!.textContent).to.equal('Team-Zuordnung');
    expect(picker(el, PAYMENTS).getAttribute('aria-label')).to.equal('App-Team für Engineering Payments');
    await setLocale('nl');
    await el.updateComplete;
    expect(button(el, 'Koppeling opslaan')).to.not.equal(undefined);
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'test-invite-probe': InviteProbe;
  }
}
