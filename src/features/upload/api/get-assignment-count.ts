import { queryOptions, useQueries } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { graphPath } from '../../../graph/odata.ts';
import { POOLS_PATH } from '../../../graph/types.ts';
import { uploadKeys } from './upload-keys.ts';

/** How many assignments a pool has: they are not carried over when it is replaced. */
export async function getAssignmentCount(poolId: string, signal?: AbortSignal): Promise<number> {
  const items = await graph().getAll<{ id: string }>(POOLS_PATH + graphPath`/${poolId}/assignments`, { query: { select: ['id'] }, signal });
  return items.length;
}

export const assignmentCountQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: uploadKeys.assignmentCount(poolId),
    queryFn: ({ signal }) => getAssignmentCount(poolId, signal),
    staleTime: 0,
  });

export function useAssignmentCounts(poolIds: readonly string[], { enabled = true }: { enabled?: boolean } = {}) {
  return useQueries({ queries: poolIds.map((id) => ({ ...assignmentCountQueryOptions(id), enabled })) });
}
