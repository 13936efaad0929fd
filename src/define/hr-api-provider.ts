import { HrApiProvider } from '../components/hr-api-provider/hr-api-provider.js';

if (!customElements.get('hr-api-provider')) customElements.define('hr-api-provider', HrApiProvider);

declare global {
  interface HTMLElementTagNameMap {
    'hr-api-provider': HrApiProvider;
  }
}
