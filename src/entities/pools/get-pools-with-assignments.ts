import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePool } from '../../graph/types.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

export type PoolWithAssignments = Pick<EmbeddedSimActivationCodePool, 'id' | 'displayName' | 'activationCodeCount' | 'assignments'>;

/** Every pool with its assignments: `GET pools?$expand=assignments&$select=id,displayName,activationCodeCount`, all pages. */
export function getPoolsWithAssignments(signal?: AbortSignal): Promise<PoolWithAssignments[]> {
  return graph().getAll<PoolWithAssignments>(poolPaths.collection, {
    query: { expand: 'assignments', select: ['id', 'displayName', 'activationCodeCount'] },
    signal,
  });
}

export const poolsWithAssignmentsQueryOptions = () =>
  queryOptions({
    queryKey: poolKeys.list({ view: 'withAssignments' }),
    queryFn: ({ signal }) => getPoolsWithAssignments(signal),
  });

export function usePoolsWithAssignments() {
  return useQuery(poolsWithAssignmentsQueryOptions());
}
