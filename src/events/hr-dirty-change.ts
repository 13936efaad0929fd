export interface HrDirtyChangeDetail {
  /** true: there are unsaved changes (the host may want to guard navigation). */
  dirty: boolean;
}

/** The element's unsaved-changes state flipped. Read the element's `dirty` property at any time. */
export class HrDirtyChangeEvent extends Event {
  static readonly eventName = 'hr-dirty-change' as const;
  readonly detail: HrDirtyChangeDetail;

  constructor(detail: HrDirtyChangeDetail) {
    super(HrDirtyChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-dirty-change': HrDirtyChangeEvent;
  }
}
