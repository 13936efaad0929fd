export { HrSyncStatus } from './hr-sync-status.js';
export { HrReconnectRequestedEvent, type HrReconnectRequestedDetail } from '../../events/hr-reconnect-requested.js';
export { HrNewHiresRequestedEvent, type HrNewHiresRequestedDetail } from '../../events/hr-new-hires-requested.js';
export { HrOffboardingSavedEvent, type HrOffboardingSavedDetail } from '../../events/hr-offboarding-saved.js';
export { HrDeactivationChangedEvent, type HrDeactivationChangedDetail } from '../../events/hr-deactivation-changed.js';
