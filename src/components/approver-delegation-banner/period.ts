import type { ApproverAbsence, Delegation } from '../../contract/approvals.js';

/** Why a date of a delegation period is refused before anything is sent. */
export type PeriodProblem = 'required' | 'invalid' | 'order' | 'past' | 'beforeAbsence' | 'afterAbsence';

export interface Period {
  startsOn: string;
  endsOn: string;
}

export interface PeriodErrors {
  startsOn?: PeriodProblem;
  endsOn?: PeriodProblem;
}

/** Days a delegation may reach beyond the absence on either side (handover, a late return). */
export const ABSENCE_MARGIN_DAYS = 7;

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const utc = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

const isIsoDate = (value: string): boolean => {
  if (!ISO_DATE.test(value)) return false;
  return new Date(utc(value)).toISOString().slice(0, 10) === value;
};

/** Calendar arithmetic on `YYYY-MM-DD`, free of time zones. */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of an instant in the browser's time zone (the admin's "today"). */
export function localIsoDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * The period the form starts with: an existing delegation's own dates, else the rest of the
 * absence (from today at the earliest). An open-ended absence leaves the end for the admin.
 */
export function defaultPeriod(absence: Pick<ApproverAbsence, 'startsOn' | 'endsOn'>, delegation: Pick<Delegation, 'startsOn' | 'endsOn'> | null, today: string): Period {
  if (delegation) return { startsOn: delegation.startsOn, endsOn: delegation.endsOn };
  const startsOn = absence.startsOn > today ? absence.startsOn : today;
  const endsOn = absence.endsOn && absence.endsOn >= startsOn ? absence.endsOn : '';
  return { startsOn, endsOn };
}

/**
 * Checks a delegation period against the absence and today. `keepStart` is the start of the
 * delegation being changed: an active delegation keeps its (past) start without complaint.
 */
export function validatePeriod(
  period: Period,
  absence: Pick<ApproverAbsence, 'startsOn' | 'endsOn'>,
  today: string,
  options: { keepStart?: string | null; marginDays?: number } = {},
): PeriodErrors {
  const margin = options.marginDays ?? ABSENCE_MARGIN_DAYS;
  const errors: PeriodErrors = {};
  const { startsOn, endsOn } = period;

  if (!startsOn) errors.startsOn = 'required';
  else if (!isIsoDate(startsOn)) errors.startsOn = 'invalid';
  else if (startsOn < today && startsOn !== options.keepStart) errors.startsOn = 'past';
  else if (startsOn < addDays(absence.startsOn, -margin)) errors.startsOn = 'beforeAbsence';
  else if (absence.endsOn && startsOn > addDays(absence.endsOn, margin)) errors.startsOn = 'afterAbsence';

  if (!endsOn) errors.endsOn = 'required';
  else if (!isIsoDate(endsOn)) errors.endsOn = 'invalid';
  else if (endsOn < today) errors.endsOn = 'past';
  else if (!errors.startsOn && endsOn < startsOn) errors.endsOn = 'order';
  else if (absence.endsOn && endsOn > addDays(absence.endsOn, margin)) errors.endsOn = 'afterAbsence';

  return errors;
}

export const hasPeriodErrors = (errors: PeriodErrors): boolean => Boolean(errors.startsOn || errors.endsOn);
