import { expect } from '@open-wc/testing';
import { until } from '../helpers/fixture.js';
import type { FakeBackendHandle } from '../../mocks/browser.js';
import { HOST_TAGS, MOUNT_READS, hostToken, reviewNewHires, saveGraceDays, untilAllSettled, withoutToken } from './host-kit.js';

/** What test/hosts/plain.html puts on its window. */
interface PlainHostWindow extends Window {
  hostReady?: boolean;
  hrFake: FakeBackendHandle;
  hrEvents: Event[];
}

/** The page runs in an iframe with its own realm, module graph and fake backend, as a host page would. */
async function openPlainHost(): Promise<{ frame: HTMLIFrameElement; win: PlainHostWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = 'plain HTML host';
  frame.style.cssText = 'width: 1200px; height: 900px; border: 0';
  frame.src = new URL('./plain.html', import.meta.url).pathname;
  document.body.append(frame);
  await until(() => (frame.contentWindow as PlainHostWindow | null)?.hostReady, 'plain.html to start', 15000);
  const win = frame.contentWindow as PlainHostWindow;
  return { frame, win, doc: win.document };
}

const activityText = (doc: Document) => doc.getElementById('activity')?.textContent ?? '';

describe('plain HTML host (script type=module, configureHrElements)', () => {
  let host: Awaited<ReturnType<typeof openPlainHost>>;

  beforeEach(async () => {
    host = await openPlainHost();
  });

  afterEach(() => {
    host.win.hrFake.stop();
    host.frame.remove();
  });

  it('mounts every element from plain markup, configured once with base URL and auth header', async () => {
    await untilAllSettled(host.doc);
    for (const tag of HOST_TAGS) expect(host.win.customElements.get(tag), tag).to.exist;
    const { entries } = host.win.hrFake.log;
    expect([...new Set(entries.map((e) => e.endpoint))]).to.include.members([...MOUNT_READS]);
    expect(withoutToken(entries, hostToken('plain'))).to.deep.equal([]);
    // Attributes in markup reach the properties.
    expect(host.doc.querySelector('hr-sync-status')?.headingLevel).to.equal(2);
    expect(host.doc.querySelector('employee-matcher')?.pageSize).to.equal(25);
  });

  it('saves the offboarding grace period and receives the typed events on document', async () => {
    await untilAllSettled(host.doc);
    const sync = host.doc.querySelector('hr-sync-status')!;

    await saveGraceDays(sync, 21);
    await until(() => activityText(host.doc).includes('Offboarding saved: on, 21 days'), 'the activity line');

    const saved = host.win.hrEvents.find((e) => e.type === 'hr-offboarding-saved');
    // The event is the library's typed class (from the page's own realm).
    expect((saved?.constructor as { eventName?: string } | undefined)?.eventName).to.equal('hr-offboarding-saved');
    expect((saved as CustomEvent | undefined)?.detail).to.deep.equal({ enabled: true, graceDays: 21 });
    const request = host.win.hrFake.log.last('saveOffboardingSettings');
    expect(request?.body).to.deep.include({ graceDays: 21 });
    expect(request?.headers['authorization']).to.equal(hostToken('plain'));

    reviewNewHires(sync);
    await until(() => /Review \d+ new hires/.test(activityText(host.doc)), 'the review line');
    const review = host.win.hrEvents.find((e) => e.type === 'hr-new-hires-requested') as CustomEvent | undefined;
    expect(review?.detail.count).to.be.greaterThan(0);
  });
});
