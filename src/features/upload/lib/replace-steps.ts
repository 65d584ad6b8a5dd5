/**
 * The steps of a replace around the create: read the old pool again right
 * before deleting it (stop when it changed since the confirmation), record
 * its assignments, delete it, and after the create put the assignments on
 * the new pool. Assignments hold group and filter ids only, never codes.
 */
import type { AssignmentInput } from '../../../entities/assignments/types.ts';
import type { OldPoolSnapshot, PoolService } from './runner-types.ts';
import { formatCount, plural } from '../../../lib/format.ts';

/** A stable text for one assignment: kind, group, filter and filter mode. */
export function assignmentKey(a: AssignmentInput): string {
  const t = a.target;
  const group = 'groupId' in t ? t.groupId : 'collectionId' in t ? (t.collectionId ?? '') : '';
  return [t['@odata.type'], group, t.deviceAndAppManagementAssignmentFilterId ?? '', t.deviceAndAppManagementAssignmentFilterType ?? 'none'].join('|');
}

/** Only what `assign` takes back: the target (no assignment ids). */
export function toAssignmentInputs(list: readonly { target: AssignmentInput['target'] }[]): AssignmentInput[] {
  return list.map((a) => ({ target: { ...a.target } }));
}

export interface AssignmentSummary {
  included: number;
  excluded: number;
  allDevices: boolean;
  allUsers: boolean;
  filters: number;
}

export function summarizeAssignments(list: readonly AssignmentInput[]): AssignmentSummary {
  const s: AssignmentSummary = { included: 0, excluded: 0, allDevices: false, allUsers: false, filters: 0 };
  for (const { target } of list) {
    const type = target['@odata.type'];
    if (type === '#microsoft.graph.groupAssignmentTarget') s.included++;
    else if (type === '#microsoft.graph.exclusionGroupAssignmentTarget') s.excluded++;
    else if (type === '#microsoft.graph.allDevicesAssignmentTarget') s.allDevices = true;
    else if (type === '#microsoft.graph.allLicensedUsersAssignmentTarget') s.allUsers = true;
    if (target.deviceAndAppManagementAssignmentFilterId) s.filters++;
  }
  return s;
}

/** "2 included groups, 1 excluded group, all devices, 1 filter" (empty: "no assignments"). */
export function describeAssignments(list: readonly AssignmentInput[]): string {
  const s = summarizeAssignments(list);
  const parts: string[] = [];
  if (s.included) parts.push(plural(s.included, 'included group'));
  if (s.excluded) parts.push(plural(s.excluded, 'excluded group'));
  if (s.allDevices) parts.push('all devices');
  if (s.allUsers) parts.push('all licensed users');
  if (s.filters) parts.push(plural(s.filters, 'filter'));
  return parts.length > 0 ? parts.join(', ') : 'no assignments';
}

/** What changed between two reads of the pool to replace, in plain words (empty: nothing). */
export function describeChanges(before: OldPoolSnapshot, now: OldPoolSnapshot): string[] {
  const changes: string[] = [];
  if (before.codeCount !== now.codeCount) changes.push(`it holds ${plural(now.codeCount, 'code')} now, not ${formatCount(before.codeCount)}`);
  if (before.deviceStateCount !== now.deviceStateCount) {
    changes.push(`${plural(now.deviceStateCount, 'device')} ${now.deviceStateCount === 1 ? 'has' : 'have'} its codes now, not ${formatCount(before.deviceStateCount)}`);
  }
  const a = before.assignments.map(assignmentKey).sort().join('\n');
  const b = now.assignments.map(assignmentKey).sort().join('\n');
  if (a !== b) changes.push(`its assignments changed (${describeAssignments(before.assignments)} → ${describeAssignments(now.assignments)})`);
  return changes;
}

/** The old pool as it is now, or null when it is gone (404). */
export async function readOldPool(service: PoolService, poolId: string, signal: AbortSignal): Promise<OldPoolSnapshot | null> {
  const pool = await service.get(poolId, signal);
  if (!pool) return null;
  const [assignments, deviceStateCount] = await Promise.all([service.getAssignments(poolId, signal), service.countDeviceStates(poolId, signal)]);
  return { codeCount: pool.activationCodeCount, deviceStateCount, assignments: toAssignmentInputs(assignments) };
}

/** What the admin confirmed for one replaced pool: the numbers shown (checked again before the delete) and the carry choice. */
export interface ReplaceDecision {
  confirmedOldPool: OldPoolSnapshot;
  carryAssignments: boolean;
}
