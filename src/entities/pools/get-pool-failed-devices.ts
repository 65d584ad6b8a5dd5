import { queryOptions, type QueryState } from '@tanstack/react-query';
import { useMemo } from 'react';
import { graph } from '../../graph/client.ts';
import { useCachedQueries } from '../../lib/use-cached-queries.ts';
import type { EmbeddedSimDeviceState } from '../../graph/types.ts';
import { pacedPages, READ_PRIORITY } from '../fleet/read-pacer.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

/**
 * The fleet view's failed devices of one pool, with what the device
 * reported: `GET /{id}/deviceStates?$filter=state eq 'failed' or state eq
 * 'error'&$select=…&$top=1000`, through the shared paced queue (one queued
 * request per page). Only for pools of more than 1,000 codes whose usage
 * shows failures: a smaller pool's usage read selects these fields itself
 * and carries its failed devices (get-pool-usage.ts), so it needs no second
 * request.
 */
export const FAILED_DEVICES_FILTER = "state eq 'failed' or state eq 'error'";
/** What the failed-devices list and its export show of a device state. */
export const FAILED_DEVICE_SELECT: readonly string[] = [
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
    query: { filter: FAILED_DEVICES_FILTER, select: [...FAILED_DEVICE_SELECT], top: 1000 },
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

function entriesOf(ids: readonly string[], stateOf: (id: string) => QueryState<EmbeddedSimDeviceState[]> | undefined): ReadonlyMap<string, FailedDevicesEntry> {
  const byPool = new Map<string, FailedDevicesEntry>();
  for (const id of ids) {
    const s = stateOf(id);
    const entry: FailedDevicesEntry = {};
    if (s?.data) {
      entry.devices = s.data;
      entry.asOf = s.dataUpdatedAt;
    }
    if (s?.status === 'error') entry.error = s.error;
    byPool.set(id, entry);
  }
  return byPool;
}

/**
 * Failed devices of several pools (the dashboard passes those whose usage
 * shows failures; thousands on a large tenant), by pool id. As the fleet's
 * usage reads do (entities/fleet/use-fleet-usage.ts): no observer per pool
 * (lib/use-cached-queries.ts), so the caller re-renders at most every
 * `updateEveryMs` however fast the answers come.
 */
export function usePoolsFailedDevices(poolIds: readonly string[], { enabled = true, updateEveryMs = 500 }: { enabled?: boolean; updateEveryMs?: number } = {}): PoolsFailedDevices {
  const { value: byPool, refresh } = useCachedQueries(poolIds, { queryOptions: poolFailedDevicesQueryOptions, summarise: entriesOf, enabled, updateEveryMs });
  return useMemo(() => ({ byPool, refresh }), [byPool, refresh]);
}
