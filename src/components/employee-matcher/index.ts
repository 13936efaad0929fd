export { EmployeeMatcher } from './employee-matcher.js';
export { HrLinksSavedEvent, type HrLinksSavedDetail, type HrLinksSavedResult } from '../../events/hr-links-saved.js';
export { HrLinkSelectionChangeEvent, type HrLinkSelectionChangeDetail } from '../../events/hr-link-selection-change.js';
export type { LinkChoice, LinkConflict, MatcherDraft, StatusFilter } from './link-model.js';
