import { HrSyncStatus } from '../components/hr-sync-status/hr-sync-status.js';

if (!customElements.get('hr-sync-status')) customElements.define('hr-sync-status', HrSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'hr-sync-status': HrSyncStatus;
  }
}
