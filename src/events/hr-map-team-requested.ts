export interface HrMapTeamRequestedDetail {
  hrTeamId: string;
  hrTeamName: string;
}

/**
 * The admin asked to map an HR team that has no app team yet: the host opens its team mapping
 * (e.g. `<team-mapper>`). Once the mapping is saved the invite list shows the new target team.
 */
export class HrMapTeamRequestedEvent extends Event {
  static readonly eventName = 'hr-map-team-requested' as const;
  readonly detail: HrMapTeamRequestedDetail;

  constructor(detail: HrMapTeamRequestedDetail) {
    super(HrMapTeamRequestedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-map-team-requested': HrMapTeamRequestedEvent;
  }
}
