/** The fake Graph itself: the emulator's engine behind the app's real GraphClient. */
import { describe, expect, it } from 'vitest';
import { GraphError } from '../graph/errors.ts';
import { fakeAuth } from './fake-auth.ts';
import { createFakeGraph } from './fake-graph.ts';

const POOLS = '/deviceManagement/embeddedSIMActivationCodePools';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

describe('createFakeGraph', () => {
  it('serves seeded pools through the real client, following @odata.nextLink page by page', async () => {
    const graph = createFakeGraph();
    for (const name of ['A', 'B', 'C']) graph.seedPool({ displayName: name, activationCodeCount: 5 });
    const pools = await graph.client.getAll<{ displayName: string; activationCodeCount: number }>(POOLS, { query: { top: 2, select: ['id', 'displayName', 'activationCodeCount'] } });
    expect(pools.map((p) => [p.displayName, p.activationCodeCount])).toEqual([['A', 5], ['B', 5], ['C', 5]]);
    expect(graph.requests.map((r) => [r.method, r.path, r.status])).toEqual([['GET', POOLS, 200], ['GET', POOLS, 200]]);
    expect(graph.requests[1]?.query.get('$skiptoken')).toBeTruthy();
    expect(graph.requests[0]?.headers.get('Authorization')).toBe('Bearer fake-token-1');
  });

  it('answers an injected failure with a Graph-shaped error that the client turns into a GraphError', async () => {
    const graph = createFakeGraph();
    graph.seedPool({ id: 'p1', displayName: 'A' });
    graph.fail({ method: 'GET', path: `${POOLS}/p1` }, 500, 'InternalServerError', 'Something broke.');
    const error = await rejectionOf(graph.client.get(`${POOLS}/p1`));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 500, code: 'InternalServerError', requestId: graph.requests[0]?.requestId });
    expect((error as GraphError).message).toContain('Something broke.');
  });

  it('lets the client retry: a 503 with Retry-After is waited out (recorded, not slept) and the request repeated', async () => {
    const graph = createFakeGraph();
    graph.seedPool({ id: 'p1', displayName: 'A' });
    graph.fail({ path: `${POOLS}/p1`, times: 1 }, 503, 'ServiceUnavailable', 'Try later.', { 'Retry-After': '2' });
    await expect(graph.client.get(`${POOLS}/p1`)).resolves.toMatchObject({ id: 'p1', displayName: 'A' });
    expect(graph.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(graph.sleeps).toEqual([2_000]);
  });

  it('refuses writes as Graph does for the account: no write scope, or a Read Only Operator in Intune; the app is told', async () => {
    for (const [account, reason] of [['reader', 'scope'], ['operator', 'intuneRole']] as const) {
      const auth = fakeAuth({ account });
      const graph = createFakeGraph({ auth });
      graph.seedPool({ id: 'p1', displayName: 'A' });
      await expect(graph.client.patch(`${POOLS}/p1`, { displayName: 'B' })).rejects.toMatchObject({ status: 403 });
      expect(auth.refused).toHaveLength(1);
      expect(auth.getSnapshot()).toMatchObject({ canWrite: false, readOnlyReason: reason });
      expect(graph.pool('p1')?.displayName).toBe('A');
    }
  });

  it('applies writes to the engine, and another admin’s change (send) is seen by the next read but not logged', async () => {
    const graph = createFakeGraph();
    graph.seedPool({ id: 'p1', displayName: 'A' });
    await graph.client.patch(`${POOLS}/p1`, { displayName: 'B' });
    expect(graph.pool('p1')?.displayName).toBe('B');
    expect(graph.send('PATCH', `${POOLS}/p1`, { displayName: 'C' }).status).toBeLessThan(300);
    await expect(graph.client.get(`${POOLS}/p1`)).resolves.toMatchObject({ displayName: 'C' });
    expect(graph.requests.map((r) => r.method)).toEqual(['PATCH', 'GET']);
  });

  it('treats an assignment to a group that was not seeded as one to a group deleted from the directory', async () => {
    const graph = createFakeGraph();
    graph.seedGroup({ id: 'g-here', displayName: 'Here' });
    graph.seedPool({ id: 'p1', displayName: 'A', assignments: [{ include: 'g-here' }, { exclude: 'g-gone' }] });
    const assignments = await graph.client.get<{ value: { target: { groupId?: string } }[] }>(`${POOLS}/p1/assignments`);
    expect(assignments.value.map((a) => a.target.groupId).sort()).toEqual(['g-gone', 'g-here']);
    const found = await graph.client.post<{ value: { id: string }[] }>('/directoryObjects/getByIds', { ids: ['g-here', 'g-gone'], types: ['group'] }, { readOnly: true });
    expect(found.value.map((g) => g.id)).toEqual(['g-here']);
    await expect(graph.client.get('/groups/g-gone')).rejects.toMatchObject({ status: 404 });
  });

  it('drop: the connection is lost before or after Graph acted; the client reports the write as ambiguous and does not repeat it', async () => {
    const graph = createFakeGraph();
    const body = (name: string, smdp: string) => ({
      displayName: name,
      activationCodes: [{ integratedCircuitCardIdentifier: '89990000000000000018', matchingIdentifier: 'M-1', smdpPlusServerAddress: smdp }],
    });
    graph.drop({ method: 'POST', path: POOLS, times: 1 }, { processed: true });
    graph.drop({ method: 'POST', path: POOLS, times: 1 });
    await expect(graph.client.post(POOLS, body('after', 'smdp.after.example.com'))).rejects.toMatchObject({ ambiguous: true });
    await expect(graph.client.post(POOLS, body('before', 'smdp.before.example.com'))).rejects.toMatchObject({ ambiguous: true });
    expect(graph.pools().map((p) => p.displayName)).toEqual(['after']);
    expect(graph.requests.map((r) => [r.method, r.status])).toEqual([['POST', undefined], ['POST', undefined]]);
  });

  it('hang: the request never answers and rejects with the abort reason once the client aborts it', async () => {
    const graph = createFakeGraph();
    graph.hang({ path: '/groups' });
    const controller = new AbortController();
    const pending = graph.client.get('/groups', { signal: controller.signal });
    await expect.poll(() => graph.requests.length).toBe(1);
    controller.abort(new DOMException('newer term', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(graph.requests[0]?.signal?.aborted).toBe(true);
    expect(graph.requests[0]?.status).toBeUndefined();
  });
});
