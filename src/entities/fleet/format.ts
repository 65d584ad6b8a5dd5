/**
 * Fixed-locale wording helpers for the one-line "how this was computed" texts.
 * The console's copy is English, so numbers use en-US grouping ("1,000") and
 * dates are whole UTC days: the same text on every machine and in every test.
 */
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Counts and plurals are the console's one set (src/lib/format.ts), under the names the fleet modules use. */
export { formatCount as count, plural } from '../../lib/format.ts';

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
