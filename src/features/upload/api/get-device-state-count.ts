import { queryOptions, useQueries } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { graphPath } from '../../../graph/odata.ts';
import { POOLS_PATH } from '../../../graph/types.ts';
import { uploadKeys } from './upload-keys.ts';

/** `GET /{id}/deviceStates/$count`: devices with a state in the pool (shown before replacing it). */
export function getDeviceStateCount(poolId: string, signal?: AbortSignal): Promise<number> {
  return graph().count(POOLS_PATH + graphPath`/${poolId}/deviceStates`, { signal });
}

export const deviceStateCountQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: uploadKeys.deviceStateCount(poolId),
    queryFn: ({ signal }) => getDeviceStateCount(poolId, signal),
    // Asked right before a replace: never answer from an old cache entry.
    staleTime: 0,
  });

/** Counts for several pools at once (one per pool being replaced). */
export function useDeviceStateCounts(poolIds: readonly string[], { enabled = true }: { enabled?: boolean } = {}) {
  return useQueries({ queries: poolIds.map((id) => ({ ...deviceStateCountQueryOptions(id), enabled })) });
}
