import type { WizardStep } from '../components/hr-connect-wizard/wizard-model.js';

export interface HrStepChangeDetail {
  /** The step shown now; `null` when the flow starts from the connection view (reconnect). */
  from: WizardStep | null;
  /** The step about to be shown. */
  to: WizardStep;
}

/** Before the wizard changes its step. Cancelable: `preventDefault()` keeps the current step. */
export class HrStepChangeEvent extends Event {
  static readonly eventName = 'hr-step-change' as const;
  readonly detail: HrStepChangeDetail;

  constructor(detail: HrStepChangeDetail) {
    super(HrStepChangeEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hr-step-change': HrStepChangeEvent;
  }
}
