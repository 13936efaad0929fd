import { expect } from '@open-wc/testing';
import {
  afterInvitations,
  emptySelection,
  filterKey,
  isFilterActive,
  isSelected,
  rangeIds,
  reconcileFilter,
  selectAllMatching,
  selectionCount,
  selectionMode,
  setSelected,
  toInvitationRequest,
  toggle,
} from '../../src/components/hr-invite-list/selection.js';
import { filterFromSearch, searchWithFilter } from '../../src/components/hr-invite-list/url-filters.js';
import { targetsOfFilter, targetsOfPeople } from '../../src/components/hr-invite-list/targets.js';
import type { InviteCandidate } from '../../src/contract/invites.js';

const rows = ['a', 'b', 'c', 'd', 'e'].map((employeeId) => ({ employeeId }));

describe('hr-invite-list selection model', () => {
  it('toggles explicit ids and counts them', () => {
    let s = toggle(emptySelection, 'a');
    s = toggle(s, 'b');
    s = toggle(s, 'a');
    expect(isSelected(s, 'a')).to.equal(false);
    expect(isSelected(s, 'b')).to.equal(true);
    expect(selectionCount(s, 999)).to.equal(1);
    expect(selectionMode(s)).to.equal('ids');
    expect(selectionMode(emptySelection)).to.equal('none');
  });

  it('does not mutate the selection it was given', () => {
    const s = toggle(emptySelection, 'a');
    toggle(s, 'b');
    expect(s.mode === 'ids' && [...s.ids]).to.deep.equal(['a']);
  });

  it('selects ranges in either direction, clamped to the rows', () => {
    expect(rangeIds(rows, 1, 3)).to.deep.equal(['b', 'c', 'd']);
    expect(rangeIds(rows, 3, 1)).to.deep.equal(['b', 'c', 'd']);
    expect(rangeIds(rows, -4, 0)).to.deep.equal(['a']);
    expect(rangeIds(rows, 3, 40)).to.deep.equal(['d', 'e']);
    expect(rangeIds([], 0, 3)).to.deep.equal([]);
    const s = setSelected(toggle(emptySelection, 'a'), rangeIds(rows, 2, 3), true);
    expect(selectionCount(s, null)).to.equal(3);
  });

  it('"all matching" counts the filter total minus exceptions', () => {
    let s = selectAllMatching({ team: ['t1'], q: ' ann ' });
    expect(selectionMode(s)).to.equal('all');
    expect(isSelected(s, 'anyone')).to.equal(true);
    s = toggle(s, 'x');
    s = toggle(s, 'y');
    expect(isSelected(s, 'x')).to.equal(false);
    expect(selectionCount(s, 50_000)).to.equal(49_998);
    expect(selectionCount(s, null)).to.equal(0);
    s = toggle(s, 'x');
    expect(selectionCount(s, 50_000)).to.equal(49_999);
  });

  it('builds the one request: ids, or the filter with exceptIds', () => {
    expect(toInvitationRequest(emptySelection)).to.equal(null);
    expect(toInvitationRequest(setSelected(emptySelection, ['b', 'a'], true))).to.deep.equal({ employeeIds: ['b', 'a'] });
    const all = toggle(toggle(selectAllMatching({ costCenter: ['c2', 'c1'], newHires: true, excluded: false, q: '' }), 'z'), 'y');
    expect(toInvitationRequest(all)).to.deep.equal({ filter: { costCenter: ['c1', 'c2'], newHires: true }, exceptIds: ['y', 'z'] });
  });

  it('keeps explicit ids across filter changes; resets "all matching" when the filter changes', () => {
    const ids = setSelected(emptySelection, ['a'], true);
    expect(reconcileFilter(ids, { q: 'x' })).to.deep.equal({ selection: ids, reset: false });
    const all = selectAllMatching({ team: ['t1'] });
    expect(reconcileFilter(all, { team: ['t1'], q: '  ' }).reset).to.equal(false);
    const changed = reconcileFilter(all, { team: ['t1'], newHires: true });
    expect(changed.reset).to.equal(true);
    expect(selectionMode(changed.selection)).to.equal('none');
    expect(reconcileFilter(all, { team: ['t1'], excluded: true }).reset).to.equal(true);
  });

  it('keeps only the failed people selected after the invitations went out', () => {
    const results = [
      { employeeId: 'a', status: 'sent' as const, reason: null },
      { employeeId: 'b', status: 'failed' as const, reason: 'mailbox full' },
      { employeeId: 'c', status: 'no_email' as const, reason: null },
      { employeeId: 'd', status: 'already_user' as const, reason: null },
    ];
    const ids = afterInvitations(setSelected(emptySelection, ['a', 'b', 'c', 'd', 'e'], true), results);
    expect(ids.mode === 'ids' && [...ids.ids].sort()).to.deep.equal(['b', 'e']);
    const all = afterInvitations(selectAllMatching({}), results);
    expect(all.mode === 'ids' && [...all.ids]).to.deep.equal(['b']);
  });

  it('filter keys ignore order, blanks and duplicates', () => {
    expect(filterKey({ team: ['b', 'a', 'a'], q: ' x ' })).to.equal(filterKey({ q: 'x', team: ['a', 'b'], costCenter: [] }));
    expect(filterKey({ newHires: false })).to.equal(filterKey({}));
    expect(isFilterActive({ excluded: true })).to.equal(false);
    expect(isFilterActive({ q: 'a' })).to.equal(true);
  });
});

describe('hr-invite-list url filters', () => {
  it('round-trips the filter and keeps the host parameters', () => {
    const search = searchWithFilter('?tab=hr&invite-q=old', { q: 'ann', team: ['t2', 't1'], newHires: true, excluded: true });
    const params = new URLSearchParams(search);
    expect(params.get('tab')).to.equal('hr');
    expect(params.getAll('invite-team')).to.deep.equal(['t1', 't2']);
    expect(filterFromSearch(search)).to.deep.equal({ q: 'ann', team: ['t1', 't2'], newHires: true, excluded: true });
    expect(searchWithFilter('?tab=hr&invite-q=old', {})).to.equal('?tab=hr');
    expect(filterFromSearch('')).to.deep.equal({});
  });
});

const person = (employeeId: string, target: InviteCandidate['target']): InviteCandidate => ({
  employeeId,
  name: employeeId,
  email: null,
  hrTeam: null,
  costCenters: [],
  hireDate: null,
  isNewHire: false,
  excluded: false,
  target,
});

describe('hr-invite-list target teams', () => {
  const sales = { kind: 'team' as const, appTeam: { id: 'app-sales', name: 'Sales' } };
  it('groups chosen people by target team', () => {
    const known = new Map([
      ['a', person('a', sales)],
      ['b', person('b', sales)],
      ['c', person('c', { kind: 'no_hr_team' })],
    ]);
    expect(targetsOfPeople(['a', 'b', 'c', 'zz'], known)).to.deep.equal([
      { kind: 'team', name: 'Sales', count: 2 },
      { kind: 'no_hr_team', name: '', count: 1 },
      { kind: 'unknown', name: '', count: 1 },
    ]);
  });

  it('counts everyone matching a filter from facets and the mapping, minus exceptions', () => {
    const facets = {
      teams: [
        { id: 'hr-1', name: 'Vertrieb', count: 10 },
        { id: 'hr-2', name: 'Sales DE', count: 5 },
        { id: 'hr-3', name: 'Lab', count: 4 },
      ],
      costCenters: [],
      noTeam: 3,
    };
    const mapping = {
      hrTeams: [],
      appTeams: [{ id: 'app-sales', name: 'Sales', memberCount: 0 }],
      mappings: [
        { hrTeamId: 'hr-1', appTeamId: 'app-sales' },
        { hrTeamId: 'hr-2', appTeamId: 'app-sales' },
      ],
      version: '1',
    };
    expect(targetsOfFilter(facets, {}, mapping, [person('x', sales), undefined])).to.deep.equal([
      { kind: 'team', name: 'Sales', count: 14 },
      { kind: 'team_not_mapped', name: 'Lab', count: 4 },
      { kind: 'no_hr_team', name: '', count: 3 },
    ]);
    expect(targetsOfFilter(facets, { team: ['hr-3'] }, mapping, [])).to.deep.equal([{ kind: 'team_not_mapped', name: 'Lab', count: 4 }]);
  });
});
