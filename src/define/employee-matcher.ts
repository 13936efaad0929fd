import { EmployeeMatcher } from '../components/employee-matcher/employee-matcher.js';

if (!customElements.get('employee-matcher')) customElements.define('employee-matcher', EmployeeMatcher);

declare global {
  interface HTMLElementTagNameMap {
    'employee-matcher': EmployeeMatcher;
  }
}
