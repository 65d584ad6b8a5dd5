import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { graphPath } from '../../../graph/odata.ts';
import { POOLS_PATH, type EmbeddedSimActivationCodePool } from '../../../graph/types.ts';
import { poolKeys } from './pool-keys.ts';

export type PoolDetail = Pick<
  EmbeddedSimActivationCodePool,
  'id' | 'displayName' | 'activationCodeCount' | 'createdDateTime' | 'modifiedDateTime'
>;

const SELECT = ['id', 'displayName', 'activationCodeCount', 'createdDateTime', 'modifiedDateTime'];

/** The path of one pool (the id is one encoded path segment). */
export function poolPath(id: string): string {
  return POOLS_PATH + graphPath`/${id}`;
}

/** One pool's properties (activation codes are write-only and never read). */
export function getPool(id: string, signal?: AbortSignal): Promise<PoolDetail> {
  return graph().get<PoolDetail>(poolPath(id), { query: { select: SELECT }, signal });
}

export const poolQueryOptions = (id: string) =>
  queryOptions({
    queryKey: poolKeys.detail(id),
    queryFn: ({ signal }) => getPool(id, signal),
  });

export function usePool(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...poolQueryOptions(id), enabled });
}
