import { HrInviteList } from '../components/hr-invite-list/hr-invite-list.js';

if (!customElements.get('hr-invite-list')) customElements.define('hr-invite-list', HrInviteList);

declare global {
  interface HTMLElementTagNameMap {
    'hr-invite-list': HrInviteList;
  }
}
