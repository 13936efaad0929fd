import { ApproverDelegationBanner } from '../components/approver-delegation-banner/approver-delegation-banner.js';

if (!customElements.get('approver-delegation-banner')) customElements.define('approver-delegation-banner', ApproverDelegationBanner);

declare global {
  interface HTMLElementTagNameMap {
    'approver-delegation-banner': ApproverDelegationBanner;
  }
}
