import { graphKeys } from '../../lib/query-keys.ts';

/** The one query-key factory of the group resource, built level on level below `groupKeys.all`. */
export const groupKeys = {
  all: graphKeys.groups,
  search: (term: string) => [...groupKeys.all, 'search', term] as const,
  /** `ids` sorted, so the same set is one cache entry whatever the order. */
  byIds: (ids: readonly string[]) => [...groupKeys.all, 'by-ids', [...ids].sort()] as const,
  memberCount: (groupId: string) => [...groupKeys.all, 'detail', groupId, 'member-count'] as const,
  /** Transitive device members (what an eSIM pool's assignment can reach). */
  deviceCount: (groupId: string) => [...groupKeys.all, 'detail', groupId, 'device-count'] as const,
};
