import { expect, html } from '@open-wc/testing';
import '../src/define/hr-sync-status.js';
import type { HrSyncStatus } from '../src/components/hr-sync-status/hr-sync-status.js';
import { setLocale } from '../src/localize/index.js';
import { bodyOf, mount, textOf, until, useFakeBackend } from './helpers/fixture.js';

const TODAY = '2026-11-24';

function findButton(el: HrSyncStatus, name: string): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name);
}

function button(el: HrSyncStatus, name: string): HTMLButtonElement {
  const found = findButton(el, name);
  const buttons = [...el.shadowRoot!.querySelectorAll('button')];
  if (!found) throw new Error(`no button "${name}" in: ${buttons.map((b) => b.textContent!.trim()).join(' | ')}`);
  return found;
}

async function loaded(el: HrSyncStatus, text = 'Offboarding'): Promise<void> {
  await until(() => textOf(el).includes(text) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `"${text}" loaded`);
}

describe('hr-sync-status', () => {
  const fake = useFakeBackend({ size: 'small', today: TODAY, syncDurationMs: 300 });

  it('shows the provider, the last sync, new hires, upcoming deactivations and the settings', async () => {
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    const text = textOf(el);
    expect(text).to.contain('Personio').and.contain('Connected').and.contain('Succeeded');
    const notices = bodyOf(fake.current.backend.getSyncNotices());
    expect(notices.newHires.count).to.be.greaterThan(1);
    expect(text).to.contain(`${notices.newHires.count} new employees in the HR system.`);
    const rows = el.shadowRoot!.querySelectorAll('table[part="deactivations"] tbody tr');
    expect(rows.length).to.equal(notices.deactivations.length);
    expect(rows.length).to.be.greaterThan(0);
    expect(rows[0]!.textContent).to.contain(notices.deactivations[0]!.name);
    const grace = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="graceDays"]')!;
    expect(grace.value).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('syncs now: one request with an Idempotency-Key, progress, then the new result', async () => {
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    const syncNow = button(el, 'Sync now');
    syncNow.click();
    syncNow.click();
    await until(() => el.shadowRoot!.querySelector('progress'), 'progress');
    expect(textOf(el)).to.contain('Syncing…');
    await until(() => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.includes('Sync started.'), 'announcement');
    await until(() => !el.shadowRoot!.querySelector('progress'), 'sync finished', 6000);
    const starts = fake.current.log.of('startSync');
    expect(starts).to.have.length(1);
    expect(starts[0]!.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    expect(fake.current.log.count('getSyncRun')).to.be.greaterThan(0);
    expect(button(el, 'Sync now').disabled).to.equal(false);
  });

  it('lists missing permissions by name with what stops working', async () => {
    await fake.current.reset({ size: 'small', today: TODAY, grantedScopes: ['employees.basic', 'employees.team', 'employees.cost_centers', 'employees.supervisor', 'absences'] });
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    expect(textOf(el)).to.contain('Missing permissions in the HR system').and.contain('Bank account (IBAN)').and.contain('Without it: For reimbursement payouts');
  });

  it('asks the host to reconnect when the credentials stopped working', async () => {
    await fake.current.reset({ size: 'small', today: TODAY, connection: 'needs_reauth' });
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('no longer accepts the credentials');
    expect(button(el, 'Sync now').disabled).to.equal(true);
    const events: CustomEvent[] = [];
    el.addEventListener('hr-reconnect-requested', (e) => events.push(e as unknown as CustomEvent));
    button(el, 'Reconnect').click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ reason: 'needs_reauth' }]);
  });

  it('offers to connect when nothing is connected, without asking for notices or settings', async () => {
    await fake.current.reset({ size: 'small', today: TODAY, connection: 'disconnected' });
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await until(() => textOf(el).includes('No HR system connected.'), 'empty state');
    let reason = '';
    el.addEventListener('hr-reconnect-requested', (e) => (reason = e.detail.reason));
    button(el, 'Connect HR software').click();
    expect(reason).to.equal('disconnected');
    expect(fake.current.log.count('getSyncNotices')).to.equal(0);
    expect(fake.current.log.count('getOffboardingSettings')).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('routes to new hires and marks them as seen', async () => {
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    const count = bodyOf(fake.current.backend.getSyncNotices()).newHires.count;
    let detail: { count: number; since: string | null } | undefined;
    el.addEventListener('hr-new-hires-requested', (e) => (detail = e.detail));
    button(el, 'Review new hires').click();
    expect(detail?.count).to.equal(count);
    button(el, 'Mark as seen').click();
    await until(() => textOf(el).includes('No new employees since your last look.'), 'seen');
    expect(fake.current.log.count('markNewHiresSeen')).to.equal(1);
  });

  it('keeps a leaver active, schedules again, and deactivates another now', async () => {
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    const [first, second] = bodyOf(fake.current.backend.getSyncNotices()).deactivations.filter((d) => d.status === 'scheduled');
    expect(first, 'two scheduled deactivations in the seed').to.exist;
    expect(second).to.exist;
    const changes: { userId: string; status: string }[] = [];
    el.addEventListener('hr-deactivation-changed', (e) => changes.push(e.detail));

    button(el, `Keep active (${first!.name})`).click();
    await until(() => changes.length === 1, 'kept active');
    await until(() => findButton(el, `Deactivate as planned (${first!.name})`), 'schedule button');
    expect(fake.current.log.last('setKeepActive')!.body).to.deep.equal({ keepActive: true });

    button(el, `Deactivate as planned (${first!.name})`).click();
    await until(() => changes.length === 2, 'scheduled again');

    button(el, `Deactivate now (${second!.name})`).click();
    await until(() => changes.length === 3, 'deactivated');
    expect(changes).to.deep.equal([
      { userId: first!.userId, status: 'kept_active' },
      { userId: first!.userId, status: 'scheduled' },
      { userId: second!.userId, status: 'deactivated' },
    ]);
    expect(fake.current.log.last('deactivateNow')!.headers['idempotency-key']).to.be.a('string');
  });

  it('validates the grace period and saves the settings with If-Match', async () => {
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="graceDays"]')!;
    const save = () => button(el, 'Save settings');
    input.value = '45';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(textOf(el)).to.contain('Enter a whole number from 0 to 30.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(save().disabled).to.equal(true);

    input.value = '14';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    let saved: { enabled: boolean; graceDays: number } | undefined;
    el.addEventListener('hr-offboarding-saved', (e) => (saved = e.detail));
    const version = bodyOf(fake.current.backend.getOffboardingSettings()).version;
    save().click();
    await until(() => saved, 'saved event');
    expect(saved).to.deep.equal({ enabled: true, graceDays: 14 });
    const request = fake.current.log.last('saveOffboardingSettings')!;
    expect(request.headers['if-match']).to.contain(version);
    expect(request.body).to.deep.equal({ enabled: true, graceDays: 14 });
    await until(() => textOf(el).includes('Settings saved.'), 'confirmation');
  });

  it('shows another admin’s change on 412, keeps the draft, and saves on top when asked', async () => {
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await loaded(el);
    const current = bodyOf(fake.current.backend.getOffboardingSettings());
    const other = fake.current.backend.saveOffboardingSettings({ params: {}, query: {}, body: { enabled: true, graceDays: 10 }, headers: { 'if-match': current.version } });
    expect(other.status).to.equal(200);

    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="graceDays"]')!;
    input.value = '5';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    button(el, 'Save settings').click();
    await until(() => textOf(el).includes('Another admin changed these settings.'), 'conflict');
    expect(textOf(el)).to.contain('Saved now: on, 10 days.');
    expect(input.value).to.equal('5');

    button(el, 'Save settings').click();
    await until(() => textOf(el).includes('Settings saved.'), 'saved on top');
    expect(bodyOf(fake.current.backend.getOffboardingSettings()).graceDays).to.equal(5);
    expect(fake.current.log.of('saveOffboardingSettings').map((r) => r.status)).to.deep.equal([412, 200]);
  });

  it('recovers from a failing notices request with Try again', async () => {
    fake.current.faults.set({ kind: '500', endpoints: ['getSyncNotices'] });
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await until(() => el.shadowRoot!.querySelectorAll('[part="error"]').length === 2, 'errors in both cards');
    expect(textOf(el)).to.contain('The server had a problem.');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[name="graceDays"]')).to.exist;
    fake.current.faults.clear();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => el.shadowRoot!.querySelector('table[part="deactivations"]'), 'deactivations after retry');
  });

  it('says the connection is down when offline, then recovers', async () => {
    fake.current.faults.set({ kind: 'offline', endpoints: ['getConnection'] });
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await until(() => textOf(el).includes('No connection to the server.'), 'offline error');
    fake.current.faults.clear();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await loaded(el);
  });

  it('names the bad field when the backend breaks the contract', async () => {
    fake.current.faults.set({ kind: 'schema_break', endpoints: ['getConnection'] });
    const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
    await until(() => textOf(el).includes('The server sent data this page cannot read.'), 'contract error');
    expect(textOf(el)).to.match(/Unexpected value at \/\w+/);
  });

  it('speaks German and Dutch', async () => {
    await setLocale('de');
    try {
      const el = await mount<HrSyncStatus>(html`<hr-sync-status></hr-sync-status>`);
      await loaded(el, 'Offboarding');
      expect(textOf(el)).to.contain('Jetzt synchronisieren').and.contain('Anstehende Deaktivierungen');
      await setLocale('nl');
      await el.updateComplete;
      expect(textOf(el)).to.contain('Nu synchroniseren').and.contain('Geplande deactiveringen');
    } finally {
      await setLocale('en');
    }
  });
});
