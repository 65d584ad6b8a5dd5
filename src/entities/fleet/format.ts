/**
 * Fixed-locale wording helpers for the one-line "how this was computed" texts.
 * The console's copy is English, so numbers use en-US grouping ("1,000") and
 * dates are whole UTC days: the same text on every machine and in every test.
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** 1234 → "1,234". */
export function count(n: number): string {
  return COUNT.format(n);
}

/** 10.45 → "10.5"; 12 → "12". */
export function rate(n: number): string {
  return RATE.format(n);
}

/** "1 device", "2 devices", "1,000 codes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** UTC ms → "12 Jan 2027" (the calendar day in UTC). */
export function utcDay(ms: number): string {
  return DAY.format(new Date(ms));
}

/** A count as Graph or a caller gave it, made safe: a finite whole number ≥ 0. */
export function wholeCount(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
