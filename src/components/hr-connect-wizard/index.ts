export { HrConnectWizard, type HrConnectWizardLayout } from './hr-connect-wizard.js';
export { wizardSteps, type WizardStep } from './wizard-model.js';
export { HrStepChangeEvent, type HrStepChangeDetail } from '../../events/hr-step-change.js';
export { HrConnectedEvent, type HrConnectedDetail } from '../../events/hr-connected.js';
export { HrDisconnectedEvent, type HrDisconnectedDetail } from '../../events/hr-disconnected.js';
export { HrCancelEvent, type HrCancelDetail } from '../../events/hr-cancel.js';
export { HrNextStepEvent, type HrNextStep, type HrNextStepDetail } from '../../events/hr-next-step.js';
