import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { POOLS_PATH, type EmbeddedSimActivationCodePool } from '../../../graph/types.ts';
import { poolKeys } from './pool-keys.ts';

export type PoolListItem = Pick<
  EmbeddedSimActivationCodePool,
  'id' | 'displayName' | 'activationCodeCount' | 'createdDateTime' | 'modifiedDateTime'
>;

const SELECT = ['id', 'displayName', 'activationCodeCount', 'createdDateTime', 'modifiedDateTime'];

/** Every pool of the tenant (all pages); sorting and name filtering happen in the page. */
export function getPools(signal?: AbortSignal): Promise<PoolListItem[]> {
  return graph().getAll<PoolListItem>(POOLS_PATH, { query: { select: SELECT }, signal });
}

export const poolsQueryOptions = () =>
  queryOptions({
    queryKey: poolKeys.lists(),
    queryFn: ({ signal }) => getPools(signal),
  });

export function usePools() {
  return useQuery(poolsQueryOptions());
}
