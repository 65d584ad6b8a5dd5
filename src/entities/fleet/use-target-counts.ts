import { useMemo } from 'react';
import type { AssignmentTarget } from '../../graph/types.ts';
import { useGroupDeviceCounts } from '../groups/get-group-device-count.ts';
import { useWindowsDeviceCount } from '../managed-devices/get-windows-device-count.ts';
import { computeShortfall, type Shortfall } from './shortfall.ts';
import { summariseTargets } from './targets-summary.ts';

type Assignment = { target: AssignmentTarget };

export interface TargetCounts {
  /** Device members by group id (absent: Graph gave none). */
  deviceCounts: ReadonlyMap<string, number>;
  /** Windows devices in the tenant, when a pool targets all devices and Graph counted them. */
  windowsDeviceCount?: number;
  /** Counts still being read: show a loading state, not a figure. */
  pending: boolean;
}

const GROUP_TARGETS = new Set(['#microsoft.graph.groupAssignmentTarget', '#microsoft.graph.exclusionGroupAssignmentTarget']);

/** Group ids (included and excluded, each once, sorted) and whether any pool targets all devices. */
export function targetsToCount(assignmentSets: readonly (readonly Assignment[])[]): { groupIds: string[]; allDevices: boolean } {
  const ids = new Set<string>();
  let allDevices = false;
  for (const set of assignmentSets) {
    for (const { target } of set) {
      if (GROUP_TARGETS.has(target['@odata.type']) && 'groupId' in target && target.groupId) ids.add(target.groupId);
      if (target['@odata.type'] === '#microsoft.graph.allDevicesAssignmentTarget') allDevices = true;
    }
  }
  return { groupIds: [...ids].sort(), allDevices };
}

/**
 * The counts a shortfall needs for one or more pools' assignments: each
 * group's transitive device members, read once for all pools, and the
 * tenant's Windows devices only when some pool targets all devices.
 */
export function useTargetCounts(assignmentSets: readonly (readonly Assignment[])[], { enabled = true }: { enabled?: boolean } = {}): TargetCounts {
  const { groupIds, allDevices } = useMemo(() => targetsToCount(assignmentSets), [assignmentSets]);
  const groups = useGroupDeviceCounts(groupIds, { enabled });
  const windows = useWindowsDeviceCount({ enabled: enabled && allDevices });
  const windowsPending = enabled && allDevices && windows.isPending;
  return useMemo(
    () => ({
      deviceCounts: groups.counts,
      ...(windows.data !== undefined ? { windowsDeviceCount: windows.data } : {}),
      pending: groups.pending || windowsPending,
    }),
    [groups.counts, groups.pending, windows.data, windowsPending],
  );
}

/** A pool's shortfall from its assignments, the counts above and its capacity. */
export function shortfallFor(assignments: readonly Assignment[], counts: TargetCounts, devicesWithState: number, remaining: number): Shortfall {
  return computeShortfall(summariseTargets(assignments, counts.deviceCounts, counts.windowsDeviceCount), devicesWithState, remaining);
}
