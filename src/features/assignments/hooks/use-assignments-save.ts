import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getPoolAssignments, poolAssignmentsQueryOptions } from '../../../entities/assignments/get-pool-assignments.ts';
import { useSavePoolAssignments } from '../api/save-pool-assignments.ts';
import { concurrentChange, rebaseDraft, sameAssignments, type ConcurrentChange } from '../lib/concurrent.ts';
import { toModel, type AssignmentDraft, type PoolAssignmentsModel } from '../lib/model.ts';
import { planSave, type SavePlan } from '../lib/save-plan.ts';

export interface SaveFailure {
  error: unknown;
  /** What failed, in words ("Adding Finance failed."). */
  action: string;
}

/** Another admin changed the pool since the editor was opened: nothing was sent. */
export interface ConcurrentConflict {
  now: PoolAssignmentsModel;
  change: ConcurrentChange;
}

export type SaveResult = { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; rebased?: AssignmentDraft };

function failedAction(plan: SavePlan, nameOf: (id: string) => string): string {
  const target = plan.kind === 'create' || plan.kind === 'update' ? plan.body.target : undefined;
  const group = target && 'groupId' in target ? nameOf(target.groupId) : undefined;
  switch (plan.kind) {
    case 'create':
      return group ? `Adding ${group} failed.` : 'Adding the assignment failed.';
    case 'update':
      return group ? `Moving ${group} failed.` : 'Changing the assignment failed.';
    default:
      return 'Replacing the pool’s assignments failed.';
  }
}

/**
 * The editor's save: the diff is made against `base` (the assignments the
 * editor was opened on). Just before writing — whatever the request, since a
 * POST or PATCH also builds on what was shown — the pool's assignments are
 * read again; if another admin changed them, nothing is sent and the change
 * is reported ({@link ConcurrentConflict}), so it is never silently overwritten.
 */
export function useAssignmentsSave(poolId: string, opened: PoolAssignmentsModel) {
  const queryClient = useQueryClient();
  const mutation = useSavePoolAssignments(poolId);
  const [base, setBase] = useState(opened);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [conflict, setConflict] = useState<ConcurrentConflict | null>(null);

  /** The pool's assignments as Graph has them now, also put in the cache so the page shows them. */
  const readNow = async () => {
    const fresh = await getPoolAssignments(poolId);
    queryClient.setQueryData(poolAssignmentsQueryOptions(poolId).queryKey, fresh);
    return toModel(fresh);
  };

  const save = async (draft: AssignmentDraft, nameOf: (id: string) => string): Promise<SaveResult> => {
    setFailure(null);
    setConflict(null);
    setChecking(true);
    let now: PoolAssignmentsModel;
    try {
      now = await readNow();
    } catch (error) {
      setFailure({ error, action: 'The pool’s current assignments could not be read, so nothing was sent.' });
      return { kind: 'failed' };
    } finally {
      setChecking(false);
    }
    if (!sameAssignments(base, now)) {
      setConflict({ now, change: concurrentChange(base, now) });
      return { kind: 'conflict' };
    }
    const plan = planSave(now, draft);
    try {
      await mutation.mutateAsync(plan);
      return { kind: 'saved' };
    } catch (error) {
      setFailure({ error, action: failedAction(plan, nameOf) });
    }
    // The write may have been half-done: review again against what Graph has now, keeping the admin's intent.
    try {
      const after = await readNow();
      setBase(after);
      return { kind: 'failed', rebased: rebaseDraft(now, draft, after) };
    } catch {
      return { kind: 'failed' };
    }
  };

  /** "Review again on top of the current assignments": the draft carried over onto what the other admin left. */
  const reviewAgain = (draft: AssignmentDraft): AssignmentDraft | undefined => {
    if (!conflict) return undefined;
    setBase(conflict.now);
    setConflict(null);
    return rebaseDraft(base, draft, conflict.now);
  };

  return { base, save, reviewAgain, failure, conflict, pending: checking || mutation.isPending };
}

export type AssignmentsSave = ReturnType<typeof useAssignmentsSave>;
