export interface HrCancelDetail {
  /** Where the admin left the flow, e.g. the wizard step (`provider`, `consent`, `credentials`). */
  step: string;
}

/** The admin left a flow without finishing it; the host decides where to go. */
export class HrCancelEvent extends Event {
  static readonly eventName = 'hr-cancel' as const;
  readonly detail: HrCancelDetail;

  constructor(detail: HrCancelDetail) {
    super(HrCancelEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-cancel': HrCancelEvent;
  }
}
