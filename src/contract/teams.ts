import * as z from 'zod/mini';
import { Count, Id, NamedRef } from './common.js';

export const HrTeam = z.object({
  id: Id,
  name: z.string(),
  department: z.nullable(z.string()),
  employeeCount: Count,
});
export type HrTeam = z.infer<typeof HrTeam>;

export const AppTeam = z.object({ id: Id, name: z.string(), memberCount: Count });
export type AppTeam = z.infer<typeof AppTeam>;

/** One HR team maps to at most one app team; many HR teams may share one app team. */
export const TeamMapping = z.object({ hrTeamId: Id, appTeamId: Id });
export type TeamMapping = z.infer<typeof TeamMapping>;

/** The team-mapping document. `version` equals the ETag header. */
export const TeamMappingDoc = z.object({
  hrTeams: z.array(HrTeam),
  appTeams: z.array(AppTeam),
  mappings: z.array(TeamMapping),
  version: z.string(),
});
export type TeamMappingDoc = z.infer<typeof TeamMappingDoc>;

/** Replaces every mapping at once (send If-Match). HR teams left out are unmapped. */
export const SaveTeamMappingsRequest = z.object({ mappings: z.array(TeamMapping) });
export type SaveTeamMappingsRequest = z.infer<typeof SaveTeamMappingsRequest>;

export const CreateAppTeamsRequest = z.object({
  teams: z.array(z.object({ name: z.string().check(z.minLength(1), z.maxLength(120)), fromHrTeamId: z.nullable(Id) })),
});
export type CreateAppTeamsRequest = z.infer<typeof CreateAppTeamsRequest>;

export const CreateAppTeamsResponse = z.object({
  created: z.array(z.extend(AppTeam, { fromHrTeamId: z.nullable(Id) })),
});
export type CreateAppTeamsResponse = z.infer<typeof CreateAppTeamsResponse>;

export { NamedRef };
