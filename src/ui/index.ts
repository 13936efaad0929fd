export * from './describe-error.js';
export * from './states.js';
export * from './connection-status.js';
export * from './combobox.js';
