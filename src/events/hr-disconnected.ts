export interface HrDisconnectedDetail {
  /** The HR system that was disconnected, if the backend named one. */
  providerId: string | null;
  providerName: string | null;
}

/** The admin confirmed and the backend disconnected the HR system. */
export class HrDisconnectedEvent extends Event {
  static readonly eventName = 'hr-disconnected' as const;
  readonly detail: HrDisconnectedDetail;

  constructor(detail: HrDisconnectedDetail) {
    super(HrDisconnectedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-disconnected': HrDisconnectedEvent;
  }
}
