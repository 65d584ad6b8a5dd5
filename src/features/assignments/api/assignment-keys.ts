import { graphKeys } from '../../../lib/query-keys.ts';

/**
 * Keys below the Graph roots: a pool's assignments sit under that pool's
 * detail key, so invalidating `graphKeys.pools` (any pool write) refreshes
 * them, and group lookups sit under `graphKeys.groups`.
 */
export const assignmentKeys = {
  /** Not below the pools list key: that list's cache holds another shape. */
  overview: () => [...graphKeys.pools, 'assignments-overview'] as const,
};

export const groupKeys = {
  all: graphKeys.groups,
  search: (term: string) => [...graphKeys.groups, 'search', term] as const,
  /** `ids` sorted, so the same set is one cache entry whatever the order. */
  byIds: (ids: readonly string[]) => [...graphKeys.groups, 'by-ids', [...ids].sort()] as const,
  memberCount: (groupId: string) => [...graphKeys.groups, 'detail', groupId, 'member-count'] as const,
};
