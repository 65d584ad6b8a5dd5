import { experimental_streamedQuery as streamedQuery, queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePool } from '../../graph/types.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

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

/**
 * Streamed like the pools list: the first page shows while the rest load (a
 * 10,000-pool tenant sees rows at once), and a refresh keeps the current rows
 * until the new list is complete.
 */
export const poolsWithAssignmentsQueryOptions = () =>
  queryOptions({
    queryKey: poolKeys.list({ view: 'withAssignments' }),
    queryFn: streamedQuery<PoolWithAssignments[], PoolWithAssignments[]>({
      streamFn: ({ signal }) => getPoolsWithAssignmentsPages(signal),
      reducer: (all, page) => all.concat(page),
      initialValue: [],
      refetchMode: 'replace',
    }),
  });

export function usePoolsWithAssignments() {
  return useQuery(poolsWithAssignmentsQueryOptions());
}
