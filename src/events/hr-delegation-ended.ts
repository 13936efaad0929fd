import type { Delegation } from '../contract/approvals.js';

/** The admin undid a delegation: the approver's requests wait for them again. `detail` is the ended delegation. */
export class HrDelegationEndedEvent extends Event {
  static readonly eventName = 'hr-delegation-ended' as const;
  readonly detail: Delegation;

  constructor(detail: Delegation) {
    super(HrDelegationEndedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-delegation-ended': HrDelegationEndedEvent;
  }
}
