import { describe, expect, it } from 'vitest';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { planBulkAssign } from './bulk-plan.ts';

const G = '#microsoft.graph.groupAssignmentTarget';
const X = '#microsoft.graph.exclusionGroupAssignmentTarget';
const FILTER = { deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'include' as const };

const current: EmbeddedSimActivationCodePoolAssignment[] = [
  { id: 'a1', target: { '@odata.type': G, groupId: 'keep', ...FILTER } },
  { id: 'a2', target: { '@odata.type': X, groupId: 'flip' } },
  { id: 'a3', target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
  { id: 'a4', target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
];

const targets = (plan: ReturnType<typeof planBulkAssign>) => plan.body.assignments.map((a) => a.target);

describe('planBulkAssign, add mode', () => {
  it('keeps everything the pool has and adds the chosen groups', () => {
    const plan = planBulkAssign(current, { included: ['new-in'], excluded: ['new-out'] }, 'add');
    expect(targets(plan)).toEqual([
      { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' },
      { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' },
      { '@odata.type': G, groupId: 'keep', ...FILTER },
      { '@odata.type': G, groupId: 'new-in' },
      { '@odata.type': X, groupId: 'flip' },
      { '@odata.type': X, groupId: 'new-out' },
    ]);
    expect(plan).toMatchObject({ changed: true, added: 2, moved: 0, removed: 0 });
  });

  it('moves a group the pool has on the other side to the chosen side (an exclusion drops the filter it cannot have)', () => {
    const plan = planBulkAssign(current, { included: ['flip'], excluded: ['keep'] }, 'add');
    expect(targets(plan)).toContainEqual({ '@odata.type': X, groupId: 'keep' });
    expect(targets(plan)).toContainEqual({ '@odata.type': G, groupId: 'flip' });
    expect(plan).toMatchObject({ changed: true, added: 0, moved: 2, removed: 0 });
  });

  it('needs no request when the pool already has the set', () => {
    expect(planBulkAssign(current, { included: ['keep'], excluded: ['flip'] }, 'add')).toMatchObject({ changed: false });
  });
});

describe('planBulkAssign, replace mode', () => {
  it('leaves exactly the chosen groups, removing other groups and non-group targets', () => {
    const plan = planBulkAssign(current, { included: ['keep', 'new-in'], excluded: ['other'] }, 'replace');
    expect(targets(plan)).toEqual([
      // a chosen group the pool already had keeps its filter
      { '@odata.type': G, groupId: 'keep', ...FILTER },
      { '@odata.type': G, groupId: 'new-in' },
      { '@odata.type': X, groupId: 'other' },
    ]);
    // removed: flip, all devices, all licensed users
    expect(plan).toMatchObject({ changed: true, added: 2, moved: 0, removed: 3 });
  });

  it('needs no request when the pool has exactly the set', () => {
    const exact = current.slice(0, 2);
    expect(planBulkAssign(exact, { included: ['keep'], excluded: ['flip'] }, 'replace')).toMatchObject({ changed: false, removed: 0 });
  });

  it('works on a pool with no assignments', () => {
    const plan = planBulkAssign([], { included: ['g'], excluded: [] }, 'replace');
    expect(targets(plan)).toEqual([{ '@odata.type': G, groupId: 'g' }]);
    expect(plan).toMatchObject({ changed: true, added: 1, removed: 0 });
  });
});
