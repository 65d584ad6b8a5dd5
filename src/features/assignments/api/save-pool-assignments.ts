import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavePlan } from '../lib/save-plan.ts';
import { assignPool } from '../../../entities/assignments/assign-pool.ts';
import { poolKeys } from '../../../entities/pools/keys.ts';
import { createPoolAssignment } from '../../../entities/assignments/create-pool-assignment.ts';
import { updatePoolAssignment } from '../../../entities/assignments/update-pool-assignment.ts';

/** Carries out a {@link SavePlan} with the one Graph call it names. */
export async function savePoolAssignments(poolId: string, plan: SavePlan): Promise<void> {
  switch (plan.kind) {
    case 'none':
      return;
    case 'create':
      await createPoolAssignment(poolId, plan.body);
      return;
    case 'update':
      await updatePoolAssignment(poolId, plan.assignmentId, plan.body);
      return;
    case 'assign':
      await assignPool(poolId, plan.body);
      return;
  }
}

/** The mutation scope that makes every assignments write to one pool run one after the other. */
export const poolAssignmentsScope = (poolId: string) => ({ id: `pool-assignments-${poolId}` });

/**
 * Saves a pool's assignments. Not optimistic: the section keeps showing the
 * server's assignments until Graph answers. Success or failure, the pool's
 * reads are refetched (and awaited, so `isPending` lasts until the fresh
 * list is on screen) — after a failure that may still have been applied,
 * what the admin sees is the server's truth.
 */
export function useSavePoolAssignments(poolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: poolAssignmentsScope(poolId),
    mutationFn: (plan: SavePlan) => savePoolAssignments(poolId, plan),
    onSettled: () => queryClient.invalidateQueries({ queryKey: poolKeys.all }),
  });
}
