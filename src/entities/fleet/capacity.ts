import { DEVICE_STATES, type EmbeddedSimDeviceStateValue } from '../../graph/types.ts';
import { formatCount, plural, wholeCount } from '../../lib/format.ts';

/**
 * Capacity of one pool. Codes are one-time use and Graph never says which
 * code a device got, so the console counts device states: each one is a
 * device Intune gave one of the pool's codes to. `notEvaluated` devices hold
 * a code they have not used yet (pending); every other state has spent it.
 */

export type StateCounts = Partial<Record<EmbeddedSimDeviceStateValue, number>>;

/** When a pool counts as low on codes: under `percent` % left, or under `minCodes` codes left. */
export interface LowThreshold {
  percent: number;
  minCodes: number;
}

/** Under 10 % or under 20 codes. */
export const DEFAULT_LOW_THRESHOLD: Readonly<LowThreshold> = Object.freeze({ percent: 10, minCodes: 20 });

export interface Capacity {
  /** The pool's `activationCodeCount`. */
  total: number;
  /** Devices given a code: all device states. */
  givenOut: number;
  /** Device states past `notEvaluated`. */
  spent: number;
  /** Device states still `notEvaluated`. */
  pending: number;
  /** `total − givenOut`, never below 0. */
  remaining: number;
  /** More devices were given a code than the pool has codes. */
  overdrawn: boolean;
  /** How many devices more than codes (0 unless overdrawn). */
  overdrawnBy: number;
  /** remaining / total, 0…1 (0 for a pool with no codes). */
  ratio: number;
  low: boolean;
  /** One line saying how `remaining` was computed. */
  method: string;
}

export interface CapacityOptions {
  threshold?: LowThreshold;
  /** The pool was made by a replace (delete + re-upload): its figure assumes the new set held only unused codes. */
  fromReplace?: boolean;
}

/** Tallies device states by `state` (unknown values are ignored). */
export function countStates(states: readonly { state: string }[]): Record<EmbeddedSimDeviceStateValue, number> {
  const counts = Object.fromEntries(DEVICE_STATES.map((s) => [s, 0])) as Record<EmbeddedSimDeviceStateValue, number>;
  for (const { state } of states) {
    if ((DEVICE_STATES as readonly string[]).includes(state)) counts[state as EmbeddedSimDeviceStateValue]++;
  }
  return counts;
}

/** A threshold a user typed or a setting stored, made usable: percent 0–100, codes a whole number ≥ 0. */
export function normaliseThreshold(t: Partial<LowThreshold> | null | undefined): LowThreshold {
  const percent = typeof t?.percent === 'number' && Number.isFinite(t.percent) ? Math.min(100, Math.max(0, t.percent)) : DEFAULT_LOW_THRESHOLD.percent;
  const minCodes = typeof t?.minCodes === 'number' && Number.isFinite(t.minCodes) ? wholeCount(t.minCodes) : DEFAULT_LOW_THRESHOLD.minCodes;
  return { percent, minCodes };
}

/**
 * Low when strictly under either limit (exactly 10 % or exactly 20 codes left
 * is not low), and always when nothing is left, whatever the threshold.
 */
export function isLow(cap: Pick<Capacity, 'remaining' | 'total'>, threshold: LowThreshold = DEFAULT_LOW_THRESHOLD): boolean {
  if (cap.remaining <= 0 || cap.remaining < threshold.minCodes) return true;
  if (cap.total <= 0) return false;
  // Compare in whole numbers so 10 of 100 is exactly 10 % (no float rounding).
  return cap.remaining * 100 < threshold.percent * cap.total;
}

export function computeCapacity(
  pool: { activationCodeCount: number },
  stateCounts: StateCounts,
  options: CapacityOptions = {},
): Capacity {
  const total = wholeCount(pool.activationCodeCount);
  const pending = wholeCount(stateCounts.notEvaluated);
  let spent = 0;
  for (const s of DEVICE_STATES) if (s !== 'notEvaluated') spent += wholeCount(stateCounts[s]);
  const givenOut = spent + pending;
  const overdrawnBy = Math.max(0, givenOut - total);
  const remaining = Math.max(0, total - givenOut);
  const ratio = total > 0 ? remaining / total : 0;
  const low = isLow({ remaining, total }, options.threshold ?? DEFAULT_LOW_THRESHOLD);
  return {
    total,
    givenOut,
    spent,
    pending,
    remaining,
    overdrawn: overdrawnBy > 0,
    overdrawnBy,
    ratio,
    low,
    method: capacityMethod(total, givenOut, pending, overdrawnBy, options.fromReplace === true),
  };
}

function capacityMethod(total: number, givenOut: number, pending: number, overdrawnBy: number, fromReplace: boolean): string {
  const devices = `${plural(givenOut, 'device')} given a code (device states${pending > 0 ? `, ${formatCount(pending)} not used yet` : ''})`;
  const parts = [
    overdrawnBy > 0
      ? `Remaining = 0: ${plural(total, 'code')} but ${devices}, ${formatCount(overdrawnBy)} more than the pool holds.`
      : `Remaining = ${plural(total, 'code')} − ${devices}.`,
    "Graph doesn't say which codes were used.",
  ];
  if (fromReplace) parts.push('This pool was made by a replace, so the figure assumes the new set held only unused codes.');
  return parts.join(' ');
}
