import { describe, expect, it, vi } from 'vitest';
import { CREATE, job, recorder, runnerGraph } from '../../../testing/upload-runner-graph.ts';
import { graphPoolService as service } from '../api/pool-service.ts';
import { runUpload } from './upload-runner.ts';

describe('runUpload: replacing a pool, and cancelling', () => {
  it('replaces: deletes the old pool first, and never mistakes the old pool (same name and count) for the new one', async () => {
    const fake = runnerGraph();
    const old = fake.graph.seedPool({ displayName: 'contoso-mobile', activationCodeCount: 3, createdDateTime: new Date().toISOString() });
    fake.faults.add({ ...CREATE, drop: 'before' });
    const rec = recorder();
    // The old pool's deletion was recorded as not done (e.g. reload right after it): deleted again (idempotent).
    const result = await runUpload([job('contoso-mobile', 3, { mode: 'replace', replacePoolId: old.id })], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.ops()).toEqual([`get ${old.id}`, `assignments ${old.id}`, `count ${old.id}`, `delete ${old.id}`, 'create contoso-mobile', 'find contoso-mobile', 'create contoso-mobile']);
    expect(fake.graph.pool(old.id)).toBeUndefined();
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', oldPoolDeleted: true });
  });

  it('excludes the pool being replaced from the re-list while its deletion is still pending', async () => {
    const fake = runnerGraph();
    const old = fake.graph.seedPool({ displayName: 'contoso-mobile', activationCodeCount: 3, createdDateTime: new Date().toISOString() });
    const rec = recorder();
    // inFlight create recorded, old pool still present (its DELETE never happened): the old pool is not adopted.
    await runUpload([job('contoso-mobile', 3, { mode: 'replace', replacePoolId: old.id, resume: { createState: 'inFlight' } })], {
      service,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    expect(fake.ops()).toEqual(['find contoso-mobile', `get ${old.id}`, `assignments ${old.id}`, `count ${old.id}`, `delete ${old.id}`, 'create contoso-mobile']);
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
    expect(fake.graph.pool(old.id)).toBeUndefined();
  });

  it('does not delete the old pool again when an earlier run already did', async () => {
    const fake = runnerGraph();
    const rec = recorder();
    await runUpload([job('p', 3, { mode: 'replace', replacePoolId: 'old', resume: { createState: 'pending', oldPoolDeleted: true } })], {
      service,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    expect(fake.ops()).toEqual(['create p']);
  });

  it('cancel: aborts in-flight creates, starts no new ones, and settles each aborted create by re-listing', async () => {
    const fake = runnerGraph();
    // Neither create is answered: Graph carries out the first, not the second.
    fake.faults.add({ ...CREATE, stall: true, processed: true });
    fake.faults.add({ ...CREATE, stall: true });
    const controller = new AbortController();
    const rec = recorder();
    const jobs = [job('a'), job('b'), job('c'), job('d')];
    const running = runUpload(jobs, { service, concurrency: 2, signal: controller.signal, onUpdate: rec.onUpdate, sleep: rec.sleep });
    await vi.waitFor(() => {
      expect(fake.graph.calls({ method: 'POST' })).toHaveLength(2);
      expect(fake.poolsNamed('a')).toHaveLength(1);
    });
    controller.abort();
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(fake.createsOf('c') + fake.createsOf('d')).toBe(0);
    // 'a' had been processed by the service: found and reported as created, exactly once.
    expect(result.statuses.get('a')).toMatchObject({ phase: 'created', outcome: 'adopted', poolId: fake.poolsNamed('a')[0]?.id });
    expect(fake.poolsNamed('a')).toHaveLength(1);
    // 'b' was not found, but the service may still process it: left unknown, so the next run re-lists first.
    expect(result.statuses.get('b')).toMatchObject({ phase: 'cancelled', createState: 'inFlight' });
    expect(fake.poolsNamed('b')).toHaveLength(0);
    expect(fake.ops().filter((o) => o.startsWith('find')).sort()).toEqual(['find a', 'find b']);
    expect(result.statuses.get('c')).toMatchObject({ phase: 'cancelled', createState: 'pending' });
    expect(result.statuses.get('d')).toMatchObject({ phase: 'cancelled', createState: 'pending' });
  });

  it('cancel during a throttling wait stops the wait at once', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 100 });
    const controller = new AbortController();
    const result = await runUpload([job('a')], {
      service,
      signal: controller.signal,
      onUpdate: (_k, s) => {
        if (s.phase === 'waiting') queueMicrotask(() => controller.abort());
      },
      // a real wait: only the abort ends it
      sleep: (_ms, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })),
    });
    expect(result.statuses.get('a')?.phase).toBe('cancelled');
    expect(fake.graph.pools()).toHaveLength(0);
    expect(fake.ops()).toEqual(['create a']);
  });
});
