import { QueriesObserver, useQueryClient, type QueryObserverOptions } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { poolUsageQueryOptions } from '../pools/get-pool-usage.ts';
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

function resultsById(observer: QueriesObserver): Map<string, UsageResultLike> {
  const queries = observer.getQueries();
  const results = observer.getCurrentResult();
  const byId = new Map<string, UsageResultLike>();
  queries.forEach((q, i) => {
    const id = usagePoolId(q.queryKey);
    const r = results[i];
    if (id !== undefined && r) byId.set(id, r as UsageResultLike);
  });
  return byId;
}

/**
 * Usage (device-state counts and dates) of many pools, read in the
 * background through the shared paced queue in the order given (pass the
 * pools in the order the admin sees them: the first rows fill in first).
 * The caller never waits: each pool's entry is pending until its read
 * answers. Reads that leave the list (filtered out, page closed) are dropped
 * from the queue. Cached under `poolKeys.usage(id)`, shared with the dashboard.
 */
export function useFleetUsage(
  poolIds: readonly string[],
  { enabled = true, priority = READ_PRIORITY.background, updateEveryMs = 500 }: FleetUsageOptions = {},
): FleetUsageResult {
  const client = useQueryClient();
  const queries = useMemo(
    () => poolIds.map((id) => client.defaultQueryOptions({ ...poolUsageQueryOptions(id, priority), enabled })) as QueryObserverOptions[],
    [client, poolIds, priority, enabled],
  );
  const [observer] = useState(() => new QueriesObserver(client, queries));
  useEffect(() => {
    observer.setQueries(queries);
  }, [observer, queries]);

  // One subscription for the hook's life (a new one per list change would drop reads in flight),
  // and a snapshot that changes at most every `updateEveryMs`.
  const ids = useRef(poolIds);
  const snapshot = useRef<{ ids: readonly string[]; value: FleetUsage } | null>(null);
  useEffect(() => {
    ids.current = poolIds;
  }, [poolIds]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = observer.subscribe(() => {
        if (timer !== undefined) return;
        timer = setTimeout(() => {
          timer = undefined;
          snapshot.current = { ids: ids.current, value: summariseUsage(ids.current, resultsById(observer)) };
          onChange();
        }, updateEveryMs);
      });
      return () => {
        if (timer !== undefined) clearTimeout(timer);
        unsubscribe();
      };
    },
    [observer, updateEveryMs],
  );
  const getSnapshot = useCallback(() => {
    if (snapshot.current?.ids !== poolIds) snapshot.current = { ids: poolIds, value: summariseUsage(poolIds, resultsById(observer)) };
    return snapshot.current.value;
  }, [observer, poolIds]);
  const value = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  const refresh = useCallback(() => {
    const wanted = new Set(poolIds);
    void client.refetchQueries({ predicate: (q) => wanted.has(usagePoolId(q.queryKey) ?? '') });
  }, [client, poolIds]);

  return useMemo(() => ({ ...value, refresh }), [value, refresh]);
}
