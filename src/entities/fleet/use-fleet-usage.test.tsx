import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureGraph } from '../../graph/client.ts';
import { GRAPH } from '../../graph/test-support.ts';
import { summariseUsage } from './fleet-usage-snapshot.ts';
import { DEFAULT_READ_PACE, readQueue, setReadPace } from './read-pacer.ts';
import type { UsagePool } from '../pools/get-pool-usage.ts';
import { useFleetUsage } from './use-fleet-usage.ts';
import { renderQueryHook } from '../../testing/render-with-app.tsx';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
let requested: string[];
let selects: string[];
let gate: Promise<void>;
let open: () => void;

function graphFetch(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input));
  const id = decodeURIComponent(/Pools\/([^/]+)\/deviceStates/.exec(url.pathname)?.[1] ?? '');
  requested.push(id);
  selects.push(url.searchParams.get('$select') ?? '');
  if (id === 'broken') return Promise.resolve(json(500, { error: { code: 'InternalServerError', message: 'boom', innerError: {} } }));
  return gate.then(() => json(200, { value: [{ state: 'installed', createdDateTime: '2026-11-01T00:00:00Z' }, { state: 'notEvaluated', createdDateTime: '2026-11-02T00:00:00Z' }] }));
}

const poolsOf = (ids: string[], activationCodeCount?: number): UsagePool[] => ids.map((id) => ({ id, activationCodeCount }));

function setup(pools: string[] | UsagePool[], updateEveryMs = 20) {
  configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('t'), fetch: graphFetch as typeof fetch, sleep: () => Promise.resolve(), maxRetries: 0 });
  return renderQueryHook((props: { pools: UsagePool[] }) => useFleetUsage(props.pools, { updateEveryMs }), {
    initialProps: { pools: pools.map((p) => (typeof p === 'string' ? { id: p } : p)) },
  });
}

beforeEach(() => {
  requested = [];
  selects = [];
  gate = new Promise((resolve) => (open = resolve));
  setReadPace({ concurrency: 2, perSecond: 1000 });
});
afterEach(() => setReadPace(DEFAULT_READ_PACE));

describe('useFleetUsage', () => {
  it('answers at once with every pool pending, then fills in each pool’s counts', async () => {
    const { result } = setup(['a', 'b', 'c']);
    expect(result.current).toMatchObject({ total: 3, loaded: 0, complete: false, asOf: null });
    expect(result.current.byPool.get('a')?.status).toBe('pending');
    open();
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.loaded).toBe(3);
    expect(result.current.byPool.get('b')?.usage?.counts).toMatchObject({ installed: 1, notEvaluated: 1 });
    expect(result.current.asOf).toEqual(expect.any(Number));
  });

  it('reads in the order given, a bounded number at a time', async () => {
    setup(['a', 'b', 'c', 'd']);
    await waitFor(() => expect(requested).toEqual(['a', 'b']));
    open();
    await waitFor(() => expect(requested).toEqual(['a', 'b', 'c', 'd']));
  });

  it('gathers many answers into few renders', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `p${i}`);
    setReadPace({ concurrency: 60, perSecond: 1000 });
    const { result, renders } = setup(ids, 200);
    open();
    await waitFor(() => expect(result.current.loaded).toBe(60));
    expect(renders()).toBeLessThan(15);
  });

  it('a failed pool is reported with its error; the others still load', async () => {
    const { result } = setup(['a', 'broken']);
    open();
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.failed).toBe(1);
    expect(result.current.byPool.get('broken')?.error).toMatchObject({ status: 500 });
    expect(result.current.byPool.get('a')?.status).toBe('success');
  });

  it('a pool of up to 1,000 codes is read with its failed devices’ details; a larger one, or one of unknown size, with counts only', async () => {
    const { result } = setup([{ id: 'small', activationCodeCount: 1000 }, { id: 'big', activationCodeCount: 1001 }, { id: 'unknown' }]);
    open();
    await waitFor(() => expect(result.current.complete).toBe(true));
    const selectOf = (id: string) => selects[requested.indexOf(id)]?.split(',') ?? [];
    expect(selectOf('small')).toEqual(expect.arrayContaining(['state', 'createdDateTime', 'deviceName', 'stateDetails', 'modifiedDateTime']));
    expect(selectOf('big')).toEqual(['state', 'createdDateTime']);
    expect(selectOf('unknown')).toEqual(['state', 'createdDateTime']);
    expect(result.current.byPool.get('small')?.usage?.failedDevices).toEqual([]);
    expect(result.current.byPool.get('big')?.usage?.failedDevices).toBeUndefined();
  });

  it('leaving the page drops the reads still queued: they never reach Graph', async () => {
    setReadPace({ concurrency: 1, perSecond: 1000 });
    const { unmount } = setup(['a', 'b', 'c']);
    await waitFor(() => expect(requested).toEqual(['a']));
    expect(readQueue().size).toBe(2);
    unmount();
    await waitFor(() => expect(readQueue().size).toBe(0));
    open();
    await new Promise((r) => setTimeout(r, 30));
    expect(requested).toEqual(['a']);
  });

  it('a changed list keeps the reads of pools still in it', async () => {
    const { result, rerender } = setup(['a', 'b']);
    open();
    await waitFor(() => expect(result.current.loaded).toBe(2));
    rerender({ pools: poolsOf(['b', 'c']) });
    await waitFor(() => expect(result.current.loaded).toBe(2));
    expect(requested.filter((id) => id === 'b')).toHaveLength(1);
    expect([...result.current.byPool.keys()]).toEqual(['b', 'c']);
  });
});

describe('summariseUsage', () => {
  it('is complete only when every pool answered and nothing is being read; asOf is the oldest', () => {
    const usage = (asOf: number) => ({ counts: {} as never, deviceStates: 0, createdDateTimes: [], asOf });
    const results = new Map([
      ['a', { status: 'success' as const, data: usage(20), isFetching: false }],
      ['b', { status: 'success' as const, data: usage(10), isFetching: true }],
    ]);
    expect(summariseUsage(['a', 'b'], results)).toMatchObject({ loaded: 2, complete: false, asOf: 10 });
    expect(summariseUsage(['a', 'b', 'c'], results).byPool.get('c')?.status).toBe('pending');
    results.set('b', { status: 'success', data: usage(10), isFetching: false });
    expect(summariseUsage(['a', 'b'], results).complete).toBe(true);
  });
});
