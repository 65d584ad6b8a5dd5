import { draftFromModel, type AssignmentDraft, type GroupMode, type PoolAssignmentsModel } from './model.ts';

export interface GroupChange {
  groupId: string;
  mode: GroupMode;
}

export interface GroupMove {
  groupId: string;
  from: GroupMode;
  to: GroupMode;
  /** The group had an assignment filter, which an exclusion cannot keep. */
  filterDropped?: boolean;
}

export interface AssignmentDiff {
  added: GroupChange[];
  removed: GroupChange[];
  moved: GroupMove[];
  /** The all-devices target is being added or removed. */
  allDevices?: 'added' | 'removed';
}

const other = (m: GroupMode): GroupMode => (m === 'include' ? 'exclude' : 'include');

/**
 * What saving `draft` changes on the server compared with `model`: groups
 * added, removed, and moved between include and exclude (a group that is
 * removed from one side and added to the other is one move, not two changes).
 */
export function diffAssignments(model: PoolAssignmentsModel, draft: AssignmentDraft): AssignmentDiff {
  const before = draftFromModel(model);
  const has = (d: AssignmentDraft, id: string, mode: GroupMode) => (mode === 'include' ? d.included : d.excluded).includes(id);

  const addedAll: GroupChange[] = [
    ...draft.included.filter((id) => !has(before, id, 'include')).map((groupId) => ({ groupId, mode: 'include' as const })),
    ...draft.excluded.filter((id) => !has(before, id, 'exclude')).map((groupId) => ({ groupId, mode: 'exclude' as const })),
  ];
  const removedAll: GroupChange[] = [
    ...before.included.filter((id) => !has(draft, id, 'include')).map((groupId) => ({ groupId, mode: 'include' as const })),
    ...before.excluded.filter((id) => !has(draft, id, 'exclude')).map((groupId) => ({ groupId, mode: 'exclude' as const })),
  ];

  const moved: GroupMove[] = [];
  const added: GroupChange[] = [];
  for (const a of addedAll) {
    const wasOtherSide = removedAll.some((r) => r.groupId === a.groupId && r.mode === other(a.mode));
    if (wasOtherSide) {
      const hadFilter = model.groups.some((g) => g.groupId === a.groupId && g.mode === other(a.mode) && g.filter !== undefined);
      moved.push({ groupId: a.groupId, from: other(a.mode), to: a.mode, ...(hadFilter && a.mode === 'exclude' && { filterDropped: true }) });
    }
    else added.push(a);
  }
  const removed = removedAll.filter((r) => !moved.some((m) => m.groupId === r.groupId && m.from === r.mode));

  const diff: AssignmentDiff = { added, removed, moved };
  if (draft.allDevices && !before.allDevices) diff.allDevices = 'added';
  if (!draft.allDevices && before.allDevices) diff.allDevices = 'removed';
  return diff;
}

/** How many assignments the diff touches (a move counts once). */
export function changeCount(diff: AssignmentDiff): number {
  return diff.added.length + diff.removed.length + diff.moved.length + (diff.allDevices ? 1 : 0);
}

export type ConflictKind = 'includedAndExcluded' | 'excludeWithoutInclude' | 'allDevicesWithExcludes' | 'nothingAssigned';

export interface Conflict {
  kind: ConflictKind;
  /** The groups concerned, where the warning is about particular groups. */
  groupIds: string[];
}

/** Conflicts Graph refuses to save (a pool targets each group once), as opposed to warnings. */
export const BLOCKING_CONFLICTS: readonly ConflictKind[] = ['includedAndExcluded'];

/**
 * Problems with the intended assignments. All but {@link BLOCKING_CONFLICTS}
 * are warnings: valid Intune configurations that are easy to get wrong.
 * `otherIncludes` is the number of non-group targets that reach devices or
 * users (all licensed users, a ConfigMgr collection), which exclusions can narrow.
 */
export function findConflicts(draft: AssignmentDraft, opts: { otherIncludes?: number; hadAssignments?: boolean } = {}): Conflict[] {
  const conflicts: Conflict[] = [];
  const both = draft.included.filter((id) => draft.excluded.includes(id));
  if (both.length > 0) conflicts.push({ kind: 'includedAndExcluded', groupIds: both });

  const includes = draft.included.length + (draft.allDevices ? 1 : 0) + (opts.otherIncludes ?? 0);
  if (draft.excluded.length > 0 && includes === 0) conflicts.push({ kind: 'excludeWithoutInclude', groupIds: [...draft.excluded] });

  if (draft.allDevices && draft.excluded.length > 0) conflicts.push({ kind: 'allDevicesWithExcludes', groupIds: [...draft.excluded] });

  if (opts.hadAssignments && includes === 0 && draft.excluded.length === 0) conflicts.push({ kind: 'nothingAssigned', groupIds: [] });
  return conflicts;
}

/** Title and plain-language meaning of a warning, with group names filled in. */
export function describeConflict(conflict: Conflict, nameOf: (groupId: string) => string): { title: string; meaning: string } {
  const names = conflict.groupIds.map(nameOf);
  const list = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  switch (conflict.kind) {
    case 'includedAndExcluded':
      return {
        title: `Included and excluded at the same time: ${list}`,
        meaning:
          'A pool can target a group only once, so this cannot be saved. If it could, exclusion would win and devices in these groups would not get a code. Remove the group from one of the lists.',
      };
    case 'excludeWithoutInclude':
      return {
        title: 'Exclusions without anything included',
        meaning: `Excluding ${list} only narrows what is included. With no included group and no "All devices", this pool will not be assigned to any device.`,
      };
    case 'allDevicesWithExcludes':
      return {
        title: 'All devices with excluded groups',
        meaning: `This works: every device except those in ${list} can get a code. Intune evaluates the exclusion on each device when it checks in, so a device added to an excluded group after it already received a code loses the profile at its next check-in. Exclude device groups only; user groups are not evaluated against "All devices".`,
      };
    case 'nothingAssigned':
      return {
        title: 'This pool will not be assigned to anyone',
        meaning: 'All assignments are removed. Devices that received a profile from this pool have it removed at their next check-in; the mobile operator may keep billing the line until you cancel it.',
      };
  }
}
