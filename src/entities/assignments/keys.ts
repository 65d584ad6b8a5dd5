import { graphKeys } from '../../lib/query-keys.ts';

/**
 * A pool's assignments sit under that pool's detail key, so invalidating
 * `graphKeys.pools` (any pool write) refreshes them.
 */
export const assignmentKeys = {
  pool: (poolId: string) => [...graphKeys.pools, 'detail', poolId, 'assignments', 'list'] as const,
};
