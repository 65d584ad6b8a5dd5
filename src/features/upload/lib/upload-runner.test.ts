import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/errors.ts';
import { FakePools, job, recorder } from '../../../testing/fake-pool-service.ts';
import { NameConflictError, OutcomeUnknownError, SECOND_POOL_HINT, runUpload, type PoolService } from './upload-runner.ts';

describe('runUpload', () => {
  it('creates every pool with at most `concurrency` creates in flight', async () => {
    const fake = new FakePools();
    const rec = recorder();
    const jobs = Array.from({ length: 10 }, (_, i) => job(`pool ${i}`));
    const result = await runUpload(jobs, { service: fake, concurrency: 3, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.maxInFlight).toBe(3);
    expect(fake.pools.size).toBe(10);
    expect([...result.statuses.values()].every((s) => s.phase === 'created' && s.outcome === 'created')).toBe(true);
    expect(result.statuses.get('pool 4')?.poolId).toBe(fake.poolsNamed('pool 4')[0]?.id);
  });

  it('after a dropped connection on a create that went through, re-lists and adopts the pool instead of creating it twice', async () => {
    const fake = new FakePools();
    fake.createScript = ['dropAfter'];
    const rec = recorder();
    const result = await runUpload([job('contoso-mobile', 25)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
    expect(fake.createsOf('contoso-mobile')).toBe(1);
    expect(fake.calls).toEqual(['create contoso-mobile', 'find contoso-mobile']);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', outcome: 'adopted', createState: 'created' });
  });

  it('after a dropped connection on a create that never arrived, re-lists first and then creates once', async () => {
    const fake = new FakePools();
    fake.createScript = ['dropBefore'];
    const rec = recorder();
    const result = await runUpload([job('fabrikam', 5)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.calls).toEqual(['create fabrikam', 'find fabrikam', 'create fabrikam']);
    expect(fake.poolsNamed('fabrikam')).toHaveLength(1);
    expect(result.statuses.get('fabrikam')).toMatchObject({ phase: 'created', outcome: 'created' });
  });

  it('gives up after repeated ambiguous failures without ever holding two pools, re-listing before each retry', async () => {
    const fake = new FakePools();
    fake.createScript = ['dropBefore', 'dropBefore', 'dropBefore', 'dropBefore'];
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep, maxAmbiguousRetries: 3 });
    expect(fake.calls).toEqual(['create p', 'find p', 'create p', 'find p', 'create p', 'find p']);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed', createState: 'pending' });
    expect(fake.pools.size).toBe(0);
  });

  it('does not adopt or create beside a pool that has the name but another code count', async () => {
    const fake = new FakePools();
    fake.seed('p', 99);
    fake.createScript = ['dropBefore'];
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    const status = result.statuses.get('p');
    expect(status?.phase).toBe('failed');
    expect(status?.error).toBeInstanceOf(NameConflictError);
    expect(fake.createsOf('p')).toBe(1);
    expect(fake.poolsNamed('p')).toHaveLength(1);
  });

  it('never creates while the re-list keeps failing: the outcome is left unknown (inFlight) for a later run', async () => {
    const fake = new FakePools();
    fake.createScript = ['dropBefore'];
    fake.findFailures = Array.from({ length: 10 }, () => new GraphError({ status: 503, code: 'ServiceUnavailable', message: 'x', method: 'GET', path: '/pools' }));
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    const status = result.statuses.get('p');
    expect(status).toMatchObject({ phase: 'failed', createState: 'inFlight' });
    expect(status?.error).toBeInstanceOf(OutcomeUnknownError);
    expect(fake.createsOf('p')).toBe(1);
  });

  it('retries the re-list after a transient failure, then adopts', async () => {
    const fake = new FakePools();
    fake.createScript = ['dropAfter'];
    fake.findFailures = [new GraphError({ status: 0, code: 'NetworkError', message: 'x', method: 'GET', path: '/pools' })];
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted' });
    expect(fake.createsOf('p')).toBe(1);
    expect(rec.sleeps).toEqual([1_000]);
  });

  it('waits out a 429 the client gave up on (Retry-After up to the cap) and retries that pool, without re-listing', async () => {
    const fake = new FakePools();
    fake.createScript = [{ throttle: 120_000 }, { throttle: 120_000 }];
    const rec = recorder();
    const result = await runUpload([job('a'), job('b')], { service: fake, concurrency: 1, onUpdate: rec.onUpdate, sleep: rec.sleep, now: () => 1_000 });
    expect(rec.sleeps).toEqual([120_000, 120_000]);
    expect(fake.calls.filter((c) => c.startsWith('find'))).toEqual([]);
    expect(fake.poolsNamed('a')).toHaveLength(1);
    expect(fake.poolsNamed('b')).toHaveLength(1);
    expect([...result.statuses.values()].map((s) => s.phase)).toEqual(['created', 'created']);
    const waiting = rec.history.find((h) => h.status.phase === 'waiting');
    // A refused (429) create is known not to have been processed.
    expect(waiting?.status).toMatchObject({ createState: 'pending', retryAt: 121_000 });
    expect(waiting?.status.detail).toMatch(/throttling/);
  });

  it('fails a pool that stays throttled after maxThrottleWaits, and goes on with the others', async () => {
    const fake = new FakePools();
    fake.createScript = [{ throttle: 1000 }, { throttle: 1000 }, { throttle: 1000 }];
    const rec = recorder();
    const result = await runUpload([job('a'), job('b')], { service: fake, concurrency: 1, onUpdate: rec.onUpdate, sleep: rec.sleep, maxThrottleWaits: 2 });
    expect(result.statuses.get('a')).toMatchObject({ phase: 'failed', createState: 'pending' });
    expect(result.statuses.get('b')).toMatchObject({ phase: 'created' });
  });

  it('reports a refused create (400) as failed with the one-pool-per-provider hint, and does not retry it', async () => {
    const fake = new FakePools();
    fake.createScript = [{ refuse: 400 }];
    const rec = recorder();
    const result = await runUpload([job('p')], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed', createState: 'pending', hint: SECOND_POOL_HINT });
    expect(fake.calls).toEqual(['create p']);
  });

  it('marks a create as inFlight before sending it, so a reload at that moment leads to a re-list', async () => {
    const fake = new FakePools();
    let persisted = '';
    const seenAtSend: string[] = [];
    const service: PoolService = {
      create: (input, signal) => {
        seenAtSend.push(persisted);
        return fake.create(input, signal);
      },
      findByName: (n, s) => fake.findByName(n, s),
      get: (id, s) => fake.get(id, s),
      remove: (id, s) => fake.remove(id, s),
      getAssignments: (id) => fake.getAssignments(id),
      assign: (id, list) => fake.assign(id, list),
      countDeviceStates: (id) => fake.countDeviceStates(id),
    };
    await runUpload([job('p')], {
      service,
      onUpdate: (_k, s) => {
        persisted = s.createState;
      },
    });
    expect(seenAtSend).toEqual(['inFlight']);
    expect(persisted).toBe('created');
  });

  it('resumes an interrupted create (inFlight) by re-listing before anything else', async () => {
    const fake = new FakePools();
    fake.seed('p', 3); // the interrupted create had gone through
    const rec = recorder();
    const result = await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.calls).toEqual(['find p']);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted' });
  });

  it('resumes an interrupted create that never arrived: re-lists, then creates once', async () => {
    const fake = new FakePools();
    const rec = recorder();
    await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.calls).toEqual(['find p', 'create p']);
    expect(fake.poolsNamed('p')).toHaveLength(1);
  });

  it('an unknown create that lands late (after the re-list, before the new create) is adopted from the refusal, not reported as failed', async () => {
    const fake = new FakePools();
    // The service is still working on the cancelled create when the re-list runs; it lands
    // before the new create, which Intune then refuses (one pool per SM-DP+ server).
    const late = () => fake.seed('p', 3);
    const create = fake.create.bind(fake);
    fake.create = async (input, signal) => {
      late();
      return create(input, signal);
    };
    fake.createScript = [{ refuse: 400 }];
    const rec = recorder();
    const result = await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.calls).toEqual(['find p', 'create p', 'find p']);
    expect(fake.poolsNamed('p')).toHaveLength(1);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted' });
  });

  it('a 400 on a first create (no earlier unknown create) is not followed by a re-list', async () => {
    const fake = new FakePools();
    fake.createScript = [{ refuse: 400 }];
    const rec = recorder();
    const result = await runUpload([job('p', 3)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.calls).toEqual(['create p']);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed' });
  });

  it('skips pools an earlier run created after checking they still exist, and re-creates one deleted since', async () => {
    const fake = new FakePools();
    const kept = fake.seed('kept', 3);
    const rec = recorder();
    const result = await runUpload(
      [job('kept', 3, { resume: { createState: 'created', poolId: kept.id } }), job('gone', 3, { resume: { createState: 'created', poolId: 'pool-404' } })],
      { service: fake, concurrency: 1, onUpdate: rec.onUpdate, sleep: rec.sleep },
    );
    expect(fake.calls).toEqual([`get ${kept.id}`, 'get pool-404', 'create gone']);
    expect(result.statuses.get('kept')).toMatchObject({ phase: 'created', outcome: 'alreadyCreated', poolId: kept.id });
    expect(result.statuses.get('gone')).toMatchObject({ phase: 'created', outcome: 'created' });
  });

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
