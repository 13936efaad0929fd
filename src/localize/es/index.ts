// Translations for 'es', one catalog per area; every msg() id in src/ must appear here
// (npm run check:locales).
import common from './common.js';
import delegation from './delegation.js';
import invite from './invite.js';
import matcher from './matcher.js';
import mapper from './mapper.js';
import sync from './sync.js';
import wizard from './wizard.js';

export const templates = {
  ...common,
  ...wizard,
  ...mapper,
  ...matcher,
  ...invite,
  ...delegation,
  ...sync,
};
