import type { EndpointName } from '../contract/endpoints.js';

export interface HrAuthRequiredDetail {
  /** 401: the session expired (refresh and retry); 403: the admin lacks a permission. */
  status: 401 | 403;
  endpoint: EndpointName;
}

/** The backend refused a request for authentication or permission: the host decides what to do. */
export class HrAuthRequiredEvent extends Event {
  static readonly eventName = 'hr-auth-required' as const;
  readonly detail: HrAuthRequiredDetail;

  constructor(detail: HrAuthRequiredDetail) {
    super(HrAuthRequiredEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-auth-required': HrAuthRequiredEvent;
  }
}
