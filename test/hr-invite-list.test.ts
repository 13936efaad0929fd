import { expect, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { fixtures } from '../mocks/seed.js';
import type { HrApiProvider } from '../src/components/hr-api-provider/hr-api-provider.js';
import type { HrInviteList } from '../src/components/hr-invite-list/hr-invite-list.js';
import { applyWrite } from '../src/data/mutation-controller.js';
import '../src/define/hr-invite-list.js';
import type { HrInvitationsSentEvent } from '../src/events/hr-invitations-sent.js';
import type { HrMapTeamRequestedEvent } from '../src/events/hr-map-team-requested.js';
import type { HrSelectionChangeEvent } from '../src/events/hr-selection-change.js';
import { setLocale } from '../src/localize/index.js';
import { mount, textOf, until, useFakeBackend } from './helpers/fixture.js';

const E = fixtures.employees;

const $ = <T extends Element = HTMLElement>(el: HrInviteList, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: HrInviteList, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const grid = (el: HrInviteList) => $(el, '[role="grid"]')!;
const rows = (el: HrInviteList) => $$(el, '[role="row"][data-row]');
const rowOf = (el: HrInviteList, name: string) => rows(el).find((r) => textOf(r).includes(name));
const names = (el: HrInviteList) => rows(el).map((r) => textOf(r.querySelector('[aria-colindex="2"]')!));
/** Candidates matching the filter, from the grid's aria-rowcount (the header row is one of them). */
const total = (el: HrInviteList) => Number(grid(el).getAttribute('aria-rowcount')) - 1;
const countText = (el: HrInviteList) => textOf($(el, '[part="selection-count"]')!);
const button = (el: HrInviteList, text: string) => $$<HTMLButtonElement>(el, 'button').find((b) => textOf(b) === text);
const key = (el: HrInviteList, k: string, init: KeyboardEventInit = {}) =>
  grid(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));

async function loaded(el: HrInviteList): Promise<void> {
  await until(() => rows(el).length > 0 && grid(el).getAttribute('aria-busy') === 'false', 'rows');
  await el.updateComplete;
}

async function choose(el: HrInviteList, label: string, value: string): Promise<void> {
  const select = $$<HTMLLabelElement>(el, 'label').find((l) => l.textContent?.includes(label))!.querySelector('select')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function search(el: HrInviteList, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
  for (let i = 1; i <= text.length; i++) {
    input.value = text.slice(0, i);
    input.dispatchEvent(new InputEvent('input'));
  }
}

/** Clicks the check cell of the row showing `name`. */
async function toggleRow(el: HrInviteList, name: string, init: MouseEventInit = {}): Promise<void> {
  rowOf(el, name)!.querySelector<HTMLElement>('[data-col="0"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ...init }));
  await el.updateComplete;
}

describe('hr-invite-list (40 employees)', () => {
  const fake = useFakeBackend({ size: 'small' });

  it('lists the candidates with their target team, new-hire badge and missing e-mail, as an accessible grid', async () => {
    // Tall enough that all 20 rows are rendered (the window holds a viewport and a few rows more).
    const el = await mount<HrInviteList>(html`<hr-invite-list app-name="Acme" style="--hr-invite-list-height: 64rem"></hr-invite-list>`);
    await loaded(el);
    await until(() => rows(el).length === 20, 'all 20 rows, once the grid has been measured');
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('21');
    expect(grid(el).getAttribute('aria-multiselectable')).to.equal('true');
    expect(names(el)).to.include('Emma Fischer New hire');
    expect(textOf(rowOf(el, 'Emma Fischer')!)).to.include('Finance');
    expect(textOf(rowOf(el, 'Felix Wagner')!)).to.include('Team not in Acme yet');
    expect(textOf(rowOf(el, 'Finn Hendriks')!)).to.include('No team in HR');
    expect(textOf(rowOf(el, 'Sem Dekker')!)).to.include('No e-mail');
    expect(rowOf(el, 'Emma Fischer')!.getAttribute('aria-rowindex')).to.equal('2');
    expect(countText(el)).to.equal('0 people selected');
    expect(textOf(el)).to.include('20 of 20 loaded');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the first page is on its way', async () => {
    fake.current.faults.set({ kind: 'latency', ms: 400, endpoints: ['listInviteCandidates'] });
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    expect($(el, '[part="loading"]')?.getAttribute('aria-busy')).to.equal('true');
    await loaded(el);
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  it('filters by team, cost centre and new hires on the server, with facet counts', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    const teamOptions = $$<HTMLOptionElement>(el, 'option').map((o) => textOf(o));
    expect(teamOptions).to.include('Kundenservice DACH (4)');
    expect(teamOptions).to.include('No team in HR (1)');
    expect(teamOptions).to.include('CC-220 Hamburg (5)');

    await choose(el, 'HR team', 'hrt-kundenservice-dach');
    await until(() => rows(el).length === 4, 'four rows of the team');
    expect(fake.current.log.last('listInviteCandidates')!.query.team).to.equal('hrt-kundenservice-dach');
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('5');

    await choose(el, 'Cost centre', 'cc-220');
    await until(() => fake.current.log.last('listInviteCandidates')!.query.costCenter === 'cc-220', 'cost centre query');
    await loaded(el);
    expect(names(el).every((n) => ['Jeroen Bos', 'Jeroen Schröder', 'Lena Zimmermann', 'Lotte Neumann'].includes(n))).to.equal(true);

    await choose(el, 'HR team', '');
    await choose(el, 'Cost centre', '');
    const newHires = $$<HTMLLabelElement>(el, 'label').find((l) => textOf(l) === 'New hires only')!.querySelector('input')!;
    newHires.click();
    await until(() => fake.current.log.last('listInviteCandidates')!.query.newHires === 'true', 'newHires query');
    await until(() => rows(el).length > 0 && names(el).every((n) => n.endsWith('New hire')), 'only new hires');
  });

  it('shows the filter a host asks for, e.g. new hires after hr-new-hires-requested', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    el.showFilter({ newHires: true });
    await until(() => fake.current.log.last('listInviteCandidates')!.query.newHires === 'true', 'newHires query');
    await until(() => rows(el).length > 0 && names(el).every((n) => n.endsWith('New hire')), 'only new hires');
    const checkbox = $$<HTMLLabelElement>(el, 'label').find((l) => textOf(l) === 'New hires only')!.querySelector('input')!;
    expect(checkbox.checked).to.equal(true);
  });

  it('searches on the server once the admin stops typing', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    const before = fake.current.log.count('listInviteCandidates');
    await search(el, 'jeroen');
    await until(() => rows(el).length === 2, 'two Jeroens');
    const searches = fake.current.log.of('listInviteCandidates').slice(before);
    expect(searches.map((r) => r.query.q)).to.deep.equal(['jeroen']);
  });

  it('says when nothing matches and clears the filters', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    await search(el, 'zzzzzz');
    await until(() => textOf(el).includes('No one matches these filters.'), 'no match');
    button(el, 'Clear filters')!.click();
    await until(() => $(el, '[role="grid"]') && total(el) === 20, 'all rows again');
    expect($<HTMLInputElement>(el, 'input[type="search"]')!.value).to.equal('');
  });

  it('says when everyone has been invited', async () => {
    fake.current.use(
      http.get('/api/hr/invite-candidates', () =>
        HttpResponse.json({ items: [], nextCursor: null, total: 0, facets: { teams: [], costCenters: [], noTeam: 0 } }),
      ),
    );
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await until(() => textOf(el).includes('Everyone has been invited.'), 'all invited');
    await expect(el).to.be.accessible();
  });

  it('says when the HR system is not connected', async () => {
    await fake.current.reset({ size: 'small', connection: 'disconnected' });
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await until(() => textOf(el).includes('Your HR system is not connected.'), 'not connected');
    expect($(el, '[role="grid"]')).to.equal(null);
  });

  it('operates by keyboard: one tab stop, arrows, Space, Shift+Arrow ranges, Ctrl+A, and announces the count', async () => {
    const selections: HrSelectionChangeEvent['detail'][] = [];
    const el = await mount<HrInviteList>(html`<hr-invite-list @hr-selection-change=${(e: HrSelectionChangeEvent) => selections.push(e.detail)}></hr-invite-list>`);
    await loaded(el);
    expect(grid(el).tabIndex).to.equal(0);
    expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(0);
    grid(el).focus();
    expect(grid(el).getAttribute('aria-activedescendant')).to.equal('cell-0-1');

    key(el, 'ArrowDown');
    await el.updateComplete;
    expect(grid(el).getAttribute('aria-activedescendant')).to.equal('cell-1-1');
    key(el, ' ');
    await el.updateComplete;
    expect(rows(el)[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(countText(el)).to.equal('1 person selected');
    expect($(el, '[part="selection-count"]')!.getAttribute('role')).to.equal('status');

    key(el, 'ArrowDown', { shiftKey: true });
    key(el, 'ArrowDown', { shiftKey: true });
    await el.updateComplete;
    expect(rows(el).slice(1, 4).map((r) => r.getAttribute('aria-selected'))).to.deep.equal(['true', 'true', 'true']);
    expect(countText(el)).to.equal('3 people selected');

    key(el, 'End', { ctrlKey: true });
    await el.updateComplete;
    expect(grid(el).getAttribute('aria-activedescendant')).to.equal('cell-19-1');
    key(el, 'End');
    await el.updateComplete;
    expect(grid(el).getAttribute('aria-activedescendant')).to.equal('cell-19-7');
    key(el, 'Home', { ctrlKey: true });
    key(el, 'Home');
    await el.updateComplete;
    expect(grid(el).getAttribute('aria-activedescendant')).to.equal('cell-0-0');

    key(el, 'a', { ctrlKey: true });
    await el.updateComplete;
    expect(countText(el)).to.equal('20 people selected (all matching the filter)');
    expect(selections.at(-1)).to.deep.equal({ count: 20, mode: 'all' });
    expect(selections.slice(0, 2)).to.deep.equal([
      { count: 1, mode: 'ids' },
      { count: 2, mode: 'ids' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('selects ranges with Shift+click', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    await toggleRow(el, 'Felix Fischer');
    await toggleRow(el, 'Jeroen Schröder', { shiftKey: true });
    expect(countText(el)).to.equal('5 people selected');
    expect(rowOf(el, 'Finn Hendriks')!.getAttribute('aria-selected')).to.equal('true');
    expect(rowOf(el, 'Emma Fischer')!.getAttribute('aria-selected')).to.equal('false');
  });

  it('keeps the selection across filters and a re-mount; "all matching" resets when the filter changes, and says so', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    await toggleRow(el, 'Emma Fischer');
    await choose(el, 'HR team', 'hrt-legal');
    await until(() => rows(el).length === 1, 'legal only');
    expect(countText(el)).to.equal('1 person selected');
    await choose(el, 'HR team', '');
    await until(() => total(el) === 20, 'everyone');
    expect(rowOf(el, 'Emma Fischer')!.getAttribute('aria-selected')).to.equal('true');

    const provider = el.parentElement as HrApiProvider;
    el.remove();
    const again = document.createElement('hr-invite-list');
    provider.append(again);
    await loaded(again);
    expect(countText(again)).to.equal('1 person selected');
    expect(rowOf(again, 'Emma Fischer')!.getAttribute('aria-selected')).to.equal('true');

    button(again, 'Select all 20 matching')!.click();
    await again.updateComplete;
    expect(countText(again)).to.include('20 people selected');
    await choose(again, 'HR team', 'hrt-legal');
    expect(countText(again)).to.equal('0 people selected');
    expect(textOf($(again, '[part="notice"]')!)).to.include('The filter changed, so "all matching" was cleared.');
  });

  it('invites after a confirmation that names the count and target teams, and reports per person', async () => {
    const sent: HrInvitationsSentEvent['detail'][] = [];
    const el = await mount<HrInviteList>(html`<hr-invite-list app-name="Acme" style="--hr-invite-list-height: 64rem" @hr-invitations-sent=${(e: HrInvitationsSentEvent) => sent.push(e.detail)}></hr-invite-list>`);
    await loaded(el);
    await until(() => rows(el).length === 20, 'all 20 rows, once the grid has been measured');
    for (const name of ['Emma Fischer', 'Felix Wagner', 'Lena Zimmermann', 'Sem Dekker']) await toggleRow(el, name);
    $<HTMLButtonElement>(el, '[part="invite-button"]')!.click();
    await until(() => $(el, '[part="confirm"]'), 'confirmation');
    const confirm = textOf($(el, '[part="confirm"]')!);
    expect(confirm).to.include('Invite 4 people?');
    expect(confirm).to.include('Customer Success: 1');
    expect(confirm).to.include('Legal & Compliance (team not in Acme yet): 1');
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirm-heading');
    await expect(el).to.be.accessible();

    button(el, 'Send 4 invitations')!.click();
    await until(() => sent.length === 1, 'sent event');
    const request = fake.current.log.last('createInvitations')!;
    expect((request.body as { employeeIds: string[] }).employeeIds.sort()).to.deep.equal([E.emmaFischer, E.felixWagner, E.lenaZimmermann, E.semDekker].sort());
    expect(request.headers['idempotency-key']).to.be.a('string');
    expect(sent[0]!.summary).to.deep.equal({ sent: 2, alreadyUser: 0, noEmail: 1, failed: 1 });
    expect(sent[0]!.results.find((r) => r.employeeId === E.lenaZimmermann)).to.deep.include({ status: 'failed', reason: fixtures.inviteFailure });

    const results = textOf($(el, '[part="results"]')!);
    expect(results).to.include('Sent: 2');
    expect(results).to.include(`Lena Zimmermann: ${fixtures.inviteFailure}`);
    expect(results).to.include('Sem Dekker: no e-mail address in the HR system');
    // Sent people leave the list; the failed one stays selected, the one without e-mail does not.
    await until(() => !rowOf(el, 'Emma Fischer') && !rowOf(el, 'Felix Wagner'), 'sent rows gone');
    expect(countText(el)).to.equal('1 person selected');
    expect(rowOf(el, 'Lena Zimmermann')!.getAttribute('aria-selected')).to.equal('true');
    expect(rowOf(el, 'Sem Dekker')!.getAttribute('aria-selected')).to.equal('false');
  });

  it('retries only the failed people with a new Idempotency-Key; a failed request retries with the same key', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    await toggleRow(el, 'Lena Zimmermann');
    await toggleRow(el, 'Koen Smits');
    fake.current.faults.set({ kind: '500', endpoints: ['createInvitations'], times: 1 });
    $<HTMLButtonElement>(el, '[part="invite-button"]')!.click();
    await until(() => button(el, 'Send 2 invitations'), 'confirm');
    button(el, 'Send 2 invitations')!.click();
    await until(() => $(el, '[part="confirm"] [role="alert"]'), 'error in the confirmation');
    expect(textOf($(el, '[part="confirm"] [role="alert"]')!)).to.include('The server had a problem.');
    button(el, 'Try again')!.click();
    await until(() => $(el, '[part="results"]'), 'results');
    const [failed, retried] = fake.current.log.of('createInvitations');
    expect(retried!.headers['idempotency-key']).to.equal(failed!.headers['idempotency-key']);
    expect(retried!.body).to.deep.equal(failed!.body);
    expect(countText(el)).to.equal('1 person selected');

    $<HTMLButtonElement>(el, '[part="invite-button"]')!.click();
    await until(() => button(el, 'Send 1 invitation'), 'confirm again');
    button(el, 'Send 1 invitation')!.click();
    await until(() => fake.current.log.count('createInvitations') === 3, 'third request');
    const third = fake.current.log.last('createInvitations')!;
    expect(third.body).to.deep.equal({ employeeIds: [E.lenaZimmermann] });
    expect(third.headers['idempotency-key']).not.to.equal(failed!.headers['idempotency-key']);
    await until(() => $(el, '[part="results"]'), 'results again');
    expect(countText(el)).to.equal('1 person selected');
  });

  it('sends one request when Send is double-clicked', async () => {
    let events = 0;
    const el = await mount<HrInviteList>(html`<hr-invite-list @hr-invitations-sent=${() => events++}></hr-invite-list>`);
    await loaded(el);
    await toggleRow(el, 'Koen Smits');
    $<HTMLButtonElement>(el, '[part="invite-button"]')!.click();
    await until(() => button(el, 'Send 1 invitation'), 'confirm');
    fake.current.faults.set({ kind: 'latency', ms: 200, endpoints: ['createInvitations'] });
    const send = button(el, 'Send 1 invitation')!;
    send.click();
    send.click();
    send.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await until(() => events === 1, 'sent');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(fake.current.log.count('createInvitations')).to.equal(1);
    expect(events).to.equal(1);
  });

  it('asks the host to map an HR team, then shows the new target team', async () => {
    const requested: HrMapTeamRequestedEvent['detail'][] = [];
    const el = await mount<HrInviteList>(html`<hr-invite-list @hr-map-team-requested=${(e: HrMapTeamRequestedEvent) => requested.push(e.detail)}></hr-invite-list>`);
    await loaded(el);
    rowOf(el, 'Felix Wagner')!.querySelector<HTMLButtonElement>('[part~="map-team-button"]')!.click();
    expect(requested).to.deep.equal([{ hrTeamId: fixtures.hrTeams.legal, hrTeamName: 'Legal & Compliance' }]);

    // The host's team-mapper saves the mapping through the same services.
    const services = (el.parentElement as HrApiProvider).services;
    const { data: doc, etag } = await services.api.request('getTeamMapping', {});
    const board = doc.appTeams.find((t) => t.id === fixtures.appTeams.board)!;
    const { data: saved } = await services.api.request('saveTeamMapping', {
      body: { mappings: [...doc.mappings, { hrTeamId: fixtures.hrTeams.legal, appTeamId: board.id }] },
      ifMatch: etag ?? doc.version,
    });
    applyWrite(services, 'saveTeamMapping', saved);
    await until(() => textOf(rowOf(el, 'Felix Wagner')!).includes(board.name) && !textOf(rowOf(el, 'Felix Wagner')!).includes('Map team'), 'mapped');
  });

  it("excludes a person with Won't invite, and undoes it", async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    rowOf(el, 'Koen Lange')!.querySelector<HTMLButtonElement>('[part~="exclude-button"]')!.click();
    await until(() => !rowOf(el, 'Koen Lange'), 'row gone');
    expect(fake.current.log.last('setExclusion')!.body).to.deep.equal({ excluded: true });
    expect(textOf($(el, '[part="notice"]')!)).to.include("Koen Lange won't be invited.");
    button(el, 'Undo')!.click();
    await until(() => rowOf(el, 'Koen Lange'), 'row back');
    expect(fake.current.log.last('setExclusion')!.body).to.deep.equal({ excluded: false });

    const showExcluded = $$<HTMLLabelElement>(el, 'label').find((l) => textOf(l) === 'Show excluded')!.querySelector('input')!;
    showExcluded.click();
    await until(() => names(el).join() === 'Hannah Koch', 'the excluded view');
    expect(grid(el).getAttribute('aria-multiselectable')).to.equal('false');
    expect(button(el, 'Back to list')).to.exist;
  });

  it('reads and writes its filters in the URL with sync-url', async () => {
    const original = `${location.pathname}${location.search}`;
    history.replaceState(null, '', `${location.pathname}?keep=1&invite-team=${fixtures.hrTeams.legal}`);
    try {
      const el = await mount<HrInviteList>(html`<hr-invite-list sync-url></hr-invite-list>`);
      await loaded(el);
      expect(names(el)).to.deep.equal(['Felix Wagner']);
      await choose(el, 'HR team', '');
      await loaded(el);
      await choose(el, 'Cost centre', 'cc-100');
      const params = new URLSearchParams(location.search);
      expect(params.get('keep')).to.equal('1');
      expect(params.get('invite-team')).to.equal(null);
      expect(params.get('invite-cost-center')).to.equal('cc-100');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('speaks German and Dutch', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    try {
      await setLocale('de');
      await el.updateComplete;
      expect(button(el, 'Einladen…')).to.exist;
      expect(textOf(rowOf(el, 'Felix Wagner')!)).to.include('Team noch nicht in der App');
      await setLocale('nl');
      await el.updateComplete;
      expect(textOf(rowOf(el, 'Koen Lange')!)).to.include('Niet uitnodigen');
    } finally {
      await setLocale('en');
    }
  });

  describe('faults', () => {
    it('shows a server error with a retry that recovers', async () => {
      fake.current.faults.set({ kind: '500', endpoints: ['listInviteCandidates'] });
      const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
      await until(() => $(el, '[part="error"]'), 'error');
      expect(textOf($(el, '[part="error"]')!)).to.include('The server had a problem.');
      fake.current.faults.clear();
      $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
      await loaded(el);
    });

    it('survives 503 and 429 with Retry-After by retrying', async () => {
      fake.current.faults.set({ kind: '503', retryAfter: 0, endpoints: ['listInviteCandidates'], times: 1 }, { kind: '429', retryAfter: 0, endpoints: ['listInviteCandidates'], times: 1 });
      const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
      await loaded(el);
      expect(fake.current.log.of('listInviteCandidates').map((r) => r.status)).to.deep.equal([503, 429, 200]);
    });

    it('says when the network is down', async () => {
      fake.current.faults.set({ kind: 'offline', endpoints: ['listInviteCandidates'] });
      const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
      await until(() => $(el, '[part="error"]'), 'error');
      expect(textOf($(el, '[part="error"]')!)).to.include('No connection to the server.');
    });

    for (const kind of ['malformed_json', 'schema_break'] as const) {
      it(`says when the server breaks the contract (${kind})`, async () => {
        fake.current.faults.set({ kind, endpoints: ['listInviteCandidates'] });
        const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
        await until(() => $(el, '[part="error"]'), 'error');
        expect(textOf($(el, '[part="error"]')!)).to.include('The server sent data this page cannot read.');
      });
    }

    it('tells the host on 401 and says it plainly on 403', async () => {
      fake.current.faults.set({ kind: '401', endpoints: ['listInviteCandidates'], times: 1 });
      const auth: number[] = [];
      await mount<HrInviteList>(html`<hr-invite-list @hr-auth-required=${(e: CustomEvent) => auth.push(e.detail.status)}></hr-invite-list>`);
      await until(() => auth.length === 1, 'hr-auth-required');
      expect(auth).to.deep.equal([401]);

      fake.current.faults.set({ kind: '403', endpoints: ['listInviteCandidates'] });
      const other = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
      await until(() => $(other, '[part="error"]'), 'error');
      expect(textOf($(other, '[part="error"]')!)).to.include('You do not have permission to do this.');
      expect($(other, '[part="retry-button"]')).to.equal(null);
    });

    it("shows a failed Won't invite in the notice", async () => {
      const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
      await loaded(el);
      fake.current.faults.set({ kind: '500', endpoints: ['setExclusion'] });
      rowOf(el, 'Koen Lange')!.querySelector<HTMLButtonElement>('[part~="exclude-button"]')!.click();
      await until(() => $(el, '[part="notice"]'), 'notice');
      expect(textOf($(el, '[part="notice"]')!)).to.include('The server had a problem.');
      expect(rowOf(el, 'Koen Lange')).to.exist;
    });
  });
});

describe('hr-invite-list (400 employees, several pages)', () => {
  const fake = useFakeBackend({ size: 'default' });

  it('selects everyone matching the filter across pages without loading them, and sends the filter with exceptions', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    const matching = total(el);
    expect(matching).to.be.above(200);
    expect(rows(el).length).to.be.below(100);
    grid(el).focus();
    key(el, 'a', { metaKey: true });
    await el.updateComplete;
    expect(countText(el)).to.include(`${matching} people selected`);
    key(el, ' ');
    await el.updateComplete;
    const except = rows(el)[0]!;
    expect(except.getAttribute('aria-selected')).to.equal('false');
    expect(countText(el)).to.include(`${matching - 1} people selected`);

    $<HTMLButtonElement>(el, '[part="invite-button"]')!.click();
    await until(() => $(el, '[part="confirm"] ul'), 'target teams');
    expect(textOf($(el, '[part="confirm"]')!)).to.include(`Invite ${matching - 1} people?`);
    $<HTMLButtonElement>(el, '[part="confirm-button"]')!.click();
    await until(() => $(el, '[part="results"]'), 'results');
    const body = fake.current.log.last('createInvitations')!.body as { filter: object; exceptIds: string[] };
    expect(body.filter).to.deep.equal({});
    expect(body.exceptIds).to.have.length(1);
    expect(fake.current.log.of('listInviteCandidates').filter((r) => r.query.cursor).length).to.equal(0);
  });

  it('sends the active filter with "all matching"', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    await choose(el, 'HR team', fixtures.hrTeams.financeNl);
    await until(() => fake.current.log.last('listInviteCandidates')!.query.team === fixtures.hrTeams.financeNl, 'filtered');
    await loaded(el);
    button(el, `Select all ${total(el)} matching`)!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="invite-button"]')!.click();
    await until(() => $(el, '[part="confirm"] ul'), 'target teams');
    $<HTMLButtonElement>(el, '[part="confirm-button"]')!.click();
    await until(() => $(el, '[part="results"]'), 'results');
    expect(fake.current.log.last('createInvitations')!.body).to.deep.equal({ filter: { team: [fixtures.hrTeams.financeNl] }, exceptIds: [] });
  });

  it('fetches the next page when scrolled near the end, and retries a failed page', async () => {
    const el = await mount<HrInviteList>(html`<hr-invite-list></hr-invite-list>`);
    await loaded(el);
    fake.current.faults.set({ kind: '500', endpoints: ['listInviteCandidates'] });
    grid(el).scrollTop = 100 * 44;
    await until(() => textOf(el).includes('Try again') && $(el, '.loading-row'), 'failed page');
    fake.current.faults.clear();
    $(el, '.loading-row button')!.click();
    await until(() => textOf(el).includes('200 of'), 'second page');
    expect(fake.current.log.of('listInviteCandidates').some((r) => r.query.cursor && r.status === 200)).to.equal(true);
  });
});
