import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

/** `GET /{id}/assignments?$select=id`, all pages: how many assignments (included and excluded groups) a pool has; for the delete confirmation. */
export async function getAssignmentCount(poolId: string, signal?: AbortSignal): Promise<number> {
  const ids = await graph().getAll<{ id: string }>(poolPaths.assignments(poolId), { query: { select: ['id'] }, signal });
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
