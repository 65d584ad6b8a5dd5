import { describe, expect, it } from 'vitest';
import { createFakeGraph } from '../../testing/fake-graph.ts';
import { getPoolsWithAssignments } from './get-pools-with-assignments.ts';

describe('overview', () => {
  it('reads every page of pools with their assignments expanded', async () => {
    // One more pool than Intune's largest page, so the list comes in two pages.
    const graph = createFakeGraph();
    graph.seedGroup({ id: 'g1', displayName: 'Field engineers' });
    graph.seedPools(Array.from({ length: 1001 }, (_, i) => ({ id: `p${String(i).padStart(4, '0')}`, displayName: `Pool ${i}`, ...(i === 1000 && { assignments: [{ include: 'g1' }] }) })));
    const pools = await getPoolsWithAssignments();
    const first = graph.requests[0];
    expect(first?.query.get('$expand')).toBe('assignments');
    expect(first?.query.get('$select')).toBe('id,displayName,activationCodeCount');
    expect(graph.requests).toHaveLength(2);
    expect(pools).toHaveLength(1001);
    expect(pools[0]?.id).toBe('p0000');
    expect(pools[1000]).toMatchObject({ id: 'p1000', assignments: [{ target: { groupId: 'g1' } }] });
  });
});
