import type { AssignmentTarget } from '../../graph/types.ts';
import { plural } from '../../lib/format.ts';
import type { TargetsSummary } from './shortfall.ts';

/**
 * Turns a pool's assignments and the device counts Graph gave for its groups
 * (`/groups/{id}/transitiveMembers/microsoft.graph.device/$count`) into the
 * input of `computeShortfall`:
 * - each group counts once, however many assignments name it;
 * - a group both included and excluded stays in both lists: subtracting its
 *   count takes all its devices back off (exclusions win), and keeping it in
 *   the sum keeps the subtraction from eating into the other groups' devices;
 * - what cannot be counted is named in `notCounted`: groups without a count,
 *   assignment filters, the all-licensed-users target (eSIM pools go to
 *   device groups) and Configuration Manager collections.
 */
export function summariseTargets(
  assignments: readonly { target: AssignmentTarget }[],
  deviceCounts: ReadonlyMap<string, number | null | undefined>,
  windowsDeviceCount?: number,
): TargetsSummary {
  const included = new Set<string>();
  const excluded = new Set<string>();
  let allDevices = false;
  let licensedUsers = false;
  let collections = 0;
  let filters = false;

  for (const { target } of assignments) {
    if (target.deviceAndAppManagementAssignmentFilterId && (target.deviceAndAppManagementAssignmentFilterType ?? 'none') !== 'none') filters = true;
    switch (target['@odata.type']) {
      case '#microsoft.graph.groupAssignmentTarget':
        included.add(target.groupId);
        break;
      case '#microsoft.graph.exclusionGroupAssignmentTarget':
        excluded.add(target.groupId);
        break;
      case '#microsoft.graph.allDevicesAssignmentTarget':
        allDevices = true;
        break;
      case '#microsoft.graph.allLicensedUsersAssignmentTarget':
        licensedUsers = true;
        break;
      case '#microsoft.graph.configurationManagerCollectionAssignmentTarget':
        collections++;
        break;
    }
  }

  const countsOf = (ids: Set<string>) => {
    const counts: number[] = [];
    let missing = 0;
    for (const id of ids) {
      const n = deviceCounts.get(id);
      if (typeof n === 'number' && Number.isFinite(n) && n >= 0) counts.push(n);
      else missing++;
    }
    return { counts, missing };
  };
  // With the all-devices target the included groups add nothing: every Windows device is already in.
  const inc = allDevices ? { counts: [], missing: 0 } : countsOf(included);
  const exc = countsOf(excluded);

  const notCounted: string[] = [];
  if (inc.missing > 0) notCounted.push(`${plural(inc.missing, 'included group')} Graph gave no device count for`);
  if (exc.missing > 0) notCounted.push(`${plural(exc.missing, 'excluded group')} Graph gave no device count for`);
  if (filters) notCounted.push('assignment filters');
  if (licensedUsers) notCounted.push('the all-licensed-users target');
  if (collections > 0) notCounted.push(plural(collections, 'Configuration Manager collection'));

  const summary: TargetsSummary = { includedGroupDeviceCounts: inc.counts, allDevices, excludedGroupDeviceCounts: exc.counts };
  if (windowsDeviceCount != null) summary.windowsDeviceCount = windowsDeviceCount;
  if (notCounted.length > 0) summary.notCounted = notCounted;
  return summary;
}
