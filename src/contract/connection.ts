import * as z from 'zod/mini';
import { Count, Id, IsoDateTime } from './common.js';

export const CredentialField = z.object({
  /** Key in `credentials` of the connect request, e.g. `clientId`. */
  name: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/)),
  label: z.string(),
  kind: z.enum(['text', 'secret']),
  required: z.boolean(),
  help: z.optional(z.string()),
});
export type CredentialField = z.infer<typeof CredentialField>;

export const DataScope = z.object({
  /** e.g. `employees.bank_account`. */
  id: z.string(),
  label: z.string(),
  /** Why the host reads it, in the admin's language. */
  purpose: z.string(),
  required: z.boolean(),
});
export type DataScope = z.infer<typeof DataScope>;

export const Provider = z.object({
  id: Id,
  name: z.string(),
  credentialFields: z.array(CredentialField),
  scopes: z.array(DataScope),
  /** The provider's own steps to create API credentials, in order. */
  setupSteps: z.array(z.string()),
  docsUrl: z.nullable(z.url({ protocol: /^https?$/ })),
});
export type Provider = z.infer<typeof Provider>;

export const ProviderList = z.object({ items: z.array(Provider) });
export type ProviderList = z.infer<typeof ProviderList>;

export const SyncStatus = z.enum(['running', 'succeeded', 'partial', 'failed']);
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncRun = z.object({
  id: Id,
  status: SyncStatus,
  startedAt: IsoDateTime,
  finishedAt: z.nullable(IsoDateTime),
  /** 0–100 while running, when the backend knows. */
  progress: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(100)))),
  employeesSeen: Count,
  created: Count,
  updated: Count,
  deactivated: Count,
  failed: Count,
  /** Per-employee problems of a partial or failed run (first few). */
  errors: z.array(z.object({ employeeId: z.nullable(z.string()), message: z.string() })),
});
export type SyncRun = z.infer<typeof SyncRun>;

export const ConnectionStatus = z.enum(['disconnected', 'connected', 'needs_reauth', 'error']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const Connection = z.object({
  status: ConnectionStatus,
  providerId: z.nullable(Id),
  providerName: z.nullable(z.string()),
  connectedAt: z.nullable(IsoDateTime),
  grantedScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  lastSync: z.nullable(SyncRun),
  nextSyncAt: z.nullable(IsoDateTime),
  /** Why status is `error` or `needs_reauth`, in the admin's language. */
  statusDetail: z.nullable(z.string()),
});
export type Connection = z.infer<typeof Connection>;

export const ConnectRequest = z.object({
  providerId: Id,
  /** Values of the provider's `credentialFields`, trimmed. Sent once; never returned. */
  credentials: z.record(z.string(), z.string()),
  /** Scope ids the admin consented to. */
  acceptedScopes: z.array(z.string()),
});
export type ConnectRequest = z.infer<typeof ConnectRequest>;
