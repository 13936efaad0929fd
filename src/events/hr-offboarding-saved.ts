export interface HrOffboardingSavedDetail { enabled: boolean; graceDays: number }

/** The offboarding settings were saved. */
export class HrOffboardingSavedEvent extends Event {
  static readonly eventName = 'hr-offboarding-saved' as const;
  readonly detail: HrOffboardingSavedDetail;

  constructor(detail: HrOffboardingSavedDetail) {
    super(HrOffboardingSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-offboarding-saved': HrOffboardingSavedEvent;
  }
}
