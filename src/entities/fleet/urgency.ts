import type { Capacity, StateCounts } from './capacity.ts';
import { plural, wholeCount } from '../../lib/format.ts';
import type { Shortfall } from './shortfall.ts';

/**
 * Dashboard order: the pools that need an admin first.
 *
 * 1. Failures: more failed devices (`failed` + `error` states) first. A device
 *    that could not install a profile is a user without a connection now.
 * 2. Capacity: overdrawn (more devices than codes), then out of codes, then
 *    low, then fine.
 * 3. Shortfall: more targeted devices that may get no profile first (an
 *    unknown shortfall counts as none).
 * 4. Less of the pool left (ratio) first, then by name, then by id, so the
 *    order is total and the same on every render.
 */

export interface PoolUrgencyInput {
  id: string;
  displayName: string;
  /** Devices in the `failed` or `error` state (see `failedCount`). */
  failedDevices: number;
  capacity: Pick<Capacity, 'remaining' | 'ratio' | 'low' | 'overdrawn' | 'overdrawnBy'>;
  shortfall: Pick<Shortfall, 'shortfall' | 'summary'> | null;
}

export type CapacityLevel = 'overdrawn' | 'empty' | 'low' | 'ok';

const LEVEL_RANK: Readonly<Record<CapacityLevel, number>> = { overdrawn: 3, empty: 2, low: 1, ok: 0 };

/** Devices whose profile failed: the `failed` and `error` states. */
export function failedCount(counts: StateCounts): number {
  return wholeCount(counts.failed) + wholeCount(counts.error);
}

export function capacityLevel(cap: PoolUrgencyInput['capacity']): CapacityLevel {
  if (cap.overdrawn) return 'overdrawn';
  if (cap.remaining <= 0) return 'empty';
  return cap.low ? 'low' : 'ok';
}

const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Array.prototype.sort comparator: negative when `a` is more urgent than `b`. */
export function compareUrgency(a: PoolUrgencyInput, b: PoolUrgencyInput): number {
  return (
    wholeCount(b.failedDevices) - wholeCount(a.failedDevices) ||
    LEVEL_RANK[capacityLevel(b.capacity)] - LEVEL_RANK[capacityLevel(a.capacity)] ||
    wholeCount(b.shortfall?.shortfall) - wholeCount(a.shortfall?.shortfall) ||
    a.capacity.ratio - b.capacity.ratio ||
    NAME_ORDER.compare(a.displayName, b.displayName) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A sorted copy, most urgent first; the input is left as it was. */
export function byUrgency<T extends PoolUrgencyInput>(pools: readonly T[]): T[] {
  return [...pools].sort(compareUrgency);
}

/** Why a pool is where it is, in plain words, most urgent first; empty when nothing needs attention. */
export function urgencyReasons(pool: PoolUrgencyInput): string[] {
  const reasons: string[] = [];
  const failed = wholeCount(pool.failedDevices);
  if (failed > 0) reasons.push(`${plural(failed, 'device')} failed to get a profile`);
  const level = capacityLevel(pool.capacity);
  if (level === 'overdrawn') reasons.push(`More devices than codes (${plural(pool.capacity.overdrawnBy, 'device')} over)`);
  else if (level === 'empty') reasons.push('No codes left');
  else if (level === 'low') reasons.push(`Low on codes (${plural(pool.capacity.remaining, 'code')} left)`);
  if (wholeCount(pool.shortfall?.shortfall) > 0 && pool.shortfall) reasons.push(pool.shortfall.summary);
  return reasons;
}
