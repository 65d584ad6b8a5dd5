import { describe, expect, it } from 'vitest';
import type { AssignmentTarget } from '../../graph/types.ts';
import { shortfallFor, targetsToCount } from './use-target-counts.ts';

const inc = (groupId: string): { target: AssignmentTarget } => ({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } });
const exc = (groupId: string): { target: AssignmentTarget } => ({ target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId } });
const all: { target: AssignmentTarget } = { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } };

describe('targets to count', () => {
  it('lists each included or excluded group once across pools, sorted, and notes the all-devices target', () => {
    expect(targetsToCount([[inc('b'), exc('a')], [inc('b'), inc('c')]])).toEqual({ groupIds: ['a', 'b', 'c'], allDevices: false });
    expect(targetsToCount([[all]]).allDevices).toBe(true);
    expect(targetsToCount([])).toEqual({ groupIds: [], allDevices: false });
  });

  it('turns assignments and counts into a shortfall', () => {
    const s = shortfallFor([inc('g')], { deviceCounts: new Map([['g', 500]]), pending: false }, 100, 80);
    expect(s.shortfall).toBe(320);
    expect(s.summary).toBe('320 devices may get no profile');
    expect(shortfallFor([all], { deviceCounts: new Map(), pending: false }, 0, 10).targeted.kind).toBe('unknown');
  });
});
