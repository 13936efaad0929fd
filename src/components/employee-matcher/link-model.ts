import type { EmployeeRef, MatchStatus, SaveUserLinksRequest, UserLink, UserLinksDoc } from '../../contract/links.js';

/** The admin's decision for one user: link to an employee, or leave (or make) the user unlinked. */
export interface LinkChoice {
  employeeId: string | null;
  /** The chosen employee, for display (a picked employee need not appear in the document). */
  employee: EmployeeRef | null;
  /** The user's link on the server when the admin chose; a different link later is a conflict. */
  base: string | null;
}

/** Unsaved work of the matcher, kept in `services.drafts` so it survives a re-mount. */
export interface MatcherDraft {
  /** The document version the choices were made on; sent as If-Match. */
  baseVersion: string | null;
  choices: Readonly<Record<string, LinkChoice>>;
  /** The save under way or last attempted: a retry of the same write reuses its key. */
  pending: { key: string; fingerprint: string } | null;
}

export const emptyDraft = (): MatcherDraft => ({ baseVersion: null, choices: {}, pending: null });

/** E-mail as matching sees it: case- and surrounding-whitespace-insensitive. */
export const normalizeEmail = (email: string | null | undefined): string => (email ?? '').trim().toLowerCase();

/** Whether a user's e-mail and an employee's e-mail are the same address for matching. */
export const emailsMatch = (a: string | null | undefined, b: string | null | undefined): boolean => {
  const left = normalizeEmail(a);
  return left !== '' && left === normalizeEmail(b);
};

/** The employee a user is linked to on the server (a suggestion is not a link). */
export const serverLink = (link: UserLink): string | null => (link.status === 'linked' ? (link.employee?.id ?? null) : null);

export interface IndexedDoc {
  readonly doc: UserLinksDoc;
  readonly items: readonly UserLink[];
  /** Lower-cased `name \n email` per item, computed once per document. */
  readonly haystacks: readonly string[];
  readonly byId: ReadonlyMap<string, UserLink>;
}

const indexes = new WeakMap<UserLinksDoc, IndexedDoc>();

/** Precomputes what filtering needs, once per document object. */
export function indexDoc(doc: UserLinksDoc): IndexedDoc {
  let index = indexes.get(doc);
  if (!index) {
    const byId = new Map<string, UserLink>();
    const haystacks = doc.items.map((item) => {
      byId.set(item.userId, item);
      return `${item.userName}\n${item.userEmail}`.toLowerCase();
    });
    index = { doc, items: doc.items, haystacks, byId };
    indexes.set(doc, index);
  }
  return index;
}

export type StatusFilter = MatchStatus | 'all';

/** Users with the status (by the server's match) whose name or e-mail holds every search word. */
export function filterLinks(index: IndexedDoc, status: StatusFilter, search: string): UserLink[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const out: UserLink[] = [];
  const { items, haystacks } = index;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (status !== 'all' && item.status !== status) continue;
    if (words.length) {
      const text = haystacks[i]!;
      let all = true;
      for (const word of words) {
        if (!text.includes(word)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
    }
    out.push(item);
  }
  return out;
}

export interface PageSlice<T> {
  items: T[];
  page: number;
  pageCount: number;
  /** 1-based index of the first item on the page, 0 when empty. */
  first: number;
  last: number;
  total: number;
}

/** One page of `items`; `page` is clamped to the pages that exist. */
export function pageOf<T>(items: readonly T[], page: number, size: number): PageSlice<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const start = (current - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: current, pageCount, first: slice.length ? start + 1 : 0, last: start + slice.length, total: items.length };
}

/** The employee a user ends up with: the admin's choice, else the server's link. */
export function effectiveEmployee(link: UserLink, choice: LinkChoice | undefined): EmployeeRef | null {
  if (choice) return choice.employee;
  return link.status === 'linked' ? link.employee : null;
}

/** The employee whose data a preview shows: the effective one, else the suggestion. */
export function previewEmployee(link: UserLink, choice: LinkChoice | undefined): EmployeeRef | null {
  if (choice) return choice.employee;
  return link.status === 'linked' || link.status === 'suggested' ? link.employee : null;
}

/** Whether the choice changes the user's link on the server. */
export const isChange = (link: UserLink, choice: LinkChoice | undefined): boolean =>
  choice !== undefined && choice.employeeId !== serverLink(link);

/** A draft with one user's choice set; a choice that restates the server's link is kept (it is a decision). */
export function choose(draft: MatcherDraft, link: UserLink, employee: EmployeeRef | null, version: string): MatcherDraft {
  const previous = draft.choices[link.userId];
  const choice: LinkChoice = { employeeId: employee?.id ?? null, employee, base: previous?.base ?? serverLink(link) };
  return { ...draft, baseVersion: draft.baseVersion ?? version, choices: { ...draft.choices, [link.userId]: choice } };
}

export function undo(draft: MatcherDraft, userId: string): MatcherDraft {
  if (!(userId in draft.choices)) return draft;
  const choices = { ...draft.choices };
  delete choices[userId];
  return { ...draft, choices, baseVersion: Object.keys(choices).length ? draft.baseVersion : null };
}

/** Accepts every suggestion the admin has not decided on yet; returns the new draft and the users it changed. */
export function acceptAllSuggestions(draft: MatcherDraft, doc: UserLinksDoc): { draft: MatcherDraft; accepted: UserLink[] } {
  const accepted: UserLink[] = [];
  const choices: Record<string, LinkChoice> = { ...draft.choices };
  for (const link of doc.items) {
    if (link.status !== 'suggested' || !link.employee || link.userId in choices) continue;
    choices[link.userId] = { employeeId: link.employee.id, employee: link.employee, base: null };
    accepted.push(link);
  }
  if (!accepted.length) return { draft, accepted };
  return { draft: { ...draft, baseVersion: draft.baseVersion ?? doc.version, choices }, accepted };
}

/** Suggestions the admin has not decided on yet. */
export function openSuggestions(index: IndexedDoc, draft: MatcherDraft): number {
  let n = 0;
  for (const link of index.items) if (link.status === 'suggested' && link.employee && !(link.userId in draft.choices)) n++;
  return n;
}

/** The save request: only the users whose link changes, in document order. */
export function saveBody(index: IndexedDoc, draft: MatcherDraft): SaveUserLinksRequest {
  const links: SaveUserLinksRequest['links'] = [];
  for (const [userId, choice] of Object.entries(draft.choices)) {
    const link = index.byId.get(userId);
    if (link && isChange(link, choice)) links.push({ userId, employeeId: choice.employeeId });
  }
  return { links };
}

/** Number of choices that change a link. */
export function changeCount(index: IndexedDoc, draft: MatcherDraft): number {
  let n = 0;
  for (const [userId, choice] of Object.entries(draft.choices)) {
    const link = index.byId.get(userId);
    if (link && isChange(link, choice)) n++;
  }
  return n;
}

export interface LinkConflict {
  userId: string;
  userName: string;
  /** What the other admin linked (null: unlinked, or the user is gone when `removed`). */
  theirs: EmployeeRef | null;
  mine: EmployeeRef | null;
  removed: boolean;
}

/**
 * Puts the admin's choices on top of a newer document. A choice whose user's link changed on the
 * server since it was made is a conflict: it stays (the admin decides) and is reported. Choices
 * for users that no longer exist are dropped and reported.
 */
export function rebase(draft: MatcherDraft, doc: UserLinksDoc): { draft: MatcherDraft; conflicts: LinkConflict[] } {
  const index = indexDoc(doc);
  const conflicts: LinkConflict[] = [];
  const choices: Record<string, LinkChoice> = {};
  for (const [userId, choice] of Object.entries(draft.choices)) {
    const link = index.byId.get(userId);
    if (!link) {
      conflicts.push({ userId, userName: userId, theirs: null, mine: choice.employee, removed: true });
      continue;
    }
    const now = serverLink(link);
    if (now !== choice.base && now !== choice.employeeId) {
      conflicts.push({ userId, userName: link.userName, theirs: link.status === 'linked' ? link.employee : null, mine: choice.employee, removed: false });
    }
    choices[userId] = { ...choice, base: now };
  }
  return { draft: { baseVersion: Object.keys(choices).length ? doc.version : null, choices, pending: null }, conflicts };
}

/** Stable text of a write, to tell a retry of the same write from a new one. */
export function fingerprint(ifMatch: string, body: SaveUserLinksRequest): string {
  return JSON.stringify([ifMatch, body.links.map((l) => [l.userId, l.employeeId])]);
}

/** A bank account as it may ever appear: bullets and the last four characters. */
export const maskAccount = (last4: string): string => `•••• ${last4.slice(-4)}`;
