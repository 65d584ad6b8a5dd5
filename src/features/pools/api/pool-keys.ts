import { graphKeys } from '../../../lib/query-keys.ts';

export const poolKeys = {
  all: graphKeys.pools,
  lists: () => [...graphKeys.pools, 'list'] as const,
  details: () => [...graphKeys.pools, 'detail'] as const,
  detail: (id: string) => [...graphKeys.pools, 'detail', id] as const,
};
