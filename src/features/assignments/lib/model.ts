import type {
  AllDevicesAssignmentTarget,
  AssignmentFilterType,
  AssignmentTarget,
  EmbeddedSimActivationCodePoolAssignment,
} from '../../../graph/types.ts';
import {
  ALL_DEVICES_TARGET,
  ALL_LICENSED_USERS_TARGET,
  CONFIG_MANAGER_TARGET,
  EXCLUSION_GROUP_TARGET,
  GROUP_TARGET,
  describeOtherTarget,
  odataType,
} from '../../../entities/assignments/targets.ts';

/**
 * The assignments of one pool as the console reasons about them: device
 * groups included or excluded (with any assignment filter they carry), the
 * all-devices target, and every other target (all licensed users, a
 * Configuration Manager collection, a type this console does not know) kept
 * untouched so a save never drops what the admin did not edit.
 */

// Target types and the words for other targets live with the assignments resource (shared with the pool history).
export { GROUP_TARGET, EXCLUSION_GROUP_TARGET, ALL_DEVICES_TARGET, ALL_LICENSED_USERS_TARGET, CONFIG_MANAGER_TARGET, describeOtherTarget };

export type GroupMode = 'include' | 'exclude';

export interface AssignmentFilter {
  deviceAndAppManagementAssignmentFilterId?: string | null;
  deviceAndAppManagementAssignmentFilterType?: AssignmentFilterType;
}

export interface GroupAssignment {
  groupId: string;
  mode: GroupMode;
  /** The existing assignment's id; absent for one the admin is adding. */
  assignmentId?: string;
  filter?: AssignmentFilter;
}

export interface PoolAssignmentsModel {
  groups: GroupAssignment[];
  allDevices?: { assignmentId?: string; target: AllDevicesAssignmentTarget };
  /** Targets the editor shows read-only and always sends back unchanged. */
  other: EmbeddedSimActivationCodePoolAssignment[];
}

/** What the admin intends: group ids per mode, and whether all devices are targeted. */
export interface AssignmentDraft {
  included: string[];
  excluded: string[];
  allDevices: boolean;
}

/** The target's assignment filter, only when one is set (a filter type of "none" with no id is no filter). */
export function filterOf(target: AssignmentFilter): AssignmentFilter | undefined {
  const id = target.deviceAndAppManagementAssignmentFilterId;
  const type = target.deviceAndAppManagementAssignmentFilterType;
  if (!id && (!type || type === 'none')) return undefined;
  const filter: AssignmentFilter = {};
  if (id !== undefined) filter.deviceAndAppManagementAssignmentFilterId = id;
  if (type !== undefined) filter.deviceAndAppManagementAssignmentFilterType = type;
  return filter;
}

function groupIdOf(target: unknown): string | undefined {
  const id = (target as Record<string, unknown> | null)?.groupId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Sorts a pool's assignments into groups, all devices, and the rest. Never throws on unexpected shapes. */
export function toModel(assignments: readonly EmbeddedSimActivationCodePoolAssignment[]): PoolAssignmentsModel {
  const model: PoolAssignmentsModel = { groups: [], other: [] };
  for (const a of assignments) {
    const type = odataType(a.target);
    const groupId = groupIdOf(a.target);
    if ((type === GROUP_TARGET || type === EXCLUSION_GROUP_TARGET) && groupId) {
      const filter = filterOf(a.target);
      model.groups.push({
        groupId,
        mode: type === GROUP_TARGET ? 'include' : 'exclude',
        assignmentId: a.id,
        ...(filter && { filter }),
      });
    } else if (type === ALL_DEVICES_TARGET && !model.allDevices) {
      model.allDevices = { assignmentId: a.id, target: a.target as AllDevicesAssignmentTarget };
    } else {
      model.other.push(a);
    }
  }
  return model;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function draftFromModel(model: PoolAssignmentsModel): AssignmentDraft {
  return {
    included: unique(model.groups.filter((g) => g.mode === 'include').map((g) => g.groupId)),
    excluded: unique(model.groups.filter((g) => g.mode === 'exclude').map((g) => g.groupId)),
    allDevices: model.allDevices !== undefined,
  };
}

/**
 * A group target of the right `@odata.type` for its mode. An included group
 * carries `filter` when given; an excluded group never does, because Intune
 * does not allow assignment filters on exclusions.
 */
export function groupTarget(groupId: string, mode: GroupMode, filter?: AssignmentFilter): AssignmentTarget {
  if (mode === 'exclude') return { '@odata.type': EXCLUSION_GROUP_TARGET, groupId };
  return { '@odata.type': GROUP_TARGET, groupId, ...filter };
}

/** Every group id a set of assignments mentions, in first-seen order. */
export function groupIdsOf(assignments: readonly EmbeddedSimActivationCodePoolAssignment[]): string[] {
  return unique(assignments.map((a) => groupIdOf(a.target)).filter((id): id is string => id !== undefined));
}

/** "Include filter 1234…" style words for an assignment filter. */
export function describeFilter(filter: AssignmentFilter | undefined): string | undefined {
  if (!filter) return undefined;
  const type = filter.deviceAndAppManagementAssignmentFilterType;
  const id = filter.deviceAndAppManagementAssignmentFilterId;
  const how = type === 'include' ? 'Include' : type === 'exclude' ? 'Exclude' : 'Filter';
  return id ? `${how} filter ${id}` : `${how} filter`;
}
