export * from './drafts.js';
export * from './invalidation.js';
export * from './mutation-controller.js';
export * from './query-client.js';
export * from './query-controller.js';
export * from './query-keys.js';
export * from './services-controller.js';
export * from './services.js';
