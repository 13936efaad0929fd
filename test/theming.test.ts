import { expect, html } from '@open-wc/testing';
import '../src/define/all.js';
import { mount, until, useFakeBackend } from './helpers/fixture.js';

const TAGS = ['hr-connect-wizard', 'team-mapper', 'employee-matcher', 'hr-invite-list', 'approver-delegation-banner', 'hr-sync-status'] as const;

/** The first primary button an element renders (once loaded). */
function primaryButton(el: Element): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('.button.primary, button.primary');
}

describe('theming', () => {
  useFakeBackend({ size: 'small', today: '2026-11-24' });

  for (const tag of TAGS) {
    it(`${tag} reads the shared tokens and inherits the host's font`, async () => {
      const wrapper = await mount<HTMLElement>(html`<div
        style="--hr-color-text: rgb(10, 20, 30); --hr-font-family: Georgia, serif; --hr-color-surface: rgb(250, 240, 230)"
      >
        ${document.createElement(tag)}
      </div>`);
      const el = wrapper.querySelector(tag)!;
      const style = getComputedStyle(el);
      expect(style.color).to.equal('rgb(10, 20, 30)');
      expect(style.fontFamily).to.contain('Georgia');
    });
  }

  it('follows the page colour scheme and a host brand colour', async () => {
    const wrapper = await mount<HTMLElement>(html`<div style="color-scheme: dark"><hr-sync-status></hr-sync-status></div>`);
    const el = wrapper.querySelector('hr-sync-status')!;
    await until(() => el.shadowRoot!.querySelector('button'), 'rendered');
    expect(getComputedStyle(el).color).to.equal('rgb(236, 238, 240)');
    wrapper.style.colorScheme = 'light';
    wrapper.style.setProperty('--hr-color-primary', 'rgb(15, 118, 110)');
    await until(() => primaryButton(el), 'a primary button');
    expect(getComputedStyle(el).color).to.equal('rgb(28, 32, 36)');
    expect(getComputedStyle(primaryButton(el)!).backgroundColor).to.equal('rgb(15, 118, 110)');
  });

  it('tightens spacing with density="compact"', async () => {
    const wrapper = await mount<HTMLElement>(html`<div>
      <hr-sync-status></hr-sync-status>
      <hr-sync-status density="compact"></hr-sync-status>
    </div>`);
    const [comfortable, compact] = [...wrapper.querySelectorAll('hr-sync-status')];
    const height = (el: Element) => {
      const button = el.shadowRoot!.querySelector<HTMLElement>('[part="sync-button"]');
      return button ? button.getBoundingClientRect().height : 0;
    };
    await until(() => height(comfortable!) > 0 && height(compact!) > 0, 'buttons');
    expect(height(compact!)).to.be.lessThan(height(comfortable!));
  });

  for (const tag of TAGS) {
    it(`${tag} keeps its layout right-to-left`, async () => {
      const wrapper = await mount<HTMLElement>(html`<div dir="rtl" style="inline-size: 720px">${document.createElement(tag)}</div>`);
      const el = wrapper.querySelector<HTMLElement>(tag)!;
      await until(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'loaded');
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    });
  }
});
