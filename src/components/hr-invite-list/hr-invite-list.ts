import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { HrApiError } from '../../api/errors.js';
import type {
  CreateInvitationsResponse,
  InviteCandidate,
  InviteCandidatePage,
  InviteCandidateQuery,
  InviteFilter,
} from '../../contract/invites.js';
import { MutationController, newIdempotencyKey } from '../../data/mutation-controller.js';
import { InfiniteQueryController, QueryController } from '../../data/query-controller.js';
import { ServicesController } from '../../data/services-controller.js';
import { HrInvitationsSentEvent } from '../../events/hr-invitations-sent.js';
import { HrMapTeamRequestedEvent } from '../../events/hr-map-team-requested.js';
import { HrSelectionChangeEvent } from '../../events/hr-selection-change.js';
import { formatDate, formatNumber, formatPercent } from '../../localize/format.js';
import { localeKey } from '../../localize/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { describeError, emptyState, errorState, loadingState } from '../../ui/index.js';
import { HEADER_HEIGHT, ROW_HEIGHT, styles } from './hr-invite-list.styles.js';
import {
  afterInvitations,
  emptySelection,
  filterKey,
  isFilterActive,
  isSelected,
  normalizeFilter,
  rangeIds,
  reconcileFilter,
  selectAllMatching,
  selectionCount,
  selectionMode,
  setSelected,
  toInvitationRequest,
  toggle,
  type InviteSelection,
} from './selection.js';
import { targetsOfFilter, targetsOfPeople, type TargetGroup } from './targets.js';
import { filterFromSearch, searchWithFilter } from './url-filters.js';
import { moveRow, needsMore, scrollTopToReveal, visibleRange, windowSize, type GridKey, type RowRange } from './virtual-window.js';

const PAGE_SIZE = 100;
const OVERSCAN = 4;
/** Fetch the next page when the rendered window is this many rows from the loaded end. */
const FETCH_AHEAD = 40;
const SEARCH_DEBOUNCE_MS = 250;
const COLUMN_COUNT = 8;
const LAST_COLUMN = COLUMN_COUNT - 1;
/** Used before the grid has been measured, so the first paint already shows rows. */
const DEFAULT_VIEWPORT = 448;
const DRAFT_KEY = 'hr-invite-list:draft';
const LISTED_RESULTS = 20;

/** What survives a re-mount (memory only): never anything secret. */
interface InviteDraft {
  filter: InviteFilter;
  selection: InviteSelection;
  /** People seen while selecting them: names and target teams for the confirmation. */
  known: Map<string, InviteCandidate>;
  /** Row a shift range starts from. */
  anchor: string | null;
  /** Idempotency-Key of the invitation write under way or to retry, with the body it belongs to. */
  invitation: { signature: string; key: string } | null;
}

type Notice =
  | { kind: 'selection-reset' }
  | { kind: 'excluded' | 'included'; person: InviteCandidate }
  | { kind: 'exclusion-failed'; error: HrApiError };

type Page = InviteCandidatePage;

/**
 * The employees in the HR system who have no user yet: search, filter by HR team and cost centre,
 * see the app team each one joins through the team mapping, select some or all matching the
 * filter, and send the invitations in one request. Rows are virtualized and fetched page by page
 * from the server, so it stays fast with 50,000 employees. Nobody is invited without the admin
 * confirming.
 *
 * Keyboard (APG grid, one tab stop): arrows move the active cell, Ctrl+Home/Ctrl+End and
 * PageUp/PageDown move between rows, Home/End to the first/last cell, Space toggles the row,
 * Shift+Space and Shift+Arrow extend the selection from the last toggled row, Ctrl/Cmd+A selects
 * everyone matching the filter, Enter presses the button in the active cell.
 *
 * @summary Invite employees from the HR system: filter, select (up to all matching), confirm, send.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - Search and filters.
 * @csspart search - The search input.
 * @csspart selection-bar - Selection count and the select / clear / invite buttons.
 * @csspart selection-count - The selection count (a polite live region).
 * @csspart invite-button - Opens the confirmation.
 * @csspart confirm - The confirmation with the count and target teams.
 * @csspart confirm-button - Sends the invitations (one request, however often it is pressed).
 * @csspart results - The per-person results of the last invitation request.
 * @csspart notice - Messages such as "selection cleared" and "won't invite … Undo".
 * @csspart grid - The scrolling grid of people.
 * @csspart row - One person's row.
 * @csspart map-team-button - "Map team" on a row whose HR team has no app team yet.
 * @csspart exclude-button - "Won't invite" (or "Invite later" in the excluded view) on a row.
 * @csspart footer - How many of the matching people are loaded.
 * @csspart loading - Shown while the first page loads.
 * @csspart error - A failed request, with a retry.
 * @csspart retry-button - The retry of an error.
 * @csspart empty - Not connected, everyone invited, no match.
 *
 * @cssprop [--hr-invite-list-height=28rem] - Height of the scrolling grid.
 * @cssprop [--hr-invite-list-row-selected-bg=var(--hr-color-info-bg)] - Background of selected rows.
 * @cssprop [--hr-invite-list-columns=2.75rem minmax(11rem, 1.4fr) … 9rem] - `grid-template-columns` of the eight columns.
 *
 * @event hr-invitations-sent - The invitation request answered. Detail `HrInvitationsSentDetail`: `{ results, summary }`.
 * @event hr-selection-change - The admin changed the selection. Detail `HrSelectionChangeDetail`: `{ count, mode }`.
 * @event hr-map-team-requested - The admin pressed "Map team". Detail `HrMapTeamRequestedDetail`: `{ hrTeamId, hrTeamName }`.
 * @event hr-auth-required - A request was refused with 401/403. Detail `HrAuthRequiredDetail`.
 */
@localized()
export class HrInviteList extends LitElement {
  static override styles = [tokens, controls, styles];

  readonly #services = new ServicesController(this);
  readonly #connection = new QueryController(this, () => ({ endpoint: 'getConnection' }), this.#services);
  readonly #candidates = new InfiniteQueryController(
    this,
    () => ({ endpoint: 'listInviteCandidates', query: this.#query() }),
    this.#services,
  );
  readonly #mapping = new QueryController(
    this,
    () => ({ endpoint: 'getTeamMapping', enabled: this.confirming && this.selection.mode === 'all' }),
    this.#services,
  );
  readonly #invite = new MutationController(this, 'createInvitations', this.#services);
  readonly #exclusion = new MutationController(this, 'setExclusion', this.#services);

  /** Name of the host app in "Team not in <app> yet". Defaults to "the app", translated. */
  @property({ attribute: 'app-name' }) appName: string | undefined;

  /** Read the filters from the page's query string and keep them there (history.replaceState). */
  @property({ type: Boolean, attribute: 'sync-url', reflect: true }) syncUrl = false;

  @state() private filter: InviteFilter = {};
  @state() private searchText = '';
  @state() private selection: InviteSelection = emptySelection;
  @state() private active = { row: 0, col: 1 };
  @state() private confirming = false;
  @state() private results: CreateInvitationsResponse | null = null;
  @state() private notice: Notice | null = null;

  #draft: InviteDraft | undefined;
  #pendingFilter: InviteFilter | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #listeners: AbortController | undefined;
  #resize: ResizeObserver | undefined;
  #grid: HTMLElement | undefined;
  #scrollTop = 0;
  #viewport = DEFAULT_VIEWPORT;
  #range: RowRange = { start: 0, end: 0 };
  #rowsOf: { pages: readonly Page[]; rows: InviteCandidate[] } = { pages: [], rows: [] };
  /** The last pages that arrived: shown (dimmed) while a new filter loads, so nothing jumps. */
  #shown: readonly Page[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const drafts = this.#services.value.drafts;
    let draft = drafts.get<InviteDraft>(DRAFT_KEY);
    if (!draft) {
      draft = { filter: {}, selection: emptySelection, known: new Map(), anchor: null, invitation: null };
      drafts.set(DRAFT_KEY, draft);
    }
    this.#draft = draft;
    this.selection = draft.selection;
    this.filter = draft.filter;
    if (this.syncUrl) {
      this.#applyFilter(filterFromSearch(location.search), { fromUrl: true });
      this.#listeners = new AbortController();
      window.addEventListener('popstate', () => this.#applyFilter(filterFromSearch(location.search), { fromUrl: true }), {
        signal: this.#listeners.signal,
      });
    }
    this.searchText = this.filter.q ?? '';
    if (this.#pendingFilter) {
      this.showFilter(this.#pendingFilter);
      this.#pendingFilter = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listeners?.abort();
    this.#listeners = undefined;
    clearTimeout(this.#searchTimer);
    this.#commitSearch();
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#grid = undefined;
  }

  protected override updated(_changed: PropertyValues): void {
    const result = this.#candidates.result;
    if (!result?.hasNextPage || result.isFetching || result.isFetchNextPageError) return;
    // After this update, not inside it: the fetch updates the element again.
    if (needsMore(this.#range, this.#rows.length, true, FETCH_AHEAD)) queueMicrotask(() => void this.#candidates.fetchNextPage());
  }

  // ----- derived data -----

  #query(): InviteCandidateQuery {
    return { ...this.filter, limit: PAGE_SIZE };
  }

  /** Pages of the current filter, or of the previous one while the new one loads. */
  get #pages(): readonly Page[] {
    const result = this.#candidates.result;
    if (result?.data) this.#shown = result.data.pages;
    else if (!result?.isPending || result.isError) this.#shown = [];
    return this.#shown;
  }

  get #stale(): boolean {
    return !this.#candidates.result?.data && this.#shown.length > 0;
  }

  get #rows(): InviteCandidate[] {
    const pages = this.#pages;
    if (pages !== this.#rowsOf.pages) this.#rowsOf = { pages, rows: pages.flatMap((p) => p.items) };
    return this.#rowsOf.rows;
  }

  get #total(): number | null {
    return this.#pages[0]?.total ?? null;
  }

  get #appName(): string {
    return this.appName || msg('the app', { id: 'invite.appFallback' });
  }

  get #pageRows(): number {
    return Math.max(1, Math.floor((this.#viewport - HEADER_HEIGHT) / ROW_HEIGHT));
  }

  /** The active row, kept inside the loaded rows when they shrink. */
  get #activeRow(): number {
    return Math.max(0, Math.min(this.active.row, this.#rows.length - 1));
  }

  get #count(): number {
    return selectionCount(this.selection, this.#stale ? null : this.#total);
  }

  // ----- selection -----

  #select(next: InviteSelection, anchor?: string | null): void {
    const draft = this.#draft!;
    if (anchor !== undefined) draft.anchor = anchor;
    draft.selection = next;
    this.selection = next;
    const mode = selectionMode(next);
    this.dispatchEvent(new HrSelectionChangeEvent({ count: selectionCount(next, this.#total), mode }));
  }

  #remember(people: Iterable<InviteCandidate>): void {
    const known = this.#draft!.known;
    for (const person of people) known.set(person.employeeId, person);
  }

  #toggleRow(index: number): void {
    const person = this.#rows[index];
    if (!person || this.filter.excluded) return;
    this.#remember([person]);
    this.#select(toggle(this.selection, person.employeeId), person.employeeId);
  }

  /** Selects the rows from the anchor (the last toggled row) to `index`. */
  #extendTo(index: number): void {
    const rows = this.#rows;
    if (this.filter.excluded || !rows[index]) return;
    const anchorId = this.#draft!.anchor;
    const found = anchorId === null ? -1 : rows.findIndex((r) => r.employeeId === anchorId);
    const from = found === -1 ? index : found;
    const ids = rangeIds(rows, from, index);
    this.#remember(ids.map((_, i) => rows[Math.min(from, index) + i]!));
    this.#select(setSelected(this.selection, ids, true), found === -1 ? rows[index]!.employeeId : undefined);
  }

  #selectAll(): void {
    if (this.filter.excluded || !this.#total) return;
    this.#select(selectAllMatching(this.filter), null);
  }

  #clearSelection(): void {
    this.#select(emptySelection, null);
  }

  // ----- filters -----

  #applyFilter(next: InviteFilter, options: { fromUrl?: boolean } = {}): void {
    const filter = normalizeFilter(next);
    if (filterKey(filter) === filterKey(this.filter)) return;
    this.filter = filter;
    this.#draft!.filter = filter;
    if (options.fromUrl) this.searchText = filter.q ?? '';
    const { selection, reset } = reconcileFilter(this.selection, filter);
    if (reset) {
      this.#select(selection, null);
      this.notice = { kind: 'selection-reset' };
    }
    this.active = { row: 0, col: this.active.col };
    this.#scrollTop = 0;
    if (this.#grid) this.#grid.scrollTop = 0;
    if (this.syncUrl && !options.fromUrl) {
      const search = searchWithFilter(location.search, filter);
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
  }

  #patchFilter(patch: Partial<InviteFilter>): void {
    this.#applyFilter({ ...this.filter, ...patch });
  }

  #onSearchInput(event: InputEvent): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#commitSearch(), SEARCH_DEBOUNCE_MS);
  }

  #onSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    clearTimeout(this.#searchTimer);
    this.#commitSearch();
  }

  #commitSearch(): void {
    if (!this.#draft) return;
    if ((this.filter.q ?? '') !== this.searchText.trim()) this.#patchFilter({ q: this.searchText });
  }

  #clearFilters(): void {
    clearTimeout(this.#searchTimer);
    this.searchText = '';
    this.#applyFilter({ excluded: this.filter.excluded });
  }

  // ----- grid: scrolling, focus, keyboard, pointer -----

  #attachGrid = (element: Element | undefined): void => {
    if (element === this.#grid) return;
    this.#resize?.disconnect();
    this.#grid = element as HTMLElement | undefined;
    if (!this.#grid) return;
    this.#grid.scrollTop = this.#scrollTop;
    this.#resize = new ResizeObserver(([entry]) => {
      const height = entry?.contentRect.height ?? DEFAULT_VIEWPORT;
      if (height > 0 && height !== this.#viewport) {
        this.#viewport = height;
        this.requestUpdate();
      }
    });
    this.#resize.observe(this.#grid);
  };

  #windowFor(count: number): RowRange {
    return visibleRange({
      scrollTop: this.#scrollTop,
      viewportHeight: this.#viewport - HEADER_HEIGHT,
      rowHeight: ROW_HEIGHT,
      count,
      overscan: OVERSCAN,
    });
  }

  #onScroll(event: Event): void {
    this.#scrollTop = (event.currentTarget as HTMLElement).scrollTop;
    const next = this.#windowFor(this.#rows.length);
    if (next.start !== this.#range.start || next.end !== this.#range.end) this.requestUpdate();
  }

  #reveal(row: number): void {
    if (!this.#grid) return;
    const top = scrollTopToReveal(row, ROW_HEIGHT, this.#grid.scrollTop, this.#grid.clientHeight, HEADER_HEIGHT);
    if (top !== this.#grid.scrollTop) {
      this.#grid.scrollTop = top;
      this.#scrollTop = top;
    }
  }

  #moveTo(row: number, col = this.active.col): void {
    this.active = { row, col: Math.min(LAST_COLUMN, Math.max(0, col)) };
    this.#reveal(row);
  }

  #onGridKeydown(event: KeyboardEvent): void {
    const count = this.#rows.length;
    if (count === 0) return;
    const row = this.#activeRow;
    const col = this.active.col;
    const mod = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
      case 'PageDown':
      case 'PageUp': {
        const next = moveRow(event.key as GridKey, row, count, this.#pageRows);
        this.#moveTo(next);
        if (event.shiftKey) this.#extendTo(next);
        break;
      }
      case 'Home':
      case 'End':
        if (mod) this.#moveTo(moveRow(event.key as GridKey, row, count, this.#pageRows));
        else this.#moveTo(row, event.key === 'Home' ? 0 : LAST_COLUMN);
        break;
      case 'ArrowLeft':
        this.#moveTo(row, col - 1);
        break;
      case 'ArrowRight':
        this.#moveTo(row, col + 1);
        break;
      case ' ':
        if (event.shiftKey) this.#extendTo(row);
        else this.#toggleRow(row);
        break;
      case 'a':
      case 'A':
        if (!mod) return;
        this.#selectAll();
        break;
      case 'Enter': {
        const button = this.renderRoot.querySelector<HTMLButtonElement>(`#${cellId(row, col)} button`);
        if (!button) return;
        button.click();
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  #onGridClick(event: MouseEvent): void {
    const path = event.composedPath() as Element[];
    const cell = path.find((node) => node instanceof HTMLElement && node.dataset['col'] !== undefined) as HTMLElement | undefined;
    const rowEl = path.find((node) => node instanceof HTMLElement && node.dataset['row'] !== undefined) as HTMLElement | undefined;
    if (!cell || !rowEl) return;
    const row = Number(rowEl.dataset['row']);
    const col = Number(cell.dataset['col']);
    this.active = { row, col };
    const onButton = path.some((node) => node instanceof HTMLButtonElement);
    if (!onButton) {
      if (event.shiftKey) this.#extendTo(row);
      else if (col === 0) this.#toggleRow(row);
    }
    this.#grid?.focus({ preventScroll: true });
  }

  #requestMapTeam(person: InviteCandidate): void {
    if (person.target.kind !== 'team_not_mapped') return;
    const { id, name } = person.target.hrTeam;
    this.dispatchEvent(new HrMapTeamRequestedEvent({ hrTeamId: id, hrTeamName: name }));
  }

  // ----- writes -----

  async #setExcluded(person: InviteCandidate, excluded: boolean): Promise<void> {
    if (this.#exclusion.isPending) return;
    try {
      await this.#exclusion.mutate({ params: { employeeId: person.employeeId }, body: { excluded } });
      if (excluded && isSelected(this.selection, person.employeeId) && this.selection.mode === 'ids') {
        this.#select(setSelected(this.selection, [person.employeeId], false));
      }
      this.notice = { kind: excluded ? 'excluded' : 'included', person };
    } catch (error) {
      this.notice = { kind: 'exclusion-failed', error: error as HrApiError };
    }
  }

  async #openConfirm(): Promise<void> {
    if (this.#count === 0) return;
    this.confirming = true;
    this.results = null;
    this.#invite.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-heading')?.focus();
  }

  #cancelConfirm(): void {
    this.confirming = false;
    this.#invite.reset();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="invite-button"]')?.focus());
  }

  async #send(): Promise<void> {
    if (this.#invite.isPending) return;
    const body = toInvitationRequest(this.selection);
    if (!body) return;
    const draft = this.#draft!;
    const signature = JSON.stringify(body);
    // The same write retried keeps its key; a different body (e.g. only the failed people) is a new write.
    if (draft.invitation?.signature !== signature) draft.invitation = { signature, key: newIdempotencyKey() };
    let response: CreateInvitationsResponse;
    try {
      response = await this.#invite.mutate({ body, idempotencyKey: draft.invitation.key });
    } catch {
      return; // shown from this.#invite.error; the key stays for the retry
    }
    draft.invitation = null;
    this.confirming = false;
    this.results = response;
    this.#select(afterInvitations(this.selection, response.results), null);
    this.dispatchEvent(new HrInvitationsSentEvent({ results: response.results, summary: response.summary }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
  }

  // ----- public methods -----

  /**
   * Shows the candidates matching `filter`, e.g. `{ newHires: true }` when the host routes an
   * `hr-new-hires-requested` here. Works before and after the element is connected.
   */
  showFilter(filter: InviteFilter): void {
    if (!this.#draft) {
      this.#pendingFilter = filter;
      return;
    }
    this.searchText = filter.q ?? '';
    this.#applyFilter(filter);
  }

  // ----- render -----

  override render(): TemplateResult {
    const connection = this.#connection.data;
    if (connection?.status === 'disconnected' || this.#candidates.error?.code === 'not_connected') {
      return html`<div class="base" part="base">
        ${emptyState(
          msg('Your HR system is not connected.', { id: 'invite.empty.notConnected' }),
          msg('Connect it first; then everyone who has no user yet shows up here.', { id: 'invite.empty.notConnected.detail' }),
        )}
      </div>`;
    }
    return html`<div class="base" part="base">
      ${guard([this.#pages[0]?.facets, this.filter, this.searchText, localeKey()], () => this.#renderToolbar())} ${this.#renderSelectionBar()} ${this.#renderNotice()} ${this.#renderConfirm()} ${this.#renderResults()}
      ${this.#renderList()}
    </div>`;
  }

  #renderToolbar(): TemplateResult {
    const facets = this.#pages[0]?.facets;
    const team = this.filter.team?.[0] ?? '';
    const costCenter = this.filter.costCenter?.[0] ?? '';
    return html`<div class="toolbar" part="toolbar">
      <label class="field search">
        <span>${msg('Search', { id: 'invite.search.label' })}</span>
        <input
          class="input"
          part="search"
          type="search"
          autocomplete="off"
          placeholder=${msg('Name or e-mail', { id: 'invite.search.placeholder' })}
          .value=${this.searchText}
          @input=${this.#onSearchInput}
          @keydown=${this.#onSearchKeydown}
        />
      </label>
      <label class="field">
        <span>${msg('HR team', { id: 'invite.filter.team' })}</span>
        <select class="input" @change=${(e: Event) => this.#patchFilter({ team: optionValue(e) })}>
          <option value="" ?selected=${team === ''}>${msg('All teams', { id: 'invite.filter.allTeams' })}</option>
          <option value="none" ?selected=${team === 'none'}>
            ${msg('No team in HR', { id: 'invite.target.noHrTeam' })}${facets ? ` (${formatNumber(facets.noTeam)})` : ''}
          </option>
          ${(facets?.teams ?? []).map(
            (f) => html`<option value=${f.id} ?selected=${team === f.id}>${f.name} (${formatNumber(f.count)})</option>`,
          )}
          ${team && team !== 'none' && !facets?.teams.some((f) => f.id === team)
            ? html`<option value=${team} selected>${team}</option>`
            : nothing}
        </select>
      </label>
      <label class="field">
        <span>${msg('Cost centre', { id: 'invite.filter.costCenter' })}</span>
        <select class="input" @change=${(e: Event) => this.#patchFilter({ costCenter: optionValue(e) })}>
          <option value="" ?selected=${costCenter === ''}>${msg('All cost centres', { id: 'invite.filter.allCostCenters' })}</option>
          ${(facets?.costCenters ?? []).map(
            (f) => html`<option value=${f.id} ?selected=${costCenter === f.id}>${f.name} (${formatNumber(f.count)})</option>`,
          )}
          ${costCenter && !facets?.costCenters.some((f) => f.id === costCenter)
            ? html`<option value=${costCenter} selected>${costCenter}</option>`
            : nothing}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" .checked=${Boolean(this.filter.newHires)} @change=${(e: Event) => this.#patchFilter({ newHires: checked(e) })} />
        ${msg('New hires only', { id: 'invite.filter.newHires' })}
      </label>
      <label class="check">
        <input type="checkbox" .checked=${Boolean(this.filter.excluded)} @change=${(e: Event) => this.#patchFilter({ excluded: checked(e) })} />
        ${msg('Show excluded', { id: 'invite.filter.excluded' })}
      </label>
      ${isFilterActive(this.filter)
        ? html`<button class="button link" type="button" @click=${this.#clearFilters}>${msg('Clear filters', { id: 'invite.filter.clear' })}</button>`
        : nothing}
    </div>`;
  }

  #renderSelectionBar(): TemplateResult {
    const count = this.#count;
    const total = this.#total;
    const selection = this.selection;
    const mode = selectionMode(selection);
    const allChosen = selection.mode === 'all' && selection.except.size === 0;
    const canSelectAll = !this.filter.excluded && total !== null && total > 0 && !allChosen;
    return html`<div class="selection-bar" part="selection-bar">
      <p class="count" part="selection-count" role="status">
        ${count === 1 ? msg('1 person selected', { id: 'invite.selected.one' }) : msg(str`${formatNumber(count)} people selected`, { id: 'invite.selected.other' })}
        ${mode === 'all' ? html`<span class="muted">${msg('(all matching the filter)', { id: 'invite.selected.allMatching' })}</span>` : nothing}
      </p>
      ${mode === 'all'
        ? html`<span class="hint">${msg('Changing the filter clears "all matching".', { id: 'invite.selected.allHint' })}</span>`
        : nothing}
      <span class="spacer"></span>
      ${canSelectAll
        ? html`<button class="button" type="button" @click=${this.#selectAll}>
            ${msg(str`Select all ${formatNumber(total ?? 0)} matching`, { id: 'invite.selectAll' })}
          </button>`
        : nothing}
      ${mode !== 'none'
        ? html`<button class="button" type="button" @click=${this.#clearSelection}>${msg('Clear selection', { id: 'invite.clearSelection' })}</button>`
        : nothing}
      <button
        class="button primary"
        part="invite-button"
        type="button"
        aria-disabled=${count === 0 || this.confirming ? 'true' : 'false'}
        @click=${this.#openConfirm}
      >
        ${msg('Invite…', { id: 'invite.invite' })}
      </button>
    </div>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const notice = this.notice;
    if (!notice) return nothing;
    const dismiss = html`<button class="button link" type="button" @click=${() => (this.notice = null)}>
      ${msg('Dismiss', { id: 'invite.notice.dismiss' })}
    </button>`;
    let body: TemplateResult;
    switch (notice.kind) {
      case 'selection-reset':
        body = html`<span>${msg('The filter changed, so "all matching" was cleared. Select again if needed.', { id: 'invite.notice.selectionReset' })}</span>`;
        break;
      case 'excluded':
        body = html`<span>${msg(str`${notice.person.name} won't be invited.`, { id: 'invite.notice.excluded' })}</span>
          <button class="button link" type="button" @click=${() => this.#setExcluded(notice.person, false)}>${msg('Undo', { id: 'invite.notice.undo' })}</button>`;
        break;
      case 'included':
        body = html`<span>${msg(str`${notice.person.name} is back on the list.`, { id: 'invite.notice.included' })}</span>`;
        break;
      case 'exclusion-failed':
        body = html`<span>${describeError(notice.error).title}</span>`;
        break;
    }
    return html`<div class="notice ${notice.kind === 'exclusion-failed' ? 'error' : ''}" part="notice" role="status">
      <div class="actions">${body} ${dismiss}</div>
    </div>`;
  }

  #targetGroups(): TargetGroup[] | null {
    const selection = this.selection;
    const known = this.#draft!.known;
    if (selection.mode === 'ids') return targetsOfPeople(selection.ids, known);
    const facets = this.#pages[0]?.facets;
    const mapping = this.#mapping.data;
    if (!facets || !mapping) return null;
    return targetsOfFilter(facets, this.filter, mapping, [...selection.except].map((id) => known.get(id)));
  }

  #renderConfirm(): TemplateResult | typeof nothing {
    if (!this.confirming) return nothing;
    const count = this.#count;
    const groups = this.#targetGroups();
    const pending = this.#invite.isPending;
    const error = this.#invite.error;
    return html`<section class="confirm" part="confirm" aria-labelledby="confirm-heading">
      <h3 id="confirm-heading" tabindex="-1">
        ${count === 1 ? msg('Invite 1 person?', { id: 'invite.confirm.title.one' }) : msg(str`Invite ${formatNumber(count)} people?`, { id: 'invite.confirm.title.other' })}
      </h3>
      <span>${msg('They get an e-mail invitation and join these teams:', { id: 'invite.confirm.teams' })}</span>
      ${groups
        ? html`<ul>
            ${groups.map((g) => html`<li>${this.#groupLabel(g)}: ${formatNumber(g.count)}</li>`)}
          </ul>`
        : this.#mapping.error
          ? html`<span class="muted">${msg('Target teams could not be loaded.', { id: 'invite.confirm.teamsFailed' })}</span>`
          : html`<span class="muted" aria-busy="true">${msg('Loading target teams…', { id: 'invite.confirm.teamsLoading' })}</span>`}
      ${error ? errorState(error) : nothing}
      <div class="actions">
        <button class="button primary" part="confirm-button" type="button" aria-disabled=${pending ? 'true' : 'false'} @click=${this.#send}>
          ${pending
            ? msg('Sending…', { id: 'invite.confirm.sending' })
            : error
              ? msg('Try again', { id: 'invite.confirm.retry' })
              : count === 1
                ? msg('Send 1 invitation', { id: 'invite.confirm.send.one' })
                : msg(str`Send ${formatNumber(count)} invitations`, { id: 'invite.confirm.send.other' })}
        </button>
        <button class="button" type="button" ?disabled=${pending} @click=${this.#cancelConfirm}>${msg('Cancel', { id: 'invite.confirm.cancel' })}</button>
      </div>
    </section>`;
  }

  #groupLabel(group: TargetGroup): string {
    const app = this.#appName;
    switch (group.kind) {
      case 'team':
        return group.name;
      case 'team_not_mapped':
        return msg(str`${group.name} (team not in ${app} yet)`, { id: 'invite.confirm.unmapped' });
      case 'no_hr_team':
        return msg('No team in HR', { id: 'invite.target.noHrTeam' });
      case 'unknown':
        return msg('Other selected people', { id: 'invite.confirm.unknown' });
    }
  }

  #renderResults(): TemplateResult | typeof nothing {
    const results = this.results;
    if (!results) return nothing;
    const { summary } = results;
    const known = this.#draft!.known;
    const nameOf = (id: string) => known.get(id)?.name ?? this.#rows.find((r) => r.employeeId === id)?.name ?? id;
    const problems = results.results.filter((r) => r.status === 'failed' || r.status === 'no_email');
    return html`<section class="results" part="results" aria-labelledby="results-heading">
      <h3 id="results-heading" tabindex="-1">${msg('Invitations', { id: 'invite.results.title' })}</h3>
      <ul>
        <li>${msg(str`Sent: ${formatNumber(summary.sent)}`, { id: 'invite.results.sent' })}</li>
        ${summary.alreadyUser ? html`<li>${msg(str`Already a user: ${formatNumber(summary.alreadyUser)}`, { id: 'invite.results.alreadyUser' })}</li>` : nothing}
        ${summary.noEmail ? html`<li>${msg(str`No e-mail address: ${formatNumber(summary.noEmail)}`, { id: 'invite.results.noEmail' })}</li>` : nothing}
        ${summary.failed ? html`<li>${msg(str`Failed: ${formatNumber(summary.failed)}`, { id: 'invite.results.failed' })}</li>` : nothing}
      </ul>
      ${problems.length
        ? html`<ul class="problems">
            ${problems.slice(0, LISTED_RESULTS).map(
              (r) =>
                html`<li>
                  ${nameOf(r.employeeId)}:
                  ${r.status === 'no_email' ? msg('no e-mail address in the HR system', { id: 'invite.results.noEmailReason' }) : (r.reason ?? msg('failed', { id: 'invite.results.failedReason' }))}
                </li>`,
            )}
          </ul>`
        : nothing}
      ${summary.failed
        ? html`<span>${msg('The people whose invitation failed are still selected: invite them again.', { id: 'invite.results.retryHint' })}</span>`
        : nothing}
      <div class="actions">
        <button class="button link" type="button" @click=${() => (this.results = null)}>${msg('Dismiss', { id: 'invite.notice.dismiss' })}</button>
      </div>
    </section>`;
  }

  #renderList(): TemplateResult {
    const result = this.#candidates.result;
    const rows = this.#rows;
    if (!this.#pages.length) {
      if (result?.isError) return errorState(result.error, () => void this.#candidates.refetch());
      return loadingState(msg('Loading people from the HR system…', { id: 'invite.loading' }));
    }
    if (rows.length === 0 && !this.#stale) return this.#renderEmpty();
    return html`${this.#renderGrid(rows)}
      <div class="footer" part="footer">
        <span>${msg(str`${formatNumber(rows.length)} of ${formatNumber(this.#total ?? 0)} loaded`, { id: 'invite.loaded' })}</span>
      </div>`;
  }

  #renderEmpty(): TemplateResult {
    if (this.filter.excluded && !isFilterActive(this.filter)) {
      return emptyState(msg('Nobody is excluded.', { id: 'invite.empty.noneExcluded' }));
    }
    if (isFilterActive(this.filter)) {
      return emptyState(
        msg('No one matches these filters.', { id: 'invite.empty.noMatch' }),
        undefined,
        html`<button class="button" type="button" @click=${this.#clearFilters}>${msg('Clear filters', { id: 'invite.filter.clear' })}</button>`,
      );
    }
    return emptyState(
      msg('Everyone has been invited.', { id: 'invite.empty.allInvited' }),
      msg('Everyone in the HR system has a user or an invitation.', { id: 'invite.empty.allInvited.detail' }),
    );
  }

  #renderGrid(rows: InviteCandidate[]): TemplateResult {
    const result = this.#candidates.result;
    const count = rows.length;
    const range = this.#windowFor(count);
    this.#range = range;
    const slots = windowSize({ viewportHeight: this.#viewport - HEADER_HEIGHT, rowHeight: ROW_HEIGHT, overscan: OVERSCAN });
    const activeRow = this.#activeRow;
    const activeCol = this.active.col;
    const indices: number[] = [];
    if (activeRow < range.start) indices.push(activeRow);
    for (let i = range.start; i < range.end; i++) indices.push(i);
    if (activeRow >= range.end && activeRow < count) indices.push(activeRow);
    const more = Boolean(result?.hasNextPage);
    const moreFailed = Boolean(result?.isFetchNextPageError);
    const bodyHeight = (count + (more ? 1 : 0)) * ROW_HEIGHT;
    const selectable = !this.filter.excluded;
    const total = this.#total ?? count;
    return html`<div
      class="grid"
      part="grid"
      role="grid"
      tabindex="0"
      aria-label=${msg('People to invite', { id: 'invite.grid.label' })}
      aria-multiselectable=${selectable ? 'true' : 'false'}
      aria-rowcount=${total + 1}
      aria-colcount=${COLUMN_COUNT}
      aria-activedescendant=${cellId(activeRow, activeCol)}
      aria-busy=${this.#stale || result?.isFetchingNextPage ? 'true' : 'false'}
      ${ref(this.#attachGrid)}
      @scroll=${this.#onScroll}
      @keydown=${this.#onGridKeydown}
      @click=${this.#onGridClick}
    >
      <div role="rowgroup" class="head row-group">
        <div role="row" class="row" aria-rowindex="1">
          <div role="columnheader" aria-colindex="1"><span class="visually-hidden">${msg('Selected', { id: 'invite.col.selected' })}</span></div>
          <div role="columnheader" aria-colindex="2">${msg('Name', { id: 'invite.col.name' })}</div>
          <div role="columnheader" aria-colindex="3">${msg('E-mail', { id: 'invite.col.email' })}</div>
          <div role="columnheader" aria-colindex="4">${msg('HR team', { id: 'invite.filter.team' })}</div>
          <div role="columnheader" aria-colindex="5">${msg('Cost centres', { id: 'invite.col.costCenters' })}</div>
          <div role="columnheader" aria-colindex="6">${msg('Hire date', { id: 'invite.col.hireDate' })}</div>
          <div role="columnheader" aria-colindex="7">${msg('Joins team', { id: 'invite.col.target' })}</div>
          <div role="columnheader" aria-colindex="8"><span class="visually-hidden">${msg('Actions', { id: 'invite.col.actions' })}</span></div>
        </div>
      </div>
      <!-- Positions go through the style property (CSSOM), not the style attribute: a host's strict CSP (style-src without 'unsafe-inline') blocks style attributes, and styleMap writes one on first render. -->
      <div role="rowgroup" class="body" .style=${`height: ${bodyHeight}px`}>
        ${repeat(
          indices,
          // Keyed by slot, not by person: the row DOM of the window is recycled, so a search that
          // brings new people updates texts instead of building every row again, and scrolling by a
          // row moves one row element from one end to the other. The active row outside the
          // window gets a key of its own.
          (i) => (i >= range.start && i < range.end ? i % slots : `active-${i}`),
          (i) => {
            const person = rows[i]!;
            const activeColOfRow = i === activeRow ? activeCol : -1;
            const selected = selectable && isSelected(this.selection, person.employeeId);
            // Scrolling re-renders the window often: rows whose inputs did not change are skipped.
            return guard([person, i, activeColOfRow, selected, selectable, this.#exclusion.isPending, this.#appName, localeKey()], () =>
              this.#renderRow(person, i, activeColOfRow, selectable, selected),
            );
          },
        )}
        ${more
          ? html`<div role="row" class="row loading-row" aria-rowindex=${count + 2} .style=${`transform: translateY(${count * ROW_HEIGHT}px)`}>
              <div role="gridcell" aria-colindex="1" aria-colspan=${COLUMN_COUNT}>
                ${moreFailed
                  ? html`${describeError(result?.error).title}
                      <button class="button cell-button" type="button" tabindex="-1" @click=${() => void this.#candidates.fetchNextPage()}>
                        ${msg('Try again', { id: 'invite.loadMore.retry' })}
                      </button>`
                  : msg('Loading more…', { id: 'invite.loadMore' })}
              </div>
            </div>`
          : nothing}
      </div>
    </div>`;
  }

  #renderRow(person: InviteCandidate, index: number, activeCol: number, selectable: boolean, selected: boolean): TemplateResult {
    // Positions are set through the style property (CSSOM), not a style attribute: a host's strict
    // CSP (style-src without 'unsafe-inline') blocks style attributes, which styleMap writes first.
    const cell = (col: number) => ({ id: cellId(index, col), cls: col === activeCol ? 'active-cell' : '' });
    const c = [0, 1, 2, 3, 4, 5, 6, 7].map(cell) as { id: string; cls: string }[];
    return html`<div
      role="row"
      part="row"
      class="row ${activeCol >= 0 ? 'active-row' : ''}"
      aria-rowindex=${index + 2}
      aria-selected=${selectable ? String(selected) : nothing}
      data-row=${index}
      .style=${`transform: translateY(${index * ROW_HEIGHT}px)`}
    >
      <div role="gridcell" id=${c[0]!.id} class=${c[0]!.cls} data-col="0" aria-colindex="1">
        ${selectable ? html`<span class="box" aria-hidden="true"></span>` : nothing}
      </div>
      <div role="gridcell" id=${c[1]!.id} class=${c[1]!.cls} data-col="1" aria-colindex="2">
        <span class="cell-text">${person.name}</span>
        ${person.isNewHire ? html`<span class="badge success">${msg('New hire', { id: 'invite.newHire' })}</span>` : nothing}
      </div>
      <div role="gridcell" id=${c[2]!.id} class=${c[2]!.cls} data-col="2" aria-colindex="3">
        ${person.email
          ? html`<span class="cell-text">${person.email}</span>`
          : html`<span class="muted">${msg('No e-mail', { id: 'invite.noEmail' })}</span>`}
      </div>
      <div role="gridcell" id=${c[3]!.id} class=${c[3]!.cls} data-col="3" aria-colindex="4">
        <span class="cell-text">${person.hrTeam?.name ?? '—'}</span>
      </div>
      <div role="gridcell" id=${c[4]!.id} class=${c[4]!.cls} data-col="4" aria-colindex="5">
        <span class="cell-text">${person.costCenters.length ? person.costCenters.map((cc) => `${cc.name} ${formatPercent(cc.percentage)}`).join(', ') : '—'}</span>
      </div>
      <div role="gridcell" id=${c[5]!.id} class=${c[5]!.cls} data-col="5" aria-colindex="6">${formatDate(person.hireDate) || '—'}</div>
      <div role="gridcell" id=${c[6]!.id} class=${c[6]!.cls} data-col="6" aria-colindex="7">${this.#renderTarget(person)}</div>
      <div role="gridcell" id=${c[7]!.id} class=${c[7]!.cls} data-col="7" aria-colindex="8">
        <button
          class="button cell-button"
          part="exclude-button"
          type="button"
          tabindex="-1"
          aria-disabled=${this.#exclusion.isPending ? 'true' : 'false'}
          @click=${() => this.#setExcluded(person, !person.excluded)}
        >
          ${person.excluded ? msg('Back to list', { id: 'invite.include' }) : msg("Won't invite", { id: 'invite.exclude' })}
        </button>
      </div>
    </div>`;
  }

  #renderTarget(person: InviteCandidate): TemplateResult {
    const target = person.target;
    if (target.kind === 'team') return html`<span class="cell-text">${target.appTeam.name}</span>`;
    if (target.kind === 'no_hr_team') return html`<span class="muted">${msg('No team in HR', { id: 'invite.target.noHrTeam' })}</span>`;
    const app = this.#appName;
    return html`<span class="cell-text target-missing">${msg(str`Team not in ${app} yet`, { id: 'invite.target.notMapped' })}</span>
      <button class="button cell-button" part="map-team-button" type="button" tabindex="-1" @click=${() => this.#requestMapTeam(person)}>
        ${msg('Map team', { id: 'invite.mapTeam' })}
      </button>`;
  }
}

const cellId = (row: number, col: number) => `cell-${row}-${col}`;

function optionValue(event: Event): string[] | undefined {
  const value = (event.target as HTMLSelectElement).value;
  return value ? [value] : undefined;
}

function checked(event: Event): boolean | undefined {
  return (event.target as HTMLInputElement).checked || undefined;
}
