import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { poolPath } from './get-pool.ts';
import { poolKeys } from './pool-keys.ts';

/** `GET /{id}/deviceStates/$count`: how many devices have a state in this pool. */
export function getDeviceStateCount(poolId: string, signal?: AbortSignal): Promise<number> {
  return graph().count(`${poolPath(poolId)}/deviceStates`, { signal });
}

export const deviceStateCountQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: poolKeys.deviceStateCount(poolId),
    queryFn: ({ signal }) => getDeviceStateCount(poolId, signal),
    // Asked right before a delete: never answer from an old cache entry.
    staleTime: 0,
  });

export function useDeviceStateCount(poolId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...deviceStateCountQueryOptions(poolId), enabled });
}
