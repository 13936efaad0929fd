export interface HrSelectionChangeDetail {
  /** How many people are selected. */
  count: number;
  /** `ids`: chosen people; `all`: everyone matching the current filter except some; `none`. */
  mode: 'none' | 'ids' | 'all';
}

/** The admin changed which people are selected for an invitation. */
export class HrSelectionChangeEvent extends Event {
  static readonly eventName = 'hr-selection-change' as const;
  readonly detail: HrSelectionChangeDetail;

  constructor(detail: HrSelectionChangeDetail) {
    super(HrSelectionChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-selection-change': HrSelectionChangeEvent;
  }
}
