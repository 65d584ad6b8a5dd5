import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { graphPath } from '../../../graph/odata.ts';
import { POOLS_PATH, type EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { assignmentKeys } from './assignment-keys.ts';

export const poolAssignmentsPath = (poolId: string): string => POOLS_PATH + graphPath`/${poolId}/assignments`;

/** `GET /{pool}/assignments`, every page. */
export function getPoolAssignments(poolId: string, signal?: AbortSignal): Promise<EmbeddedSimActivationCodePoolAssignment[]> {
  return graph().getAll<EmbeddedSimActivationCodePoolAssignment>(poolAssignmentsPath(poolId), { signal });
}

export const poolAssignmentsQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: assignmentKeys.pool(poolId),
    queryFn: ({ signal }) => getPoolAssignments(poolId, signal),
  });

export function usePoolAssignments(poolId: string) {
  return useQuery(poolAssignmentsQueryOptions(poolId));
}
