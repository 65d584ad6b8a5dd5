import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { poolPath } from './get-pool.ts';
import { poolKeys } from './pool-keys.ts';

/** How many assignments (included and excluded groups) a pool has; for the delete confirmation. */
export async function getAssignmentCount(poolId: string, signal?: AbortSignal): Promise<number> {
  const ids = await graph().getAll<{ id: string }>(`${poolPath(poolId)}/assignments`, { query: { select: ['id'] }, signal });
  return ids.length;
}

export const assignmentCountQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: poolKeys.assignmentCount(poolId),
    queryFn: ({ signal }) => getAssignmentCount(poolId, signal),
    staleTime: 0,
  });

export function useAssignmentCount(poolId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...assignmentCountQueryOptions(poolId), enabled });
}
