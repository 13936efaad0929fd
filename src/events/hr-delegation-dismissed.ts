export interface HrDelegationDismissedDetail {
  absenceId: string;
  approverId: string;
}

/**
 * The admin dismissed the banner of one absence (remembered in localStorage): the host may show
 * the absence elsewhere, e.g. in a notification centre.
 */
export class HrDelegationDismissedEvent extends Event {
  static readonly eventName = 'hr-delegation-dismissed' as const;
  readonly detail: HrDelegationDismissedDetail;

  constructor(detail: HrDelegationDismissedDetail) {
    super(HrDelegationDismissedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-delegation-dismissed': HrDelegationDismissedEvent;
  }
}
