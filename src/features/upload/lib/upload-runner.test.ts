import { describe, expect, it } from 'vitest';
import { CLIENT_ATTEMPTS, CREATE, RELIST, hostOf, job, recorder, runnerGraph } from '../../../testing/upload-runner-graph.ts';
import { graphPoolService as service } from '../api/pool-service.ts';
import { NameConflictError, OutcomeUnknownError, SECOND_POOL_HINT, runUpload } from './upload-runner.ts';

describe('runUpload: creating pools', () => {
  it('creates every pool with at most `concurrency` creates in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    // Graph takes a few ms per create; count the creates it holds at once.
    const fake = runnerGraph({
      routes: (graph) =>
        graph.on({ method: 'POST' }, async () => {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          await new Promise((r) => setTimeout(r, 2));
          inFlight--;
          return undefined;
        }),
    });
    const rec = recorder();
    const jobs = Array.from({ length: 10 }, (_, i) => job(`pool ${i}`));
    const result = await runUpload(jobs, { service, concurrency: 3, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(maxInFlight).toBe(3);
    expect(fake.graph.pools()).toHaveLength(10);
    expect([...result.statuses.values()].every((s) => s.phase === 'created' && s.outcome === 'created')).toBe(true);
    expect(result.statuses.get('pool 4')?.poolId).toBe(fake.poolsNamed('pool 4')[0]?.id);
  });

  it('after a dropped connection on a create that went through, re-lists and adopts the pool instead of creating it twice', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, drop: 'after' });
    const rec = recorder();
    const result = await runUpload([job('contoso-mobile', 25)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
    expect(fake.ops()).toEqual(['create contoso-mobile', 'find contoso-mobile']);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', outcome: 'adopted', createState: 'created', poolId: fake.poolsNamed('contoso-mobile')[0]?.id });
  });

  it('after a 503 on a create that Graph carried out, re-lists and adopts the pool instead of creating it twice', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, status: 503, processed: true });
    const rec = recorder();
    const result = await runUpload([job('contoso-mobile', 25)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.ops()).toEqual(['create contoso-mobile', 'find contoso-mobile']);
    expect(fake.poolsNamed('contoso-mobile')).toHaveLength(1);
    expect(result.statuses.get('contoso-mobile')).toMatchObject({ phase: 'created', outcome: 'adopted' });
  });

  it('after a dropped connection on a create that never arrived, re-lists first and then creates once', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, drop: 'before' });
    const rec = recorder();
    const result = await runUpload([job('fabrikam', 5)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.ops()).toEqual(['create fabrikam', 'find fabrikam', 'create fabrikam']);
    expect(fake.poolsNamed('fabrikam')).toHaveLength(1);
    expect(result.statuses.get('fabrikam')).toMatchObject({ phase: 'created', outcome: 'created' });
  });

  it('gives up after repeated ambiguous failures without ever holding two pools, re-listing before each retry', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, drop: 'before', count: 4 });
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep, maxAmbiguousRetries: 3 });
    expect(fake.ops()).toEqual(['create p', 'find p', 'create p', 'find p', 'create p', 'find p']);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed', createState: 'pending' });
    expect(fake.graph.pools()).toHaveLength(0);
  });

  it('does not adopt or create beside a pool that has the name but another code count', async () => {
    const fake = runnerGraph();
    // Created just now, as the batch's own pool would be: only its code count tells it apart.
    fake.graph.seedPool({ displayName: 'p', activationCodeCount: 99, createdDateTime: new Date().toISOString() });
    fake.faults.add({ ...CREATE, drop: 'before' });
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    const status = result.statuses.get('p');
    expect(status?.phase).toBe('failed');
    expect(status?.error).toBeInstanceOf(NameConflictError);
    expect(fake.createsOf('p')).toBe(1);
    expect(fake.poolsNamed('p')).toHaveLength(1);
  });

  it('never creates while the re-list keeps failing: the outcome is left unknown (inFlight) for a later run', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, drop: 'before' });
    fake.faults.add({ ...RELIST, status: 503, count: 1_000 });
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    const status = result.statuses.get('p');
    expect(status).toMatchObject({ phase: 'failed', createState: 'inFlight' });
    expect(status?.error).toBeInstanceOf(OutcomeUnknownError);
    expect(fake.createsOf('p')).toBe(1);
    // Each re-list was tried by the client, then by the runner after its backoffs.
    expect(rec.sleeps).toEqual([1_000, 2_000, 5_000, 10_000, 20_000]);
    expect(fake.ops().filter((o) => o === 'find p')).toHaveLength(6 * CLIENT_ATTEMPTS);
  });

  it('retries the re-list after a transient failure the client gave up on, then adopts', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, drop: 'after' });
    fake.faults.add({ ...RELIST, drop: 'before', count: CLIENT_ATTEMPTS });
    const rec = recorder();
    const result = await runUpload([job('p', 2)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted' });
    expect(fake.createsOf('p')).toBe(1);
    expect(fake.poolsNamed('p')).toHaveLength(1);
    expect(rec.sleeps).toEqual([1_000]);
  });

  it('waits out a 429 the client gave up on (Retry-After up to the cap) and retries that pool, without re-listing', async () => {
    const fake = runnerGraph();
    // Retry-After 120 s: longer than the client's 90 s request deadline, so the runner waits.
    const throttleNextCreate = () => fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 120 });
    throttleNextCreate();
    const rec = recorder();
    const onUpdate: typeof rec.onUpdate = (key, status) => {
      rec.onUpdate(key, status);
      if (key === 'a' && status.phase === 'created') throttleNextCreate(); // b's first create too
    };
    const result = await runUpload([job('a'), job('b')], { service, concurrency: 1, onUpdate, sleep: rec.sleep, now: () => 1_000 });
    expect(rec.sleeps).toEqual([120_000, 120_000]);
    expect(fake.ops()).toEqual(['create a', 'create a', 'create b', 'create b']);
    expect(fake.poolsNamed('a')).toHaveLength(1);
    expect(fake.poolsNamed('b')).toHaveLength(1);
    expect([...result.statuses.values()].map((s) => s.phase)).toEqual(['created', 'created']);
    const waiting = rec.history.find((h) => h.status.phase === 'waiting');
    // A refused (429) create is known not to have been processed.
    expect(waiting?.status).toMatchObject({ createState: 'pending', retryAt: 121_000 });
    expect(waiting?.status.detail).toMatch(/throttling/);
  });

  it('fails a pool that stays throttled after maxThrottleWaits, and goes on with the others', async () => {
    const fake = runnerGraph();
    // Every attempt of the client at three creates of 'a' is refused (1 s Retry-After each).
    fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 1, count: 3 * CLIENT_ATTEMPTS });
    const rec = recorder();
    const result = await runUpload([job('a'), job('b')], { service, concurrency: 1, onUpdate: rec.onUpdate, sleep: rec.sleep, maxThrottleWaits: 2 });
    expect(result.statuses.get('a')).toMatchObject({ phase: 'failed', createState: 'pending' });
    expect(result.statuses.get('b')).toMatchObject({ phase: 'created' });
    expect(rec.sleeps).toEqual([1_000, 1_000]);
    expect(fake.poolsNamed('a')).toHaveLength(0);
    expect(fake.createsOf('a')).toBe(3 * CLIENT_ATTEMPTS);
  });

  it('reports a refused create (400: a pool for this SM-DP+ server exists) as failed with the one-pool-per-provider hint, and does not retry it', async () => {
    const fake = runnerGraph();
    fake.graph.seedPool({ displayName: 'carrier’s other pool', smdpPlusServerAddress: hostOf('p') });
    const rec = recorder();
    const result = await runUpload([job('p')], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed', createState: 'pending', hint: SECOND_POOL_HINT });
    expect(fake.ops()).toEqual(['create p']);
    expect(fake.graph.requests[0]?.status).toBe(400);
  });

  it('a 400 on a first create (no earlier unknown create) is not followed by a re-list', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, status: 400 });
    const rec = recorder();
    const result = await runUpload([job('p', 3)], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.ops()).toEqual(['create p']);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'failed' });
  });
});
