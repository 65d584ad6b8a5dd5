import { graphKeys } from '../../lib/query-keys.ts';

/** Reads of one pool, below its detail key, so removing a deleted pool's detail removes them too. */
export const poolEntityKeys = {
  detail: (poolId: string) => [...graphKeys.pools, 'detail', poolId] as const,
  summary: (poolId: string) => [...graphKeys.pools, 'detail', poolId, 'summary'] as const,
  deviceStateCount: (poolId: string) => [...graphKeys.pools, 'detail', poolId, 'deviceStates', 'count'] as const,
};
