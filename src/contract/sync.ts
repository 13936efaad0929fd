import * as z from 'zod/mini';
import { Count, Id, IsoDate, IsoDateTime } from './common.js';

export const OffboardingSettings = z.object({
  /** Deactivate users automatically after their last working day. */
  enabled: z.boolean(),
  /** Days after the last working day before the account is deactivated, 0–30. */
  graceDays: z.int().check(z.minimum(0), z.maximum(30)),
  version: z.string(),
});
export type OffboardingSettings = z.infer<typeof OffboardingSettings>;

export const SaveOffboardingSettingsRequest = z.object({
  enabled: z.boolean(),
  graceDays: z.int().check(z.minimum(0), z.maximum(30)),
});
export type SaveOffboardingSettingsRequest = z.infer<typeof SaveOffboardingSettingsRequest>;

export const UpcomingDeactivation = z.object({
  userId: Id,
  name: z.string(),
  email: z.nullable(z.string()),
  lastWorkingDay: IsoDate,
  /** lastWorkingDay + grace days; null while the user is kept active. */
  deactivatesOn: z.nullable(IsoDate),
  status: z.enum(['scheduled', 'kept_active', 'deactivated']),
});
export type UpcomingDeactivation = z.infer<typeof UpcomingDeactivation>;

export const SyncNotices = z.object({
  newHires: z.object({
    /** Employees who appeared since `since` (the admin's last look). */
    count: Count,
    since: z.nullable(IsoDateTime),
  }),
  /** Users whose last working day is within the next 30 days or just passed. */
  deactivations: z.array(UpcomingDeactivation),
});
export type SyncNotices = z.infer<typeof SyncNotices>;

export const DeactivationResult = z.object({ userId: Id, status: z.enum(['scheduled', 'kept_active', 'deactivated']) });
export type DeactivationResult = z.infer<typeof DeactivationResult>;

export { Count };
