import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import type { PoolProperties } from './types.ts';

/** What a rename sends: the new displayName (already validated by the form). */
export interface UpdatePoolInput {
  displayName: string;
}

/** `PATCH /{id}` with the pool's displayName. Graph answers 200 with the pool (or 204 with no body). */
export async function updatePool(id: string, input: UpdatePoolInput): Promise<PoolProperties | undefined> {
  return graph().patch<PoolProperties | undefined>(poolPaths.pool(id), { displayName: input.displayName });
}

function applyName(queryClient: QueryClient, id: string, displayName: string, updated: PoolProperties | undefined) {
  queryClient.setQueryData<PoolProperties>(poolKeys.detail(id), (old) =>
    old ? { ...old, ...(updated ?? {}), displayName } : updated,
  );
  queryClient.setQueryData<PoolProperties[]>(poolKeys.list({ view: 'table' }), (old) =>
    old?.map((p) => (p.id === id ? { ...p, displayName, modifiedDateTime: updated?.modifiedDateTime ?? p.modifiedDateTime } : p)),
  );
}

/**
 * Renames one pool. Writes to a pool run one at a time (scope `pool-<id>`),
 * and the mutation stays pending until every pool read has been refreshed.
 */
export function useUpdatePool(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePoolInput) => updatePool(id, input),
    scope: { id: `pool-${id}` },
    onSuccess: async (updated, input) => {
      applyName(queryClient, id, input.displayName, updated);
      // A rename changes no device state: refresh every pool read except those (large, and polled anyway).
      await queryClient.invalidateQueries({
        queryKey: poolKeys.all,
        predicate: (query) => !query.queryKey.includes('deviceStates'),
      });
    },
  });
}
