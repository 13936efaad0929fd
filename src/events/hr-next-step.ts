/** What the admin wants to do after connecting: map teams, link existing users, invite employees. */
export type HrNextStep = 'map-teams' | 'link-users' | 'invite';

export interface HrNextStepDetail {
  step: HrNextStep;
}

/** The admin chose what to do after connecting; the host routes to the matching page or element. */
export class HrNextStepEvent extends Event {
  static readonly eventName = 'hr-next-step' as const;
  readonly detail: HrNextStepDetail;

  constructor(detail: HrNextStepDetail) {
    super(HrNextStepEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-next-step': HrNextStepEvent;
  }
}
