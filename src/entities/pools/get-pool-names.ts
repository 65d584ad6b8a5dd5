import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import type { PoolName } from './types.ts';

/** Every pool's id, name and code count (all pages): names must be unique, and same-provider pools are detected by name. */
export function getPoolNames(signal?: AbortSignal): Promise<PoolName[]> {
  return graph().getAll<PoolName>(poolPaths.collection, { query: { select: ['id', 'displayName', 'activationCodeCount'] }, signal });
}

export const poolNamesQueryOptions = () =>
  queryOptions({
    queryKey: poolKeys.list({ view: 'names' }),
    queryFn: ({ signal }) => getPoolNames(signal),
    // The name check must see pools created elsewhere since the page opened.
    staleTime: 0,
  });

export function usePoolNames() {
  return useQuery(poolNamesQueryOptions());
}
