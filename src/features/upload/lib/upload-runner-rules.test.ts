import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/errors.ts';
import { ASSIGNMENTS, CREATE, confirmed, job, oldPool, recorder, runnerGraph, type RunnerGraph } from '../../../testing/upload-runner-graph.ts';
import { graphPoolService as service } from '../api/pool-service.ts';
import { EmptyReplaceError, NameConflictError, OldPoolChangedError, runUpload } from './upload-runner.ts';

const assignmentsOf = (fake: RunnerGraph, poolId: string | undefined) => fake.graph.pool(poolId ?? '')?.assignments.map((a) => ({ target: a.target }));

describe('runUpload: replace', () => {
  it('refuses an empty new set before touching anything', async () => {
    const fake = runnerGraph();
    const old = oldPool(fake);
    const result = await runUpload([job('contoso-mobile', 0, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], { service, onUpdate: () => {} });
    expect(fake.ops()).toEqual([]);
    expect(fake.graph.pool(old.id)).toBeDefined();
    expect(result.statuses.get('contoso-mobile')?.error).toBeInstanceOf(EmptyReplaceError);
  });

  it('carries the old pool’s assignments to the new pool with one assign right after the create, recorded before the delete', async () => {
    const fake = runnerGraph();
    const old = oldPool(fake);
    const rec = recorder();
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], {
      service,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    const created = fake.poolsNamed('contoso-mobile')[0];
    expect(created?.id).not.toBe(old.id);
    expect(fake.ops()).toEqual([`get ${old.id}`, `assignments ${old.id}`, `count ${old.id}`, `delete ${old.id}`, 'create contoso-mobile', `assign ${created?.id}`]);
    expect(assignmentsOf(fake, created?.id)).toEqual(ASSIGNMENTS);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', outcome: 'created', carry: { applied: true, assignments: ASSIGNMENTS } });
    const firstDeleting = rec.history.findIndex((h) => h.status.phase === 'deleting');
    expect(rec.history[firstDeleting]?.status.carry).toEqual({ assignments: ASSIGNMENTS, applied: false });
  });

  it('keeps the new pool unassigned when the admin chose so', async () => {
    const fake = runnerGraph();
    const old = oldPool(fake);
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed(), carryAssignments: false })], {
      service,
      onUpdate: () => {},
    });
    expect(fake.ops().some((c) => c.startsWith('assign '))).toBe(false);
    expect(assignmentsOf(fake, fake.poolsNamed('contoso-mobile')[0]?.id)).toEqual([]);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', carry: undefined });
  });

  it.each([
    ['code count', { codes: 12 }, /holds 12 codes now, not 10/],
    ['device-state count', { devices: 21 }, /21 devices have its codes now, not 20/],
    ['assignments', { assignments: ASSIGNMENTS.slice(0, 2) }, /assignments changed \(1 included group, 1 excluded group, all devices, 1 filter → 1 excluded group, all devices\)/],
  ])('stops before deleting when the old pool’s %s changed since the confirmation, saying what changed', async (_what, now, message) => {
    const fake = runnerGraph();
    const old = oldPool(fake, now);
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], { service, onUpdate: () => {} });
    const status = result.statuses.get('contoso-mobile');
    expect(status?.error).toBeInstanceOf(OldPoolChangedError);
    expect((status?.error as Error).message).toMatch(message);
    expect(status).toMatchObject({ phase: 'failed', oldPoolDeleted: false, createState: 'pending' });
    expect(fake.ops()).not.toContain(`delete ${old.id}`);
    expect(fake.graph.pool(old.id)).toBeDefined();
  });

  it('a reload after the delete still applies the recorded assignments (the old pool is gone)', async () => {
    const fake = runnerGraph();
    const result = await runUpload(
      [job('p', 3, { mode: 'replace', replacePoolId: 'old', resume: { createState: 'pending', oldPoolDeleted: true, carry: { assignments: ASSIGNMENTS, applied: false } } })],
      { service, onUpdate: () => {} },
    );
    const created = fake.poolsNamed('p')[0];
    expect(fake.ops()).toEqual(['create p', `assign ${created?.id}`]);
    expect(assignmentsOf(fake, created?.id)).toEqual(ASSIGNMENTS);
    expect(result.statuses.get('p')?.carry?.applied).toBe(true);
  });

  it('a pool created earlier without its assignments gets them without being created again', async () => {
    const fake = runnerGraph();
    const made = fake.graph.seedPool({ displayName: 'p', activationCodeCount: 3 });
    await runUpload([job('p', 3, { mode: 'replace', replacePoolId: 'old', resume: { createState: 'created', poolId: made.id, oldPoolDeleted: true, carry: { assignments: ASSIGNMENTS, applied: false } } })], {
      service,
      onUpdate: () => {},
    });
    expect(fake.ops()).toEqual([`get ${made.id}`, `assign ${made.id}`]);
    expect(assignmentsOf(fake, made.id)).toEqual(ASSIGNMENTS);
  });

  it('reports a failed assign on a created pool without failing the pool, and keeps it on record as not applied', async () => {
    const fake = runnerGraph();
    const old = oldPool(fake);
    fake.faults.add({ method: 'POST', pathRegex: '/assign$', status: 403 });
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], { service, onUpdate: () => {} });
    const status = result.statuses.get('contoso-mobile');
    expect(status).toMatchObject({ phase: 'created', outcome: 'created', carry: { applied: false } });
    expect(status?.assignError).toBeInstanceOf(GraphError);
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
  });

  it('after the delete, retries an ambiguous create (re-listing first) and records the old pool as gone meanwhile', async () => {
    const fake = runnerGraph();
    const old = oldPool(fake);
    fake.faults.add({ ...CREATE, drop: 'before' });
    fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 100 });
    const rec = recorder();
    const result = await runUpload([job('contoso-mobile', 5, { mode: 'replace', replacePoolId: old.id, confirmedOldPool: confirmed() })], {
      service,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    expect(fake.createsOf('contoso-mobile')).toBe(3);
    expect(fake.ops().filter((o) => o.startsWith('delete'))).toEqual([`delete ${old.id}`]);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', oldPoolDeleted: true });
    expect(rec.history.filter((h) => h.status.phase === 'creating').every((h) => h.status.oldPoolDeleted)).toBe(true);
  });
});

describe('runUpload: adopting after a lost response', () => {
  const START = Date.parse('2026-03-01T10:00:00Z');
  const firstPlan = (poolIds: string[] = []) => ({ poolIds, startedAt: new Date(START).toISOString() });
  const at = (ms: number) => new Date(ms).toISOString();

  it('never adopts a pool seen when the batch was first planned (same name and count): a named conflict', async () => {
    const fake = runnerGraph();
    const theirs = fake.graph.seedPool({ displayName: 'p', activationCodeCount: 3, createdDateTime: at(START + 60_000) });
    fake.faults.add({ ...CREATE, drop: 'before' });
    const result = await runUpload([job('p', 3)], { service, onUpdate: () => {}, sleep: async () => {}, firstPlan: firstPlan([theirs.id]) });
    const status = result.statuses.get('p');
    expect(status?.phase).toBe('failed');
    expect(status?.error).toBeInstanceOf(NameConflictError);
    expect(status?.outcome).toBeUndefined();
    expect(fake.createsOf('p')).toBe(1);
  });

  it('never adopts a pool created before the batch first started (beyond the clock-skew allowance)', async () => {
    const fake = runnerGraph();
    fake.graph.seedPool({ displayName: 'p', activationCodeCount: 3, createdDateTime: at(START - 10 * 60_000) });
    fake.faults.add({ ...CREATE, drop: 'before' });
    const result = await runUpload([job('p', 3)], { service, onUpdate: () => {}, sleep: async () => {}, firstPlan: firstPlan() });
    expect(result.statuses.get('p')?.error).toBeInstanceOf(NameConflictError);
    expect(fake.createsOf('p')).toBe(1);
  });

  it('adopts a new pool created after the first start, allowing clock skew, and a resumed batch judges by its first plan', async () => {
    const fake = runnerGraph();
    const ours = fake.graph.seedPool({ displayName: 'p', activationCodeCount: 3, createdDateTime: at(START - 2 * 60_000) }); // service clock 2 min behind
    const result = await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service, onUpdate: () => {}, firstPlan: firstPlan(['other-id']) });
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted', poolId: ours.id });
    expect(fake.ops()).toEqual(['find p']);
  });
});
