import { expect } from '@open-wc/testing';
import { moveRow, needsMore, scrollTopToReveal, visibleRange, windowSize } from '../../src/components/hr-invite-list/virtual-window.js';

describe('hr-invite-list window maths', () => {
  const base = { rowHeight: 40, viewportHeight: 400, overscan: 5 };

  it('renders the visible rows plus overscan, clamped to the rows', () => {
    expect(visibleRange({ ...base, scrollTop: 0, count: 50_000 })).to.deep.equal({ start: 0, end: 16 });
    expect(visibleRange({ ...base, scrollTop: 4000, count: 50_000 })).to.deep.equal({ start: 95, end: 116 });
    expect(visibleRange({ ...base, scrollTop: 4020, count: 50_000 })).to.deep.equal({ start: 95, end: 116 });
    expect(visibleRange({ ...base, scrollTop: 0, count: 3 })).to.deep.equal({ start: 0, end: 3 });
    expect(visibleRange({ ...base, scrollTop: 0, count: 0 })).to.deep.equal({ start: 0, end: 0 });
  });

  it('never renders more than a viewport and the overscan, however many rows exist', () => {
    for (const scrollTop of [0, 123, 99_999, 1_999_960]) {
      const { start, end } = visibleRange({ ...base, scrollTop, count: 50_000 });
      expect(end - start).to.be.at.most(400 / 40 + 1 + 2 * 5);
      expect(start).to.be.at.least(0);
      expect(end).to.be.at.most(50_000);
    }
  });

  it('gives every row of a window its own slot (index % windowSize), which the grid keys its row DOM by', () => {
    const size = windowSize(base);
    expect(size).to.equal(400 / 40 + 1 + 2 * 5);
    for (let scrollTop = 0; scrollTop < 5000; scrollTop += 17) {
      for (const count of [3, 16, 120, 50_000]) {
        const { start, end } = visibleRange({ ...base, scrollTop, count });
        const slots = new Set(Array.from({ length: end - start }, (_, k) => (start + k) % size));
        expect(slots.size, `scrollTop ${scrollTop}, ${count} rows`).to.equal(end - start);
      }
    }
  });

  it('keeps rows when scrolled past the loaded end (rows shrank)', () => {
    const r = visibleRange({ ...base, scrollTop: 100_000, count: 10 });
    expect(r.end).to.equal(10);
    expect(r.start).to.be.below(10);
  });

  it('asks for the next page when the window nears the loaded end', () => {
    expect(needsMore({ start: 0, end: 16 }, 100, true, 40)).to.equal(false);
    expect(needsMore({ start: 50, end: 66 }, 100, true, 40)).to.equal(true);
    expect(needsMore({ start: 50, end: 66 }, 100, false, 40)).to.equal(false);
  });

  it('scrolls just enough to reveal a row below a sticky header', () => {
    expect(scrollTopToReveal(5, 40, 0, 440, 40)).to.equal(0);
    expect(scrollTopToReveal(10, 40, 0, 440, 40)).to.equal(40);
    expect(scrollTopToReveal(2, 40, 400, 440, 40)).to.equal(80);
  });

  it('moves the active row by key, clamped', () => {
    expect(moveRow('ArrowDown', 0, 10, 4)).to.equal(1);
    expect(moveRow('ArrowUp', 0, 10, 4)).to.equal(0);
    expect(moveRow('PageDown', 8, 10, 4)).to.equal(9);
    expect(moveRow('PageUp', 5, 10, 4)).to.equal(1);
    expect(moveRow('Home', 5, 10, 4)).to.equal(0);
    expect(moveRow('End', 5, 10, 4)).to.equal(9);
    expect(moveRow('End', 0, 0, 4)).to.equal(0);
  });
});
