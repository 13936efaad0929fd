import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { HrApiError } from '../../api/errors.js';
import type { EmployeeRef, MatchStatus, SaveUserLinksResponse, SyncPreview, UserLink } from '../../contract/links.js';
import { MutationController, newIdempotencyKey } from '../../data/mutation-controller.js';
import { QueryController } from '../../data/query-controller.js';
import { ServicesController } from '../../data/services-controller.js';
import { HrLinkSelectionChangeEvent } from '../../events/hr-link-selection-change.js';
import { HrLinksSavedEvent, type HrLinksSavedResult } from '../../events/hr-links-saved.js';
import { formatDate, formatNumber, formatPercent } from '../../localize/format.js';
import { controls, tables, tokens } from '../../styles/tokens.js';
import { comboboxAria, comboboxKeydown, comboboxStyles, listbox, revealActiveOption } from '../../ui/combobox.js';
import { emptyState, errorState, loadingState } from '../../ui/states.js';
import { styles } from './employee-matcher.styles.js';
import {
  acceptAllSuggestions,
  changeCount,
  choose,
  emailsMatch,
  emptyDraft,
  filterLinks,
  fingerprint,
  indexDoc,
  isChange,
  maskAccount,
  openSuggestions,
  pageOf,
  previewEmployee,
  rebase,
  saveBody,
  undo,
  type LinkConflict,
  type MatcherDraft,
  type StatusFilter,
} from './link-model.js';

const STATUSES: readonly MatchStatus[] = ['linked', 'suggested', 'unmatched', 'conflict'];
const SEARCH_DEBOUNCE_MS = 250;

type SaveOutcome = { status: 'saved' | 'failed'; reason: string | null };

/**
 * Links the host app's existing users to employees in the HR system. Users are matched by e-mail
 * (ignoring case and surrounding spaces) and shown as linked, suggested, unmatched or in conflict;
 * the admin accepts suggestions (one by one or all at once), picks another employee from a
 * searchable list, or leaves a user unlinked, previews the personnel data that will sync, and
 * saves. Unsaved choices survive a re-mount; a save that meets another admin's change reloads the
 * list, re-applies the choices on top and shows the conflicts instead of overwriting them.
 *
 * @summary Link existing users to HR employees, preview the synced data, save.
 *
 * @csspart header - The heading, counts and filters.
 * @csspart filters - The status filter buttons.
 * @csspart search - The search field for names and e-mail addresses.
 * @csspart table - The table of users.
 * @csspart row - One user's row.
 * @csspart status-badge - A user's match status.
 * @csspart picker - The employee combobox (input and listbox).
 * @csspart preview - The sync preview of one user.
 * @csspart pager - Page navigation.
 * @csspart save-bar - Unsaved changes, Discard and Save.
 * @csspart save-button - The Save button.
 * @csspart results - The summary of the last save.
 * @csspart conflicts - The list of choices another admin changed meanwhile.
 * @csspart loading - The loading state.
 * @csspart error - An error state.
 * @csspart empty - An empty state.
 * @csspart retry-button - Retry in an error state.
 *
 * @cssprop [--hr-matcher-row-hover=var(--hr-color-surface-raised)] - Background of a hovered row.
 * @cssprop [--hr-matcher-changed-color=var(--hr-color-primary)] - Marks unsaved choices and fields that change.
 * @cssprop [--hr-matcher-picker-max-height=16rem] - Height of the employee list before it scrolls.
 *
 * @event hr-link-selection-change - The admin changed the employee chosen for a user (unsaved). Detail: `HrLinkSelectionChangeDetail` `{ userId, employeeId }`.
 * @event hr-links-saved - Links were saved. Detail: `HrLinksSavedDetail` `{ saved, failed, results: [{ userId, employeeId, status, reason }], version }`.
 * @event hr-auth-required - A request was refused for authentication (401) or permission (403). Detail: `HrAuthRequiredDetail`.
 */
@localized()
export class EmployeeMatcher extends LitElement {
  static override styles = [tokens, controls, tables, comboboxStyles, styles];

  readonly #services = new ServicesController(this);
  readonly #doc = new QueryController(this, () => ({ endpoint: 'getUserLinks' }), this.#services);
  readonly #search = new QueryController(
    this,
    () => ({ endpoint: 'searchEmployees', query: { q: this._pickQuery.trim() || undefined, limit: 20 }, enabled: this._picking !== null }),
    this.#services,
  );
  readonly #preview = new QueryController(
    this,
    () => {
      const target = this.#previewTarget();
      return {
        endpoint: 'getSyncPreview',
        params: { userId: target?.userId ?? '' },
        query: { employeeId: target?.employeeId ?? '' },
        enabled: target !== null,
      };
    },
    this.#services,
  );
  readonly #save = new MutationController(this, 'saveUserLinks', this.#services);

  /** The status filter: `all`, `linked`, `suggested`, `unmatched` or `conflict`. The admin changes it with the filter buttons. */
  @property({ reflect: true }) status: StatusFilter = 'all';

  /** Users per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Key of the unsaved choices in the shared draft store; give two matchers on a page different keys. */
  @property({ attribute: 'draft-key' }) draftKey = 'employee-matcher';

  @state() private _query = '';
  @state() private _page = 1;
  /** The user whose employee combobox is open. */
  @state() private _picking: string | null = null;
  @state() private _pickInput = '';
  @state() private _pickQuery = '';
  @state() private _activeOption = -1;
  @state() private _previewUser: string | null = null;
  @state() private _results: ReadonlyMap<string, SaveOutcome> = new Map();
  @state() private _summary: { saved: number; failed: number; failures: { userName: string; reason: string | null }[] } | null = null;
  /** After a 412: the choices another admin changed meanwhile (empty: none, but the list changed). */
  @state() private _conflicts: LinkConflict[] | null = null;
  @state() private _announcement = '';

  #debounce: ReturnType<typeof setTimeout> | undefined;
  #focusAfterUpdate: string | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') && this.status !== 'all' && !STATUSES.includes(this.status)) {
      console.warn(`<employee-matcher>: status "${String(this.status)}" is not one of all, ${STATUSES.join(', ')}; showing all.`);
      this.status = 'all';
    }
    if (changed.has('status') && changed.get('status') !== undefined) this._page = 1;
  }

  protected override updated(_changed: PropertyValues): void {
    if (this.#focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate);
      this.#focusAfterUpdate = null;
      target?.focus();
    }
    if (this._picking) revealActiveOption(this.renderRoot);
  }

  // --- draft -------------------------------------------------------------------------------

  get #draft(): MatcherDraft {
    return this.#services.value.drafts.get<MatcherDraft>(this.draftKey) ?? emptyDraft();
  }

  #setDraft(draft: MatcherDraft): void {
    const empty = !Object.keys(draft.choices).length && !draft.pending;
    if (empty) this.#services.value.drafts.delete(this.draftKey);
    else this.#services.value.drafts.set(this.draftKey, draft);
    this.requestUpdate();
  }

  #previewTarget(): { userId: string; employeeId: string } | null {
    const doc = this.#doc.data;
    if (!this._previewUser || !doc) return null;
    const link = indexDoc(doc).byId.get(this._previewUser);
    const employee = link ? previewEmployee(link, this.#draft.choices[link.userId]) : null;
    return link && employee ? { userId: link.userId, employeeId: employee.id } : null;
  }

  // --- handlers ----------------------------------------------------------------------------

  #select(link: UserLink, employee: EmployeeRef | null): void {
    const doc = this.#doc.data;
    if (!doc) return;
    this.#setDraft(choose(this.#draft, link, employee, doc.version));
    this.dispatchEvent(new HrLinkSelectionChangeEvent({ userId: link.userId, employeeId: employee?.id ?? null }));
  }

  #undo(link: UserLink): void {
    this.#setDraft(undo(this.#draft, link.userId));
    const employee = link.status === 'linked' ? link.employee : null;
    this.dispatchEvent(new HrLinkSelectionChangeEvent({ userId: link.userId, employeeId: employee?.id ?? null }));
    this.#focusRow(link.userId);
  }

  #focusRow(userId: string): void {
    this.#focusAfterUpdate = `[data-pick="${CSS.escape(userId)}"]`;
  }

  #acceptAll(): void {
    const doc = this.#doc.data;
    if (!doc) return;
    const { draft, accepted } = acceptAllSuggestions(this.#draft, doc);
    if (!accepted.length) return;
    this.#setDraft(draft);
    for (const link of accepted) {
      this.dispatchEvent(new HrLinkSelectionChangeEvent({ userId: link.userId, employeeId: link.employee?.id ?? null }));
    }
    this._announcement =
      accepted.length === 1
        ? msg('1 suggestion accepted. Save to link.', { id: 'matcher.acceptAll.done.one' })
        : msg(str`${formatNumber(accepted.length)} suggestions accepted. Save to link.`, { id: 'matcher.acceptAll.done.other' });
  }

  #discard(): void {
    this.#setDraft(emptyDraft());
    this._conflicts = null;
    this._announcement = msg('Unsaved choices discarded.', { id: 'matcher.discarded' });
  }

  #setStatus(status: StatusFilter): void {
    this.status = status;
    this._page = 1;
  }

  #onSearch(event: InputEvent): void {
    this._query = (event.target as HTMLInputElement).value;
    this._page = 1;
  }

  #goToPage(page: number, pageCount: number, focusFirstRow = false): void {
    const next = Math.min(Math.max(1, page), pageCount);
    if (next === this._page) return;
    this._page = next;
    this._picking = null;
    if (focusFirstRow) this.#focusAfterUpdate = 'tbody [data-pick]';
  }

  #onTableKeydown(event: KeyboardEvent, pageCount: number): void {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    if ((event.composedPath()[0] as HTMLElement | undefined)?.getAttribute('role') === 'combobox') return;
    event.preventDefault();
    this.#goToPage(this._page + (event.key === 'PageDown' ? 1 : -1), pageCount, true);
  }

  #togglePreview(link: UserLink): void {
    this._previewUser = this._previewUser === link.userId ? null : link.userId;
  }

  // combobox (APG "list autocomplete" pattern, the listbox inline below the input)

  #openPicker(link: UserLink): void {
    this._picking = link.userId;
    this._pickInput = '';
    this._pickQuery = '';
    this._activeOption = -1;
    this.#focusAfterUpdate = '[role="combobox"]';
  }

  #closePicker(returnFocus: boolean): void {
    const userId = this._picking;
    clearTimeout(this.#debounce);
    this._picking = null;
    if (returnFocus && userId) this.#focusRow(userId);
  }

  #onPickInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this._pickInput = value;
    this._activeOption = -1;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this._pickQuery = value;
    }, SEARCH_DEBOUNCE_MS);
  }

  #pickOptions(): EmployeeRef[] {
    return this._pickQuery === this._pickInput ? (this.#search.data?.items ?? []) : [];
  }

  #onPickKeydown(event: KeyboardEvent, link: UserLink): void {
    const options = this.#pickOptions();
    // The field is the open picker: Escape closes it; Tab leaves it to focusout.
    const action = comboboxKeydown(event, { open: true, active: this._activeOption, count: options.length });
    if (typeof action === 'number') this._activeOption = action;
    else if (action === 'select') this.#pick(link, options[this._activeOption]!);
    else if (action === 'dismiss') this.#closePicker(true);
  }

  #onPickerFocusout(event: FocusEvent): void {
    // Focus left for another control (not for another window): the search is abandoned.
    const next = event.relatedTarget as Node | null;
    if (!next || (event.currentTarget as HTMLElement).contains(next)) return;
    this.#closePicker(false);
  }

  #pick(link: UserLink, employee: EmployeeRef): void {
    this.#select(link, employee);
    this.#closePicker(true);
    this._announcement = msg(str`${employee.name} chosen for ${link.userName}. Save to link.`, { id: 'matcher.picked' });
  }

  // save

  async #saveLinks(): Promise<void> {
    const doc = this.#doc.data;
    if (!doc || this.#save.isPending) return;
    const index = indexDoc(doc);
    const draft = this.#draft;
    const body = saveBody(index, draft);
    if (!body.links.length) return;
    const ifMatch = draft.baseVersion ?? doc.version;
    const print = fingerprint(ifMatch, body);
    const key = draft.pending?.fingerprint === print ? draft.pending.key : newIdempotencyKey();
    this.#setDraft({ ...draft, pending: { key, fingerprint: print } });
    this._summary = null;
    this._conflicts = null;
    this._announcement = msg('Saving links…', { id: 'matcher.saving' });

    let response: SaveUserLinksResponse;
    try {
      response = await this.#save.mutate({ body, ifMatch, idempotencyKey: key });
    } catch (error) {
      this._announcement = '';
      if ((error as HrApiError).isConflict) await this.#reapplyAfterConflict();
      return;
    }
    this.#applyResults(body.links, response);
  }

  #applyResults(sent: readonly { userId: string; employeeId: string | null }[], response: SaveUserLinksResponse): void {
    const doc = this.#doc.data;
    const byId = doc ? indexDoc(doc).byId : new Map<string, UserLink>();
    const outcomes = new Map<string, SaveOutcome>();
    for (const result of response.results) outcomes.set(result.userId, { status: result.status, reason: result.reason });

    const draft = this.#draft;
    const choices: MatcherDraft['choices'] = Object.fromEntries(
      Object.entries(draft.choices).filter(([userId]) => outcomes.get(userId)?.status === 'failed'),
    );
    this.#setDraft({ baseVersion: Object.keys(choices).length ? response.version : null, choices, pending: null });

    const results: HrLinksSavedResult[] = sent.map(({ userId, employeeId }) => {
      const outcome = outcomes.get(userId);
      return { userId, employeeId, status: outcome?.status ?? 'failed', reason: outcome?.reason ?? null };
    });
    const failures = results.filter((r) => r.status === 'failed');
    const saved = results.length - failures.length;
    this._results = outcomes;
    this._summary = {
      saved,
      failed: failures.length,
      failures: failures.map((r) => ({ userName: byId.get(r.userId)?.userName ?? r.userId, reason: r.reason })),
    };
    this._announcement = this.#summaryText(saved, failures.length);
    this.dispatchEvent(new HrLinksSavedEvent({ saved, failed: failures.length, results, version: response.version }));
  }

  async #reapplyAfterConflict(): Promise<void> {
    await this.#doc.refetch();
    const doc = this.#doc.data;
    // Without the latest list there is nothing to re-apply onto: the stale-list warning offers a
    // retry, and the next Save meets the 412 again.
    if (!doc || this.#doc.error) return;
    const { draft, conflicts } = rebase(this.#draft, doc);
    this.#setDraft(draft);
    this._conflicts = conflicts;
    this.#focusAfterUpdate = '#conflicts-heading';
  }

  #useTheirs(conflict: LinkConflict): void {
    this.#setDraft(undo(this.#draft, conflict.userId));
    this._conflicts = (this._conflicts ?? []).filter((c) => c.userId !== conflict.userId);
    this.dispatchEvent(new HrLinkSelectionChangeEvent({ userId: conflict.userId, employeeId: conflict.theirs?.id ?? null }));
  }

  #summaryText(saved: number, failed: number): string {
    if (!failed) {
      return saved === 1
        ? msg('1 link saved.', { id: 'matcher.saved.one' })
        : msg(str`${formatNumber(saved)} links saved.`, { id: 'matcher.saved.other' });
    }
    return msg(str`${formatNumber(saved)} saved, ${formatNumber(failed)} not saved.`, { id: 'matcher.saved.partial' });
  }

  // --- rendering ---------------------------------------------------------------------------

  #statusLabel(status: StatusFilter): string {
    switch (status) {
      case 'all':
        return msg('All', { id: 'matcher.status.all' });
      case 'linked':
        return msg('Linked', { id: 'matcher.status.linked' });
      case 'suggested':
        return msg('Suggested', { id: 'matcher.status.suggested' });
      case 'unmatched':
        return msg('Unmatched', { id: 'matcher.status.unmatched' });
      case 'conflict':
        return msg('Conflict', { id: 'matcher.status.conflict' });
    }
  }

  #conflictReason(link: UserLink): string {
    if (link.conflictReason === 'several_employees') {
      return msg('Several employees have this e-mail address. Choose the right one.', { id: 'matcher.conflict.several' });
    }
    if (link.conflictReason === 'employee_linked_elsewhere') {
      return msg('The employee with this e-mail address is already linked to another user.', { id: 'matcher.conflict.elsewhere' });
    }
    return msg('This user cannot be matched automatically.', { id: 'matcher.conflict.other' });
  }

  #renderEmployee(employee: EmployeeRef | null): TemplateResult {
    if (!employee) return html`<span class="muted">${msg('Not linked', { id: 'matcher.notLinked' })}</span>`;
    return html`<span class="who">
      <span>${employee.name}</span>
      ${employee.email ? html`<span class="email">${employee.email}</span>` : nothing}
      ${employee.hrTeam ? html`<span class="muted">${employee.hrTeam.name}</span>` : nothing}
    </span>`;
  }

  #renderMatch(link: UserLink, draft: MatcherDraft): TemplateResult {
    if (this._picking === link.userId) return this.#renderPicker(link);
    const choice = draft.choices[link.userId];
    if (choice) {
      return html`<div class="stack">
        ${this.#renderEmployee(choice.employee)}
        ${isChange(link, choice)
          ? html`<span class="badge changed">${choice.employee ? msg('Will be linked', { id: 'matcher.willLink' }) : msg('Will be unlinked', { id: 'matcher.willUnlink' })}</span>`
          : html`<span class="badge">${choice.employee ? msg('No change', { id: 'matcher.noChange' }) : msg('Left unlinked', { id: 'matcher.leftUnlinked' })}</span>`}
      </div>`;
    }
    switch (link.status) {
      case 'linked':
        return this.#renderEmployee(link.employee);
      case 'suggested':
        return html`<div class="stack">
          ${this.#renderEmployee(link.employee)}
          <span class="muted">${msg('Same e-mail address', { id: 'matcher.sameEmail' })}</span>
        </div>`;
      case 'unmatched':
        return html`<span class="muted">${msg('No employee has this e-mail address.', { id: 'matcher.noMatch' })}</span>`;
      case 'conflict':
        return html`<div class="stack">
          <span>${this.#conflictReason(link)}</span>
          ${link.candidates.length
            ? html`<ul class="candidates" aria-label=${msg(str`Candidates for ${link.userName}`, { id: 'matcher.candidates' })}>
                ${link.candidates.map(
                  (candidate) => html`<li>
                    <button class="button" type="button" @click=${() => this.#pickCandidate(link, candidate)}>
                      ${msg(str`Link ${candidate.name}`, { id: 'matcher.linkCandidate' })}
                    </button>
                    <span class="email">${[candidate.email, candidate.hrTeam?.name].filter(Boolean).join(' · ')}</span>
                  </li>`,
                )}
              </ul>`
            : nothing}
        </div>`;
    }
  }

  #pickCandidate(link: UserLink, candidate: EmployeeRef): void {
    this.#select(link, candidate);
    this.#focusRow(link.userId);
  }

  #renderPicker(link: UserLink): TemplateResult {
    const options = this.#pickOptions();
    const result = this.#search.result;
    const settled = this._pickQuery === this._pickInput;
    const searching = !settled || (result?.isFetching ?? true);
    const error = this.#search.error;
    return html`<div class="picker" part="picker" @focusout=${this.#onPickerFocusout}>
      <label class="visually-hidden" for="picker-input">${msg(str`Search an employee for ${link.userName}`, { id: 'matcher.picker.label' })}</label>
      <input
        id="picker-input"
        class="input"
        type="text"
        ${comboboxAria({ listbox: 'picker-listbox', expanded: options.length > 0, active: options[this._activeOption] ? this._activeOption : -1 })}
        aria-describedby="picker-status"
        placeholder=${msg('Name or e-mail', { id: 'matcher.picker.placeholder' })}
        .value=${this._pickInput}
        @input=${this.#onPickInput}
        @keydown=${(event: KeyboardEvent) => this.#onPickKeydown(event, link)}
      />
      ${listbox({
        id: 'picker-listbox',
        label: msg('Employees', { id: 'matcher.picker.list' }),
        expanded: options.length > 0,
        options,
        active: this._activeOption,
        select: (employee) => this.#pick(link, employee),
        render: (employee) => html`<span>${employee.name}</span>
          <span class="email">
            ${employee.email ?? msg('No e-mail address', { id: 'matcher.picker.noEmail' })}${employee.hrTeam ? html` · ${employee.hrTeam.name}` : nothing}
            ${emailsMatch(employee.email, link.userEmail) ? html` · ${msg('Same e-mail address', { id: 'matcher.sameEmail' })}` : nothing}
          </span>`,
      })}
      <span id="picker-status" class="hint" role="status">
        ${error
          ? nothing
          : searching
            ? msg('Searching…', { id: 'matcher.picker.searching' })
            : options.length
              ? this.#search.data?.nextCursor
                ? msg(str`${formatNumber(options.length)} shown. Type more to narrow the list.`, { id: 'matcher.picker.more' })
                : options.length === 1
                  ? msg('1 employee found.', { id: 'matcher.picker.found.one' })
                  : msg(str`${formatNumber(options.length)} employees found.`, { id: 'matcher.picker.found.other' })
              : msg('No employee found.', { id: 'matcher.picker.none' })}
      </span>
      ${error ? errorState(error, () => void this.#search.refetch()) : nothing}
      <div class="actions">
        <button class="button link" type="button" @click=${() => this.#closePicker(true)}>${msg('Cancel', { id: 'matcher.picker.cancel' })}</button>
      </div>
    </div>`;
  }

  #renderActions(link: UserLink, draft: MatcherDraft, row: string): TemplateResult {
    const choice = draft.choices[link.userId];
    const effective = choice ? choice.employee : link.status === 'linked' ? link.employee : null;
    const previewable = previewEmployee(link, choice) !== null;
    // Each button is named by its own text and the user's name ("Accept Anna Schmidt").
    const labelled = (action: string) => `${action}-${row} name-${row}`;
    return html`<div class="row-actions">
      ${!choice && link.status === 'suggested' && link.employee
        ? html`<button class="button primary" type="button" id="accept-${row}" aria-labelledby=${labelled('accept')} @click=${() => {
            this.#select(link, link.employee);
            this.#focusRow(link.userId);
          }}>${msg('Accept', { id: 'matcher.accept' })}</button>`
        : nothing}
      <button class="button" type="button" id="pick-${row}" aria-labelledby=${labelled('pick')} data-pick=${link.userId} @click=${() => this.#openPicker(link)}>
        ${msg('Choose', { id: 'matcher.choose' })}
      </button>
      ${effective
        ? html`<button class="button" type="button" id="unlink-${row}" aria-labelledby=${labelled('unlink')} @click=${() => {
            this.#select(link, null);
            this.#focusRow(link.userId);
          }}>${msg('Leave unlinked', { id: 'matcher.unlink' })}</button>`
        : nothing}
      ${choice
        ? html`<button class="button link" type="button" id="undo-${row}" aria-labelledby=${labelled('undo')} @click=${() => this.#undo(link)}>
            ${msg('Undo', { id: 'matcher.undo' })}
          </button>`
        : nothing}
      ${previewable
        ? html`<button
            class="button link"
            type="button"
            id="preview-button-${row}"
            aria-labelledby=${labelled('preview-button')}
            aria-expanded=${this._previewUser === link.userId ? 'true' : 'false'}
            aria-controls="preview-${row}"
            data-preview=${link.userId}
            @click=${() => this.#togglePreview(link)}
          >${msg('Preview', { id: 'matcher.preview' })}</button>`
        : nothing}
    </div>`;
  }

  #renderStatus(link: UserLink, draft: MatcherDraft): TemplateResult {
    const kind = { linked: 'success', suggested: '', unmatched: '', conflict: 'danger' }[link.status];
    const outcome = this._results.get(link.userId);
    return html`<div class="badges">
      <span class="badge ${kind}" part="status-badge">${this.#statusLabel(link.status)}</span>
      ${isChange(link, draft.choices[link.userId]) ? html`<span class="badge changed">${msg('Unsaved', { id: 'matcher.unsaved' })}</span>` : nothing}
      ${outcome?.status === 'saved' ? html`<span class="badge success">${msg('Saved', { id: 'matcher.result.saved' })}</span>` : nothing}
      ${outcome?.status === 'failed'
        ? html`<span class="badge danger">${msg('Not saved', { id: 'matcher.result.failed' })}</span>
            ${outcome.reason ? html`<span class="field-error">${outcome.reason}</span>` : nothing}`
        : nothing}
    </div>`;
  }

  #renderRow(link: UserLink, draft: MatcherDraft, row: string): TemplateResult {
    const open = this._previewUser === link.userId;
    return html`<tr class="user" part="row" data-user=${link.userId}>
        <th scope="row">
          <span class="who"><span id="name-${row}">${link.userName}</span><span class="email">${link.userEmail}</span></span>
        </th>
        <td>${this.#renderStatus(link, draft)}</td>
        <td>${this.#renderMatch(link, draft)}</td>
        <td>${this.#renderActions(link, draft, row)}</td>
      </tr>
      ${open
        ? html`<tr class="preview" part="preview">
            <td colspan="4" id="preview-${row}">${this.#renderPreview(link, draft)}</td>
          </tr>`
        : nothing}`;
  }

  #renderPreview(link: UserLink, draft: MatcherDraft): TemplateResult {
    const employee = previewEmployee(link, draft.choices[link.userId]);
    if (!employee) return html``;
    const result = this.#preview.result;
    if (this.#preview.error && !this.#preview.data) return errorState(this.#preview.error, () => void this.#preview.refetch());
    const preview = this.#preview.data;
    if (!preview || result?.isPending || preview.userId !== link.userId || preview.employeeId !== employee.id) {
      return loadingState(msg('Loading the preview…', { id: 'matcher.preview.loading' }));
    }
    const f = preview.fields;
    const named = (ref: { name: string } | null) => ref?.name ?? null;
    const rows: [string, SyncPreview['fields'][keyof SyncPreview['fields']], (value: never) => string | null][] = [
      [msg('Name', { id: 'matcher.field.name' }), f.name, (v: string | null) => v],
      [msg('HR team', { id: 'matcher.field.hrTeam' }), f.hrTeam, named],
      [msg('App team', { id: 'matcher.field.appTeam' }), f.appTeam, named],
      [msg('Department', { id: 'matcher.field.department' }), f.department, (v: string | null) => v],
      [
        msg('Cost centres', { id: 'matcher.field.costCenters' }),
        f.costCenters,
        (v: { name: string; percentage: number }[] | null) => (v?.length ? v.map((c) => `${c.name} ${formatPercent(c.percentage)}`).join(', ') : null),
      ],
      [msg('Supervisor', { id: 'matcher.field.supervisor' }), f.supervisor, named],
      [msg('Last working day', { id: 'matcher.field.lastWorkingDay' }), f.lastWorkingDay, (v: string | null) => (v ? formatDate(v) : null)],
      [
        msg('Bank account', { id: 'matcher.field.bankAccount' }),
        f.bankAccount,
        (v: { last4: string; holder: string | null } | null) => (v ? (v.holder ? `${maskAccount(v.last4)} · ${v.holder}` : maskAccount(v.last4)) : null),
      ],
    ];
    const none = msg('None', { id: 'matcher.preview.none' });
    return html`<table>
      <caption>${msg(str`Data that will sync for ${link.userName} from ${employee.name}`, { id: 'matcher.preview.caption' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Field', { id: 'matcher.preview.field' })}</th>
          <th scope="col">${msg('Now', { id: 'matcher.preview.now' })}</th>
          <th scope="col">${msg('After the sync', { id: 'matcher.preview.next' })}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(([label, field, show]) => {
          if (!field.shared) {
            return html`<tr>
              <th scope="row">${label}</th>
              <td colspan="2" class="not-shared">${msg('Not shared by the HR system', { id: 'matcher.preview.notShared' })}</td>
            </tr>`;
          }
          const now = show(field.current as never) ?? none;
          const next = show(field.next as never) ?? none;
          const changes = now !== next;
          return html`<tr class=${changes ? 'changes' : ''}>
            <th scope="row">${label}${changes ? html`<span class="visually-hidden"> (${msg('changes', { id: 'matcher.preview.changes' })})</span>` : nothing}</th>
            <td>${now}</td>
            <td>${next}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #renderConflicts(): TemplateResult | typeof nothing {
    const conflicts = this._conflicts;
    if (!conflicts) return nothing;
    const unlinked = msg('not linked', { id: 'matcher.conflicts.unlinked' });
    return html`<div class="notice warning" part="conflicts" role="alert">
      <h3 id="conflicts-heading" tabindex="-1">${msg('Someone else changed the links in the meantime.', { id: 'matcher.conflicts.title' })}</h3>
      <span>
        ${conflicts.length
          ? msg('The latest list is loaded and your choices are kept on top of it. Review these users, then save again.', { id: 'matcher.conflicts.detail' })
          : msg('The latest list is loaded and your choices are kept on top of it. None of your users were changed; save again.', { id: 'matcher.conflicts.none' })}
      </span>
      ${conflicts.length
        ? html`<ul>
            ${conflicts.map(
              (c) => html`<li>
                ${c.removed
                  ? msg(str`${c.userName} no longer exists; your choice was dropped.`, { id: 'matcher.conflicts.removed' })
                  : html`${msg(str`${c.userName}: now ${c.theirs?.name ?? unlinked}, your choice ${c.mine?.name ?? unlinked}.`, { id: 'matcher.conflicts.item' })}
                      <button class="button link" type="button" @click=${() => this.#useTheirs(c)}>${msg('Use theirs', { id: 'matcher.conflicts.useTheirs' })}</button>`}
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    const summary = this._summary;
    if (!summary) return nothing;
    return html`<div class="notice ${summary.failed ? 'warning' : 'success'}" part="results">
      <strong>${this.#summaryText(summary.saved, summary.failed)}</strong>
      ${summary.failed
        ? html`<span>${msg('The users that were not saved keep your choice; fix the reason and save again.', { id: 'matcher.saved.partial.detail' })}</span>
            <ul>
              ${summary.failures.map((f) => html`<li>${f.userName}${f.reason ? html`: ${f.reason}` : nothing}</li>`)}
            </ul>`
        : nothing}
    </div>`;
  }

  override render() {
    const query = this.#doc;
    const doc = query.data;
    if (!doc) {
      if (query.error) return html`<div class="layout">${errorState(query.error, () => void query.refetch())}</div>`;
      return html`<div class="layout">${loadingState(msg('Loading users…', { id: 'matcher.loading' }))}</div>`;
    }
    const index = indexDoc(doc);
    const draft = this.#draft;
    const filtered = filterLinks(index, this.status, this._query);
    const slice = pageOf(filtered, this._page, Math.max(1, this.pageSize));
    const changes = changeCount(index, draft);
    const open = openSuggestions(index, draft);
    const saving = this.#save.isPending;
    const saveError = this.#save.error;

    return html`<div class="layout" aria-busy=${saving || query.result?.isFetching ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      <header part="header" class="layout">
        <h2>${msg('Link users to employees', { id: 'matcher.title' })}</h2>
        <p class="hint">
          ${msg('Users are matched to HR employees by e-mail address. Accept a suggestion, choose another employee, or leave a user unlinked, then save.', { id: 'matcher.intro' })}
        </p>
        ${query.error
          ? html`<div class="notice warning" role="alert">
              <span>${msg('The list could not be refreshed; it may be out of date.', { id: 'matcher.stale' })}</span>
              <div class="actions">
                <button class="button" type="button" part="retry-button" @click=${() => void query.refetch()}>${msg('Try again', { id: 'common.retry' })}</button>
              </div>
            </div>`
          : nothing}
        <div class="toolbar">
          <div class="filters" part="filters" role="group" aria-label=${msg('Filter by status', { id: 'matcher.filter' })}>
            ${(['all', ...STATUSES] as StatusFilter[]).map((status) => {
              const count = status === 'all' ? doc.items.length : doc.counts[status];
              return html`<button
                class="button"
                type="button"
                data-status=${status}
                aria-pressed=${this.status === status ? 'true' : 'false'}
                @click=${() => this.#setStatus(status)}
              >${this.#statusLabel(status)} <span class="badge">${formatNumber(count)}</span></button>`;
            })}
          </div>
          <div class="field search">
            <label for="search">${msg('Search users', { id: 'matcher.search' })}</label>
            <input id="search" class="input" part="search" type="search" autocomplete="off" .value=${this._query} @input=${this.#onSearch} />
          </div>
        </div>
        <div class="actions">
          <button class="button" type="button" data-accept-all aria-disabled=${open ? 'false' : 'true'} @click=${() => open && this.#acceptAll()}>
            ${msg(str`Accept all suggestions (${formatNumber(open)})`, { id: 'matcher.acceptAll' })}
          </button>
        </div>
      </header>

      ${this.#renderConflicts()} ${this.#renderSummary()}

      ${!doc.items.length
        ? emptyState(
            msg('There are no users to link.', { id: 'matcher.empty' }),
            msg('Users invited from the HR system are linked already.', { id: 'matcher.empty.detail' }),
          )
        : !filtered.length
          ? emptyState(
              msg('No user matches this filter.', { id: 'matcher.noResults' }),
              undefined,
              html`<button class="button" type="button" @click=${() => {
                this._query = '';
                this.#setStatus('all');
              }}>${msg('Show all users', { id: 'matcher.clearFilters' })}</button>`,
            )
          : html`<div class="table-wrap" @keydown=${(event: KeyboardEvent) => this.#onTableKeydown(event, slice.pageCount)}>
                <table part="table">
                  <caption>
                    ${msg(str`Users ${formatNumber(slice.first)}–${formatNumber(slice.last)} of ${formatNumber(slice.total)}`, { id: 'matcher.caption' })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${msg('User', { id: 'matcher.col.user' })}</th>
                      <th scope="col">${msg('Status', { id: 'matcher.col.status' })}</th>
                      <th scope="col">${msg('Employee', { id: 'matcher.col.employee' })}</th>
                      <th scope="col">${msg('Actions', { id: 'matcher.col.actions' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${repeat(slice.items, (link) => link.userId, (link, i) => this.#renderRow(link, draft, `r${i}`))}
                  </tbody>
                </table>
              </div>
              ${slice.pageCount > 1
                ? html`<nav class="pager" part="pager" aria-label=${msg('Pages', { id: 'matcher.pages' })}>
                    <button class="button" type="button" data-page="previous" aria-disabled=${slice.page <= 1 ? 'true' : 'false'} @click=${() => this.#goToPage(slice.page - 1, slice.pageCount)}>
                      ${msg('Previous page', { id: 'matcher.page.previous' })}
                    </button>
                    <span aria-live="polite">${msg(str`Page ${formatNumber(slice.page)} of ${formatNumber(slice.pageCount)}`, { id: 'matcher.page' })}</span>
                    <button class="button" type="button" data-page="next" aria-disabled=${slice.page >= slice.pageCount ? 'true' : 'false'} @click=${() => this.#goToPage(slice.page + 1, slice.pageCount)}>
                      ${msg('Next page', { id: 'matcher.page.next' })}
                    </button>
                  </nav>`
                : nothing}`}

      ${saveError && !saveError.isConflict ? errorState(saveError, () => void this.#saveLinks()) : nothing}

      <div class="savebar" part="save-bar">
        <span role="status">
          ${changes === 1
            ? msg('1 unsaved change', { id: 'matcher.changes.one' })
            : msg(str`${formatNumber(changes)} unsaved changes`, { id: 'matcher.changes.other' })}
        </span>
        <div class="actions">
          <button class="button" type="button" aria-disabled=${Object.keys(draft.choices).length && !saving ? 'false' : 'true'} @click=${() => !saving && this.#discard()}>
            ${msg('Discard', { id: 'matcher.discard' })}
          </button>
          <button
            class="button primary"
            type="button"
            part="save-button"
            data-save
            aria-disabled=${changes && !saving ? 'false' : 'true'}
            @click=${() => void this.#saveLinks()}
          >${saving ? msg('Saving…', { id: 'matcher.save.busy' }) : msg('Save links', { id: 'matcher.save' })}</button>
        </div>
      </div>
    </div>`;
  }
}
