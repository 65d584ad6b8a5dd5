import { hashKey, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { poolUsageQueryOptions, type PoolUsage } from '../pools/get-pool-usage.ts';
import { poolKeys } from '../pools/keys.ts';
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

const PREFIX = poolKeys.details().length;
/** The pool id of a `poolKeys.usage(id)` key, or undefined for any other key. */
function usagePoolId(key: readonly unknown[]): string | undefined {
  return key.length === PREFIX + 2 && key[PREFIX + 1] === 'usage' && typeof key[PREFIX] === 'string' ? key[PREFIX] : undefined;
}

/** Map lookups only (the cache's `find` scans every query: 10,000 × 10,000 is too slow). */
function resultsById(client: QueryClient, ids: readonly string[]): Map<string, UsageResultLike> {
  const cache = client.getQueryCache();
  const out = new Map<string, UsageResultLike>();
  for (const id of ids) {
    const q = cache.get<PoolUsage>(hashKey(poolKeys.usage(id)));
    if (!q) continue;
    const s = q.state;
    out.set(id, { status: s.status, data: s.data, error: s.error, isFetching: s.fetchStatus !== 'idle' });
  }
  return out;
}

/**
 * Usage (device-state counts and dates) of many pools, read in the
 * background through the shared paced queue in the order given (pass the
 * pools in the order the admin sees them: the first rows fill in first).
 * The caller never waits: each pool's entry is pending until its read
 * answers. Cached under `poolKeys.usage(id)` (shared with the dashboard and
 * any `usePoolUsage`), fresh for five minutes; a pool that leaves the list
 * (filtered out, page closed) has its queued read dropped.
 *
 * No react-query observer per pool: 10,000 observers each re-computing the
 * combined result on every change freeze the page. The reads are started
 * with `prefetchQuery` and the cache is watched with one listener.
 */
export function useFleetUsage(
  poolIds: readonly string[],
  { enabled = true, priority = READ_PRIORITY.background, updateEveryMs = 500 }: FleetUsageOptions = {},
): FleetUsageResult {
  const client = useQueryClient();
  const wanted = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (!enabled) return;
    const before = wanted.current;
    const now = new Set(poolIds);
    wanted.current = now;
    cancelReads(client, [...before].filter((id) => !now.has(id)));
    // Fresh entries answer from the cache; the rest queue, in this order.
    for (const id of poolIds) void client.prefetchQuery(poolUsageQueryOptions(id, priority));
  }, [client, poolIds, priority, enabled]);
  useEffect(
    () => () => {
      cancelReads(client, [...wanted.current]);
      wanted.current = new Set();
    },
    [client],
  );

  // One cache listener; the snapshot is rebuilt at most every `updateEveryMs`.
  const ids = useRef(poolIds);
  const snapshot = useRef<{ ids: readonly string[]; value: FleetUsage } | null>(null);
  useEffect(() => {
    ids.current = poolIds;
  }, [poolIds]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = client.getQueryCache().subscribe((event) => {
        if (timer !== undefined || usagePoolId(event.query.queryKey) === undefined) return;
        timer = setTimeout(() => {
          timer = undefined;
          snapshot.current = { ids: ids.current, value: summariseUsage(ids.current, resultsById(client, ids.current)) };
          onChange();
        }, updateEveryMs);
      });
      return () => {
        if (timer !== undefined) clearTimeout(timer);
        unsubscribe();
      };
    },
    [client, updateEveryMs],
  );
  const getSnapshot = useCallback(() => {
    if (snapshot.current?.ids !== poolIds) snapshot.current = { ids: poolIds, value: summariseUsage(poolIds, resultsById(client, poolIds)) };
    return snapshot.current.value;
  }, [client, poolIds]);
  const value = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  const refresh = useCallback(() => {
    for (const id of poolIds) void client.fetchQuery({ ...poolUsageQueryOptions(id, priority), staleTime: 0 }).catch(() => undefined);
  }, [client, poolIds, priority]);

  return useMemo(() => ({ ...value, refresh }), [value, refresh]);
}

/** Drops queued or running reads nobody waits for any more (react-query aborts their signal; the queue drops them). */
function cancelReads(client: QueryClient, ids: readonly string[]): void {
  const cache = client.getQueryCache();
  for (const id of ids) {
    const q = cache.get(hashKey(poolKeys.usage(id)));
    if (q && q.state.fetchStatus !== 'idle' && q.getObserversCount() === 0) void q.cancel({ revert: true });
  }
}
