import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

/**
 * `GET /{id}/deviceStates/$count`: devices that were given a code of the pool
 * (installed, installing, failed… — spent or pending). Shown before a delete
 * or a replace, and read again right before a replace deletes.
 */
export function getDeviceStateCount(poolId: string, signal?: AbortSignal): Promise<number> {
  return graph().count(poolPaths.deviceStates(poolId), { signal });
}

export const deviceStateCountQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: poolKeys.deviceStateCount(poolId),
    queryFn: ({ signal }) => getDeviceStateCount(poolId, signal),
    // Asked right before a delete or replace: never answer from an old cache entry.
    staleTime: 0,
  });

export function useDeviceStateCount(poolId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...deviceStateCountQueryOptions(poolId), enabled });
}

/** Counts for several pools at once (one per pool being replaced). */
export function useDeviceStateCounts(poolIds: readonly string[], { enabled = true }: { enabled?: boolean } = {}) {
  return useQueries({ queries: poolIds.map((id) => ({ ...deviceStateCountQueryOptions(id), enabled })) });
}
