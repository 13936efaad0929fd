import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HrApiError } from '../../api/errors.js';
import type { Connection, CredentialField, Provider, SyncRun } from '../../contract/index.js';
import { MutationController, newIdempotencyKey } from '../../data/mutation-controller.js';
import { QueryController } from '../../data/query-controller.js';
import { SyncRunController } from '../../data/sync-run-controller.js';
import { ServicesController } from '../../data/services-controller.js';
import type { HrServices } from '../../data/services.js';
import { HrCancelEvent } from '../../events/hr-cancel.js';
import { HrConnectedEvent } from '../../events/hr-connected.js';
import { HrDisconnectedEvent } from '../../events/hr-disconnected.js';
import { HrNextStepEvent, type HrNextStep } from '../../events/hr-next-step.js';
import { HrStepChangeEvent } from '../../events/hr-step-change.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../localize/format.js';
import { connectionStatusBadge } from '../../ui/connection-status.js';
import { controls, tokens } from '../../styles/tokens.js';
import { describeError, emptyState, errorState, loadingState } from '../../ui/index.js';
import { styles } from './hr-connect-wizard.styles.js';
import {
  acceptedScopes,
  connectSignature,
  credentialsBody,
  isWizardStep,
  missingRequired,
  nextStep,
  previousStep,
  publicValues,
  scopeLabels,
  splitFieldErrors,
  trimCredential,
  visibleSteps,
  type WizardDraft,
  type WizardStep,
} from './wizard-model.js';

export type HrConnectWizardLayout = 'inline' | 'compact';
const layouts: readonly HrConnectWizardLayout[] = ['inline', 'compact'];

/** How often a running sync is polled, in ms. */
const SYNC_POLL_MS = 1000;

/**
 * Connects the host app to the customer's HR system, and afterwards shows the connection: last
 * sync, "Sync now", missing permissions, reconnect and disconnect.
 *
 * The flow: choose the HR system, review and accept the data the host reads, follow the
 * provider's instructions to create API credentials and enter them, then choose what to do next.
 * The client secret lives only in the element and in the one connect request; it is cleared after
 * submit. The step and the non-secret fields survive a re-mount (in the page's draft store, keyed
 * by the element's `id`), and a re-mount during the connect request joins it instead of sending
 * again.
 *
 * @summary Connect, reconnect and disconnect the HR system, with last sync and "Sync now".
 *
 * @csspart base - The element's frame.
 * @csspart steps - The step indicator (an ordered list).
 * @csspart heading - The heading of the current step or view; receives focus on step change.
 * @csspart provider-select - The HR system dropdown.
 * @csspart scopes - The list of data the host reads.
 * @csspart instructions - The provider's steps to create API credentials, beside the form.
 * @csspart form - The credentials form.
 * @csspart field - One credential field (label, input, help, error).
 * @csspart input - A credential input.
 * @csspart toggle - The show/hide button of a secret field.
 * @csspart field-error - A field's error message.
 * @csspart form-error - The error summary of the credentials form.
 * @csspart actions - A row of buttons.
 * @csspart next-steps - The list of next steps after connecting.
 * @csspart connection - The connection view.
 * @csspart sync-progress - The sync progress and its live region.
 * @csspart confirm - The inline disconnect confirmation.
 * @csspart loading - The loading state.
 * @csspart error - A load error with retry.
 * @csspart empty - No HR systems available.
 * @csspart retry-button - The retry button of a load error.
 *
 * @cssprop [--hr-connect-wizard-max-inline-size=56rem] - Widest the element grows.
 * @cssprop [--hr-connect-wizard-accent=var(--hr-color-primary)] - Colour of the current step and the progress bar.
 * @cssprop [--hr-connect-wizard-instructions-background=var(--hr-color-surface-raised)] - Background of the provider's instructions.
 *
 * @event hr-step-change - Before the step changes; cancelable. Detail `HrStepChangeDetail` `{ from, to }`.
 * @event hr-connected - The HR system was connected. Detail `HrConnectedDetail` `{ providerId, providerName, status }` (never credentials).
 * @event hr-disconnected - The admin confirmed and the HR system was disconnected. Detail `HrDisconnectedDetail` `{ providerId, providerName }`.
 * @event hr-cancel - The admin left the flow. Detail `HrCancelDetail` `{ step }`.
 * @event hr-next-step - The admin chose what to do after connecting. Detail `HrNextStepDetail` `{ step: 'map-teams' | 'link-users' | 'invite' }`.
 * @event hr-auth-required - A request was refused with 401/403. Detail `HrAuthRequiredDetail` `{ status, endpoint }`.
 */
@localized()
export class HrConnectWizard extends LitElement {
  static override styles = [tokens, controls, styles];

  readonly #services = new ServicesController(this);
  readonly #connection = new QueryController(this, () => ({ endpoint: 'getConnection' }), this.#services);
  readonly #providers = new QueryController(this, () => ({ endpoint: 'listProviders' }), this.#services);
  readonly #sync = new SyncRunController(this, this.#services, { pollMs: SYNC_POLL_MS, lastSync: () => this.#connection?.data?.lastSync });
  readonly #connect = new MutationController(this, 'connect', this.#services, { sensitive: true });
  readonly #disconnect = new MutationController(this, 'disconnect', this.#services);

  /**
   * Preselects the HR system by its id (e.g. `personio`) and skips the choice. Ignored when the
   * backend does not offer that provider.
   */
  @property({ reflect: true }) provider: string | null = null;

  /** `inline` (instructions beside the form) or `compact` (stacked, tighter spacing). */
  @property({ reflect: true }) layout: HrConnectWizardLayout = 'inline';

  @state() private _step: WizardStep = 'provider';
  @state() private _providerId: string | null = null;
  /** Values of the non-secret fields (the client id). */
  @state() private _values: Record<string, string> = {};
  @state() private _consented = false;
  @state() private _consentError = false;
  @state() private _declinedScopes = new Set<string>();
  @state() private _reconnect = false;
  @state() private _submitting = false;
  @state() private _connectError: HrApiError | null = null;
  @state() private _fieldErrors: Record<string, string> = {};
  @state() private _secretVisible = new Set<string>();
  @state() private _connected: Connection | null = null;
  @state() private _confirmingDisconnect = false;
  @state() private _disconnectError: HrApiError | null = null;

  /** Secret field values: only here and in the one connect request. Never state, never a draft. */
  readonly #secrets = new Map<string, string>();
  #idempotencyKey: string | null = null;
  #keyFor: string | null = null;
  #restored = false;
  #warnedProvider = false;
  #focusAfterUpdate: string | null = null;
  /** After a disconnect: focus the first step's heading once the backend reports it. */
  #focusWhenDisconnected = false;

  get #draftKey(): string {
    return `hr-connect-wizard:${this.id || 'default'}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#restoreDraft();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clearSecrets();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && !layouts.includes(this.layout)) {
      console.warn(`<hr-connect-wizard>: layout="${this.layout}" is not one of ${layouts.join(', ')}; using inline.`);
    }
    if (this.#focusWhenDisconnected && this.#connection.data?.status === 'disconnected') {
      this.#focusWhenDisconnected = false;
      this.#focusAfterUpdate = '[part~="heading"]';
    }
    const providers = this.#providers.data?.items;
    if (providers?.length && this._step === 'provider' && !this._reconnect) {
      const preselected = this.#preselected(providers);
      if (preselected) {
        this._providerId = preselected.id;
        this._step = 'consent';
      } else {
        if (this.provider && !this.#warnedProvider) {
          this.#warnedProvider = true;
          console.warn(`<hr-connect-wizard>: provider="${this.provider}" is not offered by the backend (${providers.map((p) => p.id).join(', ')}).`);
        }
        if (!providers.some((p) => p.id === this._providerId)) this._providerId = providers[0]?.id ?? null;
      }
    }
  }

  protected override updated(): void {
    if (this.#focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate);
      this.#focusAfterUpdate = null;
      target?.focus();
    }
  }

  #preselected(providers: readonly Provider[]): Provider | undefined {
    return this.provider ? providers.find((p) => p.id === this.provider) : undefined;
  }

  get #skipProvider(): boolean {
    return this._reconnect || Boolean(this.#preselected(this.#providers.data?.items ?? []));
  }

  get #currentProvider(): Provider | undefined {
    return this.#providers.data?.items.find((p) => p.id === this._providerId);
  }

  // --- drafts --------------------------------------------------------------------------------

  #draft(): WizardDraft {
    const fields = this.#currentProvider?.credentialFields ?? [];
    return {
      step: this._step,
      providerId: this._providerId,
      values: fields.length ? publicValues(fields, this._values) : { ...this._values },
      consented: this._consented,
      declinedScopes: [...this._declinedScopes],
      idempotencyKey: this.#idempotencyKey,
      keyFor: this.#keyFor,
      submitting: this._submitting,
      reconnect: this._reconnect,
    };
  }

  #saveDraft(patch: Partial<WizardDraft> = {}, services: HrServices = this.#services.value, key = this.#draftKey): void {
    services.drafts.set<WizardDraft>(key, { ...this.#draft(), ...patch });
  }

  #restoreDraft(): void {
    if (this.#restored) return;
    this.#restored = true;
    const services = this.#services.value;
    const draft = services.drafts.get<WizardDraft>(this.#draftKey);
    if (!draft || !isWizardStep(draft.step)) return;
    this._step = draft.step;
    this._providerId = draft.providerId;
    this._values = { ...draft.values };
    this._consented = draft.consented;
    this._declinedScopes = new Set(draft.declinedScopes);
    this._reconnect = draft.reconnect;
    this.#idempotencyKey = draft.idempotencyKey;
    this.#keyFor = draft.keyFor ?? null;
    const pending = draft.submitting && draft.idempotencyKey ? this.#connect.pending(draft.idempotencyKey) : undefined;
    if (pending) {
      this._submitting = true;
      this.#track(pending, draft.idempotencyKey as string, draft.providerId ?? '');
    }
  }

  // --- navigation ----------------------------------------------------------------------------

  /** Fires the cancelable `hr-step-change`; on consent changes the step and focuses its heading. */
  #goTo(to: WizardStep, from: WizardStep | null = this._step): boolean {
    const event = new HrStepChangeEvent({ from, to });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    this._step = to;
    this.#focusAfterUpdate = '[part~="heading"]';
    this.#saveDraft();
    return true;
  }

  #onContinue(): void {
    if (this._step === 'consent' && !this._consented) {
      this._consentError = true;
      this.#focusAfterUpdate = '#consent';
      return;
    }
    const to = nextStep(this._step, this.#skipProvider);
    if (to && to !== 'success') this.#goTo(to);
  }

  #onBack(): void {
    const to = previousStep(this._step, this.#skipProvider);
    if (to) this.#goTo(to);
  }

  #onCancel(): void {
    const step = this._step;
    this.dispatchEvent(new HrCancelEvent({ step }));
    this.#resetFlow();
  }

  #resetFlow(): void {
    this.#clearSecrets();
    this._values = {};
    this._consented = false;
    this._consentError = false;
    this._declinedScopes = new Set();
    this._connectError = null;
    this._fieldErrors = {};
    this._reconnect = false;
    this.#idempotencyKey = null;
    const preselected = this.#preselected(this.#providers.data?.items ?? []);
    this._step = preselected ? 'consent' : 'provider';
    this.#services.value.drafts.delete(this.#draftKey);
    this.#focusAfterUpdate = '[part~="heading"]';
  }

  #startReconnect(connection: Connection): void {
    const event = new HrStepChangeEvent({ from: null, to: 'consent' });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this._reconnect = true;
    this._providerId = connection.providerId;
    this._consented = false;
    this._step = 'consent';
    this._confirmingDisconnect = false;
    this.#focusAfterUpdate = '[part~="heading"]';
    this.#saveDraft();
  }

  // --- input ---------------------------------------------------------------------------------

  #onProviderChange(event: Event): void {
    this._providerId = (event.target as HTMLSelectElement).value;
    this._values = {};
    this.#saveDraft();
  }

  #onConsentChange(event: Event): void {
    this._consented = (event.target as HTMLInputElement).checked;
    if (this._consented) this._consentError = false;
    this.#saveDraft();
  }

  #onScopeToggle(id: string, event: Event): void {
    const declined = new Set(this._declinedScopes);
    if ((event.target as HTMLInputElement).checked) declined.delete(id);
    else declined.add(id);
    this._declinedScopes = declined;
    this.#saveDraft();
  }

  #onFieldInput(field: CredentialField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (field.kind === 'secret') {
      this.#secrets.set(field.name, value);
    } else {
      this._values = { ...this._values, [field.name]: value };
      this.#saveDraft();
    }
    if (this._fieldErrors[field.name]) {
      const { [field.name]: _cleared, ...rest } = this._fieldErrors;
      this._fieldErrors = rest;
    }
  }

  /** Pasted credentials lose the whitespace that copying adds. */
  #onFieldChange(field: CredentialField, event: Event): void {
    const input = event.target as HTMLInputElement;
    const trimmed = trimCredential(input.value);
    if (trimmed === input.value) return;
    input.value = trimmed;
    this.#onFieldInput(field, event);
  }

  #toggleSecret(name: string): void {
    const visible = new Set(this._secretVisible);
    if (visible.has(name)) visible.delete(name);
    else visible.add(name);
    this._secretVisible = visible;
  }

  #clearSecrets(): void {
    this.#secrets.clear();
    this._secretVisible = new Set();
    for (const input of this.renderRoot?.querySelectorAll<HTMLInputElement>('input[data-secret]') ?? []) input.value = '';
  }

  // --- connect -------------------------------------------------------------------------------

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this._submitting) return;
    const provider = this.#currentProvider;
    if (!provider) return;
    const fields = provider.credentialFields;
    const values = { ...this._values, ...Object.fromEntries(this.#secrets) };
    const missing = missingRequired(fields, values);
    if (missing.length) {
      this._connectError = null;
      this._fieldErrors = Object.fromEntries(
        missing.map((name) => {
          const label = fields.find((f) => f.name === name)?.label ?? name;
          return [name, msg(str`Enter the ${label}.`, { id: 'wizard.field.required' })];
        }),
      );
      this.#focusAfterUpdate = `#field-${missing[0]}`;
      return;
    }
    const body = { providerId: provider.id, credentials: credentialsBody(fields, values), acceptedScopes: acceptedScopes(provider, this._declinedScopes) };
    const signature = connectSignature(provider.id, fields, body.credentials, body.acceptedScopes);
    if (!this.#idempotencyKey || this.#keyFor !== signature) {
      this.#idempotencyKey = newIdempotencyKey();
      this.#keyFor = signature;
    }
    const key = this.#idempotencyKey;
    this.#clearSecrets();
    this._connectError = null;
    this._fieldErrors = {};
    this._submitting = true;
    this.#saveDraft({ submitting: true, idempotencyKey: key, keyFor: signature });
    this.#track(this.#connect.mutate({ body, idempotencyKey: key }), key, provider.id);
  }

  /** Follows a connect request, from this element or (after a re-mount) from an earlier one. */
  #track(request: Promise<Connection>, key: string, providerId: string): void {
    const services = this.#services.value;
    const draftKey = this.#draftKey;
    request.then(
      (connection) => {
        const draft = services.drafts.get<WizardDraft>(draftKey);
        services.drafts.set<WizardDraft>(draftKey, {
          ...(draft ?? this.#draft()),
          step: 'success',
          values: {},
          idempotencyKey: null,
          submitting: false,
          reconnect: false,
        });
        if (!this.isConnected) return;
        this._submitting = false;
        this.#idempotencyKey = null;
        this._values = {};
        this._reconnect = false;
        this._connected = connection;
        this.#goTo('success', 'credentials');
        const name = connection.providerName ?? this.#providers.data?.items.find((p) => p.id === providerId)?.name ?? providerId;
        this.dispatchEvent(new HrConnectedEvent({ providerId: connection.providerId ?? providerId, providerName: name, status: connection.status }));
      },
      (error: HrApiError) => {
        // Retrying the same input is the same write, so it keeps its key: the first attempt may have
        // been applied (lost or unreadable answer, still in progress). A refusal of the input itself
        // needs new input and a new key.
        const refused = error.kind === 'http' && (error.status === 400 || error.status === 422 || (error.status === 409 && error.code !== 'request_in_progress'));
        const keep = refused ? null : key;
        const draft = services.drafts.get<WizardDraft>(draftKey);
        if (draft) services.drafts.set<WizardDraft>(draftKey, { ...draft, submitting: false, idempotencyKey: keep });
        if (!this.isConnected) return;
        this._submitting = false;
        this.#idempotencyKey = keep;
        this._connectError = error;
        const fields = this.#currentProvider?.credentialFields ?? [];
        this._fieldErrors = splitFieldErrors(error.fieldErrors, fields).byField;
        const first = fields.find((f) => this._fieldErrors[f.name]);
        this.#focusAfterUpdate = first ? `#field-${first.name}` : '[part~="form-error"]';
      },
    );
  }

  // --- connection view -----------------------------------------------------------------------

  #onDone(): void {
    this._connected = null;
    this._step = this.#preselected(this.#providers.data?.items ?? []) ? 'consent' : 'provider';
    this._consented = false;
    this._declinedScopes = new Set();
    this.#services.value.drafts.delete(this.#draftKey);
    this.#focusAfterUpdate = '[part~="heading"]';
  }

  #onNextStep(step: HrNextStep): void {
    this.dispatchEvent(new HrNextStepEvent({ step }));
  }

  #syncNow(): void {
    this.#sync.start().catch(() => {
      // shown from the controller's error
    });
  }

  #openDisconnect(): void {
    this._confirmingDisconnect = true;
    this._disconnectError = null;
    this.#focusAfterUpdate = '#confirm-heading';
  }

  #closeDisconnect(): void {
    this._confirmingDisconnect = false;
    this.#focusAfterUpdate = '#disconnect';
  }

  #onConfirmKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this.#disconnect.isPending) {
      event.stopPropagation();
      this.#closeDisconnect();
    }
  }

  #confirmDisconnect(connection: Connection): void {
    if (this.#disconnect.isPending) return;
    this._disconnectError = null;
    this.#disconnect.mutate({}).then(
      () => {
        this._confirmingDisconnect = false;
        this.#sync.forget();
        this.#resetFlow();
        this.#focusAfterUpdate = null;
        this.#focusWhenDisconnected = true;
        this.dispatchEvent(new HrDisconnectedEvent({ providerId: connection.providerId, providerName: connection.providerName }));
      },
      (error: HrApiError) => {
        this._disconnectError = error;
      },
    );
  }

  /** Reloads the connection and the providers, e.g. after the host restored a session. */
  refresh(): Promise<unknown> {
    return Promise.all([this.#connection.refetch(), this.#providers.refetch()]);
  }

  // --- render --------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class="base" part="base">${this.#renderBody()}</div>`;
  }

  #renderBody(): TemplateResult {
    const connection = this.#connection.result;
    if (!connection || connection.isPending) return loadingState();
    if (!connection.data) return errorState(connection.error, () => void this.#connection.refetch());
    if (this._step === 'success') return this.#renderSuccess();
    if (connection.data.status !== 'disconnected' && !this._reconnect) {
      // The providers name the missing permissions; without them (partial) the ids stand in.
      if (this.#providers.result?.isPending) return loadingState();
      return this.#renderConnection(connection.data);
    }
    return this.#renderFlow();
  }

  #renderFlow(): TemplateResult {
    const providers = this.#providers.result;
    if (!providers || providers.isPending) return loadingState();
    if (!providers.data) return errorState(providers.error, () => void this.#providers.refetch());
    if (!providers.data.items.length) {
      return emptyState(
        msg('No HR systems are available to connect.', { id: 'wizard.empty.title' }),
        msg('Ask your account manager which HR systems your plan includes.', { id: 'wizard.empty.detail' }),
      );
    }
    const provider = this.#currentProvider;
    const step = this._step === 'provider' || !provider ? 'provider' : this._step;
    return html`
      ${this.#renderStepIndicator(step)}
      ${step === 'provider' ? this.#renderProviderStep(providers.data.items) : nothing}
      ${step === 'consent' && provider ? this.#renderConsentStep(provider) : nothing}
      ${step === 'credentials' && provider ? this.#renderCredentialsStep(provider) : nothing}
    `;
  }

  #stepLabel(step: WizardStep): string {
    switch (step) {
      case 'provider':
        return msg('Choose HR system', { id: 'wizard.steps.provider' });
      case 'consent':
        return msg('Review data access', { id: 'wizard.steps.consent' });
      case 'credentials':
        return msg('Enter credentials', { id: 'wizard.steps.credentials' });
      case 'success':
        return msg('Done', { id: 'wizard.steps.success' });
    }
  }

  #renderStepIndicator(current: WizardStep): TemplateResult {
    const steps = visibleSteps(this.#skipProvider);
    const index = steps.indexOf(current);
    const label = this._reconnect ? msg('Reconnect steps', { id: 'wizard.steps.reconnectLabel' }) : msg('Setup steps', { id: 'wizard.steps.label' });
    return html`<ol class="steps" part="steps" aria-label=${label}>
      ${steps.map(
        (step, i) =>
          html`<li class=${i < index ? 'done' : ''} aria-current=${i === index ? 'step' : nothing}>
            ${this.#stepLabel(step)}${i < index ? html`<span class="visually-hidden"> ${msg('(completed)', { id: 'wizard.steps.completed' })}</span>` : nothing}
          </li>`,
      )}
    </ol>`;
  }

  #renderHeading(text: string): TemplateResult {
    return html`<h2 part="heading" tabindex="-1">${text}</h2>`;
  }

  #renderNav(options: { back: boolean; primary: TemplateResult }): TemplateResult {
    return html`<div class="actions footer" part="actions">
      <button class="button link spacer" type="button" @click=${this.#onCancel}>${msg('Cancel', { id: 'wizard.cancel' })}</button>
      ${options.back ? html`<button class="button" type="button" @click=${this.#onBack}>${msg('Back', { id: 'wizard.back' })}</button>` : nothing}
      ${options.primary}
    </div>`;
  }

  #renderProviderStep(providers: readonly Provider[]): TemplateResult {
    return html`<section class="step">
      ${this.#renderHeading(msg('Connect your HR system', { id: 'wizard.provider.heading' }))}
      <p>${msg('Employees, teams and absences will sync from your HR system, so you do not have to maintain them twice.', { id: 'wizard.provider.intro' })}</p>
      <div class="field">
        <label for="provider">${msg('HR system', { id: 'wizard.provider.label' })}</label>
        <select id="provider" class="input" part="provider-select" @change=${this.#onProviderChange}>
          ${providers.map((p) => html`<option value=${p.id} ?selected=${p.id === this._providerId}>${p.name}</option>`)}
        </select>
      </div>
      ${this.#renderNav({
        back: false,
        primary: html`<button class="button primary" type="button" @click=${this.#onContinue}>${msg('Continue', { id: 'wizard.continue' })}</button>`,
      })}
    </section>`;
  }

  #renderConsentStep(provider: Provider): TemplateResult {
    const name = provider.name;
    return html`<section class="step">
      ${this.#renderHeading(
        this._reconnect ? msg(str`Reconnect ${name}`, { id: 'wizard.consent.reconnectHeading' }) : msg(str`Data this app reads from ${name}`, { id: 'wizard.consent.heading' }),
      )}
      <p>${msg('The app only reads this data. It never changes anything in your HR system.', { id: 'wizard.consent.intro' })}</p>
      <ul class="scopes" part="scopes">
        ${provider.scopes.map(
          (scope) => html`<li class="scope">
            ${scope.required
              ? html`<span class="badge" id=${`scope-${scope.id}`}>${msg('Required', { id: 'wizard.consent.required' })}</span><strong>${scope.label}</strong>`
              : html`<input
                    type="checkbox"
                    id=${`scope-${scope.id}`}
                    .checked=${!this._declinedScopes.has(scope.id)}
                    @change=${(e: Event) => this.#onScopeToggle(scope.id, e)}
                  /><label for=${`scope-${scope.id}`}><strong>${scope.label}</strong> <span class="hint">${msg('(optional)', { id: 'wizard.consent.optional' })}</span></label>`}
            <span class="purpose">${scope.purpose}</span>
          </li>`,
        )}
      </ul>
      <div class="field">
        <div class="check">
          <input
            type="checkbox"
            id="consent"
            .checked=${this._consented}
            aria-invalid=${this._consentError ? 'true' : 'false'}
            aria-describedby=${this._consentError ? 'consent-error' : nothing}
            @change=${this.#onConsentChange}
          />
          <label for="consent">${msg(str`I agree that this app reads the data above from ${name}.`, { id: 'wizard.consent.agree' })}</label>
        </div>
        ${this._consentError
          ? html`<span class="field-error" id="consent-error" part="field-error" role="alert">${msg('Agree to the data access to continue.', { id: 'wizard.consent.error' })}</span>`
          : nothing}
      </div>
      ${this.#renderNav({
        back: previousStep('consent', this.#skipProvider) !== null,
        primary: html`<button class="button primary" type="button" @click=${this.#onContinue}>${msg('Continue', { id: 'wizard.continue' })}</button>`,
      })}
    </section>`;
  }

  #renderCredentialsStep(provider: Provider): TemplateResult {
    const name = provider.name;
    return html`<section class="step">
      ${this.#renderHeading(msg(str`Connect ${name} with API credentials`, { id: 'wizard.credentials.heading' }))}
      <div class="columns">
        <aside class="instructions" part="instructions" aria-labelledby="instructions-heading">
          <h3 id="instructions-heading">${msg(str`Create API credentials in ${name}`, { id: 'wizard.instructions.heading' })}</h3>
          <ol>
            ${provider.setupSteps.map((text) => html`<li dir="auto">${text}</li>`)}
          </ol>
          ${provider.docsUrl
            ? html`<p>
                <a href=${provider.docsUrl} target="_blank" rel="noopener noreferrer"
                  >${msg(str`${name} documentation`, { id: 'wizard.instructions.docs' })}<span class="visually-hidden">
                    ${msg('(opens in a new tab)', { id: 'wizard.newTab' })}</span
                  ></a
                >
              </p>`
            : nothing}
        </aside>
        <form part="form" novalidate aria-busy=${this._submitting ? 'true' : 'false'} @submit=${this.#onSubmit}>
          ${this.#renderFormError(provider)} ${provider.credentialFields.map((field) => this.#renderField(field))}
          <div role="status" class="hint">${this._submitting ? msg('Setting up the integration…', { id: 'wizard.credentials.submitting' }) : ''}</div>
          ${this.#renderNav({
            back: true,
            primary: html`<button class="button primary" type="submit" aria-disabled=${this._submitting ? 'true' : 'false'}>
              ${msg('Set up integration', { id: 'wizard.credentials.submit' })}
            </button>`,
          })}
        </form>
      </div>
    </section>`;
  }

  #renderField(field: CredentialField): TemplateResult {
    const id = `field-${field.name}`;
    const error = this._fieldErrors[field.name];
    const describedBy = [field.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const secret = field.kind === 'secret';
    const visible = this._secretVisible.has(field.name);
    const input = html`<input
      id=${id}
      class="input"
      part="input"
      name=${field.name}
      type=${secret && !visible ? 'password' : 'text'}
      autocomplete=${secret ? 'new-password' : 'off'}
      spellcheck="false"
      autocapitalize="off"
      ?required=${field.required}
      aria-required=${field.required ? 'true' : 'false'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      ?data-secret=${secret}
      .value=${secret ? (this.#secrets.get(field.name) ?? '') : (this._values[field.name] ?? '')}
      @input=${(e: Event) => this.#onFieldInput(field, e)}
      @change=${(e: Event) => this.#onFieldChange(field, e)}
    />`;
    return html`<div class="field" part="field">
      <label for=${id}>${field.label}</label>
      ${secret
        ? html`<div class="secret">
            ${input}
            <button class="button" type="button" part="toggle" aria-controls=${id} aria-pressed=${visible ? 'true' : 'false'} @click=${() => this.#toggleSecret(field.name)}>
              ${msg('Show', { id: 'wizard.field.show' })}<span class="visually-hidden"> ${field.label}</span>
            </button>
          </div>`
        : input}
      ${field.help ? html`<span class="hint" id=${`${id}-help`}>${field.help}</span>` : nothing}
      ${error ? html`<span class="field-error" part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  #renderFormError(provider: Provider): TemplateResult | typeof nothing {
    const error = this._connectError;
    const local = Object.keys(this._fieldErrors).length > 0 && !error;
    if (!error && !local) return nothing;
    const again = provider.credentialFields.some((f) => f.kind === 'secret')
      ? html`<span>${msg('For your security the secret was cleared: enter it again to retry.', { id: 'wizard.error.secretCleared' })}</span>`
      : nothing;
    let body: TemplateResult;
    if (!error) {
      body = html`<strong>${msg('Fill in the highlighted fields.', { id: 'wizard.error.fields' })}</strong>`;
    } else if (error.code === 'missing_scopes') {
      const missing = scopeLabels(error.problem?.missingScopes ?? [], provider.scopes);
      body = html`<strong>${msg(str`The credentials lack permissions in ${provider.name}.`, { id: 'wizard.error.missingScopes' })}</strong>
        <span>${msg(str`In ${provider.name}, allow these on the credentials, then try again:`, { id: 'wizard.error.missingScopes.detail' })}</span>
        <ul>
          ${missing.map((label) => html`<li>${label}</li>`)}
        </ul>
        ${again}`;
    } else if (error.code === 'invalid_credentials' || Object.keys(this._fieldErrors).length > 0) {
      // Only a refusal of the credentials themselves reads as one; other 422s (an unknown provider
      // or scope) fall through to the general description with the backend's detail.
      const { general } = splitFieldErrors(error.fieldErrors, provider.credentialFields);
      body = html`<strong>${msg(str`${provider.name} did not accept these credentials.`, { id: 'wizard.error.credentials' })}</strong>
        ${error.problem?.detail ? html`<span>${error.problem.detail}</span>` : nothing}
        ${general.length ? html`<ul>${general.map((text) => html`<li>${text}</li>`)}</ul>` : nothing} ${again}`;
    } else {
      const { title, detail } = describeError(error);
      const { general } = splitFieldErrors(error.fieldErrors, provider.credentialFields);
      body = html`<strong>${title}</strong>${general.length
          ? html`<ul>${general.map((text) => html`<li>${text}</li>`)}</ul>`
          : detail
            ? html`<span>${detail}</span>`
            : nothing} ${again}`;
    }
    return html`<div class="notice error" part="form-error" role="alert" tabindex="-1">${body}</div>`;
  }

  #renderSuccess(): TemplateResult {
    const connection = this._connected ?? this.#connection.data;
    const name = connection?.providerName ?? this.#currentProvider?.name ?? '';
    const next: [HrNextStep, string, string][] = [
      ['map-teams', msg('Map teams', { id: 'wizard.next.mapTeams' }), msg('Choose the app team for each HR team.', { id: 'wizard.next.mapTeams.detail' })],
      ['link-users', msg('Link existing users', { id: 'wizard.next.linkUsers' }), msg('Match the users you already have to their employees.', { id: 'wizard.next.linkUsers.detail' })],
      ['invite', msg('Invite employees', { id: 'wizard.next.invite' }), msg('Invite employees who have no user yet. Nobody is invited automatically.', { id: 'wizard.next.invite.detail' })],
    ];
    return html`${this.#renderStepIndicator('success')}
      <section class="step">
        ${this.#renderHeading(msg(str`${name} is connected`, { id: 'wizard.success.heading' }))}
        <p>${msg('Employees and teams now sync from your HR system. The first sync runs in the background and can take a few minutes.', { id: 'wizard.success.intro' })}</p>
        <h3>${msg('Next steps', { id: 'wizard.success.next' })}</h3>
        <ul class="next-steps" part="next-steps">
          ${next.map(
            ([step, label, detail]) => html`<li>
              <span>${detail}</span>
              <button class="button" type="button" @click=${() => this.#onNextStep(step)}>${label}</button>
            </li>`,
          )}
        </ul>
        <div class="actions footer" part="actions">
          <button class="button primary" type="button" @click=${this.#onDone}>${msg('Show connection', { id: 'wizard.success.done' })}</button>
        </div>
      </section>`;
  }

  #syncResult(run: SyncRun): string {
    switch (run.status) {
      case 'running':
        return msg('Running', { id: 'wizard.sync.running' });
      case 'succeeded':
        return msg('Succeeded', { id: 'wizard.sync.succeeded' });
      case 'partial':
        return msg(str`Partly succeeded: ${formatNumber(run.failed)} failed`, { id: 'wizard.sync.partial' });
      case 'failed':
        return msg('Failed', { id: 'wizard.sync.failed' });
    }
  }

  #renderConnection(connection: Connection): TemplateResult {
    const name = connection.providerName ?? connection.providerId ?? '';
    const provider = this.#providers.data?.items.find((p) => p.id === connection.providerId);
    const run = this.#sync.run ?? connection.lastSync;
    const running = this.#sync.running;
    const missing = scopeLabels(connection.missingScopes, provider?.scopes);
    return html`<section class="step" part="connection">
      <div class="title-row">${this.#renderHeading(msg(str`HR system: ${name}`, { id: 'wizard.connection.heading' }))} ${connectionStatusBadge(connection.status)}</div>
      ${connection.status === 'needs_reauth' || connection.status === 'error'
        ? html`<div class="notice ${connection.status === 'error' ? 'error' : 'warning'}">
            <strong
              >${connection.status === 'needs_reauth'
                ? msg(str`${name} no longer accepts the credentials. Reconnect to keep employee data up to date.`, { id: 'wizard.connection.needsReauth' })
                : msg(str`The connection to ${name} has a problem.`, { id: 'wizard.connection.error' })}</strong
            >
            ${connection.statusDetail ? html`<span>${connection.statusDetail}</span>` : nothing}
          </div>`
        : nothing}
      <dl class="facts">
        ${connection.connectedAt
          ? html`<dt>${msg('Connected since', { id: 'wizard.connection.since' })}</dt>
              <dd>${formatDate(connection.connectedAt)}</dd>`
          : nothing}
        <dt>${msg('Last sync', { id: 'wizard.connection.lastSync' })}</dt>
        <dd>
          ${run
            ? html`${formatDateTime(run.finishedAt ?? run.startedAt)} · ${this.#syncResult(run)}
                ${run.status !== 'running'
                  ? html`<span class="hint"
                      >${msg(str`Employees: ${formatNumber(run.employeesSeen)} · new: ${formatNumber(run.created)} · updated: ${formatNumber(run.updated)} · deactivated: ${formatNumber(run.deactivated)}`, {
                        id: 'wizard.sync.counts',
                      })}</span
                    >`
                  : nothing}`
            : msg('Not synced yet', { id: 'wizard.connection.neverSynced' })}
        </dd>
        ${connection.nextSyncAt
          ? html`<dt>${msg('Next sync', { id: 'wizard.connection.nextSync' })}</dt>
              <dd>${formatDateTime(connection.nextSyncAt)}</dd>`
          : nothing}
      </dl>
      ${run && run.status !== 'running' && run.errors.length
        ? html`<div class="notice warning">
            <strong>${msg('Some employees could not be synced:', { id: 'wizard.sync.errors' })}</strong>
            <ul>
              ${run.errors.map((e) => html`<li>${e.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${missing.length
        ? html`<div class="notice warning">
            <strong>${msg(str`Missing permissions in ${name}:`, { id: 'wizard.connection.missingScopes' })}</strong>
            <ul>
              ${missing.map((label) => html`<li>${label}</li>`)}
            </ul>
            <span>${msg('The data they cover does not sync. Allow them on the credentials, then reconnect.', { id: 'wizard.connection.missingScopes.detail' })}</span>
          </div>`
        : nothing}
      <div class="progress" part="sync-progress">
        ${run?.status === 'running'
          ? run.progress == null
            ? html`<progress aria-label=${msg('Sync progress', { id: 'wizard.sync.progressLabel' })}></progress>`
            : html`<progress max="100" .value=${run.progress} aria-label=${msg('Sync progress', { id: 'wizard.sync.progressLabel' })}></progress>`
          : nothing}
        <div role="status" class="hint">${this.#syncAnnouncement(run, running)}</div>
      </div>
      ${this.#sync.error ? errorState(this.#sync.error, () => this.#syncNow()) : nothing}
      <div class="actions" part="actions">
        <button class="button primary" type="button" aria-disabled=${running ? 'true' : 'false'} @click=${this.#syncNow}>
          ${running ? msg('Syncing…', { id: 'wizard.sync.syncing' }) : msg('Sync now', { id: 'wizard.sync.now' })}
        </button>
        ${connection.status === 'needs_reauth' || missing.length
          ? html`<button class="button" type="button" @click=${() => this.#startReconnect(connection)}>${msg('Reconnect', { id: 'wizard.connection.reconnect' })}</button>`
          : nothing}
        <button
          class="button danger"
          id="disconnect"
          type="button"
          aria-expanded=${this._confirmingDisconnect ? 'true' : 'false'}
          aria-controls="confirm"
          @click=${this.#openDisconnect}
        >
          ${msg('Disconnect', { id: 'wizard.disconnect' })}
        </button>
      </div>
      ${this._confirmingDisconnect ? this.#renderConfirm(connection, name) : nothing}
    </section>`;
  }

  #syncAnnouncement(run: SyncRun | null, running: boolean): string {
    if (running && run?.status === 'running') {
      return run.progress != null
        ? msg(str`Sync running: ${formatPercent(run.progress)}`, { id: 'wizard.sync.progress' })
        : msg('Sync running…', { id: 'wizard.sync.progressUnknown' });
    }
    if (running) return msg('Starting sync…', { id: 'wizard.sync.starting' });
    if (run && run.id === this.#sync.startedId) return msg(str`Sync finished: ${this.#syncResult(run)}.`, { id: 'wizard.sync.finished' });
    return '';
  }

  #renderConfirm(connection: Connection, name: string): TemplateResult {
    const pending = this.#disconnect.isPending;
    return html`<div class="confirm" id="confirm" part="confirm" role="group" aria-labelledby="confirm-heading" @keydown=${this.#onConfirmKeydown}>
      <h3 id="confirm-heading" tabindex="-1">${msg(str`Disconnect ${name}?`, { id: 'wizard.disconnect.heading' })}</h3>
      <ul>
        <li>${msg('Employee data stops syncing: new hires, team changes and last working days no longer reach this app.', { id: 'wizard.disconnect.sync' })}</li>
        <li>${msg('Users keep their accounts and their access. Nobody is deactivated or deleted, and automatic deactivation on the last working day stops.', { id: 'wizard.disconnect.users' })}</li>
        <li>${msg('Team mappings and the links between users and employees are kept, so reconnecting later picks up where you left off.', { id: 'wizard.disconnect.links' })}</li>
        <li>${msg(str`The credentials are deleted from this app. Revoke them in ${name} too if you no longer need them.`, { id: 'wizard.disconnect.credentials' })}</li>
      </ul>
      ${this._disconnectError ? errorState(this._disconnectError) : nothing}
      <div class="actions" part="actions">
        <button class="button danger-solid" type="button" aria-disabled=${pending ? 'true' : 'false'} @click=${() => this.#confirmDisconnect(connection)}>
          ${pending ? msg('Disconnecting…', { id: 'wizard.disconnect.pending' }) : msg(str`Disconnect ${name}`, { id: 'wizard.disconnect.confirm' })}
        </button>
        <button class="button" type="button" @click=${this.#closeDisconnect}>${msg('Keep connection', { id: 'wizard.disconnect.keep' })}</button>
      </div>
    </div>`;
  }
}
