import { createContext } from '@lit/context';
import type { HrServices } from '../data/services.js';

/** Carries the page's services (API client, query client, drafts) to every element below a provider. */
export const hrServicesContext = createContext<HrServices>(Symbol.for('hr-connect-elements/services'));
