export { FakeBackend, coerceQuery, type FakeBackendOptions, type FakeRequest, type FakeResponse, type FakeSnapshot } from './fake-backend.js';
export { createHandlers, queryOf, type HandlerOptions } from './handlers.js';
export { Faults, faults, breakSchema, faultProblem, type FaultKind, type FaultPlan, type FaultSpec } from './faults.js';
export { responseIssues, type ResponseLike } from './conformance.js';
export { RequestLog, type LoggedRequest } from './request-log.js';
export { startFakeBackend, type FakeBackendHandle, type StartFakeBackendOptions } from './browser.js';
export {
  seed,
  fixtures,
  SIZES,
  PERSONIO,
  LONG_PROVIDER,
  DOMAIN,
  type SeedOptions,
  type SeedSize,
  type SyncOutcome,
  type World,
  type SeedEmployee,
  type SeedUser,
  type SeedAbsence,
  type SeedDelegation,
} from './seed.js';
export { mulberry32, Rng } from './random.js';
