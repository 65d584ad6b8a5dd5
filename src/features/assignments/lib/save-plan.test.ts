import { describe, expect, it } from 'vitest';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { toModel, type AssignmentDraft } from './model.ts';
import { planSave } from './save-plan.ts';

const FILTER = { deviceAndAppManagementAssignmentFilterId: 'filter-1', deviceAndAppManagementAssignmentFilterType: 'include' as const };

const current: EmbeddedSimActivationCodePoolAssignment[] = [
  { id: 'a1', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g1', ...FILTER } },
  { id: 'a2', target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g2' } },
  { id: 'a3', target: { '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget', collectionId: 'SMS00001' } },
];
const model = toModel(current);
const same: AssignmentDraft = { included: ['g1'], excluded: ['g2'], allDevices: false };

describe('planSave chooses the request', () => {
  it('sends nothing when nothing changed', () => {
    expect(planSave(model, same)).toEqual({ kind: 'none' });
  });

  it('POSTs one assignment when exactly one group is added', () => {
    expect(planSave(model, { ...same, excluded: ['g2', 'g9'] })).toEqual({
      kind: 'create',
      body: { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g9' } },
    });
    expect(planSave(model, { ...same, included: ['g1', 'g8'] })).toEqual({
      kind: 'create',
      body: { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g8' } },
    });
  });

  it('PATCHes the one assignment that moves between include and exclude; an exclusion cannot keep a filter', () => {
    expect(planSave(model, { included: [], excluded: ['g2', 'g1'], allDevices: false })).toEqual({
      kind: 'update',
      assignmentId: 'a1',
      body: { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1' } },
    });
    expect(planSave(model, { included: ['g1', 'g2'], excluded: [], allDevices: false })).toEqual({
      kind: 'update',
      assignmentId: 'a2',
      body: { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g2' } },
    });
  });

  it('uses assign with the full set for a removal', () => {
    const plan = planSave(model, { ...same, excluded: [] });
    expect(plan.kind).toBe('assign');
  });

  it('uses assign with the full set for several changes, preserving filters and targets it does not edit', () => {
    const plan = planSave(model, { included: ['g1', 'g3'], excluded: ['g2', 'g4'], allDevices: false });
    expect(plan).toEqual({
      kind: 'assign',
      body: {
        assignments: [
          { target: { '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget', collectionId: 'SMS00001' } },
          { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g1', ...FILTER } },
          { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g3' } },
          { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g2' } },
          { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g4' } },
        ],
      },
    });
  });

  it('uses assign to add all devices, and keeps an existing all-devices target with its filter', () => {
    const added = planSave(model, { ...same, allDevices: true });
    expect(added.kind).toBe('assign');
    expect(added.kind === 'assign' && added.body.assignments[0]).toEqual({ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } });

    const withAll = toModel([
      { id: 'x', target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', deviceAndAppManagementAssignmentFilterId: 'f2', deviceAndAppManagementAssignmentFilterType: 'exclude' } },
      { id: 'y', target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g2' } },
    ]);
    const plan = planSave(withAll, { included: [], excluded: [], allDevices: true });
    expect(plan).toEqual({
      kind: 'assign',
      body: {
        assignments: [
          {
            target: {
              '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget',
              deviceAndAppManagementAssignmentFilterId: 'f2',
              deviceAndAppManagementAssignmentFilterType: 'exclude',
            },
          },
        ],
      },
    });
  });

  it('removing everything is assign with an empty list', () => {
    expect(planSave(toModel(current.slice(0, 2)), { included: [], excluded: [], allDevices: false })).toEqual({ kind: 'assign', body: { assignments: [] } });
  });
});
