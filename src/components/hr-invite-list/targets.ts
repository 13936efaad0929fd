import type { InviteCandidate, InviteCandidatePage, InviteFilter, InviteTarget } from '../../contract/invites.js';
import type { TeamMappingDoc } from '../../contract/teams.js';

/** People grouped by where an invitation puts them. */
export interface TargetGroup {
  kind: InviteTarget['kind'] | 'unknown';
  /** App team name, or the HR team name for `team_not_mapped`. */
  name: string;
  count: number;
}

const groupKey = (kind: TargetGroup['kind'], name: string) => `${kind}\u0000${name}`;

function add(groups: Map<string, TargetGroup>, kind: TargetGroup['kind'], name: string, count: number): void {
  const key = groupKey(kind, name);
  const group = groups.get(key);
  if (group) group.count += count;
  else groups.set(key, { kind, name, count });
}

function targetOf(target: InviteTarget): [TargetGroup['kind'], string] {
  if (target.kind === 'team') return ['team', target.appTeam.name];
  if (target.kind === 'team_not_mapped') return ['team_not_mapped', target.hrTeam.name];
  return ['no_hr_team', ''];
}

const sorted = (groups: Map<string, TargetGroup>) =>
  [...groups.values()].filter((g) => g.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

/** Target teams of explicitly chosen people; people not seen on this page count as `unknown`. */
export function targetsOfPeople(ids: Iterable<string>, known: ReadonlyMap<string, InviteCandidate>): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const id of ids) {
    const person = known.get(id);
    if (person) add(groups, ...targetOf(person.target), 1);
    else add(groups, 'unknown', '', 1);
  }
  return sorted(groups);
}

/**
 * Target teams of everyone matching a filter, from the page's HR-team facet counts and the team
 * mapping, minus the people left out (when known).
 */
export function targetsOfFilter(
  facets: InviteCandidatePage['facets'],
  filter: InviteFilter,
  mapping: TeamMappingDoc,
  except: Iterable<InviteCandidate | undefined>,
): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  const chosen = filter.team?.length ? new Set(filter.team) : null;
  const appTeams = new Map(mapping.appTeams.map((t) => [t.id, t.name]));
  const appTeamOf = new Map(mapping.mappings.map((m) => [m.hrTeamId, appTeams.get(m.appTeamId)]));
  for (const facet of facets.teams) {
    if (chosen && !chosen.has(facet.id)) continue;
    const appTeam = appTeamOf.get(facet.id);
    if (appTeam !== undefined) add(groups, 'team', appTeam, facet.count);
    else add(groups, 'team_not_mapped', facet.name, facet.count);
  }
  if (!chosen || chosen.has('none')) add(groups, 'no_hr_team', '', facets.noTeam);
  for (const person of except) {
    if (person) add(groups, ...targetOf(person.target), -1);
  }
  return sorted(groups);
}
