import { expect } from '@open-wc/testing';
import type { EmployeeRef, UserLink, UserLinksDoc } from '../../src/contract/links.js';
import {
  acceptAllSuggestions,
  changeCount,
  choose,
  emailsMatch,
  emptyDraft,
  filterLinks,
  fingerprint,
  indexDoc,
  maskAccount,
  normalizeEmail,
  openSuggestions,
  pageOf,
  rebase,
  saveBody,
  undo,
} from '../../src/components/employee-matcher/link-model.js';

const emp = (id: string, name = id): EmployeeRef => ({ id, name, email: `${id}@x.example`, hrTeam: null });
const link = (userId: string, status: UserLink['status'], employee: EmployeeRef | null = null, extra: Partial<UserLink> = {}): UserLink => ({
  userId,
  userName: `User ${userId}`,
  userEmail: `${userId}@x.example`,
  status,
  employee,
  candidates: [],
  conflictReason: null,
  ...extra,
});
const docOf = (items: UserLink[], version = 'v1'): UserLinksDoc => ({
  items,
  counts: { linked: 0, suggested: 0, unmatched: 0, conflict: 0 },
  version,
});

describe('employee-matcher model', () => {
  it('normalizes e-mail addresses ignoring case and surrounding spaces', () => {
    expect(normalizeEmail('  Sophie.Jansen@Noordlicht.example ')).to.equal('sophie.jansen@noordlicht.example');
    expect(emailsMatch(' A@B.example', 'a@b.EXAMPLE ')).to.equal(true);
    expect(emailsMatch('a@b.example', 'a.b@b.example')).to.equal(false);
    expect(emailsMatch('', '')).to.equal(false);
    expect(emailsMatch(null, null)).to.equal(false);
  });

  it('filters by status and by every search word in name or e-mail', () => {
    const doc = docOf([
      link('u1', 'linked', emp('e1'), { userName: 'Anna Schmidt', userEmail: 'anna@firma.example' }),
      link('u2', 'suggested', emp('e2'), { userName: 'Jan de Vries', userEmail: 'jan@firma.example' }),
      link('u3', 'unmatched', null, { userName: 'Anna Berg', userEmail: 'berg@else.example' }),
    ]);
    const index = indexDoc(doc);
    expect(indexDoc(doc)).to.equal(index);
    expect(filterLinks(index, 'all', '').map((l) => l.userId)).to.deep.equal(['u1', 'u2', 'u3']);
    expect(filterLinks(index, 'all', '  ANNA ').map((l) => l.userId)).to.deep.equal(['u1', 'u3']);
    expect(filterLinks(index, 'all', 'anna firma').map((l) => l.userId)).to.deep.equal(['u1']);
    expect(filterLinks(index, 'suggested', '').map((l) => l.userId)).to.deep.equal(['u2']);
    expect(filterLinks(index, 'conflict', '')).to.deep.equal([]);
  });

  it('pages with clamping', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 1, 50)).to.include({ page: 1, pageCount: 3, first: 1, last: 50, total: 120 });
    expect(pageOf(items, 3, 50).items).to.have.length(20);
    expect(pageOf(items, 9, 50).page).to.equal(3);
    expect(pageOf([], 1, 50)).to.include({ page: 1, pageCount: 1, first: 0, last: 0 });
  });

  it('sends only choices that change a link', () => {
    const doc = docOf([link('u1', 'linked', emp('e1')), link('u2', 'suggested', emp('e2')), link('u3', 'unmatched')]);
    const index = indexDoc(doc);
    let draft = choose(emptyDraft(), doc.items[0]!, emp('e1'), doc.version); // restates the link
    draft = choose(draft, doc.items[1]!, null, doc.version); // leaves a suggestion unlinked: no change
    draft = choose(draft, doc.items[2]!, emp('e9'), doc.version);
    expect(draft.baseVersion).to.equal('v1');
    expect(saveBody(index, draft)).to.deep.equal({ links: [{ userId: 'u3', employeeId: 'e9' }] });
    draft = choose(draft, doc.items[0]!, null, doc.version);
    expect(changeCount(index, draft)).to.equal(2);
    expect(draft.choices.u1!.base).to.equal('e1');
    draft = undo(undo(undo(draft, 'u1'), 'u2'), 'u3');
    expect(draft.choices).to.deep.equal({});
    expect(draft.baseVersion).to.equal(null);
  });

  it('accepts all undecided suggestions once', () => {
    const doc = docOf([link('u1', 'suggested', emp('e1')), link('u2', 'suggested', emp('e2')), link('u3', 'linked', emp('e3'))]);
    const decided = choose(emptyDraft(), doc.items[1]!, null, doc.version);
    expect(openSuggestions(indexDoc(doc), decided)).to.equal(1);
    const { draft, accepted } = acceptAllSuggestions(decided, doc);
    expect(accepted.map((l) => l.userId)).to.deep.equal(['u1']);
    expect(draft.choices.u1!.employeeId).to.equal('e1');
    expect(draft.choices.u2!.employeeId).to.equal(null);
    expect(acceptAllSuggestions(draft, doc).accepted).to.deep.equal([]);
  });

  it('rebases choices on a newer document and reports conflicts', () => {
    const before = docOf([link('u1', 'unmatched'), link('u2', 'unmatched'), link('u3', 'unmatched'), link('u4', 'unmatched')]);
    let draft = emptyDraft();
    for (const [i, e] of ['e1', 'e2', 'e3', 'e4'].entries()) draft = choose(draft, before.items[i]!, emp(e), before.version);
    const after = docOf(
      [
        link('u1', 'unmatched'), // unchanged: kept, no conflict
        link('u2', 'linked', emp('e7', 'Other')), // changed by someone else: conflict, choice kept
        link('u3', 'linked', emp('e3')), // someone else did the same: no conflict
      ],
      'v2',
    );
    const { draft: next, conflicts } = rebase({ ...draft, pending: { key: 'k', fingerprint: 'f' } }, after);
    expect(next.baseVersion).to.equal('v2');
    expect(next.pending).to.equal(null);
    expect(Object.keys(next.choices)).to.deep.equal(['u1', 'u2', 'u3']);
    expect(next.choices.u2).to.deep.include({ employeeId: 'e2', base: 'e7' });
    expect(conflicts.map((c) => [c.userId, c.theirs?.name ?? null, c.mine?.id ?? null, c.removed])).to.deep.equal([
      ['u2', 'Other', 'e2', false],
      ['u4', null, 'e4', true],
    ]);
    expect(saveBody(indexDoc(after), next).links).to.deep.equal([
      { userId: 'u1', employeeId: 'e1' },
      { userId: 'u2', employeeId: 'e2' },
    ]);
  });

  it('fingerprints a write by version and links', () => {
    const body = { links: [{ userId: 'u1', employeeId: 'e1' }] };
    expect(fingerprint('v1', body)).to.equal(fingerprint('v1', { links: [{ employeeId: 'e1', userId: 'u1' }] }));
    expect(fingerprint('v1', body)).not.to.equal(fingerprint('v2', body));
  });

  it('masks a bank account to its last four characters', () => {
    expect(maskAccount('1234')).to.equal('•••• 1234');
    expect(maskAccount('DE89370400440532013000')).to.equal('•••• 3000');
  });
});
