import { expect } from '@open-wc/testing';
import type { Root } from 'react-dom/client';
import { useFakeBackend, until } from '../helpers/fixture.js';
import { HrNewHiresRequestedEvent, HrOffboardingSavedEvent, type HrSyncStatus } from '../../src/index.js';
import { HOST_TAGS, MOUNT_READS, hostToken, reviewNewHires, saveGraceDays, untilAllSettled, withoutToken } from './host-kit.js';
import { el, mountReactHost } from './react-host.js';

// Compile-time checks of the generated JSX typings (src/types/react.ts): `npm run typecheck`
// fails if they stop rejecting wrong props or stop typing the event.
export const typed = [
  // @ts-expect-error headingLevel is a number
  () => el('hr-sync-status', { headingLevel: 'two' }),
  // @ts-expect-error no such event on <team-mapper>
  () => el('team-mapper', { 'onhr-offboarding-saved': () => undefined }),
  () => el('hr-sync-status', { 'onhr-offboarding-saved': (event) => event.detail.graceDays.toFixed() }),
];

describe('React 19 host', () => {
  const fake = useFakeBackend({ size: 'small' });
  let container: HTMLElement;
  let root: Root;
  let received: Event[];

  beforeEach(async () => {
    received = [];
    container = document.createElement('div');
    document.body.append(container);
    root = mountReactHost(container, { baseUrl: '/api/hr', token: hostToken('react'), onHrEvent: (e) => received.push(e) });
    await until(() => container.querySelector('hr-sync-status'), 'React to render');
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('mounts every element with the base URL and auth header configured once', async () => {
    await untilAllSettled(container);
    for (const tag of HOST_TAGS) expect(customElements.get(tag), tag).to.exist;
    const endpoints = new Set(fake.current.log.entries.map((e) => e.endpoint));
    expect([...endpoints]).to.include.members([...MOUNT_READS]);
    expect(withoutToken(fake.current.log.entries, hostToken('react'))).to.deep.equal([]);
  });

  it('passes properties natively: headingLevel reaches the element as a number', async () => {
    const sync = container.querySelector('hr-sync-status') as HrSyncStatus;
    expect(sync.headingLevel).to.equal(2);
    expect(container.querySelector('employee-matcher')?.pageSize).to.equal(25);
    expect(container.querySelector('hr-invite-list')?.appName).to.equal('Acme Admin');
  });

  it('saves the offboarding grace period and receives the typed events through on<event> props', async () => {
    await untilAllSettled(container);
    const sync = container.querySelector('hr-sync-status')!;

    await saveGraceDays(sync, 12);
    await until(() => received.some((e) => e.type === 'hr-offboarding-saved'), 'hr-offboarding-saved');

    const saved = received.find((e) => e.type === 'hr-offboarding-saved');
    expect(saved).to.be.instanceOf(HrOffboardingSavedEvent);
    expect((saved as HrOffboardingSavedEvent).detail).to.deep.equal({ enabled: true, graceDays: 12 });
    const request = fake.current.log.last('saveOffboardingSettings');
    expect(request?.body).to.deep.include({ graceDays: 12 });
    expect(request?.headers['authorization']).to.equal(hostToken('react'));
    await until(() => container.querySelector('ul[aria-label="Activity"]')?.textContent?.includes('Offboarding saved: on, 12 days'), 'the activity line');

    reviewNewHires(sync);
    const review = received.find((e) => e.type === 'hr-new-hires-requested') as HrNewHiresRequestedEvent | undefined;
    expect(review).to.be.instanceOf(HrNewHiresRequestedEvent);
    expect(review?.detail.count).to.be.greaterThan(0);
    await until(() => container.querySelector('ul[aria-label="Activity"]')?.textContent?.includes(`Review ${review?.detail.count} new hires`), 'the review line');
  });
});
