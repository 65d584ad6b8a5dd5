import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { isGraphError } from '../../../graph/errors.ts';
import { graphKeys } from '../../../lib/query-keys.ts';
import type { PoolListItem } from './get-pools.ts';
import { poolPath } from './get-pool.ts';
import { poolKeys } from './pool-keys.ts';

export interface DeletePoolResult {
  /** The pool was gone before this request (deleted elsewhere): what the admin wanted, so not an error. */
  alreadyDeleted: boolean;
}

/** DELETE the pool (204). A 404 means someone else already deleted it. */
export async function deletePool(id: string): Promise<DeletePoolResult> {
  try {
    await graph().delete(poolPath(id));
    return { alreadyDeleted: false };
  } catch (error) {
    if (isGraphError(error) && error.status === 404) return { alreadyDeleted: true };
    throw error;
  }
}

/**
 * Deletes one pool. Every cached read of that pool (in any feature: keys
 * below `graph/pools` that contain its id) is cancelled and removed first, so
 * nothing refetches it into a 404; the list drops it at once; then all other
 * pool reads are refreshed, and the mutation stays pending until they are.
 */
export function useDeletePool(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePool(id),
    scope: { id: `pool-${id}` },
    onSuccess: async () => {
      const filter = { queryKey: graphKeys.pools, predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey.includes(id) };
      await queryClient.cancelQueries(filter);
      queryClient.removeQueries(filter);
      queryClient.setQueryData<PoolListItem[]>(poolKeys.lists(), (old) => old?.filter((p) => p.id !== id));
      await queryClient.invalidateQueries({ queryKey: graphKeys.pools });
    },
  });
}
