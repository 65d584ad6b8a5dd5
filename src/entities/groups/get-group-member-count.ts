import { queryOptions, useQueries } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { groupKeys } from './keys.ts';
import { groupPaths } from './paths.ts';

/** `GET /groups/{id}/members/$count` with ConsistencyLevel: eventual (the client's `count`). */
export function getGroupMemberCount(groupId: string, signal?: AbortSignal): Promise<number> {
  return graph().count(groupPaths.members(groupId), { signal });
}

export const groupMemberCountQueryOptions = (groupId: string) =>
  queryOptions({
    queryKey: groupKeys.memberCount(groupId),
    queryFn: ({ signal }) => getGroupMemberCount(groupId, signal),
    staleTime: 5 * 60_000,
  });

/** Member counts by group id; a count Graph does not give (deleted group, no permission) is absent. */
export function useGroupMemberCounts(groupIds: readonly string[]): Map<string, number> {
  return useQueries({
    queries: groupIds.map((id) => groupMemberCountQueryOptions(id)),
    combine: (results) => {
      const counts = new Map<string, number>();
      results.forEach((r, i) => {
        const id = groupIds[i];
        if (id !== undefined && r.data !== undefined) counts.set(id, r.data);
      });
      return counts;
    },
  });
}
