import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { HrApiError } from '../../src/api/errors.js';
import { formatDate, formatNumber, formatPercent, formatRelative } from '../../src/localize/format.js';
import { getLocale, resolveLocale, setLocale } from '../../src/localize/index.js';
import { errorState } from '../../src/ui/states.js';

const busy = new HrApiError({ kind: 'http', endpoint: 'getConnection', message: '', status: 503, retryAfterMs: 2000 });

async function renderedError(): Promise<string> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(errorState(busy, () => {}), host);
  return host.textContent!.replace(/\s+/g, ' ').trim();
}

describe('localization', () => {
  afterEach(() => setLocale('en'));

  it('maps any BCP 47 tag to a supported locale', () => {
    expect(['de-AT', 'NL', 'nl-BE', 'fr', '', null].map(resolveLocale)).to.deep.equal(['de', 'nl', 'nl', 'en', 'en', 'en']);
  });

  it('shows shared texts in English, German and Dutch, with placeholders filled', async () => {
    expect(await renderedError()).to.equal('The server is busy. Try again in 2 s. Try again');
    await setLocale('de');
    expect(getLocale()).to.equal('de');
    expect(await renderedError()).to.equal('Der Server ist ausgelastet. Versuchen Sie es in 2 s erneut. Erneut versuchen');
    await setLocale('nl-NL');
    expect(await renderedError()).to.equal('De server is druk bezet. Probeer het over 2 s opnieuw. Opnieuw proberen');
  });

  it('formats dates and numbers with Intl in the active locale, calendar dates without shifting', async () => {
    expect(formatDate('2026-03-01')).to.equal('Mar 1, 2026');
    expect(formatNumber(50000)).to.equal('50,000');
    await setLocale('de');
    expect(formatDate('2026-03-01')).to.equal('01.03.2026');
    expect(formatNumber(50000)).to.equal('50.000');
    expect(formatPercent(60)).to.equal('60\u00a0%');
    expect(formatRelative('2026-11-21T09:00:00Z', new Date('2026-11-24T09:00:00Z'))).to.equal('vor 3 Tagen');
  });
});
