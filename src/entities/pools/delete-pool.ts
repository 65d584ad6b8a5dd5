import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { isGraphError } from '../../graph/errors.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import type { PoolProperties } from './types.ts';

export interface DeletePoolResult {
  /** The pool was gone before this request (deleted elsewhere): what the admin wanted, so not an error. */
  alreadyDeleted: boolean;
}

/** `DELETE /{id}` (204). A 404 means someone else already deleted it. */
export async function deletePool(id: string, signal?: AbortSignal): Promise<DeletePoolResult> {
  try {
    await graph().delete(poolPaths.pool(id), signal ? { signal } : undefined);
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
      const filter = { queryKey: poolKeys.all, predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey.includes(id) };
      await queryClient.cancelQueries(filter);
      queryClient.removeQueries(filter);
      queryClient.setQueryData<PoolProperties[]>(poolKeys.list({ view: 'table' }), (old) => old?.filter((p) => p.id !== id));
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
    },
  });
}
