import type { Delegation } from '../contract/approvals.js';

/**
 * A substitute now approves for an absent approver: a new delegation was saved, or an existing
 * one changed (other substitute or period). `detail` is the delegation as the backend saved it.
 */
export class HrSubstituteAssignedEvent extends Event {
  static readonly eventName = 'hr-substitute-assigned' as const;
  readonly detail: Delegation;

  constructor(detail: Delegation) {
    super(HrSubstituteAssignedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-substitute-assigned': HrSubstituteAssignedEvent;
  }
}
