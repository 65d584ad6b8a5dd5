import { experimental_streamedQuery as streamedQuery, queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { POOLS_PATH, type EmbeddedSimActivationCodePool } from '../../../graph/types.ts';
import { poolKeys } from './pool-keys.ts';

export type PoolListItem = Pick<
  EmbeddedSimActivationCodePool,
  'id' | 'displayName' | 'activationCodeCount' | 'createdDateTime' | 'modifiedDateTime'
>;

const SELECT = ['id', 'displayName', 'activationCodeCount', 'createdDateTime', 'modifiedDateTime'];

/** The tenant's pools, one Graph page at a time (following @odata.nextLink). */
export async function* getPoolPages(signal?: AbortSignal): AsyncGenerator<PoolListItem[]> {
  for await (const page of graph().pages<PoolListItem>(POOLS_PATH, { query: { select: SELECT }, signal })) {
    yield page.value;
  }
}

/**
 * Every pool of the tenant; sorting and name filtering happen in the page.
 * Streamed: the first page renders while the rest load (a tenant with
 * thousands of pools sees rows at once), and a refresh keeps the current
 * rows until the new list is complete.
 */
export const poolsQueryOptions = () =>
  queryOptions({
    queryKey: poolKeys.lists(),
    queryFn: streamedQuery<PoolListItem[], PoolListItem[]>({
      streamFn: ({ signal }) => getPoolPages(signal),
      reducer: (all, page) => all.concat(page),
      initialValue: [],
      refetchMode: 'replace',
    }),
  });

export function usePools() {
  return useQuery(poolsQueryOptions());
}
