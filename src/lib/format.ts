/**
 * The console's one set of wording helpers for numbers and dates. The copy is English, so counts
 * use en-US grouping ("1,000") on every machine: the page, the CLI and the tests print the same
 * digits. Dates and times a user reads in a table are in their own locale and time zone.
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
// The fleet figures' "how computed" lines: one decimal for rates, whole UTC days for dates, so the
// same text reads the same on every machine and in every test.
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 1234 → "1,234"; a missing count → "—". */
export function formatCount(n: number | null | undefined): string {
  return n == null ? '—' : COUNT.format(n);
}

/** "1 device", "2 devices", "1,000 codes"; irregular plurals pass `many`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** An ISO timestamp in the user's locale ("Feb 2, 2026, 8:00 AM"); missing or invalid → "—". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : DATE_TIME.format(d);
}

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** 10.45 → "10.5"; 12 → "12". */
export function rate(n: number): string {
  return RATE.format(n);
}

/** UTC ms → "12 Jan 2027" (the calendar day in UTC). */
export function utcDay(ms: number): string {
  return DAY.format(new Date(ms));
}

/** A count as Graph or a caller gave it, made safe: a finite whole number ≥ 0. */
export function wholeCount(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
