import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configureGraph } from '../../graph/client.ts';
import { GRAPH, fakeFetch, hang, json, text, type RecordedCall, type Responder } from '../../graph/test-support.ts';
import { getGroupDeviceCount } from './get-group-device-count.ts';
import { getGroupMemberCount } from './get-group-member-count.ts';
import { getGroupsByIds } from './get-groups-by-ids.ts';
import { groupSearchQuery, searchGroups } from './search-groups.ts';

let calls: RecordedCall[];

function use(...responders: Responder[]) {
  const fake = fakeFetch(...responders);
  calls = fake.calls;
  configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('token'), fetch: fake.fetch, sleep: () => Promise.resolve(), maxRetries: 1 });
}
const body = (i: number): unknown => JSON.parse(calls[i]?.body ?? 'null');

beforeEach(() => use());


describe('group search', () => {
  it('escapes " and \\ in the term inside the quoted $search phrase', () => {
    expect(groupSearchQuery('  Sales "EMEA" \\ kiosks ').search).toBe('"displayName:Sales \\"EMEA\\" \\\\ kiosks"');
  });

  it('sends $search, $count=true and ConsistencyLevel: eventual, and returns the total', async () => {
    use(json(200, { '@odata.count': 42, value: [{ id: 'g1', displayName: 'Sales "EMEA"' }] }));
    const result = await searchGroups('Sales "EMEA"');
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/beta/groups');
    expect(url.searchParams.get('$search')).toBe('"displayName:Sales \\"EMEA\\""');
    expect(url.searchParams.get('$count')).toBe('true');
    expect(calls[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
    expect(result).toEqual({ groups: [{ id: 'g1', displayName: 'Sales "EMEA"' }], total: 42 });
  });

  it('passes the abort signal on, so a newer term cancels the request in flight', async () => {
    use(hang());
    const controller = new AbortController();
    const pending = searchGroups('x', controller.signal);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    controller.abort(new DOMException('newer term', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]?.signal?.aborted).toBe(true);
  });
});

describe('group names and member counts', () => {
  it('resolves names with getByIds, types group, in chunks of 1,000', async () => {
    const ids = Array.from({ length: 2_001 }, (_, i) => `g${i}`);
    use(json(200, { value: [{ id: 'g0', displayName: 'Zero' }] }), json(200, { value: [] }), json(200, { value: [{ id: 'g2000', displayName: 'Last' }] }));
    const names = await getGroupsByIds([...ids, 'g0']);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(Array(3).fill(`POST ${GRAPH}/beta/directoryObjects/getByIds`));
    expect((body(0) as { ids: string[] }).ids).toHaveLength(1_000);
    expect((body(2) as { ids: string[]; types: string[] })).toEqual({ ids: ['g2000'], types: ['group'] });
    expect(names.get('g2000')?.displayName).toBe('Last');
    expect(names.has('g5')).toBe(false);
  });

  it('counts members with /members/$count and ConsistencyLevel: eventual', async () => {
    use(text(200, '17', { 'Content-Type': 'text/plain' }));
    await expect(getGroupMemberCount('g 1')).resolves.toBe(17);
    expect(calls[0]?.url).toBe(`${GRAPH}/beta/groups/g%201/members/$count`);
    expect(calls[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
  });
});

describe('group device counts', () => {
  it('counts transitive device members with the cast segment and ConsistencyLevel: eventual', async () => {
    use(text(200, '320', { 'Content-Type': 'text/plain' }));
    await expect(getGroupDeviceCount('g 1')).resolves.toBe(320);
    expect(calls[0]?.url).toBe(`${GRAPH}/beta/groups/g%201/transitiveMembers/microsoft.graph.device/$count`);
    expect(calls[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
  });
});
