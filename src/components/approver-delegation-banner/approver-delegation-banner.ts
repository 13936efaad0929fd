import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { HrApiError } from '../../api/errors.js';
import type { ApproverAbsence, Delegation, SubstituteCandidate } from '../../contract/approvals.js';
import { MutationController, newIdempotencyKey } from '../../data/mutation-controller.js';
import { QueryController } from '../../data/query-controller.js';
import { ServicesController } from '../../data/services-controller.js';
import { HrDelegationDismissedEvent } from '../../events/hr-delegation-dismissed.js';
import { HrDelegationEndedEvent } from '../../events/hr-delegation-ended.js';
import { HrSubstituteAssignedEvent } from '../../events/hr-substitute-assigned.js';
import { formatDate } from '../../localize/format.js';
import { controls, tokens } from '../../styles/tokens.js';
import { comboboxAria, comboboxKeydown, comboboxStyles, describeError, errorState, listbox, loadingState, revealActiveOption } from '../../ui/index.js';
import { styles } from './approver-delegation-banner.styles.js';
import { DEFAULT_STORAGE_KEY, readDismissed, rememberDismissed, sameDismissed, touchesDismissals } from './dismissals.js';
import {
  absencePeriodText,
  absentText,
  absenceTypeLabel,
  candidatesFoundText,
  coveredText,
  overdueCountText,
  periodProblemText,
  summaryText,
  waitingText,
} from './messages.js';
import { ABSENCE_MARGIN_DAYS, defaultPeriod, hasPeriodErrors, localIsoDate, validatePeriod, type PeriodProblem } from './period.js';

export type DelegationBannerLayout = 'full' | 'compact';
const LAYOUTS: readonly DelegationBannerLayout[] = ['full', 'compact'];

/** Milliseconds between the last keystroke in the substitute search and the request. */
const SEARCH_DELAY_MS = 250;

type FormField = 'substituteId' | 'startsOn' | 'endsOn';

/** A field's problem: found here (localized at render) or refused by the backend (its text). */
type FieldProblem = { kind: 'period'; problem: PeriodProblem } | { kind: 'substitute' } | { kind: 'server'; text: string };

interface AssignForm {
  absenceId: string;
  /** Set when changing an existing delegation. */
  delegation: Delegation | null;
  query: string;
  /** The search sent to the backend (debounced). */
  search: string;
  open: boolean;
  active: number;
  selected: Pick<SubstituteCandidate, 'id' | 'name'> | null;
  startsOn: string;
  endsOn: string;
  errors: Partial<Record<FormField, FieldProblem>>;
  /** One key per logical write: kept while the payload stays the same, so a retry reuses it. */
  idempotencyKey: string;
  keyPayload: string;
}

/** Delegations saved or ended here, shown until the refreshed list arrives. */
interface Overlay {
  delegation: Delegation | null;
  since: number;
}

const activeDelegation = (delegation: Delegation | null | undefined): Delegation | null =>
  delegation && delegation.status !== 'ended' ? delegation : null;

const FIELD_BY_POINTER: Record<string, FormField> = {
  '/substituteId': 'substituteId',
  '/startsOn': 'startsOn',
  '/endsOn': 'endsOn',
};

/**
 * Tells the admin which approvers are absent while requests wait for them, and lets them assign
 * a substitute for a bounded period (the delegation ends by itself), change it or undo it.
 * Several absences collapse into a summary that expands. Renders nothing, and takes no space,
 * when nobody is absent.
 *
 * Dismissals are remembered in localStorage under `storage-key`, and every other open tab of the
 * same origin showing a banner with that key follows them at once (through the window's `storage`
 * event): a dismissed notice goes there too, and notices come back when the key is removed or
 * localStorage is cleared in another tab.
 *
 * @summary Banner for absent approvers with waiting requests, and substitute assignment.
 *
 * @csspart banner - The banner box.
 * @csspart summary - The one-line summary shown when several approvers are absent.
 * @csspart toggle - The button that expands or collapses the list of absences.
 * @csspart list - The list of absences.
 * @csspart absence - One absence.
 * @csspart message - The text about one absence (who, type, until when, waiting requests).
 * @csspart badge - The absence type and overdue badges.
 * @csspart actions - The buttons of one absence.
 * @csspart assign-button - "Assign substitute".
 * @csspart change-button - "Change" of a delegation.
 * @csspart undo-button - "Undo" of a delegation.
 * @csspart dismiss-button - "Dismiss" for one absence.
 * @csspart form - The substitute form.
 * @csspart combobox - The substitute search field.
 * @csspart listbox - The list of substitute candidates.
 * @csspart option - One candidate.
 * @csspart date-input - The start and end date fields.
 * @csspart warning - The warning when the candidate requested a waiting item.
 * @csspart submit-button - The form's save button.
 * @csspart cancel-button - The form's cancel button.
 * @csspart loading - The loading state.
 * @csspart error - An error with its retry button.
 * @csspart retry-button - "Try again".
 *
 * @cssprop [--hr-delegation-banner-background=var(--hr-color-info-bg)] - Background of the banner.
 * @cssprop [--hr-delegation-banner-overdue-background=var(--hr-color-warning-bg)] - Background while a request is overdue.
 * @cssprop [--hr-delegation-banner-border-color=var(--hr-color-border)] - Border of the banner and the form.
 * @cssprop [--hr-delegation-listbox-max-height=16rem] - Height of the candidate list before it scrolls.
 *
 * @event hr-substitute-assigned - A substitute was assigned or a delegation changed. `detail`: the saved `Delegation`.
 * @event hr-delegation-ended - The admin undid a delegation. `detail`: the ended `Delegation`.
 * @event hr-delegation-dismissed - The admin dismissed the notice of an absence. `detail`: `{ absenceId, approverId }`. Fired only by the element the admin used: the same dismissal arriving from another tab hides the notice without firing it again.
 * @event hr-auth-required - The backend asked for (re)authentication or refused permission. `detail`: `{ status, endpoint }`.
 */
@localized()
export class ApproverDelegationBanner extends LitElement {
  static override styles = [tokens, controls, comboboxStyles, styles];

  readonly #services = new ServicesController(this);
  readonly #absences = new QueryController(this, () => ({ endpoint: 'listApproverAbsences' }), this.#services);
  readonly #candidates = new QueryController(
    this,
    () => ({
      endpoint: 'listSubstituteCandidates',
      params: { absenceId: this._form?.absenceId ?? '' },
      query: this._form?.search ? { q: this._form.search } : {},
      enabled: this._form !== null,
    }),
    this.#services,
  );
  readonly #create = new MutationController(this, 'createDelegation', this.#services);
  readonly #update = new MutationController(this, 'updateDelegation', this.#services);
  readonly #end = new MutationController(this, 'endDelegation', this.#services);

  /** `full` shows every detail; `compact` puts each absence on one line. */
  @property({ reflect: true }) layout: DelegationBannerLayout = 'full';

  /** localStorage key under which dismissed absences are remembered; other tabs with the same key follow a dismissal at once. */
  @property({ attribute: 'storage-key' }) storageKey = DEFAULT_STORAGE_KEY;

  /** The current time for relative ages and "today"; defaults to the clock. Set it for stable stories and tests. */
  @property({ attribute: false }) now: Date | undefined;

  @state() private _expanded = false;
  @state() private _dismissed: ReadonlySet<string> = new Set();
  @state() private _form: AssignForm | null = null;
  @state() private _formError: HrApiError | null = null;
  /** A failure shown on one absence: a failed undo (with a retry) or a save refused as a conflict. */
  @state() private _cardError: { absenceId: string; error: HrApiError; retry?: () => void } | null = null;
  @state() private _announcement = '';
  @state() private _overlay: ReadonlyMap<string, Overlay> = new Map();

  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #lastCandidates: readonly SubstituteCandidate[] = [];

  /** True while nobody is absent: the element renders nothing (reflected as the `empty` attribute). */
  get empty(): boolean {
    return this.hasAttribute('empty');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.#onStorage);
    // Re-attached: dismissals made elsewhere while this element was detached count too.
    if (this.hasUpdated) this.#syncDismissed();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.#searchTimer);
    window.removeEventListener('storage', this.#onStorage);
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storageKey')) this._dismissed = readDismissed(this.storageKey);
    if (changed.has('layout') && !LAYOUTS.includes(this.layout)) {
      console.warn(`<approver-delegation-banner>: layout="${String(this.layout)}" is not one of ${LAYOUTS.join(', ')}.`);
    }
  }

  override updated(): void {
    const result = this.#absences.result;
    this.toggleAttribute('empty', Boolean(result?.data && this.#visible().length === 0));
    revealActiveOption(this.renderRoot);
  }

  #now(): Date {
    return this.now ?? new Date();
  }

  #today(): string {
    return localIsoDate(this.#now());
  }

  /** The delegation to show for an absence: one saved here wins until the list is refreshed. */
  #delegationOf(absence: ApproverAbsence): Delegation | null {
    const overlay = this._overlay.get(absence.id);
    if (overlay && overlay.since >= (this.#absences.result?.dataUpdatedAt ?? 0)) return overlay.delegation;
    return activeDelegation(absence.delegation);
  }

  #visible(): ApproverAbsence[] {
    const items = this.#absences.data?.items ?? [];
    return items.filter((a) => !this._dismissed.has(a.id) && (a.waitingRequests > 0 || this.#delegationOf(a) !== null));
  }

  #absence(id: string): ApproverAbsence | undefined {
    return this.#absences.data?.items.find((a) => a.id === id);
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Events are documented on the class (the manifest reads the JSDoc, not the call sites). */
  #emit(event: Event): void {
    this.dispatchEvent(event);
  }

  #announce(text: string): void {
    // A change of text is what a live region announces: clear first so a repeat is heard too.
    this._announcement = '';
    void this.updateComplete.then(() => {
      this._announcement = text;
    });
  }

  // --- the banner -------------------------------------------------------------------------

  /** Another tab wrote this element's key (or cleared localStorage). */
  readonly #onStorage = (event: StorageEvent): void => {
    if (touchesDismissals(event, this.storageKey)) this.#syncDismissed();
  };

  /**
   * Takes over the dismissals in storage. No event and no announcement: the admin did not act
   * here. Reads the store rather than the event's `newValue`, which misses what this tab wrote
   * after the other one.
   */
  #syncDismissed(): void {
    const dismissed = readDismissed(this.storageKey);
    if (sameDismissed(dismissed, this._dismissed)) return;
    const visible = this.#visible();
    const focused = (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-absence]')?.dataset.absence;
    this._dismissed = dismissed;
    if (this._form && dismissed.has(this._form.absenceId)) {
      clearTimeout(this.#searchTimer);
      this._form = null;
      this._formError = null;
    }
    if (this._cardError && dismissed.has(this._cardError.absenceId)) this._cardError = null;
    if (focused && dismissed.has(focused)) this.#focusNeighbour(visible.filter((a) => a.id === focused || !dismissed.has(a.id)), focused);
  }

  /** Focus goes to the title of the absence after (else before) `absenceId` in `visible`. */
  #focusNeighbour(visible: readonly ApproverAbsence[], absenceId: string): void {
    const index = visible.findIndex((a) => a.id === absenceId);
    const next = visible[index + 1] ?? visible[index - 1];
    if (next && next.id !== absenceId) void this.#focus(`[data-absence="${CSS.escape(next.id)}"] .title`);
  }

  #toggle(): void {
    this._expanded = !this._expanded;
  }

  #openForm(absence: ApproverAbsence): void {
    const delegation = this.#delegationOf(absence);
    const period = defaultPeriod(absence, delegation, this.#today());
    clearTimeout(this.#searchTimer);
    this.#lastCandidates = [];
    this._formError = null;
    this._cardError = null;
    this._form = {
      absenceId: absence.id,
      delegation,
      query: delegation?.substitute.name ?? '',
      search: '',
      open: false,
      active: -1,
      selected: delegation ? delegation.substitute : null,
      ...period,
      errors: {},
      idempotencyKey: newIdempotencyKey(),
      keyPayload: '',
    };
    void this.#focus('#substitute');
  }

  #closeForm(): void {
    const absenceId = this._form?.absenceId;
    clearTimeout(this.#searchTimer);
    this._form = null;
    this._formError = null;
    if (absenceId) void this.#focus(`[data-absence="${CSS.escape(absenceId)}"] .primary-action`);
  }

  async #undo(absence: ApproverAbsence, delegation: Delegation): Promise<void> {
    if (this.#end.isPending) return;
    this._cardError = null;
    try {
      const ended = await this.#end.mutate({ params: { delegationId: delegation.id } });
      this.#setOverlay(absence.id, null);
      if (this._form?.absenceId === absence.id) this._form = null;
      this.#emit(new HrDelegationEndedEvent(ended));
      this.#announce(msg(str`The delegation for ${absence.approver.name} has ended.`, { id: 'delegation.announce.ended' }));
      void this.#focus(`[data-absence="${CSS.escape(absence.id)}"] .title`);
    } catch (error) {
      const failure = error as HrApiError;
      if (isOvertaken(failure)) {
        // Retrying cannot help: show what is there now.
        this._cardError = { absenceId: absence.id, error: failure };
        void this.#absences.refetch();
        return;
      }
      this._cardError = { absenceId: absence.id, error: failure, retry: () => void this.#undo(absence, delegation) };
    }
  }

  #dismiss(absence: ApproverAbsence): void {
    const visible = this.#visible();
    this._dismissed = rememberDismissed(this.storageKey, absence.id);
    if (this._form?.absenceId === absence.id) this._form = null;
    if (this._cardError?.absenceId === absence.id) this._cardError = null;
    this.#emit(new HrDelegationDismissedEvent({ absenceId: absence.id, approverId: absence.approver.id }));
    this.#announce(msg(str`Notice about ${absence.approver.name} dismissed.`, { id: 'delegation.announce.dismissed' }));
    this.#focusNeighbour(visible, absence.id);
  }

  #setOverlay(absenceId: string, delegation: Delegation | null): void {
    const overlay = new Map(this._overlay);
    overlay.set(absenceId, { delegation, since: Date.now() });
    this._overlay = overlay;
  }

  // --- the substitute combobox -------------------------------------------------------------

  #candidateList(): readonly SubstituteCandidate[] {
    const data = this.#candidates.data?.items;
    if (data) this.#lastCandidates = data;
    return data ?? (this.#candidates.result?.isFetching ? this.#lastCandidates : []);
  }

  #patchForm(patch: Partial<AssignForm>): void {
    if (this._form) this._form = { ...this._form, ...patch };
  }

  #onSearchInput(event: InputEvent): void {
    const query = (event.target as HTMLInputElement).value;
    const errors = { ...this._form?.errors };
    delete errors.substituteId;
    this.#patchForm({ query, selected: null, open: true, active: -1, errors });
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#patchForm({ search: query.trim() }), SEARCH_DELAY_MS);
  }

  #choose(candidate: SubstituteCandidate): void {
    const errors = { ...this._form?.errors };
    delete errors.substituteId;
    this.#patchForm({ selected: { id: candidate.id, name: candidate.name }, query: candidate.name, open: false, active: -1, errors });
  }

  #onSearchKeydown(event: KeyboardEvent): void {
    const form = this._form;
    if (!form) return;
    const options = this.#candidateList();
    const action = comboboxKeydown(event, { open: form.open, active: form.active, count: options.length, clearable: form.query !== '' });
    if (typeof action === 'number') this.#patchForm({ open: true, active: action });
    else if (action === 'select') this.#choose(options[form.active]!);
    else if (action === 'clear') this.#patchForm({ query: '', search: '', selected: null });
    else if (action) this.#patchForm({ open: false, active: -1 });
  }

  #onSearchBlur(): void {
    if (this._form?.open) this.#patchForm({ open: false, active: -1 });
  }

  // --- the form ----------------------------------------------------------------------------

  #onDateInput(field: 'startsOn' | 'endsOn', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    const errors = { ...this._form?.errors };
    delete errors[field];
    this.#patchForm({ [field]: value, errors });
  }

  #validate(form: AssignForm, absence: ApproverAbsence): Partial<Record<FormField, FieldProblem>> {
    const errors: Partial<Record<FormField, FieldProblem>> = {};
    if (!form.selected) errors.substituteId = { kind: 'substitute' };
    const period = validatePeriod(form, absence, this.#today(), { keepStart: form.delegation?.startsOn ?? null });
    if (hasPeriodErrors(period)) {
      if (period.startsOn) errors.startsOn = { kind: 'period', problem: period.startsOn };
      if (period.endsOn) errors.endsOn = { kind: 'period', problem: period.endsOn };
    }
    return errors;
  }

  #focusFirstInvalid(errors: Partial<Record<FormField, FieldProblem>>): void {
    const first = (['substituteId', 'startsOn', 'endsOn'] as const).find((f) => errors[f]);
    const id = first === 'substituteId' ? 'substitute' : first;
    if (id) void this.#focus(`#${id}`);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = this._form;
    const absence = form && this.#absence(form.absenceId);
    if (!form || !absence || this.#create.isPending || this.#update.isPending) return;
    const errors = this.#validate(form, absence);
    if (Object.keys(errors).length > 0) {
      this._form = { ...form, errors, open: false };
      this.#focusFirstInvalid(errors);
      return;
    }
    const substituteId = form.selected!.id;
    const { startsOn, endsOn, delegation } = form;
    const change = delegation
      ? {
          ...(substituteId !== delegation.substitute.id ? { substituteId } : {}),
          ...(startsOn !== delegation.startsOn ? { startsOn } : {}),
          ...(endsOn !== delegation.endsOn ? { endsOn } : {}),
        }
      : null;
    if (change && Object.keys(change).length === 0) {
      this.#closeForm();
      return;
    }
    const payload = JSON.stringify([absence.id, delegation?.id ?? null, substituteId, startsOn, endsOn]);
    const idempotencyKey = payload === form.keyPayload ? form.idempotencyKey : newIdempotencyKey();
    this._form = { ...form, errors: {}, open: false, idempotencyKey, keyPayload: payload };
    this._formError = null;
    try {
      const saved =
        delegation && change
          ? await this.#update.mutate({ params: { delegationId: delegation.id }, body: change, idempotencyKey })
          : await this.#create.mutate({ body: { absenceId: absence.id, substituteId, startsOn, endsOn }, idempotencyKey });
      this.#setOverlay(absence.id, saved);
      this._form = null;
      this.#emit(new HrSubstituteAssignedEvent(saved));
      this.#announce(
        msg(str`${saved.substitute.name} now approves for ${absence.approver.name} until ${formatDate(saved.endsOn)}.`, {
          id: 'delegation.announce.assigned',
        }),
      );
      void this.#focus(`[data-absence="${CSS.escape(absence.id)}"] .title`);
    } catch (error) {
      this.#onSaveError(error as HrApiError);
    }
  }

  #onSaveError(error: HrApiError): void {
    const form = this._form;
    if (!form) return;
    if (isOvertaken(error)) {
      // Another admin covered, changed or ended this meanwhile: show theirs instead of the form.
      this._form = null;
      this._cardError = { absenceId: form.absenceId, error };
      void this.#absences.refetch();
      void this.#focus(`[data-absence="${CSS.escape(form.absenceId)}"] .title`);
      return;
    }
    const errors: Partial<Record<FormField, FieldProblem>> = {};
    for (const fieldError of error.fieldErrors) {
      const field = FIELD_BY_POINTER[fieldError.pointer];
      if (field && !errors[field]) errors[field] = { kind: 'server', text: fieldError.detail };
    }
    if (Object.keys(errors).length > 0) {
      this._form = { ...form, errors };
      this._formError = null;
      this.#focusFirstInvalid(errors);
    } else {
      this._formError = error;
    }
  }

  // --- render ------------------------------------------------------------------------------

  override render() {
    const result = this.#absences.result;
    if (!result || (!result.data && (result.isPending || result.isFetching))) {
      return loadingState(msg('Checking for absent approvers…', { id: 'delegation.loading' }));
    }
    if (!result.data) return errorState(result.error, () => void this.#absences.refetch());

    const visible = this.#visible();
    if (visible.length === 0) return nothing;
    const overdue = visible.filter((a) => a.overdue).length;
    const stale = result.isError
      ? html`<div class="notice warning stale" part="error" role="alert">
          <span>${msg('The absences could not be refreshed; what you see may be out of date.', { id: 'delegation.stale' })}</span>
          <div class="actions">
            <button class="button" type="button" part="retry-button" @click=${() => void this.#absences.refetch()}>${msg('Try again', { id: 'common.retry' })}</button>
          </div>
        </div>`
      : nothing;

    const body =
      visible.length === 1
        ? this.#renderAbsence(visible[0]!, true)
        : html`<div class="summary" part="summary">
              <p class="text" role=${overdue > 0 ? 'alert' : 'status'}>
                ${summaryText(visible.length, visible.reduce((sum, a) => sum + a.waitingRequests, 0))}
                ${overdue > 0 ? html`<span class="badge danger" part="badge">${overdueCountText(overdue)}</span>` : nothing}
              </p>
              <button class="button" type="button" part="toggle" aria-expanded=${String(this._expanded)} aria-controls="absences" @click=${this.#toggle}>
                ${msg('Show all', { id: 'delegation.showAll' })}
                <span class="chevron" aria-hidden="true">▾</span>
              </button>
            </div>
            <ul class="list" part="list" id="absences" ?hidden=${!this._expanded}>
              ${repeat(
                visible,
                (a) => a.id,
                (a) => html`<li>${this.#renderAbsence(a, false)}</li>`,
              )}
            </ul>`;

    return html`<div class="banner ${overdue > 0 ? 'overdue' : ''}" part="banner">${stale}${body}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>`;
  }

  #renderAbsence(absence: ApproverAbsence, live: boolean): TemplateResult {
    const delegation = this.#delegationOf(absence);
    const type = absenceTypeLabel(absence.type);
    const compact = this.layout === 'compact';
    const name = absence.approver.name;
    const titleId = `title-${absence.id.replace(/[^\w-]/g, '_')}`;
    const formOpen = this._form?.absenceId === absence.id;
    const busy = this.#end.isPending;
    const role = live ? (absence.overdue ? 'alert' : 'status') : nothing;
    return html`<section class="absence" part="absence" data-absence=${absence.id} aria-labelledby=${titleId}>
      <div class="message" part="message" role=${role}>
        <p class="title" id=${titleId} tabindex="-1">
          <span>${absentText(absence)}</span>
          ${type ? html`<span class="badge" part="badge">${type}</span>` : nothing}
          ${absence.overdue ? html`<span class="badge danger" part="badge">${msg('Overdue', { id: 'delegation.overdue' })}</span>` : nothing}
        </p>
        ${absence.waitingRequests > 0 ? html`<p>${waitingText(absence, this.#now(), !compact)}</p>` : nothing}
        ${delegation ? html`<p class="covered">${coveredText(delegation, this.#today())}</p>` : nothing}
      </div>
      <div class="actions" part="actions">
        ${formOpen
          ? nothing
          : delegation
            ? html`<button class="button primary-action" type="button" part="change-button" aria-label=${msg(str`Change substitute for ${name}`, { id: 'delegation.change.label' })} @click=${() => this.#openForm(absence)}>
                  ${msg('Change', { id: 'delegation.change' })}
                </button>
                <button class="button" type="button" part="undo-button" aria-label=${msg(str`Undo delegation for ${name}`, { id: 'delegation.undo.label' })} ?disabled=${busy} @click=${() => void this.#undo(absence, delegation)}>
                  ${msg('Undo', { id: 'delegation.undo' })}
                </button>`
            : html`<button class="button primary primary-action" type="button" part="assign-button" aria-label=${msg(str`Assign substitute for ${name}`, { id: 'delegation.assign.label' })} @click=${() => this.#openForm(absence)}>
                ${msg('Assign substitute', { id: 'delegation.assign' })}
              </button>`}
        <button class="button link" type="button" part="dismiss-button" aria-label=${msg(str`Dismiss notice about ${name}`, { id: 'delegation.dismiss.label' })} @click=${() => this.#dismiss(absence)}>
          ${msg('Dismiss', { id: 'delegation.dismiss' })}
        </button>
      </div>
      ${this._cardError?.absenceId === absence.id ? this.#renderCardError(this._cardError.error, this._cardError.retry) : nothing}
      ${formOpen ? this.#renderForm(absence) : nothing}
    </section>`;
  }

  #renderCardError(error: HrApiError, retry?: () => void): TemplateResult {
    if (!isOvertaken(error)) return errorState(error, retry);
    return html`<p class="notice warning" part="error" role="alert">
      ${msg('Another admin changed the substitute for this absence in the meantime. What you see now is their version.', { id: 'delegation.conflict' })}
    </p>`;
  }

  #fieldError(form: AssignForm, field: FormField, absence: ApproverAbsence): string {
    const problem = form.errors[field];
    if (!problem) return '';
    switch (problem.kind) {
      case 'server':
        return problem.text || msg('The server refused this value.', { id: 'delegation.error.refused' });
      case 'substitute':
        return msg('Choose a substitute from the list.', { id: 'delegation.error.substitute' });
      case 'period':
        return periodProblemText(problem.problem, field as 'startsOn' | 'endsOn', absence, ABSENCE_MARGIN_DAYS);
    }
  }

  #renderForm(absence: ApproverAbsence): TemplateResult {
    const form = this._form!;
    const saving = this.#create.isPending || this.#update.isPending;
    const substituteError = this.#fieldError(form, 'substituteId', absence);
    const startError = this.#fieldError(form, 'startsOn', absence);
    const endError = this.#fieldError(form, 'endsOn', absence);
    const submitLabel = form.delegation ? msg('Save changes', { id: 'delegation.save.change' }) : msg('Assign', { id: 'delegation.save.assign' });
    return html`<form class="form" part="form" novalidate aria-labelledby="form-title" @submit=${this.#submit}>
      <p class="form-title" id="form-title">${msg(str`Substitute for ${absence.approver.name}`, { id: 'delegation.form.title' })}</p>
      ${this.#renderCombobox(form, substituteError)}
      <div class="period">
        ${this.#renderDate('startsOn', msg('From', { id: 'delegation.startsOn' }), form.startsOn, startError)}
        ${this.#renderDate('endsOn', msg('Until', { id: 'delegation.endsOn' }), form.endsOn, endError)}
      </div>
      <p class="hint" id="period-hint">${absencePeriodText(absence)}</p>
      ${this._formError ? errorState(this._formError, () => void this.#submit(new Event('submit'))) : nothing}
      <div class="actions">
        <button class="button primary" type="submit" part="submit-button" aria-disabled=${saving ? 'true' : 'false'}>
          ${saving ? msg('Saving…', { id: 'delegation.saving' }) : submitLabel}
        </button>
        <button class="button" type="button" part="cancel-button" @click=${this.#closeForm}>${msg('Cancel', { id: 'delegation.cancel' })}</button>
      </div>
    </form>`;
  }

  #renderDate(field: 'startsOn' | 'endsOn', label: string, value: string, error: string): TemplateResult {
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <input
        id=${field}
        class="input"
        part="date-input"
        type="date"
        required
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${field}-error period-hint` : 'period-hint'}
        @input=${(e: Event) => this.#onDateInput(field, e)}
      />
      ${error ? html`<span class="field-error" id=${`${field}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  #renderCombobox(form: AssignForm, error: string): TemplateResult {
    const query = this.#candidates.result;
    const candidates = this.#candidateList();
    const expanded = form.open && candidates.length > 0;
    const chosen = form.selected ? candidates.find((c) => c.id === form.selected!.id) : undefined;
    let status: string;
    if (query?.isError) status = describeError(query.error).title;
    else if (query?.isFetching) status = msg('Searching…', { id: 'delegation.candidates.loading' });
    else if (candidates.length === 0) {
      status = form.search
        ? msg('Nobody matches this search.', { id: 'delegation.candidates.noMatch' })
        : msg('Nobody can step in: everyone who could approve is absent too.', { id: 'delegation.candidates.none' });
    } else status = form.open ? candidatesFoundText(candidates.length) : '';
    return html`<div class="field">
      <label for="substitute" id="substitute-label">${msg('Substitute', { id: 'delegation.substitute' })}</label>
      <input
        id="substitute"
        class="input"
        part="combobox"
        type="text"
        ${comboboxAria({ listbox: 'candidates', expanded, active: candidates[form.active] ? form.active : -1 })}
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'substitute-error substitute-hint' : 'substitute-hint'}
        .value=${form.query}
        @input=${this.#onSearchInput}
        @keydown=${this.#onSearchKeydown}
        @click=${() => this.#patchForm({ open: true })}
        @blur=${this.#onSearchBlur}
      />
      ${listbox({
        id: 'candidates',
        labelledby: 'substitute-label',
        expanded,
        options: candidates,
        active: form.active,
        parts: true,
        select: (c) => this.#choose(c),
        render: (c) => html`<span class="name">${c.name}</span>
          ${c.email ? html`<span class="email">${c.email}</span>` : nothing}
          ${c.isRequesterOfWaiting
            ? html`<span class="badge warning" part="badge">${msg('Requested a waiting item', { id: 'delegation.candidate.requester' })}</span>`
            : nothing}`,
      })}
      <span class="hint" id="substitute-hint" aria-live="polite">${status}</span>
      ${query?.isError
        ? html`<div class="actions">
            <button class="button" type="button" part="retry-button" @click=${() => void this.#candidates.refetch()}>${msg('Try again', { id: 'common.retry' })}</button>
          </div>`
        : nothing}
      ${error ? html`<span class="field-error" id="substitute-error">${error}</span>` : nothing}
      ${chosen?.isRequesterOfWaiting
        ? html`<p class="notice warning" part="warning" role="status">
            ${msg(str`${chosen.name} requested at least one of the waiting items. Make sure nobody approves their own request.`, {
              id: 'delegation.warning.requester',
            })}
          </p>`
        : nothing}
    </div>`;
  }
}

/**
 * The write met a state another admin changed: the absence was covered (409), the delegation or
 * absence is gone (404, 422 unknown_absence). request_in_progress is this same write, still being
 * processed: the form stays to retry it.
 */
function isOvertaken(error: HrApiError): boolean {
  if (error.status === 409) return error.code !== 'request_in_progress';
  return error.status === 404 || (error.status === 422 && error.code === 'unknown_absence');
}
