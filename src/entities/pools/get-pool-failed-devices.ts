import { hashKey, queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimDeviceState } from '../../graph/types.ts';
import { pacedPages, READ_PRIORITY } from '../fleet/read-pacer.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

/**
 * The fleet view's failed devices of one pool, with what the device
 * reported: `GET /{id}/deviceStates?$filter=state eq 'failed' or state eq
 * 'error'&$select=…&$top=1000`, through the shared paced queue (one queued
 * request per page). The usage read (get-pool-usage.ts) gives counts only,
 * so this is read only for pools whose usage shows failures: one more
 * request per failing pool, none for the others.
 */
export const FAILED_DEVICES_FILTER = "state eq 'failed' or state eq 'error'";
const SELECT = [
  'id',
  'createdDateTime',
  'modifiedDateTime',
  'lastSyncDateTime',
  'universalIntegratedCircuitCardIdentifier',
  'deviceName',
  'userName',
  'state',
  'stateDetails',
];

/**
 * Ahead of the usage reads still queued (background), behind what the admin
 * is looking at (visible): the failed list fills in while the rest of the
 * fleet is still being counted.
 */
export const FAILED_DEVICES_PRIORITY = READ_PRIORITY.background + 1;

export async function getPoolFailedDevices(poolId: string, signal?: AbortSignal): Promise<EmbeddedSimDeviceState[]> {
  const pages = graph().pages<EmbeddedSimDeviceState>(poolPaths.deviceStates(poolId), {
    query: { filter: FAILED_DEVICES_FILTER, select: SELECT, top: 1000 },
    signal,
  });
  return pacedPages(pages, { signal, priority: FAILED_DEVICES_PRIORITY });
}

export const poolFailedDevicesQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: poolKeys.failedDevices(poolId),
    queryFn: ({ signal }) => getPoolFailedDevices(poolId, signal),
    // As fresh as the usage it follows (get-pool-usage.ts).
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
  });

export interface FailedDevicesEntry {
  devices?: EmbeddedSimDeviceState[];
  error?: unknown;
  /** When the devices were read (UTC ms). */
  asOf?: number;
}

export interface PoolsFailedDevices {
  byPool: ReadonlyMap<string, FailedDevicesEntry>;
  /** Reads them all again (paced like the first read), keeping the old rows until each answers. */
  refresh: () => void;
}

function entriesOf(client: QueryClient, ids: readonly string[]): Map<string, FailedDevicesEntry> {
  const cache = client.getQueryCache();
  const byPool = new Map<string, FailedDevicesEntry>();
  for (const id of ids) {
    // Map lookups only: the cache's `find` scans every query.
    const q = cache.get<EmbeddedSimDeviceState[]>(hashKey(poolKeys.failedDevices(id)));
    const entry: FailedDevicesEntry = {};
    if (q?.state.data) {
      entry.devices = q.state.data;
      entry.asOf = q.state.dataUpdatedAt;
    }
    if (q?.state.status === 'error') entry.error = q.state.error;
    byPool.set(id, entry);
  }
  return byPool;
}

const isFailedDevicesKey = (key: readonly unknown[]) => key.length === FAILED_KEY_LENGTH && key[FAILED_KEY_LENGTH - 1] === 'failed' && key[FAILED_KEY_LENGTH - 2] === 'deviceStates';
const FAILED_KEY_LENGTH = poolKeys.failedDevices('x').length;

/**
 * Failed devices of several pools (the dashboard passes those whose usage
 * shows failures; thousands on a large tenant), by pool id. As the fleet's
 * usage reads do (entities/fleet/use-fleet-usage.ts): no observer per pool,
 * the reads are started with `prefetchQuery` in the order given and the cache
 * is watched by one listener, so the caller re-renders at most every
 * `updateEveryMs` however fast the answers come.
 */
export function usePoolsFailedDevices(poolIds: readonly string[], { enabled = true, updateEveryMs = 500 }: { enabled?: boolean; updateEveryMs?: number } = {}): PoolsFailedDevices {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    for (const id of poolIds) void client.prefetchQuery(poolFailedDevicesQueryOptions(id));
  }, [client, poolIds, enabled]);

  const ids = useRef(poolIds);
  const snapshot = useRef<{ ids: readonly string[]; value: ReadonlyMap<string, FailedDevicesEntry> } | null>(null);
  useEffect(() => {
    ids.current = poolIds;
  }, [poolIds]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = client.getQueryCache().subscribe((event) => {
        if (timer !== undefined || !isFailedDevicesKey(event.query.queryKey)) return;
        timer = setTimeout(() => {
          timer = undefined;
          snapshot.current = { ids: ids.current, value: entriesOf(client, ids.current) };
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
    if (snapshot.current?.ids !== poolIds) snapshot.current = { ids: poolIds, value: entriesOf(client, poolIds) };
    return snapshot.current.value;
  }, [client, poolIds]);
  const byPool = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  const refresh = useCallback(() => {
    for (const id of poolIds) void client.fetchQuery({ ...poolFailedDevicesQueryOptions(id), staleTime: 0 }).catch(() => undefined);
  }, [client, poolIds]);
  return useMemo(() => ({ byPool, refresh }), [byPool, refresh]);
}
