import { HrConnectWizard } from '../components/hr-connect-wizard/hr-connect-wizard.js';

if (!customElements.get('hr-connect-wizard')) customElements.define('hr-connect-wizard', HrConnectWizard);

declare global {
  interface HTMLElementTagNameMap {
    'hr-connect-wizard': HrConnectWizard;
  }
}
