import { expect } from '@open-wc/testing';
import { validateGraceDays } from '../../src/components/hr-sync-status/offboarding.js';

describe('validateGraceDays', () => {
  it('accepts whole numbers from 0 to 30, trimmed', () => {
    expect(['0', '7', ' 30 ', '07'].map(validateGraceDays)).to.deep.equal([0, 7, 30, 7]);
  });

  it('refuses everything else', () => {
    expect(['', '31', '-1', '1.5', '1e1', 'seven', '100'].map(validateGraceDays)).to.deep.equal(Array(7).fill(null));
  });
});
