import { diffAssignments, type AssignmentDiff } from './diff.ts';
import { draftFromModel, type AssignmentDraft, type AssignmentFilter, type GroupMode, type PoolAssignmentsModel } from './model.ts';

/**
 * Protection against overwriting another admin's change: a save re-reads the
 * pool's assignments just before writing and compares them with those the
 * editor was opened on. Assignments are compared by target — type, group and
 * assignment filter — never by assignment id or order.
 */

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const filterKey = (f: AssignmentFilter | undefined) =>
  `${f?.deviceAndAppManagementAssignmentFilterId ?? ''}/${f?.deviceAndAppManagementAssignmentFilterType ?? 'none'}`;

function targetKeys(model: PoolAssignmentsModel): string[] {
  return [
    ...model.groups.map((g) => `${g.mode}:${g.groupId}:${filterKey(g.filter)}`),
    ...(model.allDevices ? [`all:${filterKey(model.allDevices.target)}`] : []),
    ...model.other.map((a) => `other:${stable(a.target)}`),
  ].sort();
}

/** Whether two reads of a pool's assignments target the same (ids and order aside). */
export function sameAssignments(a: PoolAssignmentsModel, b: PoolAssignmentsModel): boolean {
  const ka = targetKeys(a);
  const kb = targetKeys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

export interface ConcurrentChange extends AssignmentDiff {
  /** Groups still targeted the same way whose assignment filter changed. */
  filterChanged: string[];
  /** Other targets (all licensed users, ConfigMgr collections) added or removed. */
  otherChanged: boolean;
}

/** What changed on the server between the read the editor was opened on (`shown`) and `now`. */
export function concurrentChange(shown: PoolAssignmentsModel, now: PoolAssignmentsModel): ConcurrentChange {
  const diff = diffAssignments(shown, draftFromModel(now));
  const filterChanged = now.groups
    .filter((g) => shown.groups.some((s) => s.groupId === g.groupId && s.mode === g.mode && filterKey(s.filter) !== filterKey(g.filter)))
    .map((g) => g.groupId);
  const others = (m: PoolAssignmentsModel) => m.other.map((a) => stable(a.target)).sort().join('|');
  return { ...diff, filterChanged, otherChanged: others(shown) !== others(now) };
}

const side = (mode: GroupMode) => (mode === 'include' ? 'included' : 'excluded');

/** "added X (included), removed Y, moved Z to excluded" — the other admin's change in words. */
export function describeConcurrentChange(change: ConcurrentChange, nameOf: (groupId: string) => string): string {
  const parts = [
    ...(change.allDevices ? [`${change.allDevices} All devices`] : []),
    ...change.added.map((a) => `added ${nameOf(a.groupId)} (${side(a.mode)})`),
    ...change.removed.map((r) => `removed ${nameOf(r.groupId)} (was ${side(r.mode)})`),
    ...change.moved.map((m) => `moved ${nameOf(m.groupId)} to ${side(m.to)}`),
    ...change.filterChanged.map((id) => `changed the assignment filter of ${nameOf(id)}`),
    ...(change.otherChanged ? ['changed other targets (all licensed users or Configuration Manager collections)'] : []),
  ];
  return parts.join(', ');
}

/**
 * The admin's draft carried over onto `now`: the adds, removes and moves
 * they made against `shown` (and an All devices change) are applied to the
 * current assignments, and everything else the other admin did is kept.
 */
export function rebaseDraft(shown: PoolAssignmentsModel, draft: AssignmentDraft, now: PoolAssignmentsModel): AssignmentDraft {
  const intent = diffAssignments(shown, draft);
  const next = draftFromModel(now);
  let included = next.included;
  let excluded = next.excluded;
  const put = (groupId: string, mode: GroupMode) => {
    included = included.filter((id) => id !== groupId);
    excluded = excluded.filter((id) => id !== groupId);
    if (mode === 'include') included = [...included, groupId];
    else excluded = [...excluded, groupId];
  };
  for (const a of intent.added) put(a.groupId, a.mode);
  for (const m of intent.moved) put(m.groupId, m.to);
  for (const r of intent.removed) {
    if (r.mode === 'include') included = included.filter((id) => id !== r.groupId);
    else excluded = excluded.filter((id) => id !== r.groupId);
  }
  const allDevices = intent.allDevices === 'added' ? true : intent.allDevices === 'removed' ? false : next.allDevices;
  return { included, excluded, allDevices };
}
