import type { PoolUsage } from '../pools/get-pool-usage.ts';

/**
 * The state of many pools' background usage reads at one moment, as the
 * pools list and the dashboard render it. Built from react-query results by
 * `summariseUsage` (pure, so it is tested without React).
 */
export interface FleetUsageEntry {
  status: 'pending' | 'success' | 'error';
  /** The last usage read (kept while a refresh runs, and after a failed refresh). */
  usage?: PoolUsage;
  error?: unknown;
  /** A read (first or refresh) is queued or running. */
  isFetching: boolean;
}

export interface FleetUsage {
  byPool: ReadonlyMap<string, FleetUsageEntry>;
  /** Pools asked for. */
  total: number;
  /** Pools with usage (fresh or kept from before). */
  loaded: number;
  /** Pools whose last read failed. */
  failed: number;
  /** Every pool has an answer (usage or an error) and nothing is being read. */
  complete: boolean;
  /** The oldest "as of" among the loaded pools (UTC ms): every figure is at least this recent; null before the first. */
  asOf: number | null;
}

export interface UsageResultLike {
  status: 'pending' | 'success' | 'error';
  data?: PoolUsage | undefined;
  error?: unknown;
  isFetching: boolean;
}

/** `results` by pool id; a pool without one (its read not set up yet) counts as pending. */
export function summariseUsage(poolIds: readonly string[], results: ReadonlyMap<string, UsageResultLike>): FleetUsage {
  const byPool = new Map<string, FleetUsageEntry>();
  let loaded = 0;
  let failed = 0;
  let fetching = 0;
  let asOf: number | null = null;
  for (const id of poolIds) {
    const r = results.get(id) ?? { status: 'pending', isFetching: true };
    const entry: FleetUsageEntry = { status: r.status, isFetching: r.isFetching };
    if (r.data) {
      entry.usage = r.data;
      loaded++;
      if (asOf === null || r.data.asOf < asOf) asOf = r.data.asOf;
    }
    if (r.status === 'error') {
      entry.error = r.error;
      failed++;
    }
    if (r.isFetching) fetching++;
    byPool.set(id, entry);
  }
  const answered = poolIds.filter((id) => byPool.get(id)?.status !== 'pending').length;
  return { byPool, total: poolIds.length, loaded, failed, complete: answered === poolIds.length && fetching === 0, asOf };
}

export const EMPTY_FLEET_USAGE: FleetUsage = Object.freeze({ byPool: new Map(), total: 0, loaded: 0, failed: 0, complete: true, asOf: null });
