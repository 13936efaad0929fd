import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { ConnectionStatus } from '../contract/connection.js';

/** The connection's status as a badge, the same in every element that shows it. */
export function connectionStatusBadge(status: ConnectionStatus): TemplateResult {
  switch (status) {
    case 'connected':
      return html`<span class="badge success">${msg('Connected', { id: 'common.connection.connected' })}</span>`;
    case 'needs_reauth':
      return html`<span class="badge warning">${msg('Needs reconnecting', { id: 'common.connection.needsReauth' })}</span>`;
    case 'error':
      return html`<span class="badge danger">${msg('Error', { id: 'common.connection.error' })}</span>`;
    case 'disconnected':
      return html`<span class="badge">${msg('Not connected', { id: 'common.connection.disconnected' })}</span>`;
  }
}
