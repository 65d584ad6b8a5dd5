import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../graph/types.ts';
import { poolPaths } from '../pools/paths.ts';
import { assignmentKeys } from './keys.ts';

/** `GET /{pool}/assignments`, every page. */
export function getPoolAssignments(poolId: string, signal?: AbortSignal): Promise<EmbeddedSimActivationCodePoolAssignment[]> {
  return graph().getAll<EmbeddedSimActivationCodePoolAssignment>(poolPaths.assignments(poolId), { signal });
}

export const poolAssignmentsQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: assignmentKeys.pool(poolId),
    queryFn: ({ signal }) => getPoolAssignments(poolId, signal),
  });

export function usePoolAssignments(poolId: string) {
  return useQuery(poolAssignmentsQueryOptions(poolId));
}
