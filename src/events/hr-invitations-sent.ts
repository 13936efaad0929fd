import type { CreateInvitationsResponse } from '../contract/invites.js';

export type HrInvitationsSentDetail = CreateInvitationsResponse;

/** The bulk invitation request answered: per person `results` (sent, already a user, no e-mail, failed) and a `summary`. */
export class HrInvitationsSentEvent extends Event {
  static readonly eventName = 'hr-invitations-sent' as const;
  readonly detail: HrInvitationsSentDetail;

  constructor(detail: HrInvitationsSentDetail) {
    super(HrInvitationsSentEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-invitations-sent': HrInvitationsSentEvent;
  }
}
