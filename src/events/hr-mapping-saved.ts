import type { AppTeam } from '../contract/teams.js';

export interface HrMappingSavedDetail {
  /** How many HR teams are mapped after the save. */
  mappings: number;
  /** App teams created by this save, each with the HR team it was created from. */
  createdTeams: (AppTeam & { fromHrTeamId: string | null })[];
  /** The new version (ETag) of the team-mapping document. */
  version: string;
}

/** The team mapping was saved; every element on the page already sees the new mapping. */
export class HrMappingSavedEvent extends Event {
  static readonly eventName = 'hr-mapping-saved' as const;
  readonly detail: HrMappingSavedDetail;

  constructor(detail: HrMappingSavedDetail) {
    super(HrMappingSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-mapping-saved': HrMappingSavedEvent;
  }
}
