import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { POOLS_PATH, type EmbeddedSimActivationCodePool } from '../../../graph/types.ts';
import { assignmentKeys } from './assignment-keys.ts';

export type PoolWithAssignments = Pick<EmbeddedSimActivationCodePool, 'id' | 'displayName' | 'activationCodeCount' | 'assignments'>;

/** Every pool with its assignments: `GET pools?$expand=assignments&$select=id,displayName,activationCodeCount`, all pages. */
export function getPoolsWithAssignments(signal?: AbortSignal): Promise<PoolWithAssignments[]> {
  return graph().getAll<PoolWithAssignments>(POOLS_PATH, {
    query: { expand: 'assignments', select: ['id', 'displayName', 'activationCodeCount'] },
    signal,
  });
}

export const poolsWithAssignmentsQueryOptions = () =>
  queryOptions({
    queryKey: assignmentKeys.overview(),
    queryFn: ({ signal }) => getPoolsWithAssignments(signal),
  });

export function usePoolsWithAssignments() {
  return useQuery(poolsWithAssignmentsQueryOptions());
}
