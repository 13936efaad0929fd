export interface HrNewHiresRequestedDetail { count: number; since: string | null }

/** The admin wants to review new hires: show the invite list filtered to new hires. */
export class HrNewHiresRequestedEvent extends Event {
  static readonly eventName = 'hr-new-hires-requested' as const;
  readonly detail: HrNewHiresRequestedDetail;

  constructor(detail: HrNewHiresRequestedDetail) {
    super(HrNewHiresRequestedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-new-hires-requested': HrNewHiresRequestedEvent;
  }
}
