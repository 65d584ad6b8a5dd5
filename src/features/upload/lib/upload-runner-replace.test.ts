import { describe, expect, it } from 'vitest';
import { FakePools, job, recorder } from '../../../testing/fake-pool-service.ts';
import { runUpload } from './upload-runner.ts';

describe('runUpload: replacing a pool, and cancelling', () => {
  it('replaces: deletes the old pool first, and never mistakes the old pool (same name and count) for the new one', async () => {
    const fake = new FakePools();
    const old = fake.seed('contoso-mobile', 3);
    fake.createScript = ['dropBefore'];
    const rec = recorder();
    // The old pool's deletion was recorded as not done (e.g. reload right after it): deleted again (idempotent).
    const result = await runUpload([job('contoso-mobile', 3, { mode: 'replace', replacePoolId: old.id })], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.calls).toEqual([`get ${old.id}`, `assignments ${old.id}`, `count ${old.id}`, `delete ${old.id}`, 'create contoso-mobile', 'find contoso-mobile', 'create contoso-mobile']);
    expect(fake.pools.has(old.id)).toBe(false);
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', oldPoolDeleted: true });
  });

  it('excludes the pool being replaced from the re-list while its deletion is still pending', async () => {
    const fake = new FakePools();
    const old = fake.seed('contoso-mobile', 3);
    const rec = recorder();
    // inFlight create recorded, old pool still present (its DELETE never happened): the old pool is not adopted.
    await runUpload([job('contoso-mobile', 3, { mode: 'replace', replacePoolId: old.id, resume: { createState: 'inFlight' } })], {
      service: fake,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    expect(fake.calls).toEqual(['find contoso-mobile', `get ${old.id}`, `assignments ${old.id}`, `count ${old.id}`, `delete ${old.id}`, 'create contoso-mobile']);
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
    expect(fake.pools.has(old.id)).toBe(false);
  });

  it('does not delete the old pool again when an earlier run already did', async () => {
    const fake = new FakePools();
    const rec = recorder();
    await runUpload([job('p', 3, { mode: 'replace', replacePoolId: 'old', resume: { createState: 'pending', oldPoolDeleted: true } })], {
      service: fake,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    expect(fake.calls).toEqual(['create p']);
  });

  it('cancel: aborts in-flight creates, starts no new ones, and settles each aborted create by re-listing', async () => {
    const fake = new FakePools();
    fake.createScript = [{ hang: true, processed: true }, { hang: true, processed: false }];
    const controller = new AbortController();
    const rec = recorder();
    const jobs = [job('a'), job('b'), job('c'), job('d')];
    fake.onHang = () => {
      if (fake.hanging === 2) controller.abort();
    };
    const running = runUpload(jobs, {
      service: fake,
      concurrency: 2,
      signal: controller.signal,
      onUpdate: rec.onUpdate,
      sleep: rec.sleep,
    });
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(fake.createsOf('c') + fake.createsOf('d')).toBe(0);
    // 'a' had been processed by the service: found and reported as created, exactly once.
    expect(result.statuses.get('a')).toMatchObject({ phase: 'created', outcome: 'adopted' });
    expect(fake.poolsNamed('a')).toHaveLength(1);
    // 'b' was not found, but the service may still process it: left unknown, so the next run re-lists first.
    expect(result.statuses.get('b')).toMatchObject({ phase: 'cancelled', createState: 'inFlight' });
    expect(fake.poolsNamed('b')).toHaveLength(0);
    expect(result.statuses.get('c')).toMatchObject({ phase: 'cancelled', createState: 'pending' });
    expect(result.statuses.get('d')).toMatchObject({ phase: 'cancelled', createState: 'pending' });
  });

  it('cancel during a throttling wait stops the wait at once', async () => {
    const fake = new FakePools();
    fake.createScript = [{ throttle: 100_000 }];
    const controller = new AbortController();
    const result = await runUpload([job('a')], {
      service: fake,
      signal: controller.signal,
      onUpdate: (_k, s) => {
        if (s.phase === 'waiting') queueMicrotask(() => controller.abort());
      },
      // a real wait: only the abort ends it
      sleep: (_ms, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })),
    });
    expect(result.statuses.get('a')?.phase).toBe('cancelled');
    expect(fake.pools.size).toBe(0);
  });
});
