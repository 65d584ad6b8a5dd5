import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { diffAssignments } from './diff.ts';
import { draftFromModel, toModel, type AssignmentDraft, type PoolAssignmentsModel } from './model.ts';
import { intendedTargets, type AssignmentInput } from './save-plan.ts';

export type BulkMode = 'add' | 'replace';

/** The include/exclude set an admin applies to many pools at once. */
export interface BulkSet {
  included: string[];
  excluded: string[];
}

export interface PoolBulkPlan {
  /** Body of the `assign` action for this pool. */
  body: { assignments: AssignmentInput[] };
  /** False when the pool already has exactly this: no request is needed. */
  changed: boolean;
  added: number;
  moved: number;
  /** Assignments that go away (replace mode only; add mode never removes). */
  removed: number;
}

function without(ids: readonly string[], drop: readonly string[]): string[] {
  return ids.filter((id) => !drop.includes(id));
}

/**
 * The assignments one pool should end with.
 * - add: the pool keeps everything it has (other groups, all devices, other
 *   targets, filters); each chosen group is added, and one the pool has on the
 *   other side moves to the side the admin chose.
 * - replace: the pool ends with exactly the chosen groups; everything else
 *   (other groups, all devices, all licensed users, ConfigMgr collections) is
 *   removed. A chosen group the pool already had keeps its assignment filter.
 */
export function planBulkAssign(current: readonly EmbeddedSimActivationCodePoolAssignment[], set: BulkSet, mode: BulkMode): PoolBulkPlan {
  const model = toModel(current);
  const before = draftFromModel(model);
  let draft: AssignmentDraft;
  let effectiveModel: PoolAssignmentsModel = model;
  if (mode === 'add') {
    draft = {
      included: [...without(before.included, set.excluded), ...without(set.included, before.included)],
      excluded: [...without(before.excluded, set.included), ...without(set.excluded, before.excluded)],
      allDevices: before.allDevices,
    };
  } else {
    draft = { included: [...set.included], excluded: [...set.excluded], allDevices: false };
    effectiveModel = { ...model, other: [] };
  }
  const diff = diffAssignments(model, draft);
  const removedOther = mode === 'replace' ? model.other.length : 0;
  const removed = diff.removed.length + (diff.allDevices === 'removed' ? 1 : 0) + removedOther;
  return {
    body: { assignments: intendedTargets(effectiveModel, draft).map((target) => ({ target })) },
    changed: diff.added.length + diff.moved.length + removed > 0,
    added: diff.added.length,
    moved: diff.moved.length,
    removed,
  };
}
