import { computeBurnRate, type BurnRate } from '../../../entities/fleet/burn-rate.ts';
import { computeCapacity, type Capacity, type LowThreshold } from '../../../entities/fleet/capacity.ts';
import type { FleetUsage } from '../../../entities/fleet/fleet-usage-snapshot.ts';
import { failedCount } from '../../../entities/fleet/urgency.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';

/** A row of the pools list: the pool, and its capacity once its device states are counted. */
export interface PoolRow extends PoolProperties {
  /** undefined while counting; null when the count failed. */
  capacity: Capacity | null | undefined;
  /** Why the count failed (shown in the cell). */
  usageError?: unknown;
  failedDevices: number | undefined;
  burn: BurnRate | null;
  /** Made by a replace in this browser (see lib/replaced-pools.ts). */
  fromReplace: boolean;
}

export function toPoolRows(
  pools: readonly PoolProperties[],
  usage: Pick<FleetUsage, 'byPool'>,
  threshold: LowThreshold,
  replaced: Readonly<Record<string, unknown>>,
): PoolRow[] {
  return pools.map((pool) => {
    const entry = usage.byPool.get(pool.id);
    const fromReplace = pool.id in replaced;
    const u = entry?.usage;
    if (!u) {
      return { ...pool, capacity: entry?.status === 'error' ? null : undefined, usageError: entry?.error, failedDevices: undefined, burn: null, fromReplace };
    }
    const capacity = computeCapacity(pool, u.counts, { threshold, fromReplace });
    const created = Date.parse(pool.createdDateTime);
    const burn = computeBurnRate(u.createdDateTimes, { remaining: capacity.remaining, now: u.asOf, poolCreatedAt: Number.isFinite(created) ? created : null });
    return { ...pool, capacity, failedDevices: failedCount(u.counts), burn, fromReplace };
  });
}

/**
 * The capacity column's order: least left first when ascending (by share of
 * the pool left, then codes left), so "ascending" puts the pools that need
 * codes soonest on top. Rows still counting sort last either way is not
 * possible with one comparator, so they sort as if nothing were known (after
 * every counted pool when ascending).
 */
export function compareCapacity(a: PoolRow, b: PoolRow): number {
  const ra = a.capacity ? a.capacity.ratio : Number.POSITIVE_INFINITY;
  const rb = b.capacity ? b.capacity.ratio : Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return (a.capacity?.remaining ?? Number.POSITIVE_INFINITY) - (b.capacity?.remaining ?? Number.POSITIVE_INFINITY) || 0;
}
