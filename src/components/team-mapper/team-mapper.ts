import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { isHrApiError, type HrApiError } from '../../api/errors.js';
import type { AppTeam, CreateAppTeamsRequest, HrTeam, TeamMappingDoc } from '../../contract/teams.js';
import { MutationController, newIdempotencyKey } from '../../data/mutation-controller.js';
import { QueryController, type QueryResult } from '../../data/query-controller.js';
import { ServicesController } from '../../data/services-controller.js';
import { HrDirtyChangeEvent } from '../../events/hr-dirty-change.js';
import { HrMappingSavedEvent } from '../../events/hr-mapping-saved.js';
import { HrTeamCreatedEvent } from '../../events/hr-team-created.js';
import { formatList, formatNumber } from '../../localize/format.js';
import { localeKey } from '../../localize/index.js';
import { controls, tables, tokens } from '../../styles/tokens.js';
import { comboboxAria, comboboxKeydown, comboboxStyles, listbox, revealActiveOption } from '../../ui/combobox.js';
import { describeError } from '../../ui/describe-error.js';
import { emptyState, errorState, loadingState } from '../../ui/states.js';
import {
  acceptTheirs,
  applyCreated,
  buildIndex,
  buildView,
  emptyDraft,
  filterAppTeams,
  filterRows,
  isCreate,
  isDirty,
  keyFor,
  nameProblems,
  previewCreateForUnmapped,
  previewMapByName,
  readDraft,
  rebase,
  refusedNames,
  savePlan,
  setChoices,
  type Choice,
  type MappingDraft,
  type MappingIndex,
  type MappingView,
  type NameProblem,
  type RefusedName,
  type RowFilter,
} from './mapping-model.js';
import { styles } from './team-mapper.styles.js';

type PickerOption = { kind: 'create'; name: string } | { kind: 'none' } | { kind: 'team'; team: AppTeam };

interface OpenPicker {
  hrTeamId: string;
  /** What the admin typed; null while the field still shows the current choice. */
  typed: string | null;
  /** Index of the active option, -1 for none. */
  active: number;
}

type BulkKind = 'create' | 'byName';

const LISTBOX_ID = 'picker-listbox';
const errorId = (hrTeamId: string) => `name-error-${hrTeamId.replace(/[^\w-]/g, '_')}`;
/** Names listed in previews and notices before "and N more". */
const LIST_LIMIT = 8;
const SHARED_LIMIT = 3;

/**
 * Maps every HR team to an app team: pick an existing app team, create one from the HR team, or
 * leave it unmapped; many HR teams may share one app team. Unsaved changes are kept as a draft
 * that survives a re-mount and a page reload; Save creates the new app teams, then saves the
 * mapping with If-Match, and on a conflict loads the other admin's version, re-applies the draft
 * on top and shows what conflicted.
 *
 * The table has a natural tab order: per row a combobox (APG editable combobox with list
 * autocomplete), the name of a team to create, and "Use their choice" after a conflict.
 *
 * @summary Map HR teams to app teams, create missing app teams, save with conflict handling.
 *
 * @csspart heading - The element's heading.
 * @csspart toolbar - Search, filter, counts and bulk helpers.
 * @csspart search - The search field.
 * @csspart bulk-button - Each bulk helper button.
 * @csspart preview - The preview of a bulk helper.
 * @csspart table-wrap - The scroll container of the table (see `--hr-team-mapper-max-height`).
 * @csspart table - The table of HR teams.
 * @csspart row - Each HR team's row.
 * @csspart picker - Each row's app team combobox input.
 * @csspart listbox - The open combobox's list of options.
 * @csspart option - Each option of the open combobox.
 * @csspart create-name - The name field of an app team to create.
 * @csspart badge - Each status badge.
 * @csspart conflicts - The notice listing conflicting HR teams after a concurrent save.
 * @csspart savebar - Unsaved-changes count, Discard and Save.
 * @csspart save-button - The Save button.
 * @csspart discard-button - The Discard button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - An error notice.
 * @csspart retry-button - The retry button of an error notice.
 *
 * @cssprop [--hr-team-mapper-max-height=none] - Maximum block size of the table's scroll container.
 * @cssprop [--hr-team-mapper-changed-background=var(--hr-color-info-bg)] - Background of rows with unsaved changes.
 * @cssprop [--hr-team-mapper-conflict-background=var(--hr-color-warning-bg)] - Background of rows another admin changed differently.
 *
 * @event hr-mapping-saved - The mapping was saved. Detail `HrMappingSavedDetail`: `{ mappings: number, createdTeams: (AppTeam & { fromHrTeamId })[], version: string }`.
 * @event hr-team-created - An app team was created from an HR team (once per team). Detail `HrTeamCreatedDetail`: `{ appTeam: AppTeam, fromHrTeamId: string | null }`.
 * @event hr-dirty-change - Unsaved changes appeared or went away. Detail `HrDirtyChangeDetail`: `{ dirty: boolean }`.
 * @event hr-auth-required - A request was refused with 401/403. Detail `HrAuthRequiredDetail`.
 */
@localized()
export class TeamMapper extends LitElement {
  static override styles = [tokens, controls, tables, comboboxStyles, styles];

  readonly #services = new ServicesController(this);
  readonly #doc = new QueryController(this, () => ({ endpoint: 'getTeamMapping' }), this.#services);
  readonly #createTeams = new MutationController(this, 'createAppTeams', this.#services);
  readonly #saveMapping = new MutationController(this, 'saveTeamMapping', this.#services);

  /**
   * Part of the draft's storage key: give each team-mapper on a page (or per tenant) its own.
   * Drafts are kept in the page's draft store and in localStorage.
   */
  @property({ attribute: 'storage-key' }) storageKey = 'team-mapper';

  /** Which HR teams the table shows: `all`, or `unmapped` (no app team chosen). The admin can switch. */
  @property() filter: RowFilter = 'all';

  @state() private _draft: MappingDraft | null = null;
  @state() private _query = '';
  @state() private _open: OpenPicker | null = null;
  @state() private _preview: BulkKind | null = null;
  @state() private _saving = false;
  @state() private _saveError: Error | null = null;
  /** Some app teams were created but the mapping was not saved. */
  @state() private _partialSave = false;
  /** HR teams that conflicted in the last concurrent change; null: no notice. */
  @state() private _conflictNotice: string[] | null = null;
  /** New app team names the backend refused in the last save, by HR team id. */
  @state() private _refused: ReadonlyMap<string, RefusedName> = new Map();
  @state() private _announcement = '';

  #index: MappingIndex | undefined;
  #view: MappingView | undefined;
  #problems: ReadonlyMap<string, NameProblem> = new Map();
  #viewOf: [MappingIndex, MappingDraft, ReadonlyMap<string, RefusedName>] | undefined;
  /** Documents already adopted as the draft's base (stale notifications of an old one are ignored). */
  readonly #seen = new WeakSet<TeamMappingDoc>();
  #draftKeyLoaded: string | null = null;
  #notifiedDirty = false;
  #focusAfterUpdate: string | null = null;

  get #draftKey(): string {
    return `mapping:${this.storageKey}`;
  }

  /** true while there are unsaved changes (kept as a draft). The host decides about navigation. */
  get dirty(): boolean {
    return this._draft ? isDirty(this._draft) : false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter') && this.filter !== 'all' && this.filter !== 'unmapped') {
      console.warn(`<team-mapper>: filter="${String(this.filter)}" is not one of all, unmapped; showing all.`);
      this.filter = 'all';
    }
    if (changed.has('storageKey') && this.#draftKeyLoaded !== null && this.#draftKeyLoaded !== this.#draftKey) {
      this.#draftKeyLoaded = null;
      this._draft = null;
      this._refused = new Map();
      if (this.#index) this.#seen.delete(this.#index.doc);
    }
    const doc = this.#doc.data;
    if (doc && !this._saving && !this.#seen.has(doc)) this.#adopt(doc);
  }

  override updated(): void {
    const dirty = this.dirty;
    if (dirty !== this.#notifiedDirty) {
      this.#notifiedDirty = dirty;
      this.dispatchEvent(new HrDirtyChangeEvent({ dirty }));
    }
    if (this.#focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = null;
    }
    if (this._open) revealActiveOption(this.renderRoot);
  }

  /** Makes `doc` the base of the draft: loads the stored draft once, re-applies it on a newer version. */
  #adopt(doc: TeamMappingDoc): void {
    this.#seen.add(doc);
    this.#index = buildIndex(doc);
    let draft = this._draft;
    if (this.#draftKeyLoaded !== this.#draftKey) {
      this.#draftKeyLoaded = this.#draftKey;
      draft = readDraft(this.#services.value.drafts.get(this.#draftKey, { persist: true })) ?? null;
    }
    draft ??= emptyDraft(doc.version);
    if (draft.baseVersion !== doc.version) {
      const result = rebase(draft, this.#index);
      draft = result.draft;
      if (result.conflicted.length) this._conflictNotice = result.conflicted;
    }
    this.#commit(draft);
  }

  /** The view of the current draft, computed once per edit. */
  #currentView(): MappingView | undefined {
    const index = this.#index;
    const draft = this._draft;
    if (!index || !draft) return undefined;
    const refused = this._refused;
    if (!this.#viewOf || this.#viewOf[0] !== index || this.#viewOf[1] !== draft || this.#viewOf[2] !== refused) {
      this.#view = buildView(index, draft);
      this.#problems = nameProblems(index, this.#view, refused);
      this.#viewOf = [index, draft, refused];
    }
    return this.#view;
  }

  #commit(draft: MappingDraft): void {
    this._draft = draft;
    const drafts = this.#services.value.drafts;
    const keep = isDirty(draft) || Object.keys(draft.conflicts).length > 0;
    if (keep) drafts.set(this.#draftKey, draft, { persist: true });
    else drafts.delete(this.#draftKey);
  }

  #edit(changes: Iterable<readonly [string, Choice]>): void {
    // The row controls are read-only while a save runs (the save replaces the draft it sent), so
    // nothing reaches here then; this guard only keeps a stray event from being half-applied.
    if (!this.#index || !this._draft || this._saving) return;
    this.#commit(setChoices(this.#index, this._draft, changes));
    this._saveError = null;
    this._partialSave = false;
  }

  // ---- combobox ---------------------------------------------------------------------------

  #options(hrTeam: HrTeam, open: OpenPicker): PickerOption[] {
    const typed = open.typed?.trim() ?? '';
    const teams = this.#index ? filterAppTeams(this.#index, typed) : [];
    const current = this.#currentView()?.choices.get(hrTeam.id) ?? null;
    const name = typed || (isCreate(current) ? current.create : hrTeam.name);
    return [{ kind: 'create', name }, { kind: 'none' }, ...teams.map((team) => ({ kind: 'team' as const, team }))];
  }

  /** The option of the row's current choice. */
  #currentIndex(hrTeam: HrTeam, options: PickerOption[]): number {
    const choice = this.#currentView()?.choices.get(hrTeam.id) ?? null;
    if (choice === null) return 1;
    if (isCreate(choice)) return 0;
    return options.findIndex((o) => o.kind === 'team' && o.team.id === choice);
  }

  #rowTeam(event: Event): HrTeam | undefined {
    const id = (event.currentTarget as HTMLElement).dataset['hrTeam'];
    return id === undefined ? undefined : this.#index?.hrById.get(id);
  }

  #select(hrTeam: HrTeam, option: PickerOption): void {
    const choice: Choice = option.kind === 'create' ? { create: option.name } : option.kind === 'none' ? null : option.team.id;
    this._open = null;
    this.#edit([[hrTeam.id, choice]]);
  }

  readonly #onPickerInput = (event: InputEvent) => {
    const hrTeam = this.#rowTeam(event);
    if (!hrTeam) return;
    const typed = (event.currentTarget as HTMLInputElement).value;
    const open: OpenPicker = { hrTeamId: hrTeam.id, typed, active: -1 };
    // List autocomplete with automatic selection: the first matching app team, else "Create".
    if (typed.trim()) open.active = this.#options(hrTeam, open).length > 2 ? 2 : 0;
    this._open = open;
  };

  readonly #onPickerKeydown = (event: KeyboardEvent) => {
    const hrTeam = this.#rowTeam(event);
    if (!hrTeam || this._saving) return;
    const open = this._open?.hrTeamId === hrTeam.id ? this._open : null;
    const shown: OpenPicker = open ?? { hrTeamId: hrTeam.id, typed: null, active: -1 };
    const options = this.#options(hrTeam, shown);
    const action = comboboxKeydown(event, {
      open: open !== null,
      active: shown.active,
      count: options.length,
      selected: open ? -1 : this.#currentIndex(hrTeam, options),
    });
    if (typeof action === 'number') this._open = { ...shown, active: action };
    else if (action === 'select') this.#select(hrTeam, options[shown.active]!);
    else if (action) this._open = null;
  };

  readonly #onPickerClick = (event: MouseEvent) => {
    const hrTeam = this.#rowTeam(event);
    if (!hrTeam || this._saving || this._open?.hrTeamId === hrTeam.id) return;
    const open: OpenPicker = { hrTeamId: hrTeam.id, typed: null, active: -1 };
    this._open = { ...open, active: Math.max(0, this.#currentIndex(hrTeam, this.#options(hrTeam, open))) };
  };

  readonly #onPickerBlur = (event: FocusEvent) => {
    const hrTeam = this.#rowTeam(event);
    if (hrTeam && this._open?.hrTeamId === hrTeam.id) this._open = null;
  };

  readonly #onCreateNameInput = (event: InputEvent) => {
    const hrTeam = this.#rowTeam(event);
    if (!hrTeam) return;
    this.#edit([[hrTeam.id, { create: (event.currentTarget as HTMLInputElement).value }]]);
  };

  readonly #onUseTheirs = (event: Event) => {
    const hrTeam = this.#rowTeam(event);
    if (!hrTeam || !this._draft || this._saving) return;
    this.#commit(acceptTheirs(this._draft, hrTeam.id));
    this.#focusAfterUpdate = `input[role='combobox'][data-hr-team="${CSS.escape(hrTeam.id)}"]`;
  };

  // ---- toolbar ----------------------------------------------------------------------------

  readonly #onSearch = (event: InputEvent) => {
    this._query = (event.currentTarget as HTMLInputElement).value;
  };

  readonly #onFilter = (event: Event) => {
    this.filter = (event.currentTarget as HTMLInputElement).value as RowFilter;
  };

  #showPreview(kind: BulkKind): void {
    if (this._saving) return;
    this._preview = kind;
    this.#focusAfterUpdate = '#preview-title';
  }

  #closePreview(): void {
    const kind = this._preview;
    this._preview = null;
    this.#focusAfterUpdate = `[data-bulk="${kind}"]`;
  }

  #applyPreview(): void {
    const index = this.#index;
    const view = this.#currentView();
    if (!index || !view || !this._preview || this._saving) return;
    const changes: [string, Choice][] =
      this._preview === 'create'
        ? previewCreateForUnmapped(index, view).map(({ hrTeam, name }) => [hrTeam.id, { create: name }])
        : previewMapByName(index, view).map(({ hrTeam, appTeam }) => [hrTeam.id, appTeam.id]);
    this.#edit(changes);
    this._announcement =
      changes.length === 1
        ? msg('1 change applied. Save to keep it.', { id: 'mapper.applied.one' })
        : msg(str`${formatNumber(changes.length)} changes applied. Save to keep them.`, { id: 'mapper.applied.other' });
    this.#closePreview();
  }

  // ---- save -------------------------------------------------------------------------------

  /** The latest document from the backend (refetched now). */
  async #freshDoc(): Promise<TeamMappingDoc> {
    const result = (await this.#doc.refetch()) as QueryResult<'getTeamMapping'>;
    if (result.isError) throw result.error;
    if (!result.data) throw new Error('team mapping: no document');
    return result.data;
  }

  /** Adopts a document fetched during a save; returns the HR teams that now conflict. */
  #adoptFresh(doc: TeamMappingDoc): string[] {
    this.#seen.add(doc);
    this.#index = buildIndex(doc);
    if (!this._draft) return [];
    const result = rebase(this._draft, this.#index);
    this.#commit(result.draft);
    return result.conflicted;
  }

  #hasNameProblems(): boolean {
    this.#currentView();
    return this.#problems.size > 0;
  }

  /**
   * Saves the draft: creates the new app teams, then replaces the mapping with If-Match. On a
   * concurrent change it loads the other version and re-applies the draft; nothing is
   * overwritten. Retrying the same save reuses its Idempotency-Keys.
   */
  async save(): Promise<void> {
    if (this._saving || !this.#index || !this._draft || !this.dirty || this.#hasNameProblems()) return;
    this._saving = true;
    this._saveError = null;
    this._partialSave = false;
    this._conflictNotice = null;
    this._refused = new Map();
    this._open = null;
    this._announcement = msg('Saving…', { id: 'mapper.saving' });
    let creations: CreateAppTeamsRequest['teams'] = [];
    try {
      let index = this.#index;
      let plan = savePlan(index, buildView(index, this._draft));
      if (plan.creations.length) {
        creations = plan.creations;
        const body = { teams: creations };
        this.#commit(keyFor(this._draft, 'create', body, newIdempotencyKey));
        const { created } = await this.#createTeams.mutate({ body, idempotencyKey: this._draft.keys.create!.key });
        const { create: _done, ...keys } = this._draft.keys;
        this.#commit({ ...applyCreated(this._draft, created), keys });
        for (const team of created) {
          const { fromHrTeamId, ...appTeam } = team;
          this.dispatchEvent(new HrTeamCreatedEvent({ appTeam, fromHrTeamId }));
        }
        const conflicted = this.#adoptFresh(await this.#freshDoc());
        if (conflicted.length) {
          this._conflictNotice = conflicted;
          this.#focusAfterUpdate = '#conflicts-title';
          return;
        }
        index = this.#index;
        plan = savePlan(index, buildView(index, this._draft));
      }
      const request = { body: { mappings: plan.mappings }, ifMatch: this._draft.baseVersion };
      this.#commit(keyFor(this._draft, 'save', request, newIdempotencyKey));
      const saved = await this.#saveMapping.mutate({ ...request, idempotencyKey: this._draft.keys.save!.key });
      const createdTeams = this._draft.created ?? [];
      this.#seen.add(saved);
      this.#index = buildIndex(saved);
      this.#commit(emptyDraft(saved.version));
      this._announcement = msg('Team mapping saved.', { id: 'mapper.saved' });
      this.dispatchEvent(new HrMappingSavedEvent({ mappings: saved.mappings.length, createdTeams, version: saved.version }));
    } catch (error) {
      let failure = error;
      if (isHrApiError(error) && error.isConflict) {
        try {
          this._conflictNotice = this.#adoptFresh(await this.#freshDoc());
          this.#focusAfterUpdate = '#conflicts-title';
          return;
        } catch (refetchError) {
          failure = refetchError;
        }
      }
      // A refused name is shown on its row; the general notice only for what no row can show.
      if (isHrApiError(failure) && failure.endpoint === 'createAppTeams' && failure.status === 422) {
        if (this.#showRefused(creations, failure)) failure = null;
      }
      this._saveError = failure === null ? null : failure instanceof Error ? failure : new Error(String(failure));
      this._partialSave = (this._draft?.created?.length ?? 0) > 0;
      this._announcement = '';
    } finally {
      this._saving = false;
    }
  }

  /**
   * Shows the backend's problems with the names of a createAppTeams request on their rows and
   * focuses the first one shown. false: the general notice is needed too (a problem that names no
   * new team's name, or none of those rows is shown under the current search and filter).
   */
  #showRefused(creations: CreateAppTeamsRequest['teams'], error: HrApiError): boolean {
    const { byHrTeam, unplaced } = refusedNames(creations, error.fieldErrors);
    this._refused = byHrTeam;
    const index = this.#index;
    const view = this.#currentView();
    if (!index || !view || byHrTeam.size === 0) return false;
    const first = filterRows(index, view, this.filter, this._query).find((team) => byHrTeam.has(team.id));
    if (first) this.#focusAfterUpdate = `input[part='create-name'][data-hr-team="${CSS.escape(first.id)}"]`;
    return first !== undefined && unplaced.length === 0;
  }

  /** Drops the draft: the saved mapping shows again. */
  discard(): void {
    if (!this.#index) return;
    this._open = null;
    this._saveError = null;
    this._partialSave = false;
    this._conflictNotice = null;
    this._refused = new Map();
    this.#commit(emptyDraft(this.#index.doc.version));
    this._announcement = msg('Changes discarded.', { id: 'mapper.discarded' });
  }

  readonly #onSave = () => void this.save();
  readonly #onDiscard = () => {
    if (this.dirty || (this._draft && Object.keys(this._draft.conflicts).length)) this.discard();
  };
  readonly #retryLoad = () => void this.#doc.refetch();

  // ---- render -----------------------------------------------------------------------------

  #choiceLabel(choice: Choice): string {
    if (choice === null) return '';
    if (isCreate(choice)) return msg(str`New team: ${choice.create}`, { id: 'mapper.choice.create' });
    return this.#index?.appById.get(choice)?.name ?? choice;
  }

  #theirsLabel(appTeamId: string | null): string {
    return appTeamId === null ? msg('not mapped', { id: 'mapper.conflict.none' }) : (this.#index?.appById.get(appTeamId)?.name ?? appTeamId);
  }

  #names(ids: readonly string[], limit: number): string {
    const names = ids.slice(0, limit).map((id) => this.#index?.hrById.get(id)?.name ?? id);
    if (ids.length > limit) names.push(msg(str`${formatNumber(ids.length - limit)} more`, { id: 'mapper.more' }));
    return formatList(names);
  }

  #renderOption(option: PickerOption, current: Choice): TemplateResult | string {
    if (option.kind === 'create') return msg(str`Create team “${option.name}”`, { id: 'mapper.option.create' });
    if (option.kind === 'none') return msg('Not mapped', { id: 'mapper.option.none' });
    const count = option.team.memberCount;
    const isCurrent = current === option.team.id;
    return html`<span>${option.team.name}${isCurrent ? html`<span class="visually-hidden"> ${msg('(current)', { id: 'mapper.option.current' })}</span>` : nothing}</span>
      <span class="hint">
        ${count === 1
          ? msg('1 member', { id: 'mapper.option.members.one' })
          : msg(str`${formatNumber(count)} members`, { id: 'mapper.option.members.other' })}
      </span>`;
  }

  #renderPicker(hrTeam: HrTeam, choice: Choice, open: OpenPicker | null): TemplateResult {
    const active = open?.active ?? -1;
    return html`<input
        class="input"
        part="picker"
        type="text"
        ${comboboxAria({ listbox: open ? LISTBOX_ID : undefined, expanded: open !== null, active })}
        aria-label=${msg(str`App team for ${hrTeam.name}`, { id: 'mapper.picker.label' })}
        placeholder=${msg('Not mapped', { id: 'mapper.option.none' })}
        ?readonly=${this._saving}
        data-hr-team=${hrTeam.id}
        .value=${live(open?.typed ?? this.#choiceLabel(choice))}
        @input=${this.#onPickerInput}
        @keydown=${this.#onPickerKeydown}
        @click=${this.#onPickerClick}
        @blur=${this.#onPickerBlur}
      />${open
        ? listbox({
            id: LISTBOX_ID,
            label: msg('App teams', { id: 'mapper.listbox.label' }),
            expanded: true,
            options: this.#options(hrTeam, open),
            active,
            parts: true,
            select: (option) => this.#select(hrTeam, option),
            render: (option) => this.#renderOption(option, choice),
            optionClass: (option) => (option.kind === 'team' ? undefined : 'special'),
          })
        : nothing}`;
  }

  #renderRow(hrTeam: HrTeam, choice: Choice, shared: readonly string[] | undefined, edited: boolean, theirs: string | null | undefined, open: OpenPicker | null): TemplateResult {
    const conflict = theirs !== undefined;
    const others = shared && shared.length > 1 ? shared.filter((id) => id !== hrTeam.id) : [];
    const create = isCreate(choice);
    const problem = create ? this.#problems.get(hrTeam.id) : undefined;
    return html`<tr part="row" class=${conflict ? 'conflict' : edited ? 'changed' : ''} data-hr-team=${hrTeam.id}>
      <th scope="row">${hrTeam.name}</th>
      <td>
        ${hrTeam.department ?? html`<span class="hint">${msg('Not known', { id: 'mapper.department.unknown' })}</span>`}
      </td>
      <td class="num">${formatNumber(hrTeam.employeeCount)}</td>
      <td class="picker-cell">
        <div class="picker">
          ${this.#renderPicker(hrTeam, choice, open)}
          ${create
            ? html`<label class="field">
                <span class="hint" aria-hidden="true">${msg('Name of the new app team', { id: 'mapper.createName.label' })}</span>
                <input
                  class="input"
                  part="create-name"
                  maxlength="120"
                  aria-label=${msg(str`Name of the new app team for ${hrTeam.name}`, { id: 'mapper.createName.aria' })}
                  aria-invalid=${problem ? 'true' : 'false'}
                  aria-describedby=${ifDefined(problem ? errorId(hrTeam.id) : undefined)}
                  ?readonly=${this._saving}
                  data-hr-team=${hrTeam.id}
                  .value=${live(choice.create)}
                  @input=${this.#onCreateNameInput}
                />
                ${problem ? html`<span class="field-error" id=${errorId(hrTeam.id)}>${this.#problemText(problem)}</span>` : nothing}
              </label>`
            : nothing}
          ${others.length
            ? html`<span class="hint">${msg(str`Shared with ${this.#names(others, SHARED_LIMIT)}`, { id: 'mapper.shared' })}</span>`
            : nothing}
          ${conflict
            ? html`<div class="conflict-note">
                <span>${msg(str`Someone else set this to: ${this.#theirsLabel(theirs)}. Your choice is kept.`, { id: 'mapper.conflict.row' })}</span>
                <button
                  class="button link"
                  type="button"
                  aria-disabled=${this._saving ? 'true' : 'false'}
                  data-hr-team=${hrTeam.id}
                  @click=${this.#onUseTheirs}
                >
                  ${msg('Use their choice', { id: 'mapper.conflict.useTheirs' })}
                </button>
              </div>`
            : nothing}
        </div>
      </td>
      <td class="status">${this.#renderStatus(choice, edited, conflict)}</td>
    </tr>`;
  }

  #problemText(problem: NameProblem): string {
    if (typeof problem === 'object') return problem.refused;
    switch (problem) {
      case 'blank':
        return msg('Enter a name.', { id: 'mapper.createName.required' });
      case 'taken':
        return msg('An app team with this name exists. Choose it from the list instead.', { id: 'mapper.createName.taken' });
      case 'duplicate':
        return msg('Another new app team has this name.', { id: 'mapper.createName.duplicate' });
    }
  }

  #renderStatus(choice: Choice, edited: boolean, conflict: boolean): TemplateResult {
    const badges: TemplateResult[] = [];
    if (conflict) badges.push(html`<span class="badge warning" part="badge">${msg('Conflict', { id: 'mapper.status.conflict' })}</span>`);
    if (choice === null) badges.push(html`<span class="badge danger" part="badge">${msg('Not mapped', { id: 'mapper.option.none' })}</span>`);
    else if (isCreate(choice)) badges.push(html`<span class="badge" part="badge">${msg('New team', { id: 'mapper.status.new' })}</span>`);
    else badges.push(html`<span class="badge success" part="badge">${msg('Mapped', { id: 'mapper.status.mapped' })}</span>`);
    if (edited) badges.push(html`<span class="badge" part="badge">${msg('Changed', { id: 'mapper.status.changed' })}</span>`);
    return html`${badges}`;
  }

  #renderPreview(index: MappingIndex, view: MappingView): TemplateResult {
    let title: string;
    let detail: string;
    let items: string[];
    if (this._preview === 'create') {
      const list = previewCreateForUnmapped(index, view);
      title =
        list.length === 1
          ? msg('Create 1 app team', { id: 'mapper.preview.create.title.one' })
          : msg(str`Create ${formatNumber(list.length)} app teams`, { id: 'mapper.preview.create.title.other' });
      detail = list.length
        ? msg('Each HR team without an app team gets a new app team with the same name. Nothing is created until you save.', { id: 'mapper.preview.create.detail' })
        : msg('Every HR team already has an app team.', { id: 'mapper.preview.create.nothing' });
      items = list.map(({ name }) => name);
    } else {
      const list = previewMapByName(index, view);
      title =
        list.length === 1
          ? msg('Map 1 HR team by name', { id: 'mapper.preview.byName.title.one' })
          : msg(str`Map ${formatNumber(list.length)} HR teams by name`, { id: 'mapper.preview.byName.title.other' });
      detail = list.length
        ? msg('HR teams without an app team are mapped to the app team with the same name (ignoring case and accents). Nothing is saved until you save.', {
            id: 'mapper.preview.byName.detail',
          })
        : msg('No HR team without an app team has the same name as an app team.', { id: 'mapper.preview.byName.nothing' });
      items = list.map(({ hrTeam, appTeam }) => msg(str`${hrTeam.name} → ${appTeam.name}`, { id: 'mapper.preview.pair' }));
    }
    const shown = items.slice(0, LIST_LIMIT);
    return html`<section class="notice preview" part="preview" aria-labelledby="preview-title">
      <h3 id="preview-title" tabindex="-1">${title}</h3>
      <p>${detail}</p>
      ${shown.length
        ? html`<ul>
            ${shown.map((item) => html`<li>${item}</li>`)}
            ${items.length > shown.length
              ? html`<li>${msg(str`and ${formatNumber(items.length - shown.length)} more`, { id: 'mapper.preview.more' })}</li>`
              : nothing}
          </ul>`
        : nothing}
      <div class="actions">
        ${items.length
          ? html`<button
              class="button primary"
              type="button"
              aria-disabled=${this._saving ? 'true' : 'false'}
              @click=${() => this.#applyPreview()}
            >
              ${msg('Apply', { id: 'mapper.preview.apply' })}
            </button>`
          : nothing}
        <button class="button" type="button" @click=${() => this.#closePreview()}>
          ${items.length ? msg('Cancel', { id: 'mapper.preview.cancel' }) : msg('Close', { id: 'mapper.preview.close' })}
        </button>
      </div>
    </section>`;
  }

  #renderConflicts(ids: string[]): TemplateResult {
    return html`<div class="notice warning conflicts" part="conflicts" role="alert">
      <strong id="conflicts-title" tabindex="-1">${msg('Someone else saved the team mapping in the meantime.', { id: 'mapper.conflict.title' })}</strong>
      <span>
        ${ids.length === 0
          ? msg('Their version is loaded and your changes are applied on top of it. Review them and save again.', { id: 'mapper.conflict.detail.none' })
          : ids.length === 1
            ? msg(str`Their version is loaded and your changes are applied on top of it. 1 HR team was changed differently: ${this.#names(ids, LIST_LIMIT)}. Review it and save again.`, {
                id: 'mapper.conflict.detail.one',
              })
            : msg(
                str`Their version is loaded and your changes are applied on top of it. ${formatNumber(ids.length)} HR teams were changed differently: ${this.#names(ids, LIST_LIMIT)}. Review them and save again.`,
                { id: 'mapper.conflict.detail.other' },
              )}
      </span>
    </div>`;
  }

  #renderTable(index: MappingIndex, view: MappingView, draft: MappingDraft): TemplateResult {
    const rows = filterRows(index, view, this.filter, this._query);
    const open = this._open;
    const locale = localeKey();
    const saving = this._saving;
    if (rows.length === 0) {
      return this.filter === 'unmapped' && !this._query.trim()
        ? html`<div class="notice success" part="all-mapped" role="status">${msg('Every HR team is mapped.', { id: 'mapper.allMapped' })}</div>`
        : emptyState(msg('No HR teams match the search or filter.', { id: 'mapper.noResults' }));
    }
    return html`<div class="table-wrap" part="table-wrap">
      <table part="table" aria-busy=${this._saving ? 'true' : 'false'}>
        <caption>
          ${msg(str`${formatNumber(rows.length)} of ${formatNumber(index.hrTeams.length)} HR teams shown`, { id: 'mapper.caption' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('HR team', { id: 'mapper.col.hrTeam' })}</th>
            <th scope="col">${msg('Department', { id: 'mapper.col.department' })}</th>
            <th scope="col" class="num">${msg('Employees', { id: 'mapper.col.employees' })}</th>
            <th scope="col">${msg('App team', { id: 'mapper.col.appTeam' })}</th>
            <th scope="col">${msg('Status', { id: 'mapper.col.status' })}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (team) => team.id,
            (team) => {
              const choice = view.choices.get(team.id) ?? null;
              const appId = typeof choice === 'string' ? choice : null;
              const shared = appId ? view.sharedBy.get(appId) : undefined;
              const edited = Object.prototype.hasOwnProperty.call(draft.edits, team.id);
              const theirs = Object.prototype.hasOwnProperty.call(draft.conflicts, team.id) ? draft.conflicts[team.id] : undefined;
              const rowOpen = open?.hrTeamId === team.id ? open : null;
              const problem = this.#problems.get(team.id);
              return guard([team, choice, shared, edited, theirs, rowOpen, problem, index, locale, saving], () =>
                this.#renderRow(team, choice, shared, edited, theirs, rowOpen),
              );
            },
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderContent(): TemplateResult {
    const result = this.#doc.result;
    const index = this.#index;
    const view = this.#currentView();
    const draft = this._draft;
    if (!index || !view || !draft) {
      if (result?.error) return errorState(result.error, this.#retryLoad);
      return loadingState(msg('Loading teams…', { id: 'mapper.loading' }));
    }
    if (index.hrTeams.length === 0) {
      return emptyState(
        msg('No HR teams yet', { id: 'mapper.empty.title' }),
        msg('Teams appear here after the first sync with your HR system.', { id: 'mapper.empty.detail' }),
      );
    }
    const changes = Object.keys(draft.edits).length;
    const blank = this.#hasNameProblems();
    const canSave = changes > 0 && !this._saving && !blank;
    return html`
      ${result?.error ? this.#renderStale(result.error) : nothing}
      ${this._conflictNotice ? this.#renderConflicts(this._conflictNotice) : nothing}
      <div class="toolbar" part="toolbar">
        <label class="field">
          <span>${msg('Search HR teams', { id: 'mapper.search.label' })}</span>
          <input class="input" part="search" type="search" .value=${this._query} @input=${this.#onSearch} />
        </label>
        <fieldset>
          <legend>${msg('Show', { id: 'mapper.filter.label' })}</legend>
          <label>
            <input type="radio" name="filter" value="all" .checked=${this.filter === 'all'} @change=${this.#onFilter} />
            ${msg(str`All (${formatNumber(index.hrTeams.length)})`, { id: 'mapper.filter.all' })}
          </label>
          <label>
            <input type="radio" name="filter" value="unmapped" .checked=${this.filter === 'unmapped'} @change=${this.#onFilter} />
            ${msg(str`Not mapped (${formatNumber(view.unmapped)})`, { id: 'mapper.filter.unmapped' })}
          </label>
        </fieldset>
        <div class="counts" part="counts">
          <span class="badge success">${msg(str`${formatNumber(view.mapped)} mapped`, { id: 'mapper.count.mapped' })}</span>
          <span class="badge ${view.unmapped ? 'danger' : ''}">${msg(str`${formatNumber(view.unmapped)} not mapped`, { id: 'mapper.count.unmapped' })}</span>
        </div>
        <div class="actions">
          <button
            class="button"
            part="bulk-button"
            type="button"
            data-bulk="create"
            aria-expanded=${this._preview === 'create'}
            aria-disabled=${this._saving ? 'true' : 'false'}
            @click=${() => this.#showPreview('create')}
          >
            ${msg('Create app teams for all unmapped', { id: 'mapper.bulk.create' })}
          </button>
          <button
            class="button"
            part="bulk-button"
            type="button"
            data-bulk="byName"
            aria-expanded=${this._preview === 'byName'}
            aria-disabled=${this._saving ? 'true' : 'false'}
            @click=${() => this.#showPreview('byName')}
          >
            ${msg('Map by identical name', { id: 'mapper.bulk.byName' })}
          </button>
        </div>
      </div>
      ${this._preview ? this.#renderPreview(index, view) : nothing}
      ${this.#renderTable(index, view, draft)}
      ${this._saveError || this._partialSave ? this.#renderSaveError() : nothing}
      <div class="savebar" part="savebar">
        <span>
          ${changes === 0
            ? msg('No unsaved changes', { id: 'mapper.unsaved.none' })
            : changes === 1
              ? msg('1 unsaved change', { id: 'mapper.unsaved.one' })
              : msg(str`${formatNumber(changes)} unsaved changes`, { id: 'mapper.unsaved.other' })}
          ${blank ? html`<span class="field-error">${msg('Check the names of the new app teams.', { id: 'mapper.createName.check' })}</span>` : nothing}
        </span>
        <div class="actions">
          <button
            class="button"
            part="discard-button"
            type="button"
            aria-disabled=${changes === 0 || this._saving ? 'true' : 'false'}
            @click=${this.#onDiscard}
          >
            ${msg('Discard changes', { id: 'mapper.discard' })}
          </button>
          <button class="button primary" part="save-button" type="button" aria-disabled=${canSave ? 'false' : 'true'} @click=${this.#onSave}>
            ${this._saving ? msg('Saving…', { id: 'mapper.saving' }) : msg('Save mapping', { id: 'mapper.save' })}
          </button>
        </div>
      </div>
    `;
  }

  #renderStale(error: HrApiError): TemplateResult {
    return html`<div class="notice warning" part="stale" role="alert">
      <span>${msg('The team mapping could not be refreshed; this is the last loaded version.', { id: 'mapper.stale' })}</span>
      <div class="actions">
        <button class="button" part="retry-button" type="button" @click=${this.#retryLoad}>${msg('Try again', { id: 'common.retry' })}</button>
      </div>
      <span class="hint">${describeError(error).title}</span>
    </div>`;
  }

  #renderSaveError(): TemplateResult {
    return html`${this._partialSave
      ? html`<div class="notice warning" part="partial" role="alert">
          ${msg('The new app teams were created, but the mapping was not saved yet. Save again to finish.', { id: 'mapper.partial' })}
        </div>`
      : nothing}
    ${this._saveError ? errorState(isHrApiError(this._saveError) ? this._saveError : null, this.#onSave) : nothing}`;
  }

  override render() {
    return html`<div class="layout">
      <h2 part="heading">${msg('Team mapping', { id: 'mapper.title' })}</h2>
      <p class="hint">
        ${msg('Map each team from your HR system to a team in this app. Several HR teams may share one app team.', { id: 'mapper.intro' })}
      </p>
      ${this.#renderContent()}
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    </div>`;
  }
}
