import { expect } from '@open-wc/testing';
import { DEFAULT_STORAGE_KEY, readDismissed, rememberDismissed, sameDismissed, touchesDismissals } from '../../src/components/approver-delegation-banner/dismissals.js';
import { addDays, defaultPeriod, localIsoDate, validatePeriod } from '../../src/components/approver-delegation-banner/period.js';

const absence = { startsOn: '2026-03-02', endsOn: '2026-03-13' };
const today = '2026-03-04';

describe('approver-delegation-banner: period', () => {
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-02-27', 2)).to.equal('2026-03-01');
    expect(addDays('2025-12-31', 1)).to.equal('2026-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
  });

  it('takes the local calendar date of an instant', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).to.equal('2026-01-05');
  });

  it('prefills the rest of the absence, from today at the earliest', () => {
    expect(defaultPeriod(absence, null, today)).to.deep.equal({ startsOn: today, endsOn: '2026-03-13' });
    expect(defaultPeriod({ startsOn: '2026-03-10', endsOn: '2026-03-20' }, null, today)).to.deep.equal({ startsOn: '2026-03-10', endsOn: '2026-03-20' });
    expect(defaultPeriod({ startsOn: '2026-03-10', endsOn: null }, null, today)).to.deep.equal({ startsOn: '2026-03-10', endsOn: '' });
  });

  it('prefills an existing delegation with its own period', () => {
    expect(defaultPeriod(absence, { startsOn: '2026-03-03', endsOn: '2026-03-06' }, today)).to.deep.equal({ startsOn: '2026-03-03', endsOn: '2026-03-06' });
  });

  it('accepts a period inside the absence', () => {
    expect(validatePeriod({ startsOn: today, endsOn: '2026-03-13' }, absence, today)).to.deep.equal({});
  });

  it('requires both dates and valid ones', () => {
    expect(validatePeriod({ startsOn: '', endsOn: '' }, absence, today)).to.deep.equal({ startsOn: 'required', endsOn: 'required' });
    expect(validatePeriod({ startsOn: '2026-02-30', endsOn: '2026-03-05' }, absence, today).startsOn).to.equal('invalid');
  });

  it('refuses an end before the start', () => {
    expect(validatePeriod({ startsOn: '2026-03-08', endsOn: '2026-03-06' }, absence, today)).to.deep.equal({ endsOn: 'order' });
  });

  it('refuses dates in the past, but keeps the start of a running delegation', () => {
    expect(validatePeriod({ startsOn: '2026-03-03', endsOn: '2026-03-06' }, absence, today)).to.deep.equal({ startsOn: 'past' });
    expect(validatePeriod({ startsOn: '2026-03-03', endsOn: '2026-03-06' }, absence, today, { keepStart: '2026-03-03' })).to.deep.equal({});
    expect(validatePeriod({ startsOn: today, endsOn: '2026-03-03' }, absence, today)).to.deep.equal({ endsOn: 'past' });
  });

  it('keeps the period within the absence plus the margin', () => {
    const future = { startsOn: '2026-03-10', endsOn: '2026-03-13' };
    expect(validatePeriod({ startsOn: '2026-03-09', endsOn: '2026-03-14' }, future, today, { marginDays: 1 })).to.deep.equal({});
    expect(validatePeriod({ startsOn: '2026-03-08', endsOn: '2026-03-13' }, future, today, { marginDays: 1 })).to.deep.equal({ startsOn: 'beforeAbsence' });
    expect(validatePeriod({ startsOn: '2026-03-10', endsOn: '2026-03-15' }, future, today, { marginDays: 1 })).to.deep.equal({ endsOn: 'afterAbsence' });
    expect(validatePeriod({ startsOn: '2026-03-15', endsOn: '2026-03-16' }, future, today, { marginDays: 1 }).startsOn).to.equal('afterAbsence');
  });

  it('puts no upper bound on an open-ended absence', () => {
    expect(validatePeriod({ startsOn: '2026-03-10', endsOn: '2027-01-01' }, { startsOn: '2026-03-10', endsOn: null }, today)).to.deep.equal({});
  });
});

describe('approver-delegation-banner: dismissals', () => {
  const key = 'test-delegation-dismissals';
  afterEach(() => localStorage.removeItem(key));

  it('remembers dismissed absences under the key', () => {
    expect([...readDismissed(key)]).to.deep.equal([]);
    rememberDismissed(key, 'abs-1');
    rememberDismissed(key, 'abs-2');
    rememberDismissed(key, 'abs-1');
    expect([...readDismissed(key)].sort()).to.deep.equal(['abs-1', 'abs-2']);
    expect([...readDismissed(DEFAULT_STORAGE_KEY)]).to.not.include('abs-1');
  });

  it('treats a broken entry as none', () => {
    localStorage.setItem(key, '{not json');
    expect(readDismissed(key).size).to.equal(0);
    localStorage.setItem(key, JSON.stringify(['abs-1', 3, null]));
    expect([...readDismissed(key)]).to.deep.equal(['abs-1']);
  });

  it('follows storage events about its key in localStorage, or a clear of localStorage, and nothing else', () => {
    const event = (init: StorageEventInit) => new StorageEvent('storage', init);
    expect(touchesDismissals(event({ key, storageArea: localStorage }), key)).to.equal(true);
    expect(touchesDismissals(event({ key: null, storageArea: localStorage }), key)).to.equal(true);
    expect(touchesDismissals(event({ key: `${key}-other`, storageArea: localStorage }), key)).to.equal(false);
    expect(touchesDismissals(event({ key, storageArea: sessionStorage }), key)).to.equal(false);
    expect(touchesDismissals(event({ key: null, storageArea: sessionStorage }), key)).to.equal(false);
    expect(touchesDismissals(event({ key }), key)).to.equal(false);
    // No localStorage (denied): nothing to follow.
    expect(touchesDismissals(event({ key, storageArea: localStorage }), key, null)).to.equal(false);
  });

  it('compares dismissed sets by their ids', () => {
    expect(sameDismissed(new Set(['a', 'b']), new Set(['b', 'a']))).to.equal(true);
    expect(sameDismissed(new Set(), new Set())).to.equal(true);
    expect(sameDismissed(new Set(['a']), new Set(['a', 'b']))).to.equal(false);
    expect(sameDismissed(new Set(['a', 'c']), new Set(['a', 'b']))).to.equal(false);
  });

  it('keeps the list bounded', () => {
    for (let i = 0; i < 205; i++) rememberDismissed(key, `abs-${i}`);
    const ids = readDismissed(key);
    expect(ids.size).to.equal(200);
    expect(ids.has('abs-0')).to.equal(false);
    expect(ids.has('abs-204')).to.equal(true);
  });
});
