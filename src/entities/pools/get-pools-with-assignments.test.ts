import { beforeEach, describe, expect, it } from 'vitest';
import { configureGraph } from '../../graph/client.ts';
import { GRAPH, fakeFetch, json, type RecordedCall, type Responder } from '../../graph/test-support.ts';
import { getPoolsWithAssignments } from './get-pools-with-assignments.ts';

const POOLS = `${GRAPH}/beta/deviceManagement/embeddedSIMActivationCodePools`;
let calls: RecordedCall[];

function use(...responders: Responder[]) {
  const fake = fakeFetch(...responders);
  calls = fake.calls;
  configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('token'), fetch: fake.fetch, sleep: () => Promise.resolve(), maxRetries: 1 });
}

beforeEach(() => use());


describe('overview', () => {
  it('reads every page of pools with their assignments expanded', async () => {
    use(json(200, { value: [{ id: 'p1', displayName: 'A' }], '@odata.nextLink': `${POOLS}?$skiptoken=2` }), json(200, { value: [{ id: 'p2', displayName: 'B' }] }));
    const pools = await getPoolsWithAssignments();
    const first = new URL(calls[0]?.url ?? '');
    expect(first.searchParams.get('$expand')).toBe('assignments');
    expect(first.searchParams.get('$select')).toBe('id,displayName,activationCodeCount');
    expect(pools.map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});
