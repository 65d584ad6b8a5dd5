import { describe, expect, it, vi } from 'vitest';
import { createFakeGraph, type FakeGraph } from '../../testing/fake-graph.ts';
import { getGroupDeviceCount } from './get-group-device-count.ts';
import { getGroupMemberCount } from './get-group-member-count.ts';
import { getGroupsByIds } from './get-groups-by-ids.ts';
import { groupSearchQuery, searchGroups } from './search-groups.ts';

const GRAPH = 'https://graph.test';
let graph: FakeGraph;
const calls = () => graph.requests;
const body = (i: number): unknown => graph.requests[i]?.body;

function use(...groups: { id: string; displayName: string; memberCount?: number; deviceMemberCount?: number }[]) {
  graph = createFakeGraph();
  for (const g of groups) graph.seedGroup(g);
}

describe('group search', () => {
  it('escapes " and \\ in the term inside the quoted $search phrase', () => {
    expect(groupSearchQuery('  Sales "EMEA" \\ kiosks ').search).toBe('"displayName:Sales \\"EMEA\\" \\\\ kiosks"');
  });

  it('sends $search, $count=true and ConsistencyLevel: eventual, and returns the total', async () => {
    use({ id: 'g1', displayName: 'Sales "EMEA"' }, { id: 'g2', displayName: 'Sales "EMEA" kiosks' }, { id: 'g3', displayName: 'Finance' });
    const result = await searchGroups('Sales "EMEA"');
    const url = new URL(calls()[0]?.url ?? '');
    expect(url.pathname).toBe('/beta/groups');
    expect(url.searchParams.get('$search')).toBe('"displayName:Sales \\"EMEA\\""');
    expect(url.searchParams.get('$count')).toBe('true');
    expect(calls()[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
    expect(result.groups.map((g) => [g.id, g.displayName])).toEqual([
      ['g1', 'Sales "EMEA"'],
      ['g2', 'Sales "EMEA" kiosks'],
    ]);
    expect(result.total).toBe(2);
  });

  it('passes the abort signal on, so a newer term cancels the request in flight', async () => {
    use();
    graph.hang({ path: '/groups' });
    const controller = new AbortController();
    const pending = searchGroups('x', controller.signal);
    await vi.waitFor(() => expect(calls()).toHaveLength(1));
    controller.abort(new DOMException('newer term', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls()[0]?.signal?.aborted).toBe(true);
  });
});

describe('group names and member counts', () => {
  it('resolves names with getByIds, types group, in chunks of 1,000', async () => {
    const ids = Array.from({ length: 2_001 }, (_, i) => `g${i}`);
    use({ id: 'g0', displayName: 'Zero' }, { id: 'g2000', displayName: 'Last' });
    const names = await getGroupsByIds([...ids, 'g0']);
    expect(calls().map((c) => `${c.method} ${c.url}`)).toEqual(Array(3).fill(`POST ${GRAPH}/beta/directoryObjects/getByIds`));
    expect((body(0) as { ids: string[] }).ids).toHaveLength(1_000);
    expect((body(2) as { ids: string[]; types: string[] })).toEqual({ ids: ['g2000'], types: ['group'] });
    expect(names.get('g2000')?.displayName).toBe('Last');
    expect(names.get('g0')?.displayName).toBe('Zero');
    expect(names.has('g5')).toBe(false);
  });

  it('counts members with /members/$count and ConsistencyLevel: eventual', async () => {
    use({ id: 'g 1', displayName: 'Sales', memberCount: 17 });
    await expect(getGroupMemberCount('g 1')).resolves.toBe(17);
    expect(calls()[0]?.url).toBe(`${GRAPH}/beta/groups/g%201/members/$count`);
    expect(calls()[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
  });
});

describe('group device counts', () => {
  it('counts transitive device members with the cast segment and ConsistencyLevel: eventual', async () => {
    use({ id: 'g 1', displayName: 'Sales', memberCount: 400, deviceMemberCount: 320 });
    await expect(getGroupDeviceCount('g 1')).resolves.toBe(320);
    expect(calls()[0]?.url).toBe(`${GRAPH}/beta/groups/g%201/transitiveMembers/microsoft.graph.device/$count`);
    expect(calls()[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
  });
});
