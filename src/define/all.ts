// Registers every element of the library.
import './hr-api-provider.js';
import './hr-sync-status.js';
import './employee-matcher.js';
import './hr-connect-wizard.js';
import './approver-delegation-banner.js';
import './team-mapper.js';
import './hr-invite-list.js';
