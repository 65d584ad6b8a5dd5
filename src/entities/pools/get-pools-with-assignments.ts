import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePool } from '../../graph/types.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import { streamedList } from './streamed-list.ts';

export type PoolWithAssignments = Pick<EmbeddedSimActivationCodePool, 'id' | 'displayName' | 'activationCodeCount' | 'assignments'>;

const QUERY = { expand: 'assignments', select: ['id', 'displayName', 'activationCodeCount'] };

/** Every pool with its assignments: `GET pools?$expand=assignments&$select=id,displayName,activationCodeCount`, all pages. */
export function getPoolsWithAssignments(signal?: AbortSignal): Promise<PoolWithAssignments[]> {
  return graph().getAll<PoolWithAssignments>(poolPaths.collection, { query: QUERY, signal });
}

/** The same read, one Graph page at a time. */
export async function* getPoolsWithAssignmentsPages(signal?: AbortSignal): AsyncGenerator<PoolWithAssignments[]> {
  for await (const page of graph().pages<PoolWithAssignments>(poolPaths.collection, { query: QUERY, signal })) yield page.value;
}

/** Streamed like the pools list (see streamedList). */
export const poolsWithAssignmentsQueryOptions = () =>
  queryOptions({
    queryKey: poolKeys.list({ view: 'withAssignments' }),
    queryFn: streamedList(getPoolsWithAssignmentsPages),
  });

export function usePoolsWithAssignments() {
  return useQuery(poolsWithAssignmentsQueryOptions());
}
