import type { QueryState } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useCachedQueries } from '../../lib/use-cached-queries.ts';
import { poolUsageQueryOptions, type PoolUsage, type UsagePool } from '../pools/get-pool-usage.ts';
import { summariseUsage, type FleetUsage, type UsageResultLike } from './fleet-usage-snapshot.ts';
import { READ_PRIORITY } from './read-pacer.ts';

export interface FleetUsageOptions {
  enabled?: boolean;
  /** Queue priority of these reads (see read-pacer.ts). */
  priority?: number;
  /**
   * Re-render at most this often while counts arrive. A 10,000-pool tenant
   * gets 40 answers a second; rendering a long list on each would stall the
   * page, so answers are gathered and shown together.
   */
  updateEveryMs?: number;
}

export interface FleetUsageResult extends FleetUsage {
  /** Reads every pool's usage again (paced like the first read), keeping the old figures until each answers. */
  refresh: () => void;
}

/** Each pool's read as `summariseUsage` takes it (pools whose read is not set up yet are left out: pending). */
function summarise(ids: readonly string[], stateOf: (id: string) => QueryState<PoolUsage> | undefined): FleetUsage {
  const results = new Map<string, UsageResultLike>();
  for (const id of ids) {
    const s = stateOf(id);
    if (s) results.set(id, { status: s.status, data: s.data, error: s.error, isFetching: s.fetchStatus !== 'idle' });
  }
  return summariseUsage(ids, results);
}

/**
 * Usage (device-state counts and dates) of many pools, read in the
 * background through the shared paced queue in the order given (pass the
 * pools in the order the admin sees them: the first rows fill in first).
 * The caller never waits: each pool's entry is pending until its read
 * answers. Cached under `poolKeys.usage(id, …)` (shared with the dashboard and
 * any `usePoolUsage`), fresh for five minutes; a pool that leaves the list
 * (filtered out, page closed) has its queued read dropped.
 *
 * Pass each pool with its `activationCodeCount` (as the list read it): a
 * pool of at most 1,000 codes is read with its failed devices' details
 * (see get-pool-usage.ts).
 *
 * No react-query observer per pool (see lib/use-cached-queries.ts).
 */
export function useFleetUsage(
  pools: readonly UsagePool[],
  { enabled = true, priority = READ_PRIORITY.background, updateEveryMs = 500 }: FleetUsageOptions = {},
): FleetUsageResult {
  const poolIds = useMemo(() => pools.map((p) => p.id), [pools]);
  const byId = useMemo(() => new Map(pools.map((p) => [p.id, p])), [pools]);
  const queryOptions = useCallback((id: string) => poolUsageQueryOptions(byId.get(id) ?? { id }, priority), [byId, priority]);
  const { value, refresh } = useCachedQueries(poolIds, { queryOptions, summarise, enabled, updateEveryMs, cancelDropped: true });
  return useMemo(() => ({ ...value, refresh }), [value, refresh]);
}
