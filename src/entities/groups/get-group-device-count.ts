import { queryOptions, useQueries } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { paced, READ_PRIORITY } from '../fleet/read-pacer.ts';
import { groupKeys } from './keys.ts';
import { groupPaths } from './paths.ts';

/**
 * `GET /groups/{id}/transitiveMembers/microsoft.graph.device/$count` with
 * ConsistencyLevel: eventual: the devices an assignment to the group reaches
 * (nested groups included, users and other objects left out). Read through
 * the shared paced queue like the pools' usage.
 */
export function getGroupDeviceCount(groupId: string, signal?: AbortSignal): Promise<number> {
  return paced((s) => graph().count(groupPaths.deviceMembers(groupId), { signal: s }), { signal, priority: READ_PRIORITY.visible });
}

export const groupDeviceCountQueryOptions = (groupId: string) =>
  queryOptions({
    queryKey: groupKeys.deviceCount(groupId),
    queryFn: ({ signal }) => getGroupDeviceCount(groupId, signal),
    // Directory counts are eventually consistent anyway; memberships move slowly.
    staleTime: 10 * 60_000,
    gcTime: 30 * 60_000,
  });

export interface GroupDeviceCounts {
  /** Device count by group id; a group Graph gave no count for (deleted, no permission) is absent. */
  counts: ReadonlyMap<string, number>;
  /** Some counts are still being read. */
  pending: boolean;
  /** Groups whose count could not be read. */
  failed: readonly string[];
}

export function useGroupDeviceCounts(groupIds: readonly string[], { enabled = true }: { enabled?: boolean } = {}): GroupDeviceCounts {
  return useQueries({
    queries: groupIds.map((id) => ({ ...groupDeviceCountQueryOptions(id), enabled })),
    combine: (results) => {
      const counts = new Map<string, number>();
      const failed: string[] = [];
      let pending = false;
      results.forEach((r, i) => {
        const id = groupIds[i];
        if (id === undefined) return;
        if (r.data !== undefined) counts.set(id, r.data);
        else if (r.isError) failed.push(id);
        else pending = true;
      });
      return { counts, pending: enabled && pending, failed };
    },
  });
}
