/**
 * Dev-server middleware for the strict-CSP test page: `test/csp/strict.html` is served with the
 * policy a security-minded host would set. Only that page: the test runner's own pages need inline
 * scripts.
 */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

export async function strictCsp(context, next) {
  await next();
  if (context.path === '/test/csp/strict.html') context.set('Content-Security-Policy', STRICT_CSP);
}
