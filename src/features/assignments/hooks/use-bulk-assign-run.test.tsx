import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureGraph } from '../../../graph/client.ts';
import { GRAPH } from '../../../graph/test-support.ts';
import { useBulkAssignRun, type BulkPool } from './use-bulk-assign-run.ts';

const POOLS: BulkPool[] = Array.from({ length: 7 }, (_, i) => ({ id: `pool-${i + 1}`, displayName: `Pool ${i + 1}` }));
const SET = { included: ['g-new'], excluded: [] };
const NOW = Date.parse('2026-03-01T10:00:00Z');

let requests: { method: string; poolId: string; what: string }[];
/** Answers the next assign of a pool with this instead of success. */
let assignAnswer: Map<string, () => Response>;
/** Successful assigns are answered once this resolves (the test decides when). */
let gate: Promise<void>;
let openGate: () => void;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function graphFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input));
  const method = init.method ?? 'GET';
  const [, poolId = '', what = ''] = /pools\/([^/]+)\/(\w+)$/i.exec(url.pathname) ?? [];
  requests.push({ method, poolId, what });
  if (what === 'assignments') return Promise.resolve(json(200, { value: [] }));
  const answer = assignAnswer.get(poolId);
  assignAnswer.delete(poolId);
  return answer ? Promise.resolve(answer()) : gate.then(() => json(200, { value: [] }));
}

function setup() {
  configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('t'), fetch: graphFetch as typeof fetch, sleep: () => Promise.resolve(), maxRetries: 0 });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return renderHook(() => useBulkAssignRun(POOLS, () => NOW), { wrapper });
}

const assignsOf = (poolId: string) => requests.filter((r) => r.poolId === poolId && r.what === 'assign').length;
const states = (statuses: Record<string, { state: string }>) => POOLS.map((p) => statuses[p.id]?.state);

beforeEach(() => {
  requests = [];
  assignAnswer = new Map();
  gate = new Promise((resolve) => {
    openGate = resolve;
  });
});

describe('useBulkAssignRun', () => {
  it('pauses on a Retry-After above the cap: starts no new pool, says why, and Resume does only the pools not done', async () => {
    assignAnswer.set('pool-2', () =>
      json(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, { 'Retry-After': '600' }),
    );
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
    expect(requests.filter((r) => ['pool-5', 'pool-6', 'pool-7'].includes(r.poolId))).toEqual([]);
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
      const mine = requests.filter((r) => r.poolId === p.id).map((r) => `${r.method} ${r.what}`);
      expect(mine).toEqual(['GET assignments', 'POST assign']);
    }
  });

  it('stops starting pools when Intune refuses a write, and keeps the reason on the refused pool', async () => {
    assignAnswer.set('pool-1', () => json(403, { error: { code: 'Forbidden', message: 'Not allowed by your Intune role.' } }));
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
    expect(requests.filter((r) => r.poolId === 'pool-5')).toEqual([]);
  });
});
