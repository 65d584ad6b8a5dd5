import { queryOptions, useQueries } from '@tanstack/react-query';
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

/** Failed devices of several pools (only those whose usage shows failures), by pool id. */
export function usePoolsFailedDevices(poolIds: readonly string[], { enabled = true }: { enabled?: boolean } = {}): PoolsFailedDevices {
  return useQueries({
    queries: poolIds.map((id) => ({ ...poolFailedDevicesQueryOptions(id), enabled })),
    combine: (results) => {
      const byPool = new Map<string, FailedDevicesEntry>();
      results.forEach((r, i) => {
        const id = poolIds[i];
        if (id === undefined) return;
        const entry: FailedDevicesEntry = {};
        if (r.data) {
          entry.devices = r.data;
          entry.asOf = r.dataUpdatedAt;
        }
        if (r.isError) entry.error = r.error;
        byPool.set(id, entry);
      });
      return { byPool, refresh: () => results.forEach((r) => void r.refetch()) };
    },
  });
}
