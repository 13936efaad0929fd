import { msg, str } from '@lit/localize';
import type { HrApiError } from '../api/errors.js';
import { formatNumber } from '../localize/format.js';

export interface ErrorDescription {
  title: string;
  detail: string;
  /** Retrying the same request can help. */
  retryable: boolean;
}

/** What went wrong, in the admin's language, for any failure of a request. */
export function describeError(error: HrApiError | null | undefined): ErrorDescription {
  if (!error) return { title: msg('Something went wrong.', { id: 'common.error.unknown' }), detail: '', retryable: true };
  switch (error.kind) {
    case 'network':
      return {
        title: msg('No connection to the server.', { id: 'common.error.network' }),
        detail: msg('Check your internet connection, then try again.', { id: 'common.error.network.detail' }),
        retryable: true,
      };
    case 'timeout':
      return {
        title: msg('The server took too long to answer.', { id: 'common.error.timeout' }),
        detail: msg('Try again in a moment.', { id: 'common.error.tryLater' }),
        retryable: true,
      };
    case 'aborted':
      return { title: msg('The request was cancelled.', { id: 'common.error.aborted' }), detail: '', retryable: true };
    case 'contract':
      return {
        title: msg('The server sent data this page cannot read.', { id: 'common.error.contract' }),
        detail: error.path
          ? msg(str`Unexpected value at ${error.path}. Please contact support if this persists.`, { id: 'common.error.contract.detail' })
          : msg('Please contact support if this persists.', { id: 'common.error.contract.support' }),
        retryable: true,
      };
    case 'http':
      break;
  }
  const status = error.status ?? 0;
  if (status === 401) {
    return {
      title: msg('Your session has expired.', { id: 'common.error.401' }),
      detail: msg('Sign in again, then try again.', { id: 'common.error.401.detail' }),
      retryable: true,
    };
  }
  if (status === 403) {
    return {
      title: msg('You do not have permission to do this.', { id: 'common.error.403' }),
      detail: msg('Ask an account owner for access.', { id: 'common.error.403.detail' }),
      retryable: false,
    };
  }
  if (status === 409 && error.code === 'request_in_progress') {
    return {
      title: msg('This change is still being processed.', { id: 'common.error.inProgress' }),
      detail: msg('Try again in a moment.', { id: 'common.error.tryLater' }),
      retryable: true,
    };
  }
  if (error.code === 'idempotency_key_reused') {
    return {
      title: msg('These details differ from the attempt this repeats.', { id: 'common.error.keyReused' }),
      detail: msg('Check them and send again: it goes out as a new request.', { id: 'common.error.keyReused.detail' }),
      retryable: true,
    };
  }
  if (status === 412 || error.code === 'version_conflict') {
    return {
      title: msg('Someone else changed this in the meantime.', { id: 'common.error.conflict' }),
      detail: msg('Their version has been loaded. Review your changes and save again.', { id: 'common.error.conflict.detail' }),
      retryable: true,
    };
  }
  if (status === 429 || status === 503) {
    const seconds = error.retryAfterMs !== null ? Math.ceil(error.retryAfterMs / 1000) : null;
    return {
      title: msg('The server is busy.', { id: 'common.error.busy' }),
      detail:
        seconds !== null
          ? msg(str`Try again in ${formatNumber(seconds)} s.`, { id: 'common.error.busy.detail' })
          : msg('Try again in a moment.', { id: 'common.error.tryLater' }),
      retryable: true,
    };
  }
  if (status >= 500) {
    return {
      title: msg('The server had a problem.', { id: 'common.error.server' }),
      detail: msg('Try again in a moment.', { id: 'common.error.tryLater' }),
      retryable: true,
    };
  }
  return {
    title: msg('The request was refused.', { id: 'common.error.refused' }),
    detail: error.problem?.detail ?? '',
    retryable: false,
  };
}
