export * from './common.js';
export * from './connection.js';
export * from './teams.js';
export * from './links.js';
export * from './invites.js';
export * from './approvals.js';
export * from './sync.js';
export * from './endpoints.js';
