import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import { POOL_PROPERTIES_SELECT, type PoolProperties } from './types.ts';

/** `GET /{id}`: one pool's properties (activation codes are write-only and never read). */
export function getPool(id: string, signal?: AbortSignal): Promise<PoolProperties> {
  return graph().get<PoolProperties>(poolPaths.pool(id), { query: { select: POOL_PROPERTIES_SELECT }, signal });
}

export const poolQueryOptions = (id: string) =>
  queryOptions({
    queryKey: poolKeys.detail(id),
    queryFn: ({ signal }) => getPool(id, signal),
  });

export function usePool(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...poolQueryOptions(id), enabled });
}
