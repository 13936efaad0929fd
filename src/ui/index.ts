export * from './describe-error.js';
export * from './states.js';
