import * as z from 'zod/mini';
import { Count, Id, IsoDate, IsoDateTime, NamedRef } from './common.js';

export const AbsenceType = z.enum(['paid_vacation', 'sick_leave', 'parental_leave', 'unpaid_leave', 'other']);
export type AbsenceType = z.infer<typeof AbsenceType>;

export const Delegation = z.object({
  id: Id,
  absenceId: Id,
  approver: NamedRef,
  substitute: NamedRef,
  /** Inclusive period; the delegation ends by itself after `endsOn` or when the approver is back. */
  startsOn: IsoDate,
  endsOn: IsoDate,
  status: z.enum(['scheduled', 'active', 'ended']),
});
export type Delegation = z.infer<typeof Delegation>;

export const ApproverAbsence = z.object({
  id: Id,
  approver: NamedRef,
  /** null when the HR system does not share the absence type. */
  type: z.nullable(AbsenceType),
  startsOn: IsoDate,
  /** null when open-ended. */
  endsOn: z.nullable(IsoDate),
  waitingRequests: Count,
  oldestWaitingSince: z.nullable(IsoDateTime),
  /** The oldest waiting request is past the host's approval deadline. */
  overdue: z.boolean(),
  delegation: z.nullable(Delegation),
});
export type ApproverAbsence = z.infer<typeof ApproverAbsence>;

export const ApproverAbsenceList = z.object({ items: z.array(ApproverAbsence) });
export type ApproverAbsenceList = z.infer<typeof ApproverAbsenceList>;

/** Candidates never include the absent approver nor anyone absent in the same period. */
export const SubstituteCandidate = z.object({
  id: Id,
  name: z.string(),
  email: z.nullable(z.string()),
  /** Requested at least one of the waiting items: approving their own request needs care. */
  isRequesterOfWaiting: z.boolean(),
});
export type SubstituteCandidate = z.infer<typeof SubstituteCandidate>;

export const SubstituteCandidateList = z.object({ items: z.array(SubstituteCandidate) });
export type SubstituteCandidateList = z.infer<typeof SubstituteCandidateList>;

export const CreateDelegationRequest = z.object({
  absenceId: Id,
  substituteId: Id,
  startsOn: IsoDate,
  endsOn: IsoDate,
});
export type CreateDelegationRequest = z.infer<typeof CreateDelegationRequest>;

export const UpdateDelegationRequest = z.object({
  substituteId: z.optional(Id),
  startsOn: z.optional(IsoDate),
  endsOn: z.optional(IsoDate),
});
export type UpdateDelegationRequest = z.infer<typeof UpdateDelegationRequest>;
