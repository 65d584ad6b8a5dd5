import { hashKey, useQueryClient, type FetchQueryOptions, type QueryClient, type QueryKey, type QueryState } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

export interface CachedQueriesOptions<TData, TKey extends QueryKey, TValue> {
  /** The query of one id. Keep it stable (module-level or memoised): the reads start again when it changes. */
  queryOptions: (id: string) => FetchQueryOptions<TData, Error, TData, TKey>;
  /** What the caller renders, built from each id's cache entry (undefined until its read is set up). Keep it stable. */
  summarise: (ids: readonly string[], stateOf: (id: string) => QueryState<TData> | undefined) => TValue;
  enabled?: boolean;
  /** Re-render at most this often while answers arrive. */
  updateEveryMs?: number;
  /** Cancel the queued or running reads of ids that leave the list (and that nothing else observes). */
  cancelDropped?: boolean;
}

export interface CachedQueries<TValue> {
  value: TValue;
  /** Reads every id again (as paced as the first read), keeping the old data until each answers. */
  refresh: () => void;
}

/** Map lookups only (the cache's `find` scans every query: 10,000 × 10,000 is too slow). */
function hashesOf<TData, TKey extends QueryKey>(ids: readonly string[], options: (id: string) => FetchQueryOptions<TData, Error, TData, TKey>) {
  return new Map(ids.map((id) => [id, hashKey(options(id).queryKey)]));
}

/** Drops queued or running reads nobody waits for any more (react-query aborts their signal). */
function cancelReads(client: QueryClient, hashes: readonly string[]): void {
  const cache = client.getQueryCache();
  for (const hash of hashes) {
    const q = cache.get(hash);
    if (q && q.state.fetchStatus !== 'idle' && q.getObserversCount() === 0) void q.cancel({ revert: true });
  }
}

/**
 * One query per id for thousands of ids (every pool's usage, every failing pool's devices) without
 * an observer per id: 10,000 observers each re-computing the combined result on every change
 * freeze the page. The reads start with `prefetchQuery` in the order given (fresh entries answer
 * from the cache), the cache is watched by one listener, and the caller re-renders at most every
 * `updateEveryMs` however fast the answers come.
 */
export function useCachedQueries<TData, TKey extends QueryKey, TValue>(
  ids: readonly string[],
  { queryOptions, summarise, enabled = true, updateEveryMs = 500, cancelDropped = false }: CachedQueriesOptions<TData, TKey, TValue>,
): CachedQueries<TValue> {
  const client = useQueryClient();
  const hashes = useMemo(() => hashesOf(ids, queryOptions), [ids, queryOptions]);
  const watched = useMemo(() => new Set(hashes.values()), [hashes]);
  const wanted = useRef<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    if (!enabled) return;
    const before = wanted.current;
    wanted.current = hashes;
    if (cancelDropped) cancelReads(client, [...before].filter(([id]) => !hashes.has(id)).map(([, hash]) => hash));
    for (const id of ids) void client.prefetchQuery(queryOptions(id));
  }, [client, ids, hashes, queryOptions, enabled, cancelDropped]);
  useEffect(
    () => () => {
      if (cancelDropped) cancelReads(client, [...wanted.current.values()]);
      wanted.current = new Map();
    },
    [client, cancelDropped],
  );

  // One cache listener; the snapshot is rebuilt at most every `updateEveryMs`.
  const latest = useRef({ ids, hashes, watched });
  const snapshot = useRef<{ ids: readonly string[]; value: TValue } | null>(null);
  useEffect(() => {
    latest.current = { ids, hashes, watched };
  }, [ids, hashes, watched]);
  const read = useCallback(
    (forIds: readonly string[], forHashes: ReadonlyMap<string, string>) => {
      const cache = client.getQueryCache();
      return summarise(forIds, (id) => {
        const hash = forHashes.get(id);
        return hash === undefined ? undefined : cache.get<TData, Error, TData, TKey>(hash)?.state;
      });
    },
    [client, summarise],
  );
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = client.getQueryCache().subscribe((event) => {
        // Only the queries of the ids asked for matter.
        if (timer !== undefined || !latest.current.watched.has(event.query.queryHash)) return;
        timer = setTimeout(() => {
          timer = undefined;
          const { ids: nowIds, hashes: nowHashes } = latest.current;
          snapshot.current = { ids: nowIds, value: read(nowIds, nowHashes) };
          onChange();
        }, updateEveryMs);
      });
      return () => {
        if (timer !== undefined) clearTimeout(timer);
        unsubscribe();
      };
    },
    [client, read, updateEveryMs],
  );
  const getSnapshot = useCallback(() => {
    if (snapshot.current?.ids !== ids) snapshot.current = { ids, value: read(ids, hashes) };
    return snapshot.current.value;
  }, [ids, hashes, read]);
  const value = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  const refresh = useCallback(() => {
    for (const id of ids) void client.fetchQuery({ ...queryOptions(id), staleTime: 0 }).catch(() => undefined);
  }, [client, ids, queryOptions]);

  return useMemo(() => ({ value, refresh }), [value, refresh]);
}
