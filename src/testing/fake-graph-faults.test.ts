/** The emulator's fault rules and throttling on the in-process fake Graph, seen through the app's real GraphClient. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphError } from '../graph/errors.ts';
import { POOLS_PATH } from '../graph/types.ts';
import { armFaults } from './fake-graph-faults.ts';
import { createFakeGraph } from './fake-graph.ts';
import { codes, hostOf } from './upload-runner-graph.ts';

const body = (name: string) => ({ displayName: name, activationCodes: codes(2, hostOf(name)) });
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

afterEach(() => {
  vi.useRealTimers();
});

describe('armFaults', () => {
  it('drop after: Graph creates the pool, the client reports an ambiguous lost connection and does not resend the POST', async () => {
    const graph = createFakeGraph();
    armFaults(graph).add({ method: 'POST', pathRegex: 'Pools$', drop: 'after' });
    const error = await failure(graph.client.post(POOLS_PATH, body('a')));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 0, ambiguous: true });
    expect(graph.pools().map((p) => p.displayName)).toEqual(['a']);
    expect(graph.calls({ method: 'POST' })).toHaveLength(1);
  });

  it('status with processed: the 503 arrives after Graph acted; rules are consumed in order, then Graph answers', async () => {
    const graph = createFakeGraph();
    const faults = armFaults(graph);
    faults.add({ method: 'POST', status: 503, processed: true });
    faults.add({ method: 'POST', status: 400 });
    expect(await failure(graph.client.post(POOLS_PATH, body('a')))).toMatchObject({ status: 503, code: 'ServiceUnavailable', ambiguous: true });
    expect(await failure(graph.client.post(POOLS_PATH, body('b')))).toMatchObject({ status: 400, code: 'BadRequest' });
    await expect(graph.client.post(POOLS_PATH, body('c'))).resolves.toMatchObject({ displayName: 'c' });
    expect(graph.pools().map((p) => p.displayName)).toEqual(['a', 'c']);
    expect(faults.list()).toEqual([]);
  });

  it('stall with processed: held until the client cuts the attempt (30 s); Graph carried it out', async () => {
    vi.useFakeTimers();
    const graph = createFakeGraph();
    armFaults(graph).add({ method: 'POST', stall: true, processed: true });
    const pending = failure(graph.client.post(POOLS_PATH, body('a')));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(graph.requests[0]?.status).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await pending).toMatchObject({ status: 0, ambiguous: true });
    expect(graph.pools()).toHaveLength(1);
  });

  it('malformed JSON: the answer cannot be read', async () => {
    const graph = createFakeGraph();
    armFaults(graph).add({ method: 'GET', malformedJson: true });
    expect(await failure(graph.client.get(POOLS_PATH))).toBeInstanceOf(GraphError);
  });

  it('refuses a malformed rule as the control API does', () => {
    expect(() => armFaults(createFakeGraph()).add({ drop: 'after', status: 500 })).toThrow(/either/);
  });

  it('throttling: past the write limit a request is refused with Retry-After and not processed; the window frees it', async () => {
    vi.useFakeTimers();
    const graph = createFakeGraph({ client: { maxRetries: 0 } });
    armFaults(graph).throttle({ appWrites: 1, windowMs: 20_000 });
    await graph.client.post(POOLS_PATH, body('a'));
    expect(await failure(graph.client.post(POOLS_PATH, body('b')))).toMatchObject({ status: 429, retryAfterMs: 20_000 });
    expect(graph.pools()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(graph.client.post(POOLS_PATH, body('b'))).resolves.toMatchObject({ displayName: 'b' });
  });
});
