import * as z from 'zod/mini';
import { CostCenterShare, Count, Id, IsoDate, NamedRef } from './common.js';

/** Where an invited employee lands: an app team, or why there is none. */
export const InviteTarget = z.union([
  z.object({ kind: z.literal('team'), appTeam: NamedRef }),
  /** The HR team exists but has no app team yet (map it in team-mapper). */
  z.object({ kind: z.literal('team_not_mapped'), hrTeam: NamedRef }),
  /** The employee has no team in the HR system. */
  z.object({ kind: z.literal('no_hr_team') }),
]);
export type InviteTarget = z.infer<typeof InviteTarget>;

export const InviteCandidate = z.object({
  employeeId: Id,
  name: z.string(),
  email: z.nullable(z.string()),
  hrTeam: z.nullable(NamedRef),
  costCenters: z.array(CostCenterShare),
  hireDate: z.nullable(IsoDate),
  isNewHire: z.boolean(),
  excluded: z.boolean(),
  target: InviteTarget,
});
export type InviteCandidate = z.infer<typeof InviteCandidate>;

export const Facet = z.object({ id: Id, name: z.string(), count: Count });
export type Facet = z.infer<typeof Facet>;

/**
 * Query of GET /invite-candidates. `team` and `costCenter` may repeat (OR within a filter,
 * AND across filters); `team=none` selects employees without an HR team.
 */
export const InviteCandidateQuery = z.object({
  q: z.optional(z.string()),
  team: z.optional(z.array(z.string())),
  costCenter: z.optional(z.array(z.string())),
  newHires: z.optional(z.boolean()),
  /** true: only excluded people; false/absent: only people not excluded. */
  excluded: z.optional(z.boolean()),
  cursor: z.optional(z.string()),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
});
export type InviteCandidateQuery = z.infer<typeof InviteCandidateQuery>;
export type InviteFilter = Omit<InviteCandidateQuery, 'cursor' | 'limit'>;

export const InviteCandidatePage = z.object({
  items: z.array(InviteCandidate),
  nextCursor: z.nullable(z.string()),
  /** Candidates matching the filter, across all pages. */
  total: Count,
  /** Counts for the current filter, each facet ignoring its own selection. */
  facets: z.object({ teams: z.array(Facet), costCenters: z.array(Facet), noTeam: Count }),
});
export type InviteCandidatePage = z.infer<typeof InviteCandidatePage>;

/** Invite the listed people, or everyone matching `filter` except `exceptIds`. */
export const CreateInvitationsRequest = z.union([
  z.object({ employeeIds: z.array(Id).check(z.minLength(1), z.maxLength(50000)) }),
  z.object({
    filter: z.object({
      q: z.optional(z.string()),
      team: z.optional(z.array(z.string())),
      costCenter: z.optional(z.array(z.string())),
      newHires: z.optional(z.boolean()),
    }),
    exceptIds: z.array(Id),
  }),
]);
export type CreateInvitationsRequest = z.infer<typeof CreateInvitationsRequest>;

export const InvitationResultStatus = z.enum(['sent', 'already_user', 'no_email', 'failed']);
export type InvitationResultStatus = z.infer<typeof InvitationResultStatus>;

export const CreateInvitationsResponse = z.object({
  results: z.array(
    z.object({ employeeId: Id, status: InvitationResultStatus, reason: z.nullable(z.string()) }),
  ),
  summary: z.object({ sent: Count, alreadyUser: Count, noEmail: Count, failed: Count }),
});
export type CreateInvitationsResponse = z.infer<typeof CreateInvitationsResponse>;

export const Exclusion = z.object({ employeeId: Id, excluded: z.boolean() });
export type Exclusion = z.infer<typeof Exclusion>;
