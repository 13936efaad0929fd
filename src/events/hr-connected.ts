import type { ConnectionStatus } from '../contract/connection.js';

export interface HrConnectedDetail {
  providerId: string;
  providerName: string;
  /** The connection's status as the backend reports it after connecting. Never carries credentials. */
  status: ConnectionStatus;
}

/** The HR system was connected (or reconnected) successfully. */
export class HrConnectedEvent extends Event {
  static readonly eventName = 'hr-connected' as const;
  readonly detail: HrConnectedDetail;

  constructor(detail: HrConnectedDetail) {
    super(HrConnectedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-connected': HrConnectedEvent;
  }
}
