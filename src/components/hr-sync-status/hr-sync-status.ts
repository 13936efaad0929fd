import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Connection, Provider, SyncRun } from '../../contract/connection.js';
import type { UpcomingDeactivation } from '../../contract/sync.js';
import { MutationController, newIdempotencyKey } from '../../data/mutation-controller.js';
import { QueryController } from '../../data/query-controller.js';
import { ServicesController } from '../../data/services-controller.js';
import { SyncRunController } from '../../data/sync-run-controller.js';
import { HrDeactivationChangedEvent } from '../../events/hr-deactivation-changed.js';
import { HrNewHiresRequestedEvent } from '../../events/hr-new-hires-requested.js';
import { HrOffboardingSavedEvent } from '../../events/hr-offboarding-saved.js';
import { HrReconnectRequestedEvent } from '../../events/hr-reconnect-requested.js';
import { formatDate, formatDateTime, formatNumber, formatRelative } from '../../localize/format.js';
import { connectionStatusBadge } from '../../ui/connection-status.js';
import { controls, tokens } from '../../styles/tokens.js';
import { describeError } from '../../ui/describe-error.js';
import { emptyState, errorState, loadingState } from '../../ui/states.js';
import { styles } from './hr-sync-status.styles.js';
import { validateGraceDays } from './offboarding.js';

/**
 * The "HR software" overview after connecting: sync health, new hires, upcoming deactivations on
 * the last working day, and the offboarding settings.
 *
 * @summary Sync health, new hires and offboarding on the last working day.
 *
 * @csspart base - The outer section.
 * @csspart card - Each of the four cards.
 * @csspart heading - The card headings.
 * @csspart sync-button - The "Sync now" button.
 * @csspart progress - The sync progress bar.
 * @csspart deactivations - The table of upcoming deactivations.
 * @csspart settings-form - The offboarding settings form.
 * @csspart loading - Loading placeholder.
 * @csspart error - Error notice.
 * @csspart empty - Empty notice.
 * @csspart retry-button - "Try again" in error notices.
 *
 * @cssprop [--hr-sync-status-gap=var(--hr-space-4, 1rem)] - Space between the cards.
 * @cssprop [--hr-sync-status-card-background=var(--hr-color-surface, #fff)] - Card background.
 *
 * @event hr-reconnect-requested - The admin asked to (re)connect. Detail: `{ reason }`.
 * @event hr-new-hires-requested - The admin wants to review new hires. Detail: `{ count, since }`.
 * @event hr-deactivation-changed - A user was deactivated now, kept active or scheduled again. Detail: `{ userId, status }`.
 * @event hr-offboarding-saved - Offboarding settings saved. Detail: `{ enabled, graceDays }`.
 * @event hr-auth-required - A request was refused with 401/403. Detail: `{ status, endpoint }`.
 */
@localized()
export class HrSyncStatus extends LitElement {
  static override styles = [tokens, controls, styles];

  readonly #services = new ServicesController(this);
  readonly #connection = new QueryController(this, () => ({ endpoint: 'getConnection' }), this.#services);
  readonly #providers = new QueryController(this, () => ({ endpoint: 'listProviders', staleTime: 5 * 60_000 }), this.#services);
  readonly #notices = new QueryController(
    this,
    () => ({ endpoint: 'getSyncNotices', enabled: this.#isConnected() }),
    this.#services,
  );
  readonly #settings = new QueryController(
    this,
    () => ({ endpoint: 'getOffboardingSettings', enabled: this.#isConnected() }),
    this.#services,
  );
  readonly #sync = new SyncRunController(this, this.#services, { lastSync: () => this.#connection.data?.lastSync });
  readonly #markSeen = new MutationController(this, 'markNewHiresSeen', this.#services);
  readonly #deactivate = new MutationController(this, 'deactivateNow', this.#services);
  readonly #keepActive = new MutationController(this, 'setKeepActive', this.#services);
  readonly #saveSettings = new MutationController(this, 'saveOffboardingSettings', this.#services);

  /** Reference time for relative dates ("2 hours ago"); defaults to the current time. */
  @property({ attribute: false }) now: Date | undefined;

  /** Heading level of the card headings (2–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private _draft: { enabled: boolean; graceDays: string } | null = null;
  @state() private _settingsMessage: { kind: 'saved' | 'conflict' | 'error'; text: string } | null = null;
  @state() private _rowError: { userId: string; text: string } | null = null;
  @state() private _announcement = '';
  #deactivationKeys = new Map<string, string>();

  #isConnected(): boolean {
    const status = this.#connection.data?.status;
    return status !== undefined && status !== 'disconnected';
  }

  #heading(text: string, id: string): TemplateResult {
    const level = Math.min(6, Math.max(2, this.headingLevel));
    return html`<div role="heading" aria-level=${level} class="heading" part="heading" id=${id}>${text}</div>`;
  }

  async #startSync(): Promise<void> {
    try {
      await this.#sync.start();
      this._announcement = msg('Sync started.', { id: 'sync.started' });
    } catch {
      // shown from the controller's error
    }
  }

  #reconnect(reason: 'disconnected' | 'needs_reauth' | 'error'): void {
    this.dispatchEvent(new HrReconnectRequestedEvent({ reason }));
  }

  async #reviewNewHires(count: number, since: string | null): Promise<void> {
    this.dispatchEvent(new HrNewHiresRequestedEvent({ count, since }));
  }

  async #markNewHiresSeen(): Promise<void> {
    try {
      await this.#markSeen.mutate({});
      this._announcement = msg('New hires marked as seen.', { id: 'sync.newHires.seenDone' });
    } catch {
      // shown from the controller's error
    }
  }

  async #changeDeactivation(user: UpcomingDeactivation, action: 'now' | 'keep' | 'schedule'): Promise<void> {
    this._rowError = null;
    try {
      let status: UpcomingDeactivation['status'];
      if (action === 'now') {
        const key = this.#deactivationKeys.get(user.userId) ?? newIdempotencyKey();
        this.#deactivationKeys.set(user.userId, key);
        status = (await this.#deactivate.mutate({ params: { userId: user.userId }, idempotencyKey: key })).status;
        this.#deactivationKeys.delete(user.userId);
      } else {
        status = (await this.#keepActive.mutate({ params: { userId: user.userId }, body: { keepActive: action === 'keep' } })).status;
      }
      this._announcement =
        status === 'deactivated'
          ? msg(str`${user.name} was deactivated.`, { id: 'sync.deactivation.doneNow' })
          : status === 'kept_active'
            ? msg(str`${user.name} stays active.`, { id: 'sync.deactivation.doneKeep' })
            : msg(str`${user.name} will be deactivated as planned.`, { id: 'sync.deactivation.doneSchedule' });
      this.dispatchEvent(new HrDeactivationChangedEvent({ userId: user.userId, status }));
    } catch (error) {
      const { title } = describeError(this.#deactivate.error ?? this.#keepActive.error);
      this._rowError = { userId: user.userId, text: title };
      void error;
    }
  }

  #onSettingsInput(event: Event): void {
    const form = (event.currentTarget as HTMLFormElement).elements;
    const enabled = (form.namedItem('enabled') as HTMLInputElement).checked;
    const graceDays = (form.namedItem('graceDays') as HTMLInputElement).value;
    this._draft = { enabled, graceDays };
    this._settingsMessage = null;
  }

  async #onSettingsSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const saved = this.#settings.data;
    if (!saved || !this._draft) return;
    const graceDays = validateGraceDays(this._draft.graceDays);
    if (graceDays === null) return;
    try {
      const result = await this.#saveSettings.mutate({
        body: { enabled: this._draft.enabled, graceDays },
        ifMatch: saved.version,
      });
      this._draft = null;
      this._settingsMessage = { kind: 'saved', text: msg('Settings saved.', { id: 'sync.settings.saved' }) };
      this.dispatchEvent(new HrOffboardingSavedEvent({ enabled: result.enabled, graceDays: result.graceDays }));
    } catch {
      const error = this.#saveSettings.error;
      if (error?.status === 412) {
        await this.#settings.refetch();
        const current = this.#settings.data;
        const body = { enabled: this._draft?.enabled, graceDays };
        if (current && current.enabled === body.enabled && current.graceDays === body.graceDays) {
          // What is saved now is what the admin asked for (e.g. an earlier attempt went through but
          // its answer was lost): done, nothing to resolve and nothing to write again.
          this._draft = null;
          this._settingsMessage = { kind: 'saved', text: msg('Settings saved.', { id: 'sync.settings.saved' }) };
          this.dispatchEvent(new HrOffboardingSavedEvent({ enabled: current.enabled, graceDays: current.graceDays }));
          return;
        }
        this._settingsMessage = {
          kind: 'conflict',
          text: msg('Another admin changed these settings. Their version is shown below your changes; save again to keep yours.', {
            id: 'sync.settings.conflict',
          }),
        };
      } else {
        this._settingsMessage = { kind: 'error', text: describeError(error).title };
      }
    }
  }

  override render() {
    const connection = this.#connection.result;
    let body: TemplateResult;
    if (!connection || connection.isPending) {
      body = loadingState();
    } else if (!connection.data) {
      body = errorState(connection.error, () => void this.#connection.refetch());
    } else if (connection.data.status === 'disconnected') {
      body = emptyState(
        msg('No HR system connected.', { id: 'sync.disconnected' }),
        msg('Connect your HR software to keep users and teams in sync.', { id: 'sync.disconnected.detail' }),
        html`<button class="button primary" type="button" @click=${() => this.#reconnect('disconnected')}>
          ${msg('Connect HR software', { id: 'sync.connect' })}
        </button>`,
      );
    } else {
      body = html`<div class="cards">
        ${this.#renderHealth(connection.data)} ${this.#renderNewHires()} ${this.#renderDeactivations()} ${this.#renderSettings()}
      </div>`;
    }
    return html`<section part="base" class="base" aria-label=${msg('HR sync', { id: 'sync.title' })}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    </section>`;
  }

  #renderHealth(connection: Connection): TemplateResult {
    const provider: Provider | undefined = this.#providers.data?.items.find((p) => p.id === connection.providerId);
    const run: SyncRun | null = this.#sync.run ?? null;
    const now = this.now ?? new Date();
    const scopeLabel = (id: string) => provider?.scopes.find((s) => s.id === id);
    return html`<article class="card" part="card" aria-labelledby="health-heading">
      ${this.#heading(msg('Sync health', { id: 'sync.health' }), 'health-heading')}
      <dl class="facts">
        <div>
          <dt>${msg('HR system', { id: 'sync.provider' })}</dt>
          <dd>${connection.providerName ?? provider?.name ?? connection.providerId ?? ''} ${connectionStatusBadge(connection.status)}</dd>
        </div>
        <div>
          <dt>${msg('Last sync', { id: 'sync.lastSync' })}</dt>
          <dd>${run ? this.#runSummary(run, now) : msg('Not synced yet', { id: 'sync.never' })}</dd>
        </div>
        ${connection.nextSyncAt
          ? html`<div>
              <dt>${msg('Next sync', { id: 'sync.nextSync' })}</dt>
              <dd><time datetime=${connection.nextSyncAt} title=${formatDateTime(connection.nextSyncAt)}>${formatRelative(connection.nextSyncAt, now)}</time></dd>
            </div>`
          : nothing}
      </dl>
      ${run && run.errors.length > 0 && run.status !== 'running'
        ? html`<details class="run-errors">
            <summary>${msg(str`Problems with ${formatNumber(run.errors.length)} employee records`, { id: 'sync.runErrors' })}</summary>
            <ul>
              ${run.errors.map((e) => html`<li>${e.message}</li>`)}
            </ul>
          </details>`
        : nothing}
      ${this.#sync.running
        ? html`<div class="progress-row">
            <progress part="progress" max="100" .value=${run?.progress ?? null} aria-label=${msg('Sync progress', { id: 'sync.progress' })}></progress>
            <span>${msg('Syncing…', { id: 'sync.running' })}</span>
          </div>`
        : nothing}
      ${this.#sync.error ? errorState(this.#sync.error, () => void this.#startSync()) : nothing}
      ${connection.status === 'needs_reauth' || connection.status === 'error'
        ? html`<div class="notice ${connection.status === 'error' ? 'error' : 'warning'}" role="alert">
            <strong>
              ${connection.status === 'needs_reauth'
                ? msg('The HR system no longer accepts the credentials.', { id: 'sync.needsReauth' })
                : msg('The last sync failed.', { id: 'sync.error' })}
            </strong>
            ${connection.statusDetail ? html`<span>${connection.statusDetail}</span>` : nothing}
            <div class="actions">
              <button class="button primary" type="button" @click=${() => this.#reconnect(connection.status as 'needs_reauth' | 'error')}>
                ${msg('Reconnect', { id: 'sync.reconnect' })}
              </button>
            </div>
          </div>`
        : nothing}
      ${connection.missingScopes.length > 0
        ? html`<div class="notice warning">
            <strong>${msg('Missing permissions in the HR system', { id: 'sync.missingScopes' })}</strong>
            <ul class="scopes">
              ${connection.missingScopes.map((id) => {
                const scope = scopeLabel(id);
                return html`<li>
                  <strong>${scope?.label ?? id}</strong>
                  ${scope ? html`<span>${msg(str`Without it: ${scope.purpose}`, { id: 'sync.missingScope.without' })}</span>` : nothing}
                </li>`;
              })}
            </ul>
            <span class="hint">${msg('Grant these in the HR system, then reconnect.', { id: 'sync.missingScopes.fix' })}</span>
          </div>`
        : nothing}
      <div class="actions">
        <button
          class="button"
          type="button"
          part="sync-button"
          ?disabled=${this.#sync.running || connection.status !== 'connected'}
          @click=${this.#startSync}
        >
          ${msg('Sync now', { id: 'sync.syncNow' })}
        </button>
      </div>
    </article>`;
  }

  #runSummary(run: SyncRun, now: Date): TemplateResult {
    const when = run.finishedAt ?? run.startedAt;
    const result =
      run.status === 'succeeded'
        ? html`<span class="badge success">${msg('Succeeded', { id: 'sync.run.succeeded' })}</span>`
        : run.status === 'partial'
          ? html`<span class="badge warning">${msg('Partly failed', { id: 'sync.run.partial' })}</span>`
          : run.status === 'failed'
            ? html`<span class="badge danger">${msg('Failed', { id: 'sync.run.failed' })}</span>`
            : html`<span class="badge">${msg('Running', { id: 'sync.run.running' })}</span>`;
    return html`<time datetime=${when} title=${formatDateTime(when)}>${formatRelative(when, now)}</time> ${result}
      <span class="hint">
        ${msg(str`${formatNumber(run.employeesSeen)} employees · ${formatNumber(run.created)} new · ${formatNumber(run.updated)} updated · ${formatNumber(run.failed)} failed`, {
          id: 'sync.run.counts',
        })}
      </span>`;
  }

  #renderNewHires(): TemplateResult {
    const notices = this.#notices.result;
    let content: TemplateResult;
    if (!notices || notices.isPending) content = loadingState();
    else if (!notices.data) content = errorState(notices.error, () => void this.#notices.refetch());
    else {
      const { count, since } = notices.data.newHires;
      content =
        count === 0
          ? html`<p>${msg('No new employees since your last look.', { id: 'sync.newHires.none' })}</p>`
          : html`<p>
                ${count === 1
                  ? msg('1 new employee in the HR system.', { id: 'sync.newHires.one' })
                  : msg(str`${formatNumber(count)} new employees in the HR system.`, { id: 'sync.newHires.other' })}
                ${since ? html`<span class="hint">${msg(str`Since ${formatDate(since)}.`, { id: 'sync.newHires.since' })}</span>` : nothing}
              </p>
              <p class="hint">${msg('Nobody is invited automatically: you decide who gets an account.', { id: 'sync.newHires.manual' })}</p>
              <div class="actions">
                <button class="button primary" type="button" @click=${() => this.#reviewNewHires(count, since)}>
                  ${msg('Review new hires', { id: 'sync.newHires.review' })}
                </button>
                <button class="button" type="button" ?disabled=${this.#markSeen.isPending} @click=${this.#markNewHiresSeen}>
                  ${msg('Mark as seen', { id: 'sync.newHires.markSeen' })}
                </button>
              </div>
              ${this.#markSeen.error ? errorState(this.#markSeen.error) : nothing}`;
    }
    return html`<article class="card" part="card" aria-labelledby="hires-heading">
      ${this.#heading(msg('New hires', { id: 'sync.newHires' }), 'hires-heading')} ${content}
    </article>`;
  }

  #renderDeactivations(): TemplateResult {
    const notices = this.#notices.result;
    let content: TemplateResult;
    if (!notices || notices.isPending) content = loadingState();
    else if (!notices.data) content = errorState(notices.error, () => void this.#notices.refetch());
    else if (notices.data.deactivations.length === 0) {
      content = html`<p>${msg('Nobody leaves in the next 30 days.', { id: 'sync.deactivations.none' })}</p>`;
    } else {
      content = html`<table part="deactivations">
        <caption class="visually-hidden">${msg('Upcoming deactivations', { id: 'sync.deactivations' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('User', { id: 'sync.deactivations.user' })}</th>
            <th scope="col">${msg('Last working day', { id: 'sync.deactivations.lastDay' })}</th>
            <th scope="col">${msg('Account', { id: 'sync.deactivations.account' })}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'sync.deactivations.actions' })}</span></th>
          </tr>
        </thead>
        <tbody>
          ${notices.data.deactivations.map((user) => this.#renderDeactivation(user))}
        </tbody>
      </table>`;
    }
    return html`<article class="card wide" part="card" aria-labelledby="leavers-heading">
      ${this.#heading(msg('Upcoming deactivations', { id: 'sync.deactivations' }), 'leavers-heading')}
      <p class="hint">${msg('Users are deactivated automatically after their last working day and the grace period.', { id: 'sync.deactivations.explain' })}</p>
      ${content}
    </article>`;
  }

  #renderDeactivation(user: UpcomingDeactivation): TemplateResult {
    const busy = this.#deactivate.isPending || this.#keepActive.isPending;
    const account =
      user.status === 'deactivated'
        ? html`<span class="badge">${msg('Deactivated', { id: 'sync.deactivation.deactivated' })}</span>`
        : user.status === 'kept_active'
          ? html`<span class="badge warning">${msg('Kept active', { id: 'sync.deactivation.kept' })}</span>`
          : html`${msg(str`Deactivated on ${formatDate(user.deactivatesOn)}`, { id: 'sync.deactivation.on' })}`;
    return html`<tr>
      <th scope="row">
        <span>${user.name}</span>
        ${user.email ? html`<span class="hint block">${user.email}</span>` : nothing}
      </th>
      <td><time datetime=${user.lastWorkingDay}>${formatDate(user.lastWorkingDay)}</time></td>
      <td>${account}</td>
      <td>
        <div class="actions">
          ${user.status === 'scheduled'
            ? html`<button class="button danger" type="button" ?disabled=${busy} @click=${() => this.#changeDeactivation(user, 'now')}>
                  ${msg('Deactivate now', { id: 'sync.deactivation.now' })}<span class="visually-hidden"> (${user.name})</span>
                </button>
                <button class="button" type="button" ?disabled=${busy} @click=${() => this.#changeDeactivation(user, 'keep')}>
                  ${msg('Keep active', { id: 'sync.deactivation.keep' })}<span class="visually-hidden"> (${user.name})</span>
                </button>`
            : user.status === 'kept_active'
              ? html`<button class="button" type="button" ?disabled=${busy} @click=${() => this.#changeDeactivation(user, 'schedule')}>
                  ${msg('Deactivate as planned', { id: 'sync.deactivation.schedule' })}<span class="visually-hidden"> (${user.name})</span>
                </button>`
              : nothing}
        </div>
        ${this._rowError?.userId === user.userId ? html`<span class="field-error" role="alert">${this._rowError.text}</span>` : nothing}
      </td>
    </tr>`;
  }

  #renderSettings(): TemplateResult {
    const settings = this.#settings.result;
    let content: TemplateResult;
    if (!settings || settings.isPending) content = loadingState();
    else if (!settings.data) content = errorState(settings.error, () => void this.#settings.refetch());
    else {
      const saved = settings.data;
      const draft = this._draft ?? { enabled: saved.enabled, graceDays: String(saved.graceDays) };
      const invalid = validateGraceDays(draft.graceDays) === null;
      const dirty = this._draft !== null && (draft.enabled !== saved.enabled || draft.graceDays !== String(saved.graceDays));
      content = html`<form part="settings-form" class="settings" novalidate @input=${this.#onSettingsInput} @change=${this.#onSettingsInput} @submit=${this.#onSettingsSubmit}>
        <label class="check">
          <input type="checkbox" name="enabled" .checked=${draft.enabled} />
          ${msg('Deactivate users automatically after their last working day', { id: 'sync.settings.enabled' })}
        </label>
        <div class="field">
          <label for="grace">${msg('Grace period in days (0–30)', { id: 'sync.settings.grace' })}</label>
          <input
            id="grace"
            class="input grace"
            name="graceDays"
            type="number"
            inputmode="numeric"
            min="0"
            max="30"
            step="1"
            .value=${draft.graceDays}
            ?disabled=${!draft.enabled}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby="grace-hint ${invalid ? 'grace-error' : ''}"
          />
          <span class="hint" id="grace-hint">
            ${msg(str`Accounts are deactivated ${draft.graceDays || '0'} days after the last working day.`, { id: 'sync.settings.graceHint' })}
          </span>
          ${invalid ? html`<span class="field-error" id="grace-error">${msg('Enter a whole number from 0 to 30.', { id: 'sync.settings.graceInvalid' })}</span>` : nothing}
        </div>
        ${this._settingsMessage
          ? html`<div class="notice ${this._settingsMessage.kind === 'saved' ? 'success' : this._settingsMessage.kind === 'conflict' ? 'warning' : 'error'}"
              role=${this._settingsMessage.kind === 'saved' ? 'status' : 'alert'}>
              ${this._settingsMessage.text}
              ${this._settingsMessage.kind === 'conflict'
                ? html`<span>${msg(str`Saved now: ${saved.enabled ? msg('on', { id: 'sync.settings.on' }) : msg('off', { id: 'sync.settings.off' })}, ${saved.graceDays} days.`, { id: 'sync.settings.theirs' })}</span>`
                : nothing}
            </div>`
          : nothing}
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${!dirty || invalid || this.#saveSettings.isPending}>
            ${this.#saveSettings.isPending ? msg('Saving…', { id: 'sync.settings.saving' }) : msg('Save settings', { id: 'sync.settings.save' })}
          </button>
          ${dirty
            ? html`<button class="button" type="button" @click=${() => ((this._draft = null), (this._settingsMessage = null))}>
                ${msg('Discard', { id: 'sync.settings.discard' })}
              </button>`
            : nothing}
        </div>
      </form>`;
    }
    return html`<article class="card" part="card" aria-labelledby="settings-heading">
      ${this.#heading(msg('Offboarding', { id: 'sync.settings' }), 'settings-heading')} ${content}
    </article>`;
  }
}
