export { HrInviteList } from './hr-invite-list.js';
export type { InviteSelection, SelectionMode as InviteSelectionMode } from './selection.js';
export { HrInvitationsSentEvent, type HrInvitationsSentDetail } from '../../events/hr-invitations-sent.js';
export { HrSelectionChangeEvent, type HrSelectionChangeDetail } from '../../events/hr-selection-change.js';
export { HrMapTeamRequestedEvent, type HrMapTeamRequestedDetail } from '../../events/hr-map-team-requested.js';
