import { expect } from '@open-wc/testing';
import type { TeamMappingDoc } from '../../src/contract/teams.js';
import {
  acceptTheirs,
  applyCreated,
  buildIndex,
  buildView,
  choiceOf,
  emptyDraft,
  filterAppTeams,
  filterRows,
  fold,
  isDirty,
  keyFor,
  nameProblems,
  previewCreateForUnmapped,
  previewMapByName,
  readDraft,
  rebase,
  refusedNames,
  savePlan,
  setChoices,
} from '../../src/components/team-mapper/mapping-model.js';

const doc = (mappings: [string, string][], version = 'v1'): TeamMappingDoc => ({
  hrTeams: [
    { id: 'h-sales', name: 'Sales', department: 'Revenue', employeeCount: 12 },
    { id: 'h-sales-at', name: 'Sales Österreich', department: 'Revenue', employeeCount: 4 },
    { id: 'h-finance', name: 'Finance', department: null, employeeCount: 5 },
    { id: 'h-legal', name: 'Legal', department: 'Ops', employeeCount: 2 },
  ],
  appTeams: [
    { id: 'a-sales', name: 'Sales', memberCount: 9 },
    { id: 'a-fin', name: ' finance ', memberCount: 3 },
    { id: 'a-board', name: 'Board', memberCount: 1 },
  ],
  mappings: mappings.map(([hrTeamId, appTeamId]) => ({ hrTeamId, appTeamId })),
  version,
});

describe('team-mapper model', () => {
  it('folds case, accents and spacing', () => {
    expect(fold('  Sales   ÖSTERREICH ')).to.equal('sales osterreich');
  });

  it('indexes once: sorted teams, saved mapping, names', () => {
    const index = buildIndex(doc([['h-sales', 'a-sales']]));
    expect(index.hrTeams.map((t) => t.name)).to.deep.equal(['Finance', 'Legal', 'Sales', 'Sales Österreich']);
    expect(index.saved.get('h-sales')).to.equal('a-sales');
    expect(index.appByName.get('finance')?.id).to.equal('a-fin');
  });

  it('keeps only choices that differ from the saved mapping, and counts many-to-one', () => {
    const index = buildIndex(doc([['h-sales', 'a-sales']]));
    let draft = setChoices(index, emptyDraft('v1'), [['h-sales-at', 'a-sales'], ['h-sales', 'a-sales']]);
    expect(Object.keys(draft.edits)).to.deep.equal(['h-sales-at']);
    expect(draft.edits['h-sales-at']).to.deep.equal({ base: null, choice: 'a-sales' });
    const view = buildView(index, draft);
    expect(view.sharedBy.get('a-sales')).to.have.members(['h-sales', 'h-sales-at']);
    expect([view.mapped, view.unmapped]).to.deep.equal([2, 2]);
    draft = setChoices(index, draft, [['h-sales-at', null]]);
    expect(isDirty(draft)).to.equal(false);
  });

  it('previews creations for unmapped teams and mapping by identical name', () => {
    const index = buildIndex(doc([['h-sales', 'a-sales']]));
    const view = buildView(index, emptyDraft('v1'));
    expect(previewCreateForUnmapped(index, view).map((p) => p.name)).to.deep.equal(['Finance (2)', 'Legal', 'Sales Österreich']);
    expect(previewMapByName(index, view).map((p) => [p.hrTeam.id, p.appTeam.id])).to.deep.equal([['h-finance', 'a-fin']]);
  });

  it('gives new app teams free names and flags names the backend would refuse', () => {
    const index = buildIndex(doc([]));
    const draft = setChoices(index, emptyDraft('v1'), [['h-legal', { create: 'Board' }]]);
    const view = buildView(index, draft);
    const names = previewCreateForUnmapped(index, view).map((p) => p.name);
    expect(names).to.deep.equal(['Finance (2)', 'Sales (Revenue)', 'Sales Österreich']);
    const clash = setChoices(index, draft, [
      ['h-finance', { create: ' ' }],
      ['h-sales', { create: 'Neu' }],
      ['h-sales-at', { create: 'neu' }],
    ]);
    expect([...nameProblems(index, buildView(index, clash))]).to.deep.equal([
      ['h-finance', 'blank'],
      ['h-legal', 'taken'],
      ['h-sales-at', 'duplicate'],
    ]);
  });

  it('filters rows by unmapped and search, app teams by name', () => {
    const index = buildIndex(doc([['h-sales', 'a-sales']]));
    const view = buildView(index, setChoices(index, emptyDraft('v1'), [['h-legal', { create: 'Legal' }]]));
    expect(filterRows(index, view, 'unmapped', '').map((t) => t.id)).to.deep.equal(['h-finance', 'h-sales-at']);
    expect(filterRows(index, view, 'all', 'osterr').map((t) => t.id)).to.deep.equal(['h-sales-at']);
    expect(filterRows(index, view, 'all', 'revenue sales').length).to.equal(2);
    expect(filterAppTeams(index, 'FIN').map((t) => t.id)).to.deep.equal(['a-fin']);
  });

  it('plans creations before mappings and swaps in the created ids', () => {
    const index = buildIndex(doc([['h-sales', 'a-sales']]));
    const draft = setChoices(index, emptyDraft('v1'), [
      ['h-legal', { create: ' Legal & Compliance ' }],
      ['h-finance', 'a-fin'],
    ]);
    const plan = savePlan(index, buildView(index, draft));
    expect(plan.creations).to.deep.equal([{ name: 'Legal & Compliance', fromHrTeamId: 'h-legal' }]);
    expect(plan.mappings).to.deep.equal([
      { hrTeamId: 'h-finance', appTeamId: 'a-fin' },
      { hrTeamId: 'h-sales', appTeamId: 'a-sales' },
    ]);
    const after = applyCreated(draft, [{ id: 'a-new', name: 'Legal & Compliance', memberCount: 0, fromHrTeamId: 'h-legal' }]);
    expect(after.edits['h-legal']?.choice).to.equal('a-new');
  });

  it('reuses the idempotency key for the same request only', () => {
    let n = 0;
    const next = () => `k${++n}`;
    const a = keyFor(emptyDraft('v1'), 'save', { body: [1], ifMatch: 'v1' }, next);
    const b = keyFor(a, 'save', { body: [1], ifMatch: 'v1' }, next);
    const c = keyFor(b, 'save', { body: [1], ifMatch: 'v2' }, next);
    expect([a.keys.save?.key, b.keys.save?.key, c.keys.save?.key]).to.deep.equal(['k1', 'k1', 'k2']);
  });

  it('re-applies the draft on a newer version and reports only real conflicts', () => {
    const base = buildIndex(doc([['h-sales', 'a-sales']]));
    const draft = setChoices(base, emptyDraft('v1'), [
      ['h-sales', 'a-board'], // they change it too, differently: conflict
      ['h-finance', 'a-fin'], // they map it the same way: no longer an edit
      ['h-legal', { create: 'Legal' }], // untouched by them: kept
    ]);
    const theirs = buildIndex(doc([['h-sales', 'a-fin'], ['h-finance', 'a-fin'], ['h-sales-at', 'a-sales']], 'v2'));
    const { draft: rebased, conflicted } = rebase(draft, theirs);
    expect(conflicted).to.deep.equal(['h-sales']);
    expect(rebased.baseVersion).to.equal('v2');
    expect(Object.keys(rebased.edits).sort()).to.deep.equal(['h-legal', 'h-sales']);
    expect(rebased.conflicts).to.deep.equal({ 'h-sales': 'a-fin' });
    expect(choiceOf(theirs, rebased, 'h-sales')).to.equal('a-board');
    expect(choiceOf(theirs, rebased, 'h-sales-at')).to.equal('a-sales');
    const resolved = acceptTheirs(rebased, 'h-sales');
    expect(choiceOf(theirs, resolved, 'h-sales')).to.equal('a-fin');
    expect(resolved.conflicts).to.deep.equal({});
  });

  it('drops a choice of an app team that no longer exists, marking the conflict', () => {
    const base = buildIndex(doc([]));
    const draft = setChoices(base, emptyDraft('v1'), [['h-legal', 'a-board']]);
    const next = doc([], 'v2');
    next.appTeams = next.appTeams.filter((t) => t.id !== 'a-board');
    const { draft: rebased, conflicted } = rebase(draft, buildIndex(next));
    expect(conflicted).to.deep.equal(['h-legal']);
    expect(rebased.edits).to.deep.equal({});
  });

  it('reads back only drafts it wrote', () => {
    expect(readDraft({ v: 2 })).to.equal(undefined);
    expect(readDraft('x')).to.equal(undefined);
    expect(readDraft({ v: 1, baseVersion: 'v1', edits: {} })?.conflicts).to.deep.equal({});
  });

  it('reads back the teams a save created only when they are well-formed', () => {
    const team = { id: 'at-legal', name: 'Legal', memberCount: 0, fromHrTeamId: 'h-legal' };
    expect(readDraft({ v: 1, baseVersion: 'v1', edits: {}, created: [team] })?.created).to.deep.equal([team]);
    expect(readDraft({ v: 1, baseVersion: 'v1', edits: {}, created: [{ ...team, memberCount: 'x' }] })?.created).to.deep.equal([]);
    expect(readDraft({ v: 1, baseVersion: 'v1', edits: {}, created: 'nonsense' })?.created).to.deep.equal([]);
  });

  it('places the backend\'s refusals on the HR team of the creation they point at', () => {
    const creations = [
      { name: 'Sales', fromHrTeamId: 'h-sales' },
      { name: 'Legal', fromHrTeamId: 'h-legal' },
    ];
    const { byHrTeam, unplaced } = refusedNames(creations, [
      { pointer: '/teams/1/name', code: 'name_taken', detail: 'Taken.' },
      { pointer: '/teams/7/name', code: 'name_taken', detail: 'No such creation.' },
      { pointer: '/teams/0/fromHrTeamId', code: 'unknown_hr_team', detail: 'Unknown HR team.' },
    ]);
    expect([...byHrTeam]).to.deep.equal([['h-legal', { name: 'Legal', detail: 'Taken.' }]]);
    expect(unplaced.map((e) => e.pointer)).to.deep.equal(['/teams/7/name', '/teams/0/fromHrTeamId']);
  });
});
