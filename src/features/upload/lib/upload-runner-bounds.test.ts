import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREATE, RELIST, confirmed, job, oldPool, recorder, runnerGraph } from '../../../testing/upload-runner-graph.ts';
import { graphPoolService as service } from '../api/pool-service.ts';
import { OutcomeUnknownError, runUpload, type JobStatus } from './upload-runner.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('runUpload: bounded waits', () => {
  it('pauses the batch instead of waiting out a Retry-After above the cap, and starts no other job', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 86_400 });
    const rec = recorder();
    const result = await runUpload([job('a'), job('b')], { service, concurrency: 1, onUpdate: rec.onUpdate, sleep: rec.sleep, now: () => 0 });
    expect(rec.sleeps).toEqual([]);
    expect(fake.graph.sleeps).toEqual([]); // nor did the client wait
    expect(result.paused).toEqual({ retryAfterMs: 86_400_000, until: 86_400_000 });
    expect(result.statuses.get('a')).toMatchObject({ phase: 'paused', createState: 'pending' });
    expect(result.statuses.get('a')?.detail).toMatch(/asked to wait 1440 min/);
    expect(result.statuses.get('b')).toMatchObject({ phase: 'paused', createState: 'pending' });
    expect(fake.createsOf('b')).toBe(0);
  });

  it('waits a Retry-After at the cap with the real (fake-timer) sleep, then creates', async () => {
    vi.useFakeTimers();
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 120 });
    const run = runUpload([job('a')], { service, onUpdate: () => {} });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(fake.createsOf('a')).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(fake.createsOf('a')).toBe(2);
    expect(result.statuses.get('a')?.phase).toBe('created');
  });

  it('under Intune’s write limit (the emulator’s throttling), waits until the window frees, then creates the next pool once', async () => {
    vi.useFakeTimers();
    const fake = runnerGraph();
    // One write per 120 s: 'b' is refused with Retry-After 120, longer than the client waits.
    fake.faults.throttle({ appWrites: 1, windowMs: 120_000 });
    let b: JobStatus | undefined;
    const run = runUpload([job('a'), job('b')], { service, concurrency: 1, onUpdate: (k, s) => k === 'b' && (b = s) });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(fake.poolsNamed('a')).toHaveLength(1);
    expect(b).toMatchObject({ phase: 'waiting', createState: 'pending' });
    expect(fake.graph.requests.at(-1)?.status).toBe(429);
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(result.statuses.get('b')).toMatchObject({ phase: 'created', outcome: 'created' });
    expect(fake.ops()).toEqual(['create a', 'create b', 'create b']);
    expect(fake.poolsNamed('b')).toHaveLength(1);
  });

  it('gives the re-list an overall deadline of 2 minutes, then leaves the outcome unknown and creates nothing', async () => {
    vi.useFakeTimers();
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, drop: 'before' });
    // The re-list never answers: each attempt is held until the client gives up on it.
    fake.faults.add({ ...RELIST, stall: true, count: 1_000 });
    let last: JobStatus | undefined;
    const run = runUpload([job('p')], { service, onUpdate: (_k, s) => (last = s) });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(last?.phase).toBe('reconciling');
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed', createState: 'inFlight' });
    expect(result.statuses.get('p')?.error).toBeInstanceOf(OutcomeUnknownError);
    expect(fake.createsOf('p')).toBe(1);
    expect(fake.graph.pools()).toHaveLength(0);
  });

  it('a create that stalls is cut by the client, then re-listed: a pool Graph made meanwhile is adopted, not created again', async () => {
    vi.useFakeTimers();
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, stall: true, processed: true });
    const run = runUpload([job('p')], { service, onUpdate: () => {} });
    await vi.advanceTimersByTimeAsync(31_000); // the client's 30 s attempt bound
    const result = await run;
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted' });
    expect(fake.ops()).toEqual(['create p', 'find p']);
    expect(fake.poolsNamed('p')).toHaveLength(1);
  });
});

describe('runUpload: secrets', () => {
  it('no status, detail or error message of any outcome holds a matching ID', async () => {
    const fake = runnerGraph();
    const old = oldPool(fake, { codes: 11 });
    fake.graph.seedPool({ displayName: 'dup', activationCodeCount: 99, createdDateTime: new Date().toISOString() });
    fake.faults.add({ ...CREATE, drop: 'before' });
    fake.faults.add({ ...CREATE, status: 400 });
    fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 10_000 });
    const statuses: JobStatus[] = [];
    await runUpload(
      [job('dup', 3), job('x', 3), job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() }), job('e', 0, { mode: 'replace', replacePoolId: 'z' })],
      { service, concurrency: 1, onUpdate: (_k, s) => statuses.push(s), sleep: async () => {} },
    );
    const text = statuses.map((s) => [s.detail, s.hint, s.error instanceof Error ? s.error.message : '', JSON.stringify({ ...s, error: undefined })].join(' ')).join('\n');
    expect(text).toMatch(/already exists|exists with|changed since/);
    expect(text).not.toMatch(/SECRET-/);
  });
});
