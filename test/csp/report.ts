/**
 * Imported first by the strict-CSP page: records every CSP violation, uncaught error and
 * console.error from the very start, for the test in the parent page to read.
 */
export interface CspReport {
  violations: string[];
  errors: string[];
}

export const report: CspReport = { violations: [], errors: [] };

const describe = (e: SecurityPolicyViolationEvent) =>
  `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}${e.sample ? ` "${e.sample}"` : ''}`;

window.addEventListener('securitypolicyviolation', (e) => report.violations.push(describe(e)), true);
window.addEventListener('error', (e) => report.errors.push(String(e.error?.stack ?? e.message)));
window.addEventListener('unhandledrejection', (e) => report.errors.push(String((e.reason as Error)?.stack ?? e.reason)));
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  report.errors.push(args.map(String).join(' '));
  consoleError(...args);
};
