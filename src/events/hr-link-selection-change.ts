export interface HrLinkSelectionChangeDetail {
  userId: string;
  /** The employee the admin chose for the user (unsaved); `null`: the user stays or becomes unlinked. */
  employeeId: string | null;
}

/** The admin changed the employee chosen for a user (not yet saved). Fired once per user changed. */
export class HrLinkSelectionChangeEvent extends Event {
  static readonly eventName = 'hr-link-selection-change' as const;
  readonly detail: HrLinkSelectionChangeDetail;

  constructor(detail: HrLinkSelectionChangeDetail) {
    super(HrLinkSelectionChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-link-selection-change': HrLinkSelectionChangeEvent;
  }
}
