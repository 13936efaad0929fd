import { expect } from '@open-wc/testing';
import { nextTick, type App, type GlobalComponents } from 'vue';
import { useFakeBackend, until } from '../helpers/fixture.js';
import { HrNewHiresRequestedEvent, HrOffboardingSavedEvent } from '../../src/index.js';
import { HOST_TAGS, MOUNT_READS, hostToken, reviewNewHires, saveGraceDays, untilAllSettled, withoutToken } from './host-kit.js';
import { mountVueHost } from './vue-host.js';

// Compile-time checks of the generated GlobalComponents typings (src/types/vue.ts), which
// vue-tsc/Volar use for `<hr-sync-status :heading-level @hr-offboarding-saved>` in templates.
type PropsOf<T> = T extends abstract new (...args: never[]) => { $props: infer P } ? P : never;
type SyncProps = PropsOf<GlobalComponents['hr-sync-status']>;
export const typed: SyncProps[] = [
  { headingLevel: 2, onHrOffboardingSaved: (event) => void event.detail.graceDays.toFixed() },
  // @ts-expect-error headingLevel is a number
  { headingLevel: 'two' },
  // @ts-expect-error the detail of hr-offboarding-saved has no `count`
  { onHrOffboardingSaved: (event) => event.detail.count },
];

describe('Vue 3 host', () => {
  const fake = useFakeBackend({ size: 'small' });
  let container: HTMLElement;
  let app: App;
  let received: Event[];
  let warnings: string[];

  beforeEach(async () => {
    received = [];
    warnings = [];
    container = document.createElement('div');
    document.body.append(container);
    app = mountVueHost(container, {
      baseUrl: '/api/hr',
      token: hostToken('vue'),
      onHrEvent: (e) => received.push(e),
      onWarn: (message) => warnings.push(message),
    });
    await nextTick();
  });

  afterEach(() => {
    app.unmount();
    container.remove();
  });

  it('treats the tags as custom elements and mounts every one with the configuration given once', async () => {
    await untilAllSettled(container);
    expect(warnings, 'Vue warnings (e.g. "Failed to resolve component")').to.deep.equal([]);
    for (const tag of HOST_TAGS) expect(container.querySelector(tag), tag).to.be.instanceOf(customElements.get(tag)!);
    const endpoints = new Set(fake.current.log.entries.map((e) => e.endpoint));
    expect([...endpoints]).to.include.members([...MOUNT_READS]);
    expect(withoutToken(fake.current.log.entries, hostToken('vue'))).to.deep.equal([]);
  });

  it('passes bound attributes through to the properties', async () => {
    await until(() => container.querySelector('hr-sync-status')?.headingLevel === 2, 'heading-level');
    expect(container.querySelector('employee-matcher')?.pageSize).to.equal(25);
    expect(container.querySelector('hr-invite-list')?.appName).to.equal('Acme Admin');
  });

  it('saves the offboarding grace period and receives the typed events through @hr-… listeners', async () => {
    await untilAllSettled(container);
    const sync = container.querySelector('hr-sync-status')!;

    await saveGraceDays(sync, 9);
    await until(() => received.some((e) => e.type === 'hr-offboarding-saved'), 'hr-offboarding-saved');

    const saved = received.find((e) => e.type === 'hr-offboarding-saved');
    expect(saved).to.be.instanceOf(HrOffboardingSavedEvent);
    expect((saved as HrOffboardingSavedEvent).detail).to.deep.equal({ enabled: true, graceDays: 9 });
    const request = fake.current.log.last('saveOffboardingSettings');
    expect(request?.body).to.deep.include({ graceDays: 9 });
    expect(request?.headers['authorization']).to.equal(hostToken('vue'));
    await until(() => container.querySelector('ul[aria-label="Activity"]')?.textContent?.includes('Offboarding saved: on, 9 days'), 'the activity line');

    reviewNewHires(sync);
    const review = received.find((e) => e.type === 'hr-new-hires-requested') as HrNewHiresRequestedEvent | undefined;
    expect(review).to.be.instanceOf(HrNewHiresRequestedEvent);
    expect(review?.detail.count).to.be.greaterThan(0);
    await until(() => container.querySelector('ul[aria-label="Activity"]')?.textContent?.includes(`Review ${review?.detail.count} new hires`), 'the review line');
  });
});
