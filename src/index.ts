// Classes, events, types and configuration. Importing this registers no element: import
// `hr-connect-elements/define/<tag>` (or `/define/all`) for that.
export * from './api/index.js';
export * from './contract/index.js';
export { HrApiProvider } from './components/hr-api-provider/hr-api-provider.js';
export { configureHrElements, createServices, DEFAULT_BASE_URL, type HrServices, type HrServicesOptions } from './data/services.js';
export { createQueryClient } from './data/query-client.js';
export { hrServicesContext } from './context/services-context.js';
export { HrAuthRequiredEvent, type HrAuthRequiredDetail } from './events/hr-auth-required.js';
export { setLocale, getLocale, setTranslations, resolveLocale, allLocales, type HrLocale, type HrTranslation } from './localize/index.js';
export * from './components/hr-sync-status/index.js';
export * from './components/employee-matcher/index.js';
export * from './components/hr-connect-wizard/index.js';
export * from './components/approver-delegation-banner/index.js';
export * from './components/team-mapper/index.js';
export * from './components/hr-invite-list/index.js';
