import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/errors.ts';
import { FakePools, job, recorder } from '../../../testing/fake-pool-service.ts';
import { NameConflictError, OutcomeUnknownError, SECOND_POOL_HINT, runUpload } from './upload-runner.ts';

describe('runUpload: creating pools', () => {
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

  it('a 400 on a first create (no earlier unknown create) is not followed by a re-list', async () => {
    const fake = new FakePools();
    fake.createScript = [{ refuse: 400 }];
    const rec = recorder();
    const result = await runUpload([job('p', 3)], { service: fake, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.calls).toEqual(['create p']);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed' });
  });
});
