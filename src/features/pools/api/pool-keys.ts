import { graphKeys } from '../../../lib/query-keys.ts';

export const poolKeys = {
  all: graphKeys.pools,
  lists: () => [...graphKeys.pools, 'list'] as const,
  details: () => [...graphKeys.pools, 'detail'] as const,
  detail: (id: string) => [...graphKeys.pools, 'detail', id] as const,
  /** Below `detail(id)`, so removing a deleted pool's detail removes these too. */
  deviceStates: (id: string) => [...graphKeys.pools, 'detail', id, 'deviceStates'] as const,

  assignmentCount: (id: string) => [...graphKeys.pools, 'detail', id, 'assignments', 'count'] as const,
};
