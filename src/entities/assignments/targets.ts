import type { AssignmentTarget } from '../../graph/types.ts';

/**
 * Graph's assignment target types, and the console's words for the targets
 * it does not edit: one source for the assignment editor and overview and for
 * the pool history, which reads the same targets back from Intune's audit log.
 */
export const GROUP_TARGET = '#microsoft.graph.groupAssignmentTarget';
export const EXCLUSION_GROUP_TARGET = '#microsoft.graph.exclusionGroupAssignmentTarget';
export const ALL_DEVICES_TARGET = '#microsoft.graph.allDevicesAssignmentTarget';
export const ALL_LICENSED_USERS_TARGET = '#microsoft.graph.allLicensedUsersAssignmentTarget';
export const CONFIG_MANAGER_TARGET = '#microsoft.graph.configurationManagerCollectionAssignmentTarget';

/** The target types `describeOtherTarget` has words for. */
export const NAMED_OTHER_TARGETS: ReadonlySet<string> = new Set([ALL_DEVICES_TARGET, ALL_LICENSED_USERS_TARGET, CONFIG_MANAGER_TARGET]);

export function odataType(target: unknown): string | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const t = (target as Record<string, unknown>)['@odata.type'];
  return typeof t === 'string' ? t : undefined;
}

/** Plain words for a target the editor does not edit. */
export function describeOtherTarget(target: AssignmentTarget | Record<string, unknown>): string {
  switch (odataType(target)) {
    case ALL_LICENSED_USERS_TARGET:
      return 'All licensed users';
    case CONFIG_MANAGER_TARGET: {
      const id = (target as { collectionId?: string | null }).collectionId;
      return id ? `Configuration Manager collection ${id}` : 'Configuration Manager collection';
    }
    case ALL_DEVICES_TARGET:
      return 'All devices';
    case undefined:
      return 'Target of unknown type';
    default:
      return `Other target (${odataType(target)?.replace('#microsoft.graph.', '')})`;
  }
}
