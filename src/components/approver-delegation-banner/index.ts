export { ApproverDelegationBanner, type DelegationBannerLayout } from './approver-delegation-banner.js';
export { HrSubstituteAssignedEvent } from '../../events/hr-substitute-assigned.js';
export { HrDelegationEndedEvent } from '../../events/hr-delegation-ended.js';
export { HrDelegationDismissedEvent, type HrDelegationDismissedDetail } from '../../events/hr-delegation-dismissed.js';
