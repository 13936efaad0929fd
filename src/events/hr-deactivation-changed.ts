export interface HrDeactivationChangedDetail { userId: string; status: 'scheduled' | 'kept_active' | 'deactivated' }

/** A user's upcoming deactivation changed: deactivated now, kept active, or scheduled again. */
export class HrDeactivationChangedEvent extends Event {
  static readonly eventName = 'hr-deactivation-changed' as const;
  readonly detail: HrDeactivationChangedDetail;

  constructor(detail: HrDeactivationChangedDetail) {
    super(HrDeactivationChangedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-deactivation-changed': HrDeactivationChangedEvent;
  }
}
