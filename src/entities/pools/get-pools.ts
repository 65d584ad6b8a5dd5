import { experimental_streamedQuery as streamedQuery, queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import { POOL_PROPERTIES_SELECT, type PoolProperties } from './types.ts';

/** The tenant's pools, one Graph page at a time (following @odata.nextLink). */
export async function* getPoolPages(signal?: AbortSignal): AsyncGenerator<PoolProperties[]> {
  for await (const page of graph().pages<PoolProperties>(poolPaths.collection, { query: { select: POOL_PROPERTIES_SELECT }, signal })) {
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
    queryKey: poolKeys.list({ view: 'table' }),
    queryFn: streamedQuery<PoolProperties[], PoolProperties[]>({
      streamFn: ({ signal }) => getPoolPages(signal),
      reducer: (all, page) => all.concat(page),
      initialValue: [],
      refetchMode: 'replace',
    }),
  });

export function usePools() {
  return useQuery(poolsQueryOptions());
}
