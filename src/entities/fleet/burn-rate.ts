import { DAY_MS, WEEK_MS, formatCount, plural, rate, utcDay, wholeCount } from '../../lib/format.ts';

/**
 * Burn rate and run-out forecast. A device state's `createdDateTime` is when
 * Intune gave that device a code, so the rate is device states created per
 * week over the last 30 days, and the forecast divides the codes left by it.
 * Everything is UTC milliseconds: a window is a fixed number of 24-hour days,
 * so time zones and daylight-saving changes do not move it.
 */

export const BURN_WINDOW_DAYS = 30;

export interface BurnRate {
  /** Days actually measured: 30, or fewer for a younger pool (at least 1). */
  windowDays: number;
  /** Device states created inside the window. */
  givenInWindow: number;
  /** Codes given out per week at that pace. */
  perWeek: number;
  /** When the codes left run out at that pace (UTC ms); null when nothing was given out in the window. */
  runOutAt: number | null;
  /** One line saying how the figures were computed. */
  method: string;
}

export interface BurnRateOptions {
  /** Codes left in the pool (see capacity.ts). */
  remaining: number;
  /** "Now", UTC ms. */
  now: number;
  /** The pool's `createdDateTime` (UTC ms): a pool younger than the window is measured over its age. */
  poolCreatedAt?: number | null;
  windowDays?: number;
  /** How the run-out day is written (default: the UTC calendar day, "12 Jan 2027"). */
  formatDay?: (ms: number) => string;
}

/**
 * `createdDateTimes` are the device states' `createdDateTime` values (ISO
 * 8601 strings); unparsable or missing values are skipped. States created
 * after `now` (clock skew) are not counted.
 */
export function computeBurnRate(createdDateTimes: readonly (string | null | undefined)[], options: BurnRateOptions): BurnRate {
  const { now } = options;
  const formatDay = options.formatDay ?? utcDay;
  const remaining = wholeCount(options.remaining);
  const fullDays = Math.max(1, wholeCount(options.windowDays ?? BURN_WINDOW_DAYS));
  let windowDays = fullDays;
  const created = options.poolCreatedAt;
  if (created != null && Number.isFinite(created) && created > now - fullDays * DAY_MS) {
    windowDays = Math.max(1, Math.min(fullDays, (now - created) / DAY_MS));
  }
  const start = now - windowDays * DAY_MS;

  let givenInWindow = 0;
  for (const iso of createdDateTimes) {
    if (!iso) continue;
    const t = Date.parse(iso);
    if (Number.isFinite(t) && t >= start && t <= now) givenInWindow++;
  }

  const perWeek = (givenInWindow * 7) / windowDays;
  const period = windowDays === fullDays ? `in the last ${formatCount(fullDays)} days` : `in the ${rate(windowDays)} ${windowDays === 1 ? 'day' : 'days'} since the pool was created`;
  const given = `${plural(givenInWindow, 'device')} given a code ${period}`;

  if (givenInWindow === 0) {
    return {
      windowDays,
      givenInWindow,
      perWeek: 0,
      runOutAt: null,
      method: `No codes given out ${period}, so there is no run-out date.`,
    };
  }
  const runOutAt = remaining === 0 ? now : now + Math.round((remaining / perWeek) * WEEK_MS);
  const pace = `${given} = ${rate(perWeek)} per week`;
  return {
    windowDays,
    givenInWindow,
    perWeek,
    runOutAt,
    method:
      remaining === 0
        ? `${pace}; no codes remain.`
        : `${pace}; at that rate the ${plural(remaining, 'remaining code')} ${remaining === 1 ? 'lasts' : 'last'} until ${formatDay(runOutAt)}.`,
  };
}
