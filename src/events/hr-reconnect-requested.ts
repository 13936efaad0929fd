export interface HrReconnectRequestedDetail { reason: 'disconnected' | 'needs_reauth' | 'error' }

/** The admin asked to connect or reconnect the HR system: open the wizard. */
export class HrReconnectRequestedEvent extends Event {
  static readonly eventName = 'hr-reconnect-requested' as const;
  readonly detail: HrReconnectRequestedDetail;

  constructor(detail: HrReconnectRequestedDetail) {
    super(HrReconnectRequestedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-reconnect-requested': HrReconnectRequestedEvent;
  }
}
