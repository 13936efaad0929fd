import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { HrApiError } from '../api/errors.js';
import { describeError } from './describe-error.js';

/** A busy placeholder announced politely; `aria-busy` marks the region until data arrives. */
export function loadingState(label: string = msg('Loading…', { id: 'common.loading' })): TemplateResult {
  return html`<div class="state loading" part="loading" role="status" aria-busy="true">
    <span class="skeleton" aria-hidden="true"></span>
    <span>${label}</span>
  </div>`;
}

/** A failure with what happened, what to do, and a retry when retrying can help. */
export function errorState(error: HrApiError | null | undefined, onRetry?: () => void): TemplateResult {
  const { title, detail, retryable } = describeError(error);
  return html`<div class="notice error state" part="error" role="alert">
    <strong>${title}</strong>
    ${detail ? html`<span>${detail}</span>` : nothing}
    ${retryable && onRetry
      ? html`<div class="actions">
          <button class="button" type="button" part="retry-button" @click=${onRetry}>${msg('Try again', { id: 'common.retry' })}</button>
        </div>`
      : nothing}
  </div>`;
}

/** Nothing to show, said plainly, with optional actions. */
export function emptyState(title: string, detail?: string, actions?: TemplateResult): TemplateResult {
  return html`<div class="notice state empty" part="empty" role="status">
    <strong>${title}</strong>
    ${detail ? html`<span>${detail}</span>` : nothing}
    ${actions ? html`<div class="actions">${actions}</div>` : nothing}
  </div>`;
}
