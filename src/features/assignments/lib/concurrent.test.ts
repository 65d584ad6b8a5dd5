import { describe, expect, it } from 'vitest';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { concurrentChange, describeConcurrentChange, rebaseDraft, sameAssignments } from './concurrent.ts';
import { toModel } from './model.ts';

const INC = '#microsoft.graph.groupAssignmentTarget';
const EXC = '#microsoft.graph.exclusionGroupAssignmentTarget';
const FILTER = { deviceAndAppManagementAssignmentFilterId: 'filter-1', deviceAndAppManagementAssignmentFilterType: 'include' as const };
const inc = (id: string, groupId: string, extra = {}): EmbeddedSimActivationCodePoolAssignment => ({ id, target: { '@odata.type': INC, groupId, ...extra } });
const exc = (id: string, groupId: string): EmbeddedSimActivationCodePoolAssignment => ({ id, target: { '@odata.type': EXC, groupId } });
const all = (id: string): EmbeddedSimActivationCodePoolAssignment => ({ id, target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } });
const users = (id: string): EmbeddedSimActivationCodePoolAssignment => ({ id, target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } });

const shown = toModel([inc('a1', 'g1', FILTER), exc('a2', 'g2'), inc('a3', 'g3')]);
const names = (id: string) => ({ g1: 'Field', g2: 'Kiosks', g3: 'Finance', g4: 'Sales', g5: 'HR' })[id] ?? id;

describe('sameAssignments', () => {
  it('ignores assignment ids and order', () => {
    expect(sameAssignments(shown, toModel([inc('x3', 'g3'), exc('x2', 'g2'), inc('x1', 'g1', FILTER)]))).toBe(true);
  });

  it('sees a group added, removed or moved, a filter changed, All devices and other targets', () => {
    expect(sameAssignments(shown, toModel([inc('a1', 'g1', FILTER), exc('a2', 'g2'), inc('a3', 'g3'), inc('a4', 'g4')]))).toBe(false);
    expect(sameAssignments(shown, toModel([inc('a1', 'g1', FILTER), exc('a2', 'g2')]))).toBe(false);
    expect(sameAssignments(shown, toModel([inc('a1', 'g1', FILTER), inc('a2', 'g2'), inc('a3', 'g3')]))).toBe(false);
    expect(sameAssignments(shown, toModel([inc('a1', 'g1'), exc('a2', 'g2'), inc('a3', 'g3')]))).toBe(false);
    expect(sameAssignments(shown, toModel([inc('a1', 'g1', FILTER), exc('a2', 'g2'), inc('a3', 'g3'), all('a5')]))).toBe(false);
    expect(sameAssignments(shown, toModel([inc('a1', 'g1', FILTER), exc('a2', 'g2'), inc('a3', 'g3'), users('a6')]))).toBe(false);
  });
});

describe('concurrentChange', () => {
  it('says what the other admin added, removed and moved', () => {
    const now = toModel([inc('a1', 'g1', FILTER), inc('a2', 'g2'), inc('a4', 'g4'), all('a5')]);
    const change = concurrentChange(shown, now);
    expect(describeConcurrentChange(change, names)).toBe('added All devices, added Sales (included), removed Finance (was included), moved Kiosks to included');
  });

  it('names a changed filter and other targets', () => {
    const change = concurrentChange(shown, toModel([inc('a1', 'g1'), exc('a2', 'g2'), inc('a3', 'g3'), users('a6')]));
    expect(describeConcurrentChange(change, names)).toBe(
      'changed the assignment filter of Field, changed other targets (all licensed users or Configuration Manager collections)',
    );
  });
});

describe('rebaseDraft', () => {
  it("applies the admin's adds, removes and moves on top of the other admin's change", () => {
    // The admin: adds Sales (excluded), removes Finance, moves Kiosks to included.
    const draft = { included: ['g1', 'g2'], excluded: ['g4'], allDevices: false };
    // Meanwhile another admin added HR and All devices.
    const now = toModel([inc('b1', 'g1', FILTER), exc('b2', 'g2'), inc('b3', 'g3'), inc('b5', 'g5'), all('b6')]);
    expect(rebaseDraft(shown, draft, now)).toEqual({ included: ['g1', 'g5', 'g2'], excluded: ['g4'], allDevices: true });
  });

  it('keeps a removal the other admin already made, and an add they already made is no change', () => {
    const draft = { included: ['g1', 'g4'], excluded: ['g2'], allDevices: false }; // add Sales, remove Finance
    const now = toModel([inc('b1', 'g1', FILTER), exc('b2', 'g2'), inc('b4', 'g4')]); // Sales added, Finance removed already
    expect(rebaseDraft(shown, draft, now)).toEqual({ included: ['g1', 'g4'], excluded: ['g2'], allDevices: false });
  });

  it('carries an All devices change, and leaves All devices alone when the admin did not touch it', () => {
    const now = toModel([inc('b1', 'g1', FILTER), exc('b2', 'g2'), inc('b3', 'g3'), all('b6')]);
    expect(rebaseDraft(shown, { included: ['g1', 'g3'], excluded: ['g2'], allDevices: false }, now).allDevices).toBe(true);
    const withAll = toModel([inc('a1', 'g1', FILTER), exc('a2', 'g2'), inc('a3', 'g3'), all('a5')]);
    expect(rebaseDraft(withAll, { included: ['g1', 'g3'], excluded: ['g2'], allDevices: false }, now).allDevices).toBe(false);
  });
});
