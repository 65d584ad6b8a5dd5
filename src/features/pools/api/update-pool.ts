import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { graph } from '../../../graph/client.ts';
import { graphKeys } from '../../../lib/query-keys.ts';
import type { PoolListItem } from './get-pools.ts';
import { poolPath, type PoolDetail } from './get-pool.ts';
import { poolKeys } from './pool-keys.ts';

/**
 * Graph publishes no length limit for a pool's displayName; 256 characters
 * is the common Intune limit for object names and far more than a list or
 * breadcrumb can show.
 */
export const POOL_NAME_MAX_LENGTH = 256;

/** The rename form: trimmed, required, at most 256 characters, and different from the current name. */
export function renamePoolSchema(currentName: string) {
  return z.object({
    displayName: z
      .string()
      .trim()
      .min(1, 'Enter a name for the pool.')
      .max(POOL_NAME_MAX_LENGTH, `Use ${POOL_NAME_MAX_LENGTH} characters or fewer.`)
      .refine((name) => name !== currentName, 'This is already the pool’s name. Enter a different name.'),
  });
}

export type RenamePoolInput = z.infer<ReturnType<typeof renamePoolSchema>>;

/** PATCH the pool's displayName. Graph answers 200 with the pool (or 204 with no body). */
export async function updatePool(id: string, input: RenamePoolInput): Promise<PoolDetail | undefined> {
  return graph().patch<PoolDetail | undefined>(poolPath(id), { displayName: input.displayName });
}

function applyName(queryClient: QueryClient, id: string, displayName: string, updated: PoolDetail | undefined) {
  queryClient.setQueryData<PoolDetail>(poolKeys.detail(id), (old) =>
    old ? { ...old, ...(updated ?? {}), displayName } : updated,
  );
  queryClient.setQueryData<PoolListItem[]>(poolKeys.lists(), (old) =>
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
    mutationFn: (input: RenamePoolInput) => updatePool(id, input),
    scope: { id: `pool-${id}` },
    onSuccess: async (updated, input) => {
      applyName(queryClient, id, input.displayName, updated);
      // A rename changes no device state: refresh every pool read except those (large, and polled anyway).
      await queryClient.invalidateQueries({
        queryKey: graphKeys.pools,
        predicate: (query) => !query.queryKey.includes('deviceStates'),
      });
    },
  });
}
