import { act, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeGraph, graphError, type FakeGraph } from '../../../testing/fake-graph.ts';
import { renderQueryHook } from '../../../testing/render-with-app.tsx';
import { useBulkAssignRun, type BulkPool } from './use-bulk-assign-run.ts';

const POOLS: BulkPool[] = Array.from({ length: 7 }, (_, i) => ({ id: `pool-${i + 1}`, displayName: `Pool ${i + 1}` }));
const SET = { included: ['g-new'], excluded: [] };
const NOW = Date.parse('2026-03-01T10:00:00Z');
const assignPath = (poolId: string) => `/deviceManagement/embeddedSIMActivationCodePools/${poolId}/assign`;

let graph: FakeGraph;
/** Successful assigns are answered once this resolves (the test decides when). */
let gate: Promise<void>;
let openGate: () => void;

/** Each request as pool id and what it touched (`assignments`, `assign`). */
const requests = () =>
  graph.requests.map((r) => {
    const [, poolId = '', what = ''] = /pools\/([^/]+)\/(\w+)$/i.exec(r.path) ?? [];
    return { method: r.method, poolId, what };
  });

function setup() {
  // Assigns wait for the gate (rules added by a test before this one answer first).
  graph.on({ method: 'POST', path: /\/assign$/ }, async () => {
    await gate;
    return undefined;
  });
  return renderQueryHook(() => useBulkAssignRun(POOLS, () => NOW));
}

const assignsOf = (poolId: string) => requests().filter((r) => r.poolId === poolId && r.what === 'assign').length;
const states = (statuses: Record<string, { state: string }>) => POOLS.map((p) => statuses[p.id]?.state);

beforeEach(() => {
  graph = createFakeGraph();
  graph.seedGroup({ id: 'g-new', displayName: 'New devices' });
  for (const p of POOLS) graph.seedPool(p);
  gate = new Promise((resolve) => {
    openGate = resolve;
  });
});

describe('useBulkAssignRun', () => {
  it('pauses on a Retry-After above the cap: starts no new pool, says why, and Resume does only the pools not done', async () => {
    graph.fail({ method: 'POST', path: assignPath('pool-2'), times: 1 }, 429, 'TooManyRequests', 'Too many requests', { 'Retry-After': '600' });
    const { result } = setup();
    let run: Promise<void> = Promise.resolve();
    act(() => {
      run = result.current.start(SET, 'add');
    });
    // Pool 2 is told to wait 10 minutes while pools 1, 3 and 4 are still being assigned.
    await waitFor(() => expect(result.current.statuses['pool-2']).toEqual({ state: 'paused' }));
    openGate();
    await act(() => run);

    // Pools 1–4 were already under way (four at a time); 5–7 were never started.
    expect(states(result.current.statuses)).toEqual(['succeeded', 'paused', 'succeeded', 'succeeded', 'paused', 'paused', 'paused']);
    expect(result.current.halt).toEqual({ kind: 'paused', retryAfterMs: 600_000, resumeAfter: NOW + 600_000 });
    expect(requests().filter((r) => ['pool-5', 'pool-6', 'pool-7'].includes(r.poolId))).toEqual([]);
    expect(result.current.counts).toMatchObject({ succeeded: 3, notDone: 4 });

    await act(() => result.current.again());
    expect(states(result.current.statuses)).toEqual(Array(7).fill('succeeded'));
    expect(result.current.halt).toBeNull();
    expect(POOLS.map((p) => assignsOf(p.id))).toEqual([1, 2, 1, 1, 1, 1, 1]);
  });

  it('reads each pool right before assigning it (add keeps what the pool has now)', async () => {
    openGate();
    const { result } = setup();
    await act(() => result.current.start(SET, 'add'));
    for (const p of POOLS) {
      const mine = requests().filter((r) => r.poolId === p.id).map((r) => `${r.method} ${r.what}`);
      expect(mine).toEqual(['GET assignments', 'POST assign']);
    }
  });

  it('stops starting pools when Intune refuses a write, and keeps the reason on the refused pool', async () => {
    graph.on({ method: 'POST', path: assignPath('pool-1'), times: 1 }, () => graphError(403, 'Forbidden', 'Not allowed by your Intune role.'));
    const { result } = setup();
    let run: Promise<void> = Promise.resolve();
    act(() => {
      run = result.current.start(SET, 'replace');
    });
    await waitFor(() => expect(result.current.statuses['pool-1']).toMatchObject({ state: 'failed' }));
    openGate();
    await act(() => run);
    const s = result.current.statuses;
    expect(s['pool-1']).toMatchObject({ state: 'failed', error: { status: 403 } });
    expect(result.current.halt).toEqual({ kind: 'refused' });
    expect(states(s).slice(4)).toEqual(['stopped', 'stopped', 'stopped']);
    expect(s['pool-5']).toEqual({ state: 'stopped', why: 'refused' });
    expect(requests().filter((r) => r.poolId === 'pool-5')).toEqual([]);
  });
});
