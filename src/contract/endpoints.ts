import * as z from 'zod/mini';
import { ConnectRequest, Connection, ProviderList, SyncRun } from './connection.js';
import { CreateAppTeamsRequest, CreateAppTeamsResponse, SaveTeamMappingsRequest, TeamMappingDoc } from './teams.js';
import { EmployeeSearchResult, SaveUserLinksRequest, SaveUserLinksResponse, SyncPreview, UserLinksDoc } from './links.js';
import { CreateInvitationsRequest, CreateInvitationsResponse, Exclusion, InviteCandidatePage, InviteCandidateQuery } from './invites.js';
import {
  ApproverAbsenceList,
  CreateDelegationRequest,
  Delegation,
  SubstituteCandidateList,
  UpdateDelegationRequest,
} from './approvals.js';
import { DeactivationResult, OffboardingSettings, SaveOffboardingSettingsRequest, SyncNotices } from './sync.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One row of the endpoint table. `path` is relative to the host's base URL; `{name}` segments
 * are path parameters. `idempotencyKey`: the request carries an Idempotency-Key header and a
 * retry reuses it. `conditional`: the request carries If-Match with the document's ETag.
 */
export interface Endpoint<
  Res extends z.ZodMiniType | null = z.ZodMiniType | null,
  Body extends z.ZodMiniType | null = z.ZodMiniType | null,
  Query extends z.ZodMiniType | null = z.ZodMiniType | null,
  Path extends string = string,
> {
  readonly method: HttpMethod;
  readonly path: Path;
  readonly query: Query;
  readonly body: Body;
  /** Schema of a successful response body; null for 204. */
  readonly response: Res;
  readonly status: number;
  readonly idempotencyKey: boolean;
  readonly conditional: boolean;
  /** The response carries an ETag (documents that two admins may edit). */
  readonly etag: boolean;
}

const endpoint = <
  Res extends z.ZodMiniType | null,
  Body extends z.ZodMiniType | null = null,
  Query extends z.ZodMiniType | null = null,
  const Path extends string = string,
>(
  e: Partial<Endpoint<Res, Body, Query, Path>> & Pick<Endpoint<Res, Body, Query, Path>, 'method' | 'path' | 'response'>,
): Endpoint<Res, Body, Query, Path> => ({
  query: null as Query,
  body: null as Body,
  status: 200,
  idempotencyKey: false,
  conditional: false,
  etag: false,
  ...e,
});

const EmployeeSearchQuery = z.object({
  q: z.optional(z.string()),
  cursor: z.optional(z.string()),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
});
const SyncPreviewQuery = z.object({ employeeId: z.string() });
const SubstituteQuery = z.object({ q: z.optional(z.string()) });
const SetExclusionRequest = z.object({ excluded: z.boolean() });
const KeepActiveRequest = z.object({ keepActive: z.boolean() });

export const endpoints = {
  listProviders: endpoint({ method: 'GET', path: '/providers', response: ProviderList }),
  getConnection: endpoint({ method: 'GET', path: '/connection', response: Connection }),
  connect: endpoint({ method: 'POST', path: '/connection', body: ConnectRequest, response: Connection, status: 201, idempotencyKey: true }),
  disconnect: endpoint({ method: 'DELETE', path: '/connection', response: null, status: 204 }),
  startSync: endpoint({ method: 'POST', path: '/sync-runs', response: SyncRun, status: 202, idempotencyKey: true }),
  getSyncRun: endpoint({ method: 'GET', path: '/sync-runs/{runId}', response: SyncRun }),

  getTeamMapping: endpoint({ method: 'GET', path: '/team-mapping', response: TeamMappingDoc, etag: true }),
  saveTeamMapping: endpoint({ method: 'PUT', path: '/team-mapping', body: SaveTeamMappingsRequest, response: TeamMappingDoc, idempotencyKey: true, conditional: true, etag: true }),
  createAppTeams: endpoint({ method: 'POST', path: '/app-teams', body: CreateAppTeamsRequest, response: CreateAppTeamsResponse, status: 201, idempotencyKey: true }),

  getUserLinks: endpoint({ method: 'GET', path: '/user-links', response: UserLinksDoc, etag: true }),
  saveUserLinks: endpoint({ method: 'PUT', path: '/user-links', body: SaveUserLinksRequest, response: SaveUserLinksResponse, idempotencyKey: true, conditional: true, etag: true }),
  searchEmployees: endpoint({ method: 'GET', path: '/employees', query: EmployeeSearchQuery, response: EmployeeSearchResult }),
  getSyncPreview: endpoint({ method: 'GET', path: '/users/{userId}/sync-preview', query: SyncPreviewQuery, response: SyncPreview }),

  listInviteCandidates: endpoint({ method: 'GET', path: '/invite-candidates', query: InviteCandidateQuery, response: InviteCandidatePage }),
  createInvitations: endpoint({ method: 'POST', path: '/invitations', body: CreateInvitationsRequest, response: CreateInvitationsResponse, idempotencyKey: true }),
  setExclusion: endpoint({ method: 'PUT', path: '/invite-candidates/{employeeId}/exclusion', body: SetExclusionRequest, response: Exclusion }),

  listApproverAbsences: endpoint({ method: 'GET', path: '/approver-absences', response: ApproverAbsenceList }),
  listSubstituteCandidates: endpoint({ method: 'GET', path: '/approver-absences/{absenceId}/substitute-candidates', query: SubstituteQuery, response: SubstituteCandidateList }),
  createDelegation: endpoint({ method: 'POST', path: '/delegations', body: CreateDelegationRequest, response: Delegation, status: 201, idempotencyKey: true }),
  updateDelegation: endpoint({ method: 'PATCH', path: '/delegations/{delegationId}', body: UpdateDelegationRequest, response: Delegation, idempotencyKey: true }),
  endDelegation: endpoint({ method: 'DELETE', path: '/delegations/{delegationId}', response: Delegation }),

  getOffboardingSettings: endpoint({ method: 'GET', path: '/offboarding-settings', response: OffboardingSettings, etag: true }),
  saveOffboardingSettings: endpoint({ method: 'PUT', path: '/offboarding-settings', body: SaveOffboardingSettingsRequest, response: OffboardingSettings, conditional: true, etag: true }),
  getSyncNotices: endpoint({ method: 'GET', path: '/sync-notices', response: SyncNotices }),
  markNewHiresSeen: endpoint({ method: 'POST', path: '/sync-notices/new-hires/seen', response: SyncNotices }),
  deactivateNow: endpoint({ method: 'POST', path: '/deactivations/{userId}/deactivate', response: DeactivationResult, idempotencyKey: true }),
  setKeepActive: endpoint({ method: 'PUT', path: '/deactivations/{userId}/keep-active', body: KeepActiveRequest, response: DeactivationResult }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;
export type ResponseOf<N extends EndpointName> = Infer<Endpoints[N]['response']>;
export type BodyOf<N extends EndpointName> = Infer<Endpoints[N]['body']>;
export type QueryOf<N extends EndpointName> = Infer<Endpoints[N]['query']>;

type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
export type ParamsOf<N extends EndpointName> = { [K in ParamNames<Endpoints[N]['path']>]: string };

/** Version of this contract; sent by the client as `HR-Contract-Version`. */
export const CONTRACT_VERSION = '1.0';
