import { msg, str } from '@lit/localize';
import type { AbsenceType, ApproverAbsence, Delegation } from '../../contract/approvals.js';
import { formatDate, formatNumber, formatRelative } from '../../localize/format.js';
import { addDays, type PeriodProblem } from './period.js';

/** Localized absence type; null when the HR system does not share it. */
export function absenceTypeLabel(type: AbsenceType | null): string | null {
  switch (type) {
    case 'paid_vacation':
      return msg('Paid vacation', { id: 'delegation.type.paidVacation' });
    case 'sick_leave':
      return msg('Sick leave', { id: 'delegation.type.sickLeave' });
    case 'parental_leave':
      return msg('Parental leave', { id: 'delegation.type.parentalLeave' });
    case 'unpaid_leave':
      return msg('Unpaid leave', { id: 'delegation.type.unpaidLeave' });
    case 'other':
      return msg('Other absence', { id: 'delegation.type.other' });
    default:
      return null;
  }
}

export function absentText(absence: ApproverAbsence): string {
  const name = absence.approver.name;
  return absence.endsOn
    ? msg(str`${name} is absent until ${formatDate(absence.endsOn)}.`, { id: 'delegation.absent.until' })
    : msg(str`${name} is absent, no return date known.`, { id: 'delegation.absent.open' });
}

/** "3 requests are waiting, the oldest submitted 2 days ago." */
export function waitingText(absence: Pick<ApproverAbsence, 'waitingRequests' | 'oldestWaitingSince'>, now: Date, withAge = true): string {
  const count = absence.waitingRequests;
  const n = formatNumber(count);
  if (withAge && absence.oldestWaitingSince && count > 0) {
    const age = formatRelative(absence.oldestWaitingSince, now);
    return count === 1
      ? msg(str`${n} request is waiting, submitted ${age}.`, { id: 'delegation.waitingAge.one' })
      : msg(str`${n} requests are waiting, the oldest submitted ${age}.`, { id: 'delegation.waitingAge.other' });
  }
  return count === 1
    ? msg(str`${n} request is waiting.`, { id: 'delegation.waiting.one' })
    : msg(str`${n} requests are waiting.`, { id: 'delegation.waiting.other' });
}

export function coveredText(delegation: Delegation, today: string): string {
  const substitute = delegation.substitute.name;
  const end = formatDate(delegation.endsOn);
  return delegation.startsOn > today
    ? msg(str`${substitute} will approve in their place from ${formatDate(delegation.startsOn)} until ${end}.`, { id: 'delegation.covered.scheduled' })
    : msg(str`${substitute} approves in their place until ${end}.`, { id: 'delegation.covered.active' });
}

export function summaryText(absent: number, waiting: number): string {
  const approvers = msg(str`${formatNumber(absent)} approvers are absent.`, { id: 'delegation.summary.absent' });
  return `${approvers} ${waitingText({ waitingRequests: waiting, oldestWaitingSince: null }, new Date(), false)}`;
}

export function overdueCountText(count: number): string {
  const n = formatNumber(count);
  return count === 1
    ? msg(str`${n} overdue`, { id: 'delegation.summary.overdue.one' })
    : msg(str`${n} overdue`, { id: 'delegation.summary.overdue.other' });
}

export function candidatesFoundText(count: number): string {
  const n = formatNumber(count);
  return count === 1
    ? msg(str`${n} person found.`, { id: 'delegation.candidates.found.one' })
    : msg(str`${n} people found.`, { id: 'delegation.candidates.found.other' });
}

export function periodProblemText(problem: PeriodProblem, field: 'startsOn' | 'endsOn', absence: Pick<ApproverAbsence, 'startsOn' | 'endsOn'>, margin: number): string {
  switch (problem) {
    case 'required':
      return field === 'startsOn'
        ? msg('Enter a start date.', { id: 'delegation.error.startRequired' })
        : msg('Enter an end date.', { id: 'delegation.error.endRequired' });
    case 'invalid':
      return msg('Enter a valid date.', { id: 'delegation.error.invalidDate' });
    case 'order':
      return msg('The end date cannot be before the start date.', { id: 'delegation.error.order' });
    case 'past':
      return msg('The date cannot be in the past.', { id: 'delegation.error.past' });
    case 'beforeAbsence': {
      const date = formatDate(addDays(absence.startsOn, -margin));
      return msg(str`The delegation cannot start before ${date}.`, { id: 'delegation.error.beforeAbsence' });
    }
    case 'afterAbsence': {
      const date = formatDate(absence.endsOn ? addDays(absence.endsOn, margin) : null);
      return msg(str`The delegation cannot last beyond ${date}.`, { id: 'delegation.error.afterAbsence' });
    }
  }
}

export function absencePeriodText(absence: Pick<ApproverAbsence, 'startsOn' | 'endsOn'>): string {
  const start = formatDate(absence.startsOn);
  return absence.endsOn
    ? msg(str`Absence: ${start} to ${formatDate(absence.endsOn)}. The delegation ends by itself after the last day.`, { id: 'delegation.period.hint' })
    : msg(str`Absence from ${start}, no return date known. The delegation ends by itself after the last day.`, { id: 'delegation.period.hintOpen' });
}
