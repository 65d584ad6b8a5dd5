import { describe, expect, it } from 'vitest';
import type { AssignmentTarget } from '../../graph/types.ts';
import { computeShortfall } from './shortfall.ts';
import { summariseTargets } from './targets-summary.ts';

const include = (groupId: string, extra: Partial<AssignmentTarget> = {}) => ({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId, ...extra } as AssignmentTarget });
const exclude = (groupId: string) => ({ target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId } as AssignmentTarget });
const allDevices = { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } as AssignmentTarget };
const counts = new Map<string, number | null>([['a', 100], ['b', 50], ['x', 10], ['broken', null]]);

describe('summariseTargets', () => {
  it('counts each group once', () => {
    expect(summariseTargets([include('a'), include('a'), exclude('x'), exclude('x')], counts)).toEqual({
      includedGroupDeviceCounts: [100],
      allDevices: false,
      excludedGroupDeviceCounts: [10],
    });
  });

  it('a group both included and excluded takes its devices back off', () => {
    const s = summariseTargets([include('a'), include('b'), exclude('a')], counts);
    expect(s).toMatchObject({ includedGroupDeviceCounts: [100, 50], excludedGroupDeviceCounts: [100] });
    // (a + b) − a = b's 50, not b − a = 0
    expect(computeShortfall(s, 0, 0).targeted).toEqual({ value: 50, kind: 'estimate' });
    expect(computeShortfall(summariseTargets([include('a'), exclude('a')], counts), 0, 0).targeted.value).toBe(0);
  });

  it('uses the Windows device count for all devices and ignores included groups then', () => {
    expect(summariseTargets([allDevices, include('a'), exclude('x')], counts, 900)).toEqual({
      includedGroupDeviceCounts: [],
      allDevices: true,
      windowsDeviceCount: 900,
      excludedGroupDeviceCounts: [10],
    });
  });

  it('names everything it could not count', () => {
    const s = summariseTargets(
      [
        include('broken'),
        include('missing'),
        exclude('gone'),
        include('b', { deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'include' }),
        { target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
        { target: { '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget', collectionId: 'SMS00001' } },
      ],
      counts,
    );
    expect(s.includedGroupDeviceCounts).toEqual([50]);
    expect(s.notCounted).toEqual([
      '2 included groups Graph gave no device count for',
      '1 excluded group Graph gave no device count for',
      'assignment filters',
      'the all-licensed-users target',
      '1 Configuration Manager collection',
    ]);
  });

  it('a filter id with filter type none is no filter', () => {
    expect(summariseTargets([include('a', { deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'none' })], counts).notCounted).toBeUndefined();
  });

  it('no assignments target nothing', () => {
    const s = summariseTargets([], counts);
    expect(s).toEqual({ includedGroupDeviceCounts: [], allDevices: false, excludedGroupDeviceCounts: [] });
    expect(computeShortfall(s, 0, 10).targeted).toEqual({ value: 0, kind: 'exact' });
  });
});
