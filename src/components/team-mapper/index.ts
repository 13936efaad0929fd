export { TeamMapper } from './team-mapper.js';
export type { Choice, MappingDraft, RowFilter } from './mapping-model.js';
export { HrMappingSavedEvent, type HrMappingSavedDetail } from '../../events/hr-mapping-saved.js';
export { HrTeamCreatedEvent, type HrTeamCreatedDetail } from '../../events/hr-team-created.js';
export { HrDirtyChangeEvent, type HrDirtyChangeDetail } from '../../events/hr-dirty-change.js';
