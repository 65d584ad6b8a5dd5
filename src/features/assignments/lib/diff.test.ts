import { describe, expect, it } from 'vitest';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { changeCount, describeConflict, diffAssignments, findConflicts } from './diff.ts';
import { toModel, type AssignmentDraft } from './model.ts';

const inc = (id: string, groupId: string, extra: object = {}): EmbeddedSimActivationCodePoolAssignment => ({
  id,
  target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId, ...extra },
});
const exc = (id: string, groupId: string, extra: object = {}): EmbeddedSimActivationCodePoolAssignment => ({
  id,
  target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId, ...extra },
});
const allDevices = (id: string): EmbeddedSimActivationCodePoolAssignment => ({ id, target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } });

const draft = (d: Partial<AssignmentDraft>): AssignmentDraft => ({ included: [], excluded: [], allDevices: false, ...d });

describe('toModel', () => {
  it('sorts targets into included groups, excluded groups, all devices and the rest', () => {
    const model = toModel([
      inc('a1', 'g1', { deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'include' }),
      exc('a2', 'g2'),
      allDevices('a3'),
      { id: 'a4', target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
      { id: 'a5', target: { '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget', collectionId: 'SMS00001' } },
    ]);
    expect(model.groups).toEqual([
      {
        groupId: 'g1',
        mode: 'include',
        assignmentId: 'a1',
        filter: { deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'include' },
      },
      { groupId: 'g2', mode: 'exclude', assignmentId: 'a2' },
    ]);
    expect(model.allDevices?.assignmentId).toBe('a3');
    expect(model.other.map((a) => a.id)).toEqual(['a4', 'a5']);
  });

  it('does not treat a "none" filter without an id as a filter, and survives a target without a type', () => {
    const model = toModel([
      inc('a1', 'g1', { deviceAndAppManagementAssignmentFilterId: null, deviceAndAppManagementAssignmentFilterType: 'none' }),
      { id: 'odd', target: {} as never },
    ]);
    expect(model.groups[0]?.filter).toBeUndefined();
    expect(model.other.map((a) => a.id)).toEqual(['odd']);
  });
});

describe('diffAssignments', () => {
  const model = toModel([inc('a1', 'g1'), inc('a2', 'g2'), exc('a3', 'g3')]);

  it('is empty when nothing changed', () => {
    const diff = diffAssignments(model, draft({ included: ['g2', 'g1'], excluded: ['g3'] }));
    expect(diff).toEqual({ added: [], removed: [], moved: [] });
    expect(changeCount(diff)).toBe(0);
  });

  it('finds added, removed and moved groups; a move is one change, not an add and a remove', () => {
    const diff = diffAssignments(model, draft({ included: ['g1', 'g4'], excluded: ['g2', 'g5'] }));
    expect(diff.added).toEqual([
      { groupId: 'g4', mode: 'include' },
      { groupId: 'g5', mode: 'exclude' },
    ]);
    expect(diff.moved).toEqual([{ groupId: 'g2', from: 'include', to: 'exclude' }]);
    expect(diff.removed).toEqual([{ groupId: 'g3', mode: 'exclude' }]);
    expect(changeCount(diff)).toBe(4);
  });

  it('notes that a filtered group moved to excluded loses its filter', () => {
    const filtered = toModel([inc('a1', 'g1', { deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'include' })]);
    expect(diffAssignments(filtered, draft({ excluded: ['g1'] })).moved).toEqual([{ groupId: 'g1', from: 'include', to: 'exclude', filterDropped: true }]);
  });

  it('reports the all-devices target being added or removed', () => {
    expect(diffAssignments(model, draft({ included: ['g1', 'g2'], excluded: ['g3'], allDevices: true })).allDevices).toBe('added');
    const withAll = toModel([allDevices('x')]);
    expect(diffAssignments(withAll, draft({})).allDevices).toBe('removed');
  });
});

describe('findConflicts', () => {
  it('warns about a group both included and excluded', () => {
    expect(findConflicts(draft({ included: ['g1', 'g2'], excluded: ['g2'] }))).toEqual([{ kind: 'includedAndExcluded', groupIds: ['g2'] }]);
  });

  it('warns about exclusions with nothing included, unless all devices or another target includes', () => {
    expect(findConflicts(draft({ excluded: ['g1'] })).map((c) => c.kind)).toEqual(['excludeWithoutInclude']);
    expect(findConflicts(draft({ excluded: ['g1'] }), { otherIncludes: 1 })).toEqual([]);
    expect(findConflicts(draft({ excluded: ['g1'], included: ['g2'] }))).toEqual([]);
  });

  it('warns about all devices combined with exclusions', () => {
    expect(findConflicts(draft({ allDevices: true, excluded: ['g1'] }))).toEqual([{ kind: 'allDevicesWithExcludes', groupIds: ['g1'] }]);
    expect(findConflicts(draft({ allDevices: true }))).toEqual([]);
  });

  it('warns when a pool that had assignments would have none', () => {
    expect(findConflicts(draft({}), { hadAssignments: true }).map((c) => c.kind)).toEqual(['nothingAssigned']);
    expect(findConflicts(draft({}), { hadAssignments: false })).toEqual([]);
  });

  it('explains each warning with the group names', () => {
    const names: Record<string, string> = { g1: 'Contractors', g2: 'Kiosks' };
    const d = describeConflict({ kind: 'allDevicesWithExcludes', groupIds: ['g1', 'g2'] }, (id) => names[id] ?? id);
    expect(d.title).toBe('All devices with excluded groups');
    expect(d.meaning).toContain('Contractors, Kiosks');
    expect(d.meaning).toMatch(/evaluates the exclusion on each device/);
    expect(describeConflict({ kind: 'includedAndExcluded', groupIds: ['g1'] }, (id) => names[id] ?? id).meaning).toMatch(/cannot be saved/);
  });
});
