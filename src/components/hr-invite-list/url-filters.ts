import type { InviteFilter } from '../../contract/invites.js';
import { normalizeFilter } from './selection.js';

/** Query-string names of the filter, prefixed so they do not clash with the host's own. */
export const urlParams = {
  q: 'invite-q',
  team: 'invite-team',
  costCenter: 'invite-cost-center',
  newHires: 'invite-new-hires',
  excluded: 'invite-excluded',
} as const;

/** The filter a query string (`?invite-q=…&invite-team=…`) describes. */
export function filterFromSearch(search: string): InviteFilter {
  const params = new URLSearchParams(search);
  return normalizeFilter({
    q: params.get(urlParams.q) ?? undefined,
    team: params.getAll(urlParams.team),
    costCenter: params.getAll(urlParams.costCenter),
    newHires: params.get(urlParams.newHires) === '1',
    excluded: params.get(urlParams.excluded) === '1',
  });
}

/** `search` with the filter's parameters replaced; the host's other parameters stay as they are. */
export function searchWithFilter(search: string, filter: InviteFilter): string {
  const params = new URLSearchParams(search);
  for (const name of Object.values(urlParams)) params.delete(name);
  const f = normalizeFilter(filter);
  if (f.q) params.set(urlParams.q, f.q);
  for (const team of f.team ?? []) params.append(urlParams.team, team);
  for (const costCenter of f.costCenter ?? []) params.append(urlParams.costCenter, costCenter);
  if (f.newHires) params.set(urlParams.newHires, '1');
  if (f.excluded) params.set(urlParams.excluded, '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
