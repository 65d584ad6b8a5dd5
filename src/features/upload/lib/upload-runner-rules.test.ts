import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentInput } from '../../../entities/assignments/types.ts';
import { GraphError } from '../../../graph/errors.ts';
import { FakePools, job, recorder } from '../../../testing/fake-pool-service.ts';
import { EmptyReplaceError, NameConflictError, OldPoolChangedError, OutcomeUnknownError, runUpload, type JobStatus } from './upload-runner.ts';

const ASSIGNMENTS: AssignmentInput[] = [
  { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g-sales', deviceAndAppManagementAssignmentFilterId: 'f-1', deviceAndAppManagementAssignmentFilterType: 'include' } },
  { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g-kiosk' } },
  { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
];

function oldPool(fake: FakePools, { codes = 10, devices = 20, assignments = ASSIGNMENTS } = {}) {
  const old = fake.seed('contoso-mobile', codes, Date.parse('2026-01-01T00:00:00Z'));
  fake.assignments.set(old.id, assignments);
  fake.deviceStates.set(old.id, devices);
  return old;
}

const confirmed = (codeCount = 10, deviceStateCount = 20, assignments = ASSIGNMENTS) => ({ codeCount, deviceStateCount, assignments });

afterEach(() => {
  vi.useRealTimers();
});

describe('runUpload: replace', () => {
  it('refuses an empty new set before touching anything', async () => {
    const fake = new FakePools();
    const old = oldPool(fake);
    const result = await runUpload([job('contoso-mobile', 0, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], { service: fake, onUpdate: () => {} });
    expect(fake.calls).toEqual([]);
    expect(fake.pools.has(old.id)).toBe(true);
    expect(result.statuses.get('contoso-mobile')?.error).toBeInstanceOf(EmptyReplaceError);
  });

  it('carries the old pool’s assignments to the new pool with one assign right after the create, recorded before the delete', async () => {
    const fake = new FakePools();
    const old = oldPool(fake);
    const rec = recorder();
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], {
      service: fake,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    const created = fake.poolsNamed('contoso-mobile')[0];
    expect(created?.id).not.toBe(old.id);
    expect(fake.calls).toEqual([`get ${old.id}`, `assignments ${old.id}`, `count ${old.id}`, `delete ${old.id}`, 'create contoso-mobile', `assign ${created?.id}`]);
    expect(fake.assignments.get(created?.id ?? '')).toEqual(ASSIGNMENTS);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', outcome: 'created', carry: { applied: true, assignments: ASSIGNMENTS } });
    const firstDeleting = rec.history.findIndex((h) => h.status.phase === 'deleting');
    expect(rec.history[firstDeleting]?.status.carry).toEqual({ assignments: ASSIGNMENTS, applied: false });
  });

  it('keeps the new pool unassigned when the admin chose so', async () => {
    const fake = new FakePools();
    const old = oldPool(fake);
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed(), carryAssignments: false })], {
      service: fake,
      onUpdate: () => {},
    });
    expect(fake.calls.some((c) => c.startsWith('assign '))).toBe(false);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', carry: undefined });
  });

  it.each([
    ['code count', { codes: 12 }, /holds 12 codes now, not 10/],
    ['device-state count', { devices: 21 }, /21 devices have its codes now, not 20/],
    ['assignments', { assignments: ASSIGNMENTS.slice(1) }, /assignments changed \(1 included group, 1 excluded group, all devices, 1 filter → 1 excluded group, all devices\)/],
  ])('stops before deleting when the old pool’s %s changed since the confirmation, saying what changed', async (_what, now, message) => {
    const fake = new FakePools();
    const old = oldPool(fake, now);
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], { service: fake, onUpdate: () => {} });
    const status = result.statuses.get('contoso-mobile');
    expect(status?.error).toBeInstanceOf(OldPoolChangedError);
    expect((status?.error as Error).message).toMatch(message);
    expect(status).toMatchObject({ phase: 'failed', oldPoolDeleted: false, createState: 'pending' });
    expect(fake.calls).not.toContain(`delete ${old.id}`);
    expect(fake.pools.has(old.id)).toBe(true);
  });

  it('a reload after the delete still applies the recorded assignments (the old pool is gone)', async () => {
    const fake = new FakePools();
    const result = await runUpload(
      [job('p', 3, { mode: 'replace', replacePoolId: 'old', resume: { createState: 'pending', oldPoolDeleted: true, carry: { assignments: ASSIGNMENTS, applied: false } } })],
      { service: fake, onUpdate: () => {} },
    );
    const created = fake.poolsNamed('p')[0];
    expect(fake.calls).toEqual(['create p', `assign ${created?.id}`]);
    expect(result.statuses.get('p')?.carry?.applied).toBe(true);
  });

  it('a pool created earlier without its assignments gets them without being created again', async () => {
    const fake = new FakePools();
    const made = fake.seed('p', 3);
    await runUpload([job('p', 3, { mode: 'replace', replacePoolId: 'old', resume: { createState: 'created', poolId: made.id, oldPoolDeleted: true, carry: { assignments: ASSIGNMENTS, applied: false } } })], {
      service: fake,
      onUpdate: () => {},
    });
    expect(fake.calls).toEqual([`get ${made.id}`, `assign ${made.id}`]);
  });

  it('reports a failed assign on a created pool without failing the pool, and keeps it on record as not applied', async () => {
    const fake = new FakePools();
    const old = oldPool(fake);
    fake.assignFailures = [new GraphError({ status: 403, code: 'Forbidden', message: 'no', method: 'POST', path: '/assign' })];
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], { service: fake, onUpdate: () => {} });
    const status = result.statuses.get('contoso-mobile');
    expect(status).toMatchObject({ phase: 'created', outcome: 'created', carry: { applied: false } });
    expect(status?.assignError).toBeInstanceOf(GraphError);
  });

  it('after the delete, retries an ambiguous create (re-listing first) and records the old pool as gone meanwhile', async () => {
    const fake = new FakePools();
    const old = oldPool(fake);
    fake.createScript = ['dropBefore', { throttle: 5_000 }];
    const rec = recorder();
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], {
      service: fake,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    expect(fake.createsOf('contoso-mobile')).toBe(3);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', oldPoolDeleted: true });
    expect(rec.history.filter((h) => h.status.phase === 'creating').every((h) => h.status.oldPoolDeleted)).toBe(true);
  });
});

describe('runUpload: adopting after a lost response', () => {
  const START = Date.parse('2026-03-01T10:00:00Z');
  const firstPlan = (poolIds: string[] = []) => ({ poolIds, startedAt: new Date(START).toISOString() });

  it('never adopts a pool seen when the batch was first planned (same name and count): a named conflict', async () => {
    const fake = new FakePools();
    const theirs = fake.seed('p', 3, START + 60_000);
    fake.createScript = ['dropBefore'];
    const result = await runUpload([job('p', 3)], { service: fake, onUpdate: () => {}, sleep: async () => {}, firstPlan: firstPlan([theirs.id]) });
    const status = result.statuses.get('p');
    expect(status?.phase).toBe('failed');
    expect(status?.error).toBeInstanceOf(NameConflictError);
    expect(status?.outcome).toBeUndefined();
  });

  it('never adopts a pool created before the batch first started (beyond the clock-skew allowance)', async () => {
    const fake = new FakePools();
    fake.seed('p', 3, START - 10 * 60_000);
    fake.createScript = ['dropBefore'];
    const result = await runUpload([job('p', 3)], { service: fake, onUpdate: () => {}, sleep: async () => {}, firstPlan: firstPlan() });
    expect(result.statuses.get('p')?.error).toBeInstanceOf(NameConflictError);
    expect(fake.createsOf('p')).toBe(1);
  });

  it('adopts a new pool created after the first start, allowing clock skew, and a resumed batch judges by its first plan', async () => {
    const fake = new FakePools();
    const ours = fake.seed('p', 3, START - 2 * 60_000); // service clock 2 min behind
    const result = await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service: fake, onUpdate: () => {}, firstPlan: firstPlan(['other-id']) });
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted', poolId: ours.id });
  });
});

describe('runUpload: bounded waits', () => {
  it('pauses the batch instead of waiting out a Retry-After above the cap, and starts no other job', async () => {
    const fake = new FakePools();
    fake.createScript = [{ throttle: 86_400_000 }];
    const rec = recorder();
    const result = await runUpload([job('a'), job('b')], { service: fake, concurrency: 1, onUpdate: rec.onUpdate, sleep: rec.sleep, now: () => 0 });
    expect(rec.sleeps).toEqual([]);
    expect(result.paused).toEqual({ retryAfterMs: 86_400_000, until: 86_400_000 });
    expect(result.statuses.get('a')).toMatchObject({ phase: 'paused', createState: 'pending' });
    expect(result.statuses.get('a')?.detail).toMatch(/asked to wait 1440 min/);
    expect(result.statuses.get('b')).toMatchObject({ phase: 'paused', createState: 'pending' });
    expect(fake.createsOf('b')).toBe(0);
  });

  it('waits a Retry-After at the cap with the real (fake-timer) sleep, then creates', async () => {
    vi.useFakeTimers();
    const fake = new FakePools();
    fake.createScript = [{ throttle: 120_000 }];
    const run = runUpload([job('a')], { service: fake, onUpdate: () => {} });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(fake.createsOf('a')).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(result.statuses.get('a')?.phase).toBe('created');
  });

  it('gives the re-list an overall deadline of 2 minutes, then leaves the outcome unknown and creates nothing', async () => {
    vi.useFakeTimers();
    const fake = new FakePools();
    fake.createScript = ['dropBefore'];
    // The re-list never answers until aborted.
    fake.findByName = (_name, signal) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    let last: JobStatus | undefined;
    const run = runUpload([job('p')], { service: fake, onUpdate: (_k, s) => (last = s) });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(last?.phase).toBe('reconciling');
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed', createState: 'inFlight' });
    expect(result.statuses.get('p')?.error).toBeInstanceOf(OutcomeUnknownError);
    expect(fake.createsOf('p')).toBe(1);
  });
});

describe('runUpload: secrets', () => {
  it('no status, detail or error message of any outcome holds a matching ID', async () => {
    const fake = new FakePools();
    const old = oldPool(fake, { codes: 11 });
    fake.seed('dup', 99);
    fake.createScript = ['dropBefore', { refuse: 400 }, { throttle: 10_000_000 }];
    const statuses: JobStatus[] = [];
    await runUpload(
      [job('dup', 3), job('x', 3), job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() }), job('e', 0, { mode: 'replace', replacePoolId: 'z' })],
      { service: fake, concurrency: 1, onUpdate: (_k, s) => statuses.push(s), sleep: async () => {} },
    );
    const text = statuses.map((s) => [s.detail, s.hint, s.error instanceof Error ? s.error.message : '', JSON.stringify({ ...s, error: undefined })].join(' ')).join('\n');
    expect(text).toMatch(/already exists|exists with|changed since/);
    expect(text).not.toMatch(/SECRET-/);
  });
});
