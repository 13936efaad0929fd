import type { AppTeam } from '../contract/teams.js';

export interface HrTeamCreatedDetail {
  /** The new app team. */
  appTeam: AppTeam;
  /** The HR team it was created from, if any. */
  fromHrTeamId: string | null;
}

/** An app team was created from an HR team (one event per team). */
export class HrTeamCreatedEvent extends Event {
  static readonly eventName = 'hr-team-created' as const;
  readonly detail: HrTeamCreatedDetail;

  constructor(detail: HrTeamCreatedDetail) {
    super(HrTeamCreatedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-team-created': HrTeamCreatedEvent;
  }
}
