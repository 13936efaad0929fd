import type { CreateInvitationsRequest, CreateInvitationsResponse, InviteFilter } from '../../contract/invites.js';

/** The part of a filter an "all matching" invitation request carries. */
export type InviteMatchFilter = Pick<InviteFilter, 'q' | 'team' | 'costCenter' | 'newHires'>;

/**
 * What the admin selected: explicit people, or everyone matching one filter except some. The
 * "all matching" form never needs the matching people loaded.
 */
export type InviteSelection =
  | { readonly mode: 'ids'; readonly ids: ReadonlySet<string> }
  | {
      readonly mode: 'all';
      readonly filter: InviteMatchFilter;
      /** {@link filterKey} of the whole filter (excluded view too) the selection was made under. */
      readonly key: string;
      readonly except: ReadonlySet<string>;
    };

export type SelectionMode = 'none' | 'ids' | 'all';

export const emptySelection: InviteSelection = { mode: 'ids', ids: new Set() };

/** The filter without empty parts, arrays sorted: equal filters give equal objects. */
export function normalizeFilter(filter: InviteFilter): InviteFilter {
  const out: InviteFilter = {};
  const q = filter.q?.trim();
  if (q) out.q = q;
  if (filter.team?.length) out.team = [...new Set(filter.team)].sort();
  if (filter.costCenter?.length) out.costCenter = [...new Set(filter.costCenter)].sort();
  if (filter.newHires) out.newHires = true;
  if (filter.excluded) out.excluded = true;
  return out;
}

/** A stable string for a filter: two filters that select the same people give the same key. */
export function filterKey(filter: InviteFilter): string {
  const f = normalizeFilter(filter);
  return JSON.stringify([f.q ?? '', f.team ?? [], f.costCenter ?? [], f.newHires ?? false, f.excluded ?? false]);
}

export function isFilterActive(filter: InviteFilter): boolean {
  const f = normalizeFilter(filter);
  return Boolean(f.q || f.team || f.costCenter || f.newHires);
}

export function selectionMode(selection: InviteSelection): SelectionMode {
  if (selection.mode === 'all') return 'all';
  return selection.ids.size > 0 ? 'ids' : 'none';
}

export function isSelected(selection: InviteSelection, id: string): boolean {
  return selection.mode === 'all' ? !selection.except.has(id) : selection.ids.has(id);
}

/** Selects (or deselects) each of `ids`, keeping the mode. */
export function setSelected(selection: InviteSelection, ids: Iterable<string>, selected: boolean): InviteSelection {
  if (selection.mode === 'all') {
    const except = new Set(selection.except);
    for (const id of ids) {
      if (selected) except.delete(id);
      else except.add(id);
    }
    return { ...selection, except };
  }
  const next = new Set(selection.ids);
  for (const id of ids) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return { mode: 'ids', ids: next };
}

export function toggle(selection: InviteSelection, id: string): InviteSelection {
  return setSelected(selection, [id], !isSelected(selection, id));
}

/** Everyone matching `filter`, across every page, without loading them. */
export function selectAllMatching(filter: InviteFilter): InviteSelection {
  const f = normalizeFilter(filter);
  const match: InviteMatchFilter = {};
  if (f.q) match.q = f.q;
  if (f.team) match.team = f.team;
  if (f.costCenter) match.costCenter = f.costCenter;
  if (f.newHires) match.newHires = true;
  return { mode: 'all', filter: match, key: filterKey(filter), except: new Set() };
}

/** How many are selected; "all matching" needs the filter's total (null while unknown). */
export function selectionCount(selection: InviteSelection, matchingTotal: number | null): number {
  if (selection.mode === 'ids') return selection.ids.size;
  if (matchingTotal === null) return 0;
  return Math.max(0, matchingTotal - selection.except.size);
}

/**
 * After the filter changed: explicit ids survive (selection is per person); "all matching" a
 * filter that is no longer shown resets to nothing, and `reset` says so.
 */
export function reconcileFilter(selection: InviteSelection, filter: InviteFilter): { selection: InviteSelection; reset: boolean } {
  if (selection.mode === 'all' && selection.key !== filterKey(filter)) return { selection: emptySelection, reset: true };
  return { selection, reset: false };
}

/** Ids of the rows from `from` to `to` (either order, both included, clamped to the rows). */
export function rangeIds(rows: readonly { employeeId: string }[], from: number, to: number): string[] {
  if (rows.length === 0) return [];
  const clamp = (n: number) => Math.min(rows.length - 1, Math.max(0, n));
  const start = clamp(Math.min(from, to));
  const end = clamp(Math.max(from, to));
  const ids: string[] = [];
  for (let i = start; i <= end; i++) ids.push(rows[i]!.employeeId);
  return ids;
}

/** The one bulk request for the selection; null when nothing is selected. */
export function toInvitationRequest(selection: InviteSelection): CreateInvitationsRequest | null {
  if (selection.mode === 'all') return { filter: { ...selection.filter }, exceptIds: [...selection.except].sort() };
  if (selection.ids.size === 0) return null;
  return { employeeIds: [...selection.ids] };
}

/** After the invitations went out: only the people whose invitation failed stay selected. */
export function afterInvitations(selection: InviteSelection, results: CreateInvitationsResponse['results']): InviteSelection {
  const failed = results.filter((r) => r.status === 'failed').map((r) => r.employeeId);
  if (selection.mode === 'all') return { mode: 'ids', ids: new Set(failed) };
  const done = new Set(results.filter((r) => r.status !== 'failed').map((r) => r.employeeId));
  const ids = new Set([...selection.ids].filter((id) => !done.has(id)));
  return { mode: 'ids', ids };
}
