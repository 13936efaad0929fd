import * as z from 'zod/mini';
import { CostCenterShare, Count, Id, IsoDate, NamedRef } from './common.js';

export const MatchStatus = z.enum(['linked', 'suggested', 'unmatched', 'conflict']);
export type MatchStatus = z.infer<typeof MatchStatus>;

export const EmployeeRef = z.object({
  id: Id,
  name: z.string(),
  email: z.nullable(z.string()),
  hrTeam: z.nullable(NamedRef),
});
export type EmployeeRef = z.infer<typeof EmployeeRef>;

export const UserLink = z.object({
  userId: Id,
  userName: z.string(),
  userEmail: z.string(),
  status: MatchStatus,
  /** The linked employee (`linked`) or the suggestion (`suggested`). */
  employee: z.nullable(EmployeeRef),
  /** For `conflict`: the employees that compete for this user. */
  candidates: z.array(EmployeeRef),
  conflictReason: z.nullable(z.enum(['several_employees', 'employee_linked_elsewhere'])),
});
export type UserLink = z.infer<typeof UserLink>;

/** All users with their match; `version` equals the ETag header. */
export const UserLinksDoc = z.object({
  items: z.array(UserLink),
  counts: z.object({ linked: Count, suggested: Count, unmatched: Count, conflict: Count }),
  version: z.string(),
});
export type UserLinksDoc = z.infer<typeof UserLinksDoc>;

export const EmployeeSearchResult = z.object({ items: z.array(EmployeeRef), nextCursor: z.nullable(z.string()) });
export type EmployeeSearchResult = z.infer<typeof EmployeeSearchResult>;

/** Send only the users whose link changes; `employeeId: null` unlinks. */
export const SaveUserLinksRequest = z.object({
  links: z.array(z.object({ userId: Id, employeeId: z.nullable(Id) })),
});
export type SaveUserLinksRequest = z.infer<typeof SaveUserLinksRequest>;

export const SaveUserLinksResponse = z.object({
  results: z.array(
    z.object({
      userId: Id,
      status: z.enum(['saved', 'failed']),
      reason: z.nullable(z.string()),
    }),
  ),
  version: z.string(),
});
export type SaveUserLinksResponse = z.infer<typeof SaveUserLinksResponse>;

/** A synced field: either not shared by the HR system, or its value now and after the sync. */
const field = <T extends z.ZodMiniType>(value: T) =>
  z.union([
    z.object({ shared: z.literal(false) }),
    z.object({ shared: z.literal(true), current: z.nullable(value), next: z.nullable(value) }),
  ]);

/** The bank account is never sent in full: only its last 4 characters. */
export const MaskedBankAccount = z.object({
  last4: z.string().check(z.maxLength(4)),
  holder: z.nullable(z.string()),
});

export const SyncPreview = z.object({
  userId: Id,
  employeeId: Id,
  fields: z.object({
    name: field(z.string()),
    hrTeam: field(NamedRef),
    appTeam: field(NamedRef),
    department: field(z.string()),
    costCenters: field(z.array(CostCenterShare)),
    supervisor: field(NamedRef),
    lastWorkingDay: field(IsoDate),
    bankAccount: field(MaskedBankAccount),
  }),
});
export type SyncPreview = z.infer<typeof SyncPreview>;
export type SyncPreviewField = keyof SyncPreview['fields'];
