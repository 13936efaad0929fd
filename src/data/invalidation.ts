import type { EndpointName } from '../contract/endpoints.js';

/** Every read whose data a successful write changes. `'*'` refreshes every HR query. */
export const invalidates: Partial<Record<EndpointName, readonly EndpointName[] | '*'>> = {
  connect: '*',
  disconnect: '*',
  startSync: ['getConnection', 'getSyncRun', 'getSyncNotices'],
  createAppTeams: ['getTeamMapping'],
  saveTeamMapping: ['getTeamMapping', 'listInviteCandidates', 'getSyncPreview'],
  saveUserLinks: ['getUserLinks', 'listInviteCandidates', 'getSyncPreview', 'getSyncNotices', 'searchEmployees'],
  createInvitations: ['listInviteCandidates', 'getSyncNotices', 'getUserLinks'],
  setExclusion: ['listInviteCandidates'],
  createDelegation: ['listApproverAbsences', 'listSubstituteCandidates'],
  updateDelegation: ['listApproverAbsences', 'listSubstituteCandidates'],
  endDelegation: ['listApproverAbsences', 'listSubstituteCandidates'],
  saveOffboardingSettings: ['getOffboardingSettings', 'getSyncNotices'],
  markNewHiresSeen: ['getSyncNotices'],
  deactivateNow: ['getSyncNotices', 'getUserLinks'],
  setKeepActive: ['getSyncNotices'],
};

/** Writes that answer with the new version of a document: the cache takes it without a refetch. */
export const answersWith: Partial<Record<EndpointName, EndpointName>> = {
  saveTeamMapping: 'getTeamMapping',
  saveOffboardingSettings: 'getOffboardingSettings',
};
