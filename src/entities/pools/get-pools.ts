import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import { streamedList } from './streamed-list.ts';
import { POOL_PROPERTIES_SELECT, type PoolProperties } from './types.ts';

/** The tenant's pools, one Graph page at a time (following @odata.nextLink). */
export async function* getPoolPages(signal?: AbortSignal): AsyncGenerator<PoolProperties[]> {
  for await (const page of graph().pages<PoolProperties>(poolPaths.collection, { query: { select: POOL_PROPERTIES_SELECT }, signal })) {
    yield page.value;
  }
}

/** Every pool of the tenant, streamed (see streamedList); sorting and name filtering happen in the page. */
export const poolsQueryOptions = () =>
  queryOptions({
    queryKey: poolKeys.list({ view: 'table' }),
    queryFn: streamedList(getPoolPages),
  });

export function usePools() {
  return useQuery(poolsQueryOptions());
}
