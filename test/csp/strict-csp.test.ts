/**
 * Strict CSP: test/csp/strict.html is served with
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`
 * (see strict-csp.mjs, wired into web-test-runner.config.mjs). In an iframe of that page, the fake
 * backend and every element's happy path run — including its write — and no violation, uncaught
 * error or console error may be reported.
 */
import { expect } from '@open-wc/testing';
import type { CspHarness } from './app.js';
import { STRICT_CSP } from './strict-csp.mjs';
import { registeredElementTags } from '../security/elements.js';
import { until } from '../helpers/wait.js';

const PAGE = '/test/csp/strict.html';

describe('strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement;
  let harness: CspHarness;

  before(async function () {
    this.timeout(20_000);
    frame = document.createElement('iframe');
    frame.title = 'strict CSP page';
    frame.style.inlineSize = '1024px';
    frame.style.blockSize = '768px';
    frame.src = PAGE;
    document.body.append(frame);
    await until(() => frame.contentWindow?.cspHarness, 'the strict-CSP page to load', 15_000);
    harness = frame.contentWindow!.cspHarness!;
  });

  after(() => frame.remove());

  it('serves the page with the strict policy, enforced and reported', async () => {
    const response = await fetch(PAGE);
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    const controls = await harness.controls();
    expect(controls.innerHTML, 'a string to innerHTML').to.equal('blocked');
    expect(controls.inlineStyle, 'a style attribute').to.equal('blocked');
    expect(controls.evaluation, 'new Function').to.equal('blocked');
    expect(controls.violations.join('\n')).to.contain('require-trusted-types-for').and.contain('style-src-attr');
    // Nothing before the controls: loading the page, lit, msw and every element definition.
    expect(harness.report.violations).to.deep.equal([]);
  });

  it("runs every element's happy path, writes included, with no violation and no error", async function () {
    this.timeout(40_000);
    await harness.start();
    const tags = registeredElementTags();
    expect(tags).to.have.length(6);
    const results: Record<string, unknown> = {};
    for (const tag of tags) results[tag] = await harness.run(tag);
    const german = await harness.german();

    expect(harness.report.violations, 'CSP violations').to.deep.equal([]);
    expect(harness.report.errors, 'errors').to.deep.equal([]);
    for (const tag of tags) {
      const { steps } = results[tag] as { steps: string[] };
      expect(steps.filter((s) => s.startsWith('failed')), `${tag}: ${steps.join(' → ')}`).to.deep.equal([]);
    }
    expect(results).to.deep.equal({
      'hr-connect-wizard': { steps: ['provider', 'credentials', 'connected'], writes: { connect: 1 } },
      'team-mapper': { steps: ['loaded', 'mapped', 'saved'], writes: { saveTeamMapping: 1 } },
      'employee-matcher': { steps: ['loaded', 'preview', 'saved'], writes: { saveUserLinks: 1 } },
      'hr-invite-list': { steps: ['loaded', 'confirm', 'sent'], writes: { createInvitations: 1 } },
      'approver-delegation-banner': { steps: ['loaded', 'chosen', 'assigned'], writes: { createDelegation: 1 } },
      'hr-sync-status': { steps: ['loaded', 'syncing', 'synced'], writes: { startSync: 1 } },
    });
    expect(german).to.contain('Status der Synchronisierung');
  });
});
