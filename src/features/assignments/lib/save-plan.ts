import type { AssignmentInput } from '../../../entities/assignments/types.ts';
import type { AssignmentTarget } from '../../../graph/types.ts';
import { changeCount, diffAssignments } from './diff.ts';
import { ALL_DEVICES_TARGET, groupTarget, type AssignmentDraft, type GroupAssignment, type PoolAssignmentsModel } from './model.ts';

export type { AssignmentInput };

/**
 * How a save reaches Graph. One added group is one POST to `/assignments`;
 * one group moved between include and exclude is one PATCH of that
 * assignment's target; anything else (removals, several changes, the
 * all-devices target) is the `assign` action with the complete intended set,
 * which replaces the pool's assignments in one request.
 */
export type SavePlan =
  | { kind: 'none' }
  | { kind: 'create'; body: AssignmentInput }
  | { kind: 'update'; assignmentId: string; body: AssignmentInput }
  | { kind: 'assign'; body: { assignments: AssignmentInput[] } };

function existing(model: PoolAssignmentsModel, groupId: string, mode?: GroupAssignment['mode']): GroupAssignment | undefined {
  return model.groups.find((g) => g.groupId === groupId && (mode === undefined || g.mode === mode));
}

/**
 * The complete set of targets for `draft`: all devices (its existing target
 * kept as it was, filter included), the untouched non-group targets, then the
 * included and excluded groups. A group that already had an assignment keeps
 * its assignment filter — also when it moves between include and exclude.
 */
export function intendedTargets(model: PoolAssignmentsModel, draft: AssignmentDraft): AssignmentTarget[] {
  const targets: AssignmentTarget[] = [];
  if (draft.allDevices) targets.push(model.allDevices?.target ?? { '@odata.type': ALL_DEVICES_TARGET });
  for (const a of model.other) targets.push(a.target);
  for (const [ids, mode] of [
    [draft.included, 'include'],
    [draft.excluded, 'exclude'],
  ] as const) {
    for (const groupId of ids) {
      const before = existing(model, groupId, mode) ?? existing(model, groupId);
      targets.push(groupTarget(groupId, mode, before?.filter));
    }
  }
  return targets;
}

export function planSave(model: PoolAssignmentsModel, draft: AssignmentDraft): SavePlan {
  const diff = diffAssignments(model, draft);
  const count = changeCount(diff);
  if (count === 0) return { kind: 'none' };
  if (count === 1 && !diff.allDevices) {
    const [added] = diff.added;
    if (added && diff.added.length === 1) {
      return { kind: 'create', body: { target: groupTarget(added.groupId, added.mode) } };
    }
    const [moved] = diff.moved;
    const before = moved && existing(model, moved.groupId, moved.from);
    if (moved && before?.assignmentId) {
      return { kind: 'update', assignmentId: before.assignmentId, body: { target: groupTarget(moved.groupId, moved.to, before.filter) } };
    }
  }
  return { kind: 'assign', body: { assignments: intendedTargets(model, draft).map((target) => ({ target })) } };
}
