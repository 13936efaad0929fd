import { getLocale } from './index.js';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(
  kind: string,
  options: object,
  create: (locale: string) => T,
): T {
  const locale = getLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = create(locale);
    cache.set(key, format);
  }
  return format;
}

/** A calendar date `YYYY-MM-DD` shown in the active locale, without time-zone shifts. */
export function formatDate(value: string | null | undefined, style: Intl.DateTimeFormatOptions['dateStyle'] = 'medium'): string {
  if (!value) return '';
  const date = value.length === 10 ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = value.length === 10 ? { dateStyle: style, timeZone: 'UTC' } : { dateStyle: style };
  return cached('date', options, (locale) => new Intl.DateTimeFormat(locale, options)).format(date);
}

/** An instant with date and time in the active locale. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  return cached('datetime', options, (locale) => new Intl.DateTimeFormat(locale, options)).format(date);
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('number', options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
}

export function formatPercent(value: number): string {
  return formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 });
}

/** "3 days ago", "in 2 hours": relative to `now`. */
export function formatRelative(value: string | Date, now: Date = new Date()): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = cached('relative', { numeric: 'auto' }, (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

export function formatList(items: readonly string[]): string {
  return cached('list', {}, (locale) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
}
