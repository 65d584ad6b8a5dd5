import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../graph/types.ts';
import { poolPaths } from '../pools/paths.ts';
import { poolKeys } from '../pools/keys.ts';

/** `GET /{pool}/assignments`, every page. */
export function getPoolAssignments(poolId: string, signal?: AbortSignal): Promise<EmbeddedSimActivationCodePoolAssignment[]> {
  return graph().getAll<EmbeddedSimActivationCodePoolAssignment>(poolPaths.assignments(poolId), { signal });
}

export const poolAssignmentsQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: poolKeys.assignments(poolId),
    queryFn: ({ signal }) => getPoolAssignments(poolId, signal),
  });

export function usePoolAssignments(poolId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...poolAssignmentsQueryOptions(poolId), enabled });
}

/** Several pools' assignments, read fresh (shown right before a replace carries them over). */
export function usePoolsAssignments(poolIds: readonly string[], { enabled = true }: { enabled?: boolean } = {}) {
  return useQueries({ queries: poolIds.map((id) => ({ ...poolAssignmentsQueryOptions(id), staleTime: 0, enabled })) });
}
