export interface HrLinksSavedResult {
  userId: string;
  /** The employee the save asked for; `null` unlinked the user. */
  employeeId: string | null;
  status: 'saved' | 'failed';
  /** Why the backend refused this user's link (`failed` only). */
  reason: string | null;
}

export interface HrLinksSavedDetail {
  /** How many links were saved and how many failed. */
  saved: number;
  failed: number;
  /** One entry per user in the save, in the order sent. */
  results: HrLinksSavedResult[];
  /** The new version (ETag) of the user-links document. */
  version: string;
}

/** The admin saved user ↔ employee links; some may have failed (see `detail.results`). */
export class HrLinksSavedEvent extends Event {
  static readonly eventName = 'hr-links-saved' as const;
  readonly detail: HrLinksSavedDetail;

  constructor(detail: HrLinksSavedDetail) {
    super(HrLinksSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-links-saved': HrLinksSavedEvent;
  }
}
