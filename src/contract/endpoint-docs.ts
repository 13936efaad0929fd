/**
 * What every endpoint means for the team that implements it: summary, semantics, tag and the
 * errors it can answer with. Read only by scripts/openapi.ts (OpenAPI + docs/contract.md) and the
 * contract tests; runtime code never imports this file.
 */
import type { FieldError } from './common.js';
import { endpoints, type EndpointName } from './endpoints.js';

export const tags = [
  { name: 'Connection', description: 'Choosing the HR system, connecting with API credentials, reconnecting and disconnecting.' },
  { name: 'Teams', description: 'Mapping HR teams to app teams, and creating app teams from HR teams.' },
  { name: 'Links', description: 'Linking users of the host app to employees of the HR system, and what will sync to them.' },
  { name: 'Invitations', description: 'Employees without a user: the invite list, its filters and the invitations.' },
  { name: 'Approvals', description: 'Absent approvers with waiting requests, and the substitutes who approve in their place.' },
  { name: 'Sync', description: 'Sync runs, new-hire notices and automatic deactivation after the last working day.' },
] as const;

export type Tag = (typeof tags)[number]['name'];

/** A problem body as it appears in examples (the members besides `status`, `title` and `code`). */
export interface ProblemExample {
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly missingScopes?: readonly string[];
}

export interface ErrorCodeDoc {
  readonly status: number;
  /** The problem's `title`: short, the same for every occurrence of the code. */
  readonly title: string;
  /** When it happens and what the elements do about it. */
  readonly description: string;
  /** The response carries a Retry-After header. */
  readonly retryAfter?: boolean;
  readonly example: ProblemExample;
}

/**
 * Every `code` a problem+json body of this contract can carry. Clients branch on `code`, never on
 * `title` or `detail` (both may be localized).
 */
export const errorCodes = {
  invalid_request: {
    status: 400,
    title: 'Invalid request',
    description:
      'The body or the query does not match the schema. `errors` holds one entry per bad body field, ' +
      'its `pointer` a JSON pointer into the request body; a bad query parameter is named in `detail`.',
    example: { detail: 'One field is not valid.', errors: [{ pointer: '/teams/0/name', detail: 'Must not be empty.', code: 'required' }] },
  },
  invalid_cursor: {
    status: 400,
    title: 'Invalid cursor',
    description:
      'The `cursor` is unknown, expired, or was issued for another filter. The client starts again from the first page (no cursor).',
    example: { detail: 'The cursor has expired; load the list from the start.' },
  },
  idempotency_key_missing: {
    status: 400,
    title: 'Idempotency-Key missing',
    description: 'The endpoint needs an `Idempotency-Key` header and the request had none (or an empty one). Nothing was done.',
    example: { detail: 'This request needs an Idempotency-Key header.' },
  },
  unauthenticated: {
    status: 401,
    title: 'Not signed in',
    description:
      'No valid session or token of the host app. The elements fire `hr-auth-required` (status 401) so the host can ' +
      'refresh its session; its `headers` hook is asked again on the next request.',
    example: { detail: 'The session has expired.' },
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    description:
      'The signed-in user may not manage the HR integration in the host app. The elements fire `hr-auth-required` (status 403).',
    example: { detail: 'Only account owners can manage the HR integration.' },
  },
  not_found: {
    status: 404,
    title: 'Not found',
    description: 'The resource named by a path parameter does not exist, or not for this company.',
    example: { detail: 'There is no such delegation.' },
  },
  not_connected: {
    status: 409,
    title: 'Not connected',
    description:
      'The request needs a working HR connection and there is none (status `disconnected`, or `needs_reauth` for ' +
      'writes that must reach the HR system). The admin connects or reconnects first.',
    example: { detail: 'Connect an HR system first.' },
  },
  already_connected: {
    status: 409,
    title: 'Already connected',
    description:
      'The company is connected to another HR system. Disconnect first; reconnecting to the same provider is allowed at any time.',
    example: { detail: 'The company is connected to another HR system. Disconnect it first.' },
  },
  request_in_progress: {
    status: 409,
    title: 'Request in progress',
    description:
      'A request with the same Idempotency-Key is still being processed. Nothing new was started; repeat the request ' +
      'later with the same key to get its stored result.',
    example: { detail: 'The same request is still being processed.' },
  },
  delegation_exists: {
    status: 409,
    title: 'Delegation exists',
    description: 'The absence already has a scheduled or active delegation; change that one (updateDelegation) instead.',
    example: { detail: 'This absence already has a substitute.' },
  },
  delegation_ended: {
    status: 409,
    title: 'Delegation ended',
    description: 'The delegation has ended and can no longer change; create a new one if the approver is still absent.',
    example: { detail: 'This delegation has already ended.' },
  },
  already_deactivated: {
    status: 409,
    title: 'Already deactivated',
    description: 'The user has been deactivated already; keeping them active no longer applies.',
    example: { detail: 'This user has already been deactivated.' },
  },
  no_last_working_day: {
    status: 409,
    title: 'No last working day',
    description:
      'The HR system has no last working day for the user, so there is no automatic deactivation to keep or ' +
      'schedule. Nothing was changed.',
    example: { detail: 'Jan de Vries has no last working day in the HR system.' },
  },
  version_conflict: {
    status: 412,
    title: 'Changed by someone else',
    description:
      '`If-Match` does not match the current version: another admin saved in between. Nothing was written. The elements ' +
      'load the current document, reapply the admin\'s unsaved changes on top and let the admin save again; they never ' +
      'retry blindly.',
    example: { detail: 'Someone else saved a newer version.' },
  },
  invalid_credentials: {
    status: 422,
    title: 'Credentials rejected',
    description:
      'The HR system rejected the credentials. `errors` points at the credential fields (`/credentials/<name>`); when the ' +
      'provider cannot tell which one is wrong (Personio), at each of them. Field codes: `invalid_client_id` and ' +
      '`invalid_client_secret` for Personio\'s fields, `invalid_credentials` for a field of another provider. Never ' +
      'echo a credential value.',
    example: {
      detail: 'Personio did not accept this client ID and secret.',
      errors: [
        { pointer: '/credentials/clientId', detail: 'Check the client ID.', code: 'invalid_client_id' },
        { pointer: '/credentials/clientSecret', detail: 'Check the client secret.', code: 'invalid_client_secret' },
      ],
    },
  },
  unknown_provider: {
    status: 422,
    title: 'Unknown HR system',
    description:
      '`providerId` is not one of `listProviders`. `errors` points at `/providerId` (code `unknown_provider`). ' +
      'Nothing was stored.',
    example: { detail: 'Unknown HR system.', errors: [{ pointer: '/providerId', detail: 'Unknown HR system.', code: 'unknown_provider' }] },
  },
  missing_scopes: {
    status: 422,
    title: 'Permissions missing',
    description:
      'The credentials work but lack data the host needs. `missingScopes` lists the ids of the required `DataScope`s ' +
      'not granted (Personio: attributes or endpoints not enabled on the credential). Nothing was stored.',
    example: { detail: 'These credentials cannot read teams and departments.', missingScopes: ['employees.team'] },
  },
  validation_failed: {
    status: 422,
    title: 'Not possible',
    description:
      'The request is well-formed but breaks a rule of the endpoint (see its description). `errors` points at the ' +
      'fields concerned; each `code` says which rule.',
    example: {
      detail: 'An HR team can map to one app team only.',
      errors: [{ pointer: '/mappings/3/hrTeamId', detail: 'This HR team is mapped twice.', code: 'duplicate_hr_team' }],
    },
  },
  unknown_absence: {
    status: 422,
    title: 'Unknown absence',
    description:
      'The `absenceId` in the body names no absence. `errors` points at `/absenceId` (code ' +
      '`unknown_absence`). Nothing was written.',
    example: { detail: 'No absence abs-42.', errors: [{ pointer: '/absenceId', detail: 'Unknown absence.', code: 'unknown_absence' }] },
  },
  idempotency_key_reused: {
    status: 422,
    title: 'Idempotency-Key reused',
    description:
      'The Idempotency-Key was used before for a different request (another body or another endpoint). Nothing was done. ' +
      'A new write needs a new key.',
    example: { detail: 'This Idempotency-Key belongs to a different request.' },
  },
  precondition_required: {
    status: 428,
    title: 'If-Match required',
    description: 'A conditional write came without `If-Match`. Nothing was written.',
    example: { detail: 'Send the version you edited in If-Match.' },
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    description:
      'The host backend limits this caller. `Retry-After` says when to try again; the client waits and retries on its own ' +
      'when the wait is short.',
    retryAfter: true,
    example: { detail: 'Too many requests. Try again in 10 seconds.' },
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    description: 'An unexpected failure of the host backend. Reads are retried by the client; writes are offered to the admin again.',
    example: { detail: 'Something went wrong on our side.' },
  },
  provider_unavailable: {
    status: 503,
    title: 'HR system unavailable',
    description:
      'The HR system could not be reached, failed, or throttled the host backend (Personio answers 429 above its rate ' +
      'limit) while this request needed it. Send `Retry-After`.',
    retryAfter: true,
    example: { detail: 'Personio is not answering right now.' },
  },
  unavailable: {
    status: 503,
    title: 'Service unavailable',
    description: 'The host backend is overloaded or in maintenance. Send `Retry-After`.',
    retryAfter: true,
    example: { detail: 'Down for maintenance.' },
  },
} satisfies Record<string, ErrorCodeDoc>;

export type ErrorCode = keyof typeof errorCodes;

export interface EndpointDoc {
  readonly summary: string;
  /** Semantics for the backend that implements it (Markdown). */
  readonly description: string;
  readonly tag: Tag;
  /**
   * Errors particular to this endpoint. {@link errorsOf} adds the ones that follow from the
   * endpoint table (validation, path parameters, Idempotency-Key, If-Match) and the common ones.
   */
  readonly errors: readonly ErrorCode[];
  /** Examples specific to this endpoint, in place of the catalog's generic one. */
  readonly examples?: Partial<Record<ErrorCode, ProblemExample>>;
  /** Descriptions of path and query parameters, in place of {@link parameterDocs}. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** Default descriptions of path and query parameters, by name. */
export const parameterDocs: Readonly<Record<string, string>> = {
  q: 'Free-text search, case-insensitive, in name and e-mail address. Empty or absent: no text filter.',
  cursor: '`nextCursor` of the previous page. Absent for the first page.',
  limit: 'Page size. Absent: the backend chooses.',
  team: 'HR team ids; repeat the parameter for several (`team=a&team=b`). `none` selects employees without an HR team.',
  costCenter: 'Cost centre ids; repeat the parameter for several.',
  newHires: '`true`: only new hires.',
  runId: 'Id of a sync run, from `startSync` or `Connection.lastSync`.',
  userId: 'Id of a user of the host app.',
  employeeId: 'Id of an employee in the HR system.',
  absenceId: 'Id of an approver absence, from `listApproverAbsences`.',
  delegationId: 'Id of a delegation.',
};

export const endpointDocs = {
  listProviders: {
    tag: 'Connection',
    summary: 'List the HR systems the host supports',
    description:
      'Everything the connect wizard shows before any credential is entered: for each provider its credential fields ' +
      '(rendered in this order; `kind: secret` is masked), the data scopes the host reads and why (the consent step), ' +
      'the provider\'s own steps to create API credentials, and a documentation link. Texts come in the language of ' +
      '`Accept-Language`. Answers whether or not a connection exists.\n\n' +
      'Personio: fields `clientId` (text) and `clientSecret` (secret); steps Marketplace > the host\'s tile > ' +
      '"Settings & permissions" > "Connect" > generate credentials; the scopes name the employee attributes and ' +
      'endpoints to enable on the credential.',
    errors: [],
  },
  getConnection: {
    tag: 'Connection',
    summary: 'Read the state of the HR connection',
    description:
      'The company\'s connection. `disconnected`: `providerId`, `providerName` and `connectedAt` are null and both scope lists are empty. ' +
      '`connected`: syncs run; `missingScopes` lists optional scopes the credential does not grant (their fields reach ' +
      'the elements as `{ "shared": false }`). `needs_reauth`: the HR system rejects the stored credentials (revoked or ' +
      'expired): the wizard offers to reconnect. `error`: another lasting failure; `statusDetail` says what, in the ' +
      'admin\'s language. `lastSync` is the newest run (possibly still `running`); `nextSyncAt` the next scheduled one.',
    errors: [],
  },
  connect: {
    tag: 'Connection',
    summary: 'Connect (or reconnect) with API credentials',
    description:
      'Checks the credentials with the HR system before anything is stored (Personio v1: `POST /v1/auth`; v2: client ' +
      'credentials at `/v2/auth/token`), then compares what the credential may read with the provider\'s scopes. ' +
      'Required scopes missing: 422 `missing_scopes`. Optional scopes missing: connects, and lists them in ' +
      '`Connection.missingScopes`. `acceptedScopes` must contain every required scope and only scopes the provider ' +
      'lists (else 422 `validation_failed`, pointer `/acceptedScopes`, code `required_scope_missing` or ' +
      '`unknown_scope`). A `providerId` that `listProviders` does not list: 422 `unknown_provider`. On success stores the credentials encrypted, starts the first sync and answers 201 ' +
      'with the connection (`lastSync` usually `running`).\n\n' +
      'Reconnect is the same request while connected to the same provider (any status): the credentials are replaced, ' +
      'mappings, links and settings stay. Connecting to a different provider needs a disconnect first (409 ' +
      '`already_connected`).\n\n' +
      'The client secret arrives here once. Never return it, log it, put it in a problem body or store it unencrypted.',
    errors: ['already_connected', 'unknown_provider', 'invalid_credentials', 'missing_scopes', 'validation_failed', 'provider_unavailable'],
    examples: {
      invalid_request: {
        detail: 'The client secret is missing.',
        errors: [{ pointer: '/credentials/clientSecret', detail: 'Enter the client secret.', code: 'required' }],
      },
      validation_failed: {
        detail: 'Required data was not accepted.',
        errors: [{ pointer: '/acceptedScopes', detail: 'Teams and departments are required.', code: 'required_scope_missing' }],
      },
    },
  },
  disconnect: {
    tag: 'Connection',
    summary: 'Disconnect the HR system',
    description:
      'Deletes the stored credentials and stops everything that depends on them: scheduled syncs, new-hire notices, ' +
      'automatic deactivation and the absence checks behind delegations (active delegations end). Users and app teams ' +
      'in the host app stay as they are. Team mappings and user links may be kept for a later reconnect to the same ' +
      'provider; the elements reload everything afterwards. Answers 204 also when already disconnected.',
    errors: [],
  },
  startSync: {
    tag: 'Sync',
    summary: 'Start a sync now',
    description:
      'Starts reading the HR system in the background and answers 202 with the run (`status: running`). While a run is ' +
      'already under way it answers 202 with that run instead of starting a second one. Poll `getSyncRun` until the ' +
      'status is `succeeded`, `partial` (some employees failed: see `errors`) or `failed`.',
    errors: ['not_connected'],
  },
  getSyncRun: {
    tag: 'Sync',
    summary: 'Read a sync run',
    description:
      'One run with its counters. `progress` is 0–100 while running when the backend can tell, else null or absent. ' +
      '`errors` lists the first few per-employee problems of a `partial` or `failed` run.',
    errors: [],
  },
  getTeamMapping: {
    tag: 'Teams',
    summary: 'Read the team-mapping document',
    description:
      'Every HR team (with its employee count and department), every app team (with its member count) and the ' +
      'mappings between them, as one document with a version (`version` equals the `ETag` header). The version names ' +
      'the revision of the mappings: it changes when mappings are saved, not when a sync changes HR teams or app teams ' +
      'are created, so those never turn an admin\'s pending save into a 412.',
    errors: ['not_connected'],
  },
  saveTeamMapping: {
    tag: 'Teams',
    summary: 'Replace all team mappings',
    description:
      'Replaces the whole set of mappings (send `If-Match` with the version the admin edited). HR teams left out are ' +
      'unmapped. Each HR team appears at most once (one HR team never maps to two app teams); many HR teams may map ' +
      'to one app team. Answers with the new document and its new ETag. Linked users move to the app team of their HR ' +
      'team at the next sync; invite candidates show their new target at once.\n\n' +
      '422 `validation_failed` codes: `duplicate_hr_team`, `unknown_hr_team`, `unknown_app_team`.',
    errors: ['not_connected', 'validation_failed'],
    examples: {
      validation_failed: {
        detail: 'An HR team can map to one app team only.',
        errors: [{ pointer: '/mappings/3/hrTeamId', detail: 'This HR team is mapped twice.', code: 'duplicate_hr_team' }],
      },
    },
  },
  createAppTeams: {
    tag: 'Teams',
    summary: 'Create app teams (from HR teams)',
    description:
      'Creates app teams in the host app, all or none, and answers 201 with them in request order. `fromHrTeamId` ' +
      'records the HR team a team was created from (the name is prefilled from it); it does not map anything: the ' +
      'team mapper adds the mapping to its draft and saves it with `saveTeamMapping`. Creating teams does not change ' +
      'the team-mapping version.\n\n' +
      '422 `validation_failed` codes: `required` (an empty name), `name_taken` (an app team with that name exists, or ' +
      'twice in the request), `unknown_hr_team`.',
    errors: ['validation_failed'],
    examples: {
      validation_failed: {
        detail: 'One of the names is already in use.',
        errors: [{ pointer: '/teams/1/name', detail: 'An app team called "Sales" exists already.', code: 'name_taken' }],
      },
    },
  },
  getUserLinks: {
    tag: 'Links',
    summary: 'Read every user with their employee match',
    description:
      'Every active user of the host app with the state of their link: `linked` (saved link; `employee` is the ' +
      'employee), `suggested` (not saved; exactly one employee has the same e-mail address, compared case-insensitively ' +
      'after trimming whitespace, and is linked to no one else), `unmatched` (no such employee), `conflict` ' +
      '(`several_employees` share the address, or the only match is `employee_linked_elsewhere`; `candidates` lists ' +
      'them). `counts` counts all items. `version` equals the `ETag` header and names the revision of the saved links: ' +
      'new users or a sync do not change it.',
    errors: ['not_connected'],
  },
  saveUserLinks: {
    tag: 'Links',
    summary: 'Save changed links',
    description:
      'Saves only the users listed (the ones the admin changed); `employeeId: null` unlinks. Send `If-Match` with the ' +
      'version the admin edited. Each item succeeds or fails on its own (`results`, in request order; a failed item has ' +
      'a `reason` in the admin\'s language, e.g. the employee is linked to another user by now); `version` is the new ' +
      'version, also sent as `ETag`. Linking a user makes the next sync update their personnel data; unlinking stops it.\n\n' +
      '422 `validation_failed` (nothing saved) when the request itself is contradictory: code `duplicate_user` (a user ' +
      'twice) or `duplicate_employee` (one employee for two users).',
    errors: ['not_connected', 'validation_failed'],
    examples: {
      validation_failed: {
        detail: 'One employee cannot be linked to two users.',
        errors: [{ pointer: '/links/4/employeeId', detail: 'This employee is chosen for another user too.', code: 'duplicate_employee' }],
      },
    },
  },
  searchEmployees: {
    tag: 'Links',
    summary: 'Search employees to link',
    description:
      'Employees of the HR system the admin can pick for a user, except `inactive` ones (Personio statuses ' +
      '`onboarding`, `active`, `leave`), from the synced data, ordered by name. Cursor-paged.',
    errors: ['not_connected', 'invalid_cursor'],
  },
  getSyncPreview: {
    tag: 'Links',
    summary: 'Preview the personnel data that will sync to a user',
    description:
      'What linking user `userId` to employee `employeeId` (the linked one or a candidate) would do: per field the ' +
      'user\'s value now (`current`) and after the next sync (`next`). A field the HR system does not share with the ' +
      'host (attribute not enabled on the credential) is `{ "shared": false }`; a shared field without a value is ' +
      '`null`. `appTeam` follows from the HR team through the team mapping (null when that HR team is not mapped). The ' +
      'bank account carries only its last 4 characters and the holder, never the full IBAN.',
    errors: ['not_connected'],
    parameters: {
      userId: 'Id of the user whose data would change.',
      employeeId: 'Id of the employee to preview: the linked one, a suggestion, or one the admin is about to pick.',
    },
  },
  listInviteCandidates: {
    tag: 'Invitations',
    summary: 'List employees who could be invited',
    description:
      'Invite candidates: employees who are not `inactive`, are linked to no user and have no pending invitation. ' +
      'Filtered, faceted and cursor-paged on the server (companies of 50,000 employees): `team` and `costCenter` may ' +
      'repeat (OR within a filter, AND across filters), `q` searches name and e-mail. Order is stable (by name, then ' +
      'id) so cursors never skip or repeat anyone. `total` counts every match; facet counts apply the current filter ' +
      'except the facet\'s own selection. `target` says where each person would land: an app team through the team ' +
      'mapping, `team_not_mapped` or `no_hr_team`. `isNewHire` marks recent hires (hire date in the last 30 days or in ' +
      'the future is recommended). Excluded people appear only with `excluded=true`.',
    errors: ['not_connected', 'invalid_cursor'],
  },
  createInvitations: {
    tag: 'Invitations',
    summary: 'Send invitations',
    description:
      'Invites the listed employees, or everyone who matches `filter` at the time of the request except `exceptIds` ' +
      '("select all" across pages; a filter never includes excluded people). Nobody is invited otherwise. Answers ' +
      '200 with one result per person, even when some fail: `sent`, `already_user` (has a user by now), `no_email` ' +
      '(no e-mail address in, or shared by, the HR system), `failed` (`reason` in the admin\'s language). People whose ' +
      'HR team has no app team are invited without one. A retry with the same key never sends an e-mail twice.',
    errors: ['not_connected'],
  },
  setExclusion: {
    tag: 'Invitations',
    summary: 'Exclude an employee from inviting, or include them again',
    description:
      'Marks an invite candidate as someone the company does not want to invite (contractors, board members); ' +
      'excluded people leave the default list and every filter-based invitation. Setting the same value again answers ' +
      'the same result.',
    errors: ['not_connected'],
    parameters: { employeeId: 'Id of the invite candidate.' },
  },
  listApproverAbsences: {
    tag: 'Approvals',
    summary: 'List absent approvers',
    description:
      'Absences from the HR system of users who approve requests in the host app, under way or starting soon, with ' +
      'the requests waiting for them and their delegation (if any). `type` is null when the HR system does not share ' +
      'the absence type; `endsOn` null when open-ended; `overdue` when the oldest waiting request is past the host\'s ' +
      'approval deadline. Several absences may be listed at once.',
    errors: ['not_connected'],
  },
  listSubstituteCandidates: {
    tag: 'Approvals',
    summary: 'List who can approve in place of an absent approver',
    description:
      'Users who may approve the waiting requests, never the absent approver nor anyone absent during the same period. ' +
      '`isRequesterOfWaiting` flags people who requested one of the waiting items themselves.',
    errors: ['not_connected'],
  },
  createDelegation: {
    tag: 'Approvals',
    summary: 'Give an absent approver a substitute',
    description:
      'From `startsOn` to `endsOn` (inclusive) the substitute approves in place of the absent approver. The delegation ' +
      'is `scheduled` until it starts and `active` while it runs; it ends by itself after `endsOn` or as soon as the ' +
      'HR system shows the approver back, whichever comes first. One scheduled or active delegation per absence ' +
      '(409 `delegation_exists`).\n\n' +
      '422 `validation_failed` codes: `substitute_is_approver`, `substitute_absent` (absent during the period), ' +
      '`not_a_substitute` (may not approve), `substitute_inactive` (deactivated), `unknown_user` (no such substitute), ' +
      '`ends_before_start`, `starts_in_past`, `ends_in_past`, `outside_absence` (starts more than 7 days before the ' +
      'absence or ends more than 7 days after it). An `absenceId` that names no absence: 422 `unknown_absence`.',
    errors: ['not_connected', 'unknown_absence', 'validation_failed', 'delegation_exists'],
    examples: {
      validation_failed: {
        detail: 'The substitute is absent during this period.',
        errors: [{ pointer: '/substituteId', detail: 'Ana Ruiz is on leave until 14 March.', code: 'substitute_absent' }],
      },
    },
  },
  updateDelegation: {
    tag: 'Approvals',
    summary: 'Change a delegation',
    description:
      'Changes the substitute or the period of a scheduled or active delegation; absent fields stay. The same rules ' +
      'as for creating apply to the result (422 `validation_failed`). An ended delegation cannot change (409 ' +
      '`delegation_ended`).',
    errors: ['validation_failed', 'delegation_ended'],
  },
  endDelegation: {
    tag: 'Approvals',
    summary: 'End a delegation now',
    description:
      'Ends the delegation at once (a scheduled one never starts) and answers with it, `status: ended`. Ending an ended ' +
      'delegation answers it unchanged.',
    errors: [],
  },
  getOffboardingSettings: {
    tag: 'Sync',
    summary: 'Read the automatic-deactivation settings',
    description:
      'Whether users are deactivated automatically after their last working day, and after how many grace days (0–30). ' +
      '`version` equals the `ETag` header.',
    errors: [],
  },
  saveOffboardingSettings: {
    tag: 'Sync',
    summary: 'Save the automatic-deactivation settings',
    description:
      'Replaces the settings (send `If-Match`) and answers with them and the new ETag. Scheduled deactivations move ' +
      'to the new grace period at once; turning the feature off cancels those not yet done.',
    errors: [],
  },
  getSyncNotices: {
    tag: 'Sync',
    summary: 'Read new-hire and deactivation notices',
    description:
      'New hires: how many employees appeared in the HR system since the signed-in admin last marked them seen (`since`; ' +
      'null if never). Deactivations: users whose last working day is within the next 30 days or just passed, with ' +
      'the day they will be (or were) deactivated.',
    errors: [],
  },
  markNewHiresSeen: {
    tag: 'Sync',
    summary: 'Mark new hires as seen',
    description: 'Sets the signed-in admin\'s `since` to now, so the new-hire count restarts at 0. Answers with the notices. Repeating it is harmless.',
    errors: [],
  },
  deactivateNow: {
    tag: 'Sync',
    summary: 'Deactivate a leaving user now',
    description:
      'Deactivates the user at once instead of on the scheduled day and answers `status: deactivated`. Deactivating an ' +
      'already deactivated user answers the same.',
    errors: [],
    parameters: { userId: 'Id of the user to deactivate.' },
  },
  setKeepActive: {
    tag: 'Sync',
    summary: 'Keep a leaving user active, or schedule them again',
    description:
      '`keepActive: true` stops the automatic deactivation of this user (`kept_active`, no `deactivatesOn`); `false` ' +
      'schedules it again (`scheduled`). Not possible once deactivated (409 `already_deactivated`), nor for a user ' +
      'without a last working day in the HR system (409 `no_last_working_day`).',
    errors: ['already_deactivated', 'no_last_working_day'],
    parameters: { userId: 'Id of the leaving user.' },
  },
} satisfies Record<EndpointName, EndpointDoc>;

/** Errors every endpoint can answer with. */
export const commonErrors: readonly ErrorCode[] = ['unauthenticated', 'forbidden', 'rate_limited', 'internal_error', 'unavailable'];

const catalogOrder = Object.keys(errorCodes) as ErrorCode[];

/** Every error an endpoint can answer with, ordered by status, then as in {@link errorCodes}. */
export function errorsOf(name: EndpointName): ErrorCode[] {
  const endpoint = endpoints[name];
  const codes = new Set<ErrorCode>(endpointDocs[name].errors);
  if (endpoint.body !== null || endpoint.query !== null) codes.add('invalid_request');
  if (endpoint.path.includes('{')) codes.add('not_found');
  if (endpoint.idempotencyKey) {
    codes.add('idempotency_key_missing');
    codes.add('request_in_progress');
    codes.add('idempotency_key_reused');
  }
  if (endpoint.conditional) {
    codes.add('precondition_required');
    codes.add('version_conflict');
  }
  for (const code of commonErrors) codes.add(code);
  return catalogOrder.filter((code) => codes.has(code)).sort((a, b) => errorCodes[a].status - errorCodes[b].status);
}
