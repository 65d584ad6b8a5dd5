/**
 * The console's one set of wording helpers for numbers and dates. The copy is English, so counts
 * use en-US grouping ("1,000") on every machine: the page, the CLI and the tests print the same
 * digits. Dates and times a user reads in a table are in their own locale and time zone.
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
