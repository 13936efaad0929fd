import { expect, fixture } from '@open-wc/testing';
import { str } from '@lit/localize';
import { html, render } from 'lit';
import { HrApiError } from '../../src/api/errors.js';
import type { HrSyncStatus } from '../../src/components/hr-sync-status/hr-sync-status.js';
import type { TeamMapper } from '../../src/components/team-mapper/team-mapper.js';
import '../../src/define/hr-sync-status.js';
import '../../src/define/team-mapper.js';
import { formatDate, formatNumber, formatPercent, formatRelative } from '../../src/localize/format.js';
import { allLocales, getLocale, resolveLocale, setLocale, setTranslations, type HrLocale } from '../../src/localize/index.js';
import { errorState } from '../../src/ui/states.js';
import { mount, textOf, until, useFakeBackend } from '../helpers/fixture.js';

const busy = new HrApiError({ kind: 'http', endpoint: 'getConnection', message: '', status: 503, retryAfterMs: 2000 });

async function renderedError(): Promise<string> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(errorState(busy, () => {}), host);
  return host.textContent!.replace(/\s+/g, ' ').trim();
}

describe('localization', () => {
  afterEach(async () => {
    for (const locale of allLocales) await setTranslations(locale, {});
    await setLocale('en');
  });

  it('maps any BCP 47 tag to a supported locale', () => {
    expect(['de-AT', 'NL', 'nl-BE', 'fr', 'fr-CA', 'es-MX', 'ES', 'pt-BR', '', null].map(resolveLocale)).to.deep.equal([
      'de',
      'nl',
      'nl',
      'fr',
      'fr',
      'es',
      'es',
      'en',
      'en',
      'en',
    ]);
  });

  it('shows shared texts in English, German and Dutch, with placeholders filled', async () => {
    expect(await renderedError()).to.equal('The server is busy. Try again in 2 s. Try again');
    await setLocale('de');
    expect(getLocale()).to.equal('de');
    expect(await renderedError()).to.equal('Der Server ist ausgelastet. Versuchen Sie es in 2 s erneut. Erneut versuchen');
    await setLocale('nl-NL');
    expect(await renderedError()).to.equal('De server is druk bezet. Probeer het over 2 s opnieuw. Opnieuw proberen');
  });

  it('shows shared texts in French and Spanish, with placeholders filled', async () => {
    await setLocale('fr-CA');
    expect(getLocale()).to.equal('fr');
    expect(await renderedError()).to.equal('Le serveur est surchargé. Réessayez dans 2 s. Réessayer');
    expect(formatNumber(50000)).to.equal('50\u202f000');
    await setLocale('es-MX');
    expect(getLocale()).to.equal('es');
    expect(await renderedError()).to.equal('El servidor está ocupado. Vuelva a intentarlo dentro de 2 s. Reintentar');
  });

  it('reports English as the locale before and after a switch back', async () => {
    expect(getLocale()).to.equal('en');
    await setLocale('de');
    await setLocale('pt-BR');
    expect(getLocale()).to.equal('en');
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

  describe('host translations', () => {
    it('override English and German strings, with {n} placeholders or str templates', async () => {
      await setTranslations('en', { 'common.error.busy': 'Our servers are busy.', 'common.retry': 'Retry now' });
      expect(await renderedError()).to.equal('Our servers are busy. Try again in 2 s. Retry now');
      await setTranslations('de', {
        'common.error.busy.detail': 'Bitte in {0} Sekunden nochmal.',
        'common.retry': str`Nochmal`,
      });
      expect(await renderedError(), 'de strings do not leak into en').to.contain('Retry now');
      await setLocale('de');
      expect(await renderedError()).to.equal('Der Server ist ausgelastet. Bitte in 2 Sekunden nochmal. Nochmal');
      await setLocale('en');
      expect(await renderedError()).to.equal('Our servers are busy. Try again in 2 s. Retry now');
    });

    it('each call replaces the earlier strings of that locale; {} restores the catalog', async () => {
      await setTranslations('fr', { 'common.retry': 'Relancer', 'common.error.busy': 'Trop de monde.' });
      await setTranslations('fr', { 'common.retry': 'Encore' });
      await setLocale('fr');
      expect(await renderedError()).to.equal('Le serveur est surchargé. Réessayez dans 2 s. Encore');
      await setTranslations('fr', {});
      expect(await renderedError()).to.equal('Le serveur est surchargé. Réessayez dans 2 s. Réessayer');
    });

    it('refuses a locale the elements do not support', async () => {
      let error: unknown;
      try {
        await setTranslations('pt' as HrLocale, { 'common.retry': 'Tentar de novo' });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(RangeError);
    });
  });
});

describe('host translations in elements', () => {
  useFakeBackend({ size: 'small', today: '2026-11-24' });

  afterEach(async () => {
    for (const locale of allLocales) await setTranslations(locale, {});
    await setLocale('en');
  });

  it('re-render a shown element when they target the active locale, in English and in German', async () => {
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await until(() => textOf(el).includes('Sync now'), 'the sync status');
    await setTranslations('en', { 'sync.syncNow': 'Refresh from Personio' });
    await el.updateComplete;
    expect(textOf(el)).to.contain('Refresh from Personio').and.not.contain('Sync now');

    await setTranslations('de', { 'sync.syncNow': 'Aus Personio holen' });
    await el.updateComplete;
    expect(textOf(el), 'not the active locale yet').to.contain('Refresh from Personio');
    await setLocale('de');
    await el.updateComplete;
    expect(textOf(el)).to.contain('Aus Personio holen').and.contain('Anstehende Deaktivierungen');
    await setTranslations('de', { 'sync.syncNow': 'Jetzt abgleichen' });
    await el.updateComplete;
    expect(textOf(el)).to.contain('Jetzt abgleichen').and.not.contain('Aus Personio holen');
  });

  it('reach text inside guarded rows (team-mapper)', async () => {
    const el = await mount<TeamMapper>(html`<team-mapper storage-key="localize-test"></team-mapper>`);
    await until(() => el.shadowRoot!.querySelector('tbody tr'), 'the table');
    const rows = (): string => textOf(el.shadowRoot!.querySelector('tbody')!);
    expect(rows()).to.contain('Not known');
    await setTranslations('en', { 'mapper.department.unknown': 'No department' });
    await el.updateComplete;
    expect(rows()).to.contain('No department').and.not.contain('Not known');
  });
});
