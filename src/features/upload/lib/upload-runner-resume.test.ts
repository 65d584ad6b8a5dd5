import { describe, expect, it } from 'vitest';
import { poolPaths } from '../../../entities/pools/paths.ts';
import { CREATE, job, recorder, runnerGraph } from '../../../testing/upload-runner-graph.ts';
import { graphPoolService as service } from '../api/pool-service.ts';
import { runUpload } from './upload-runner.ts';

describe('runUpload: resuming an interrupted batch', () => {
  it('marks a create as inFlight before sending it, so a reload at that moment leads to a re-list', async () => {
    let persisted = '';
    const seenWhenGraphGotIt: string[] = [];
    const fake = runnerGraph({
      routes: (graph) =>
        graph.on({ method: 'POST', path: poolPaths.collection }, () => {
          seenWhenGraphGotIt.push(persisted);
          return undefined;
        }),
    });
    await runUpload([job('p')], {
      service,
      onUpdate: (_k, s) => {
        persisted = s.createState;
      },
    });
    expect(seenWhenGraphGotIt).toEqual(['inFlight']);
    expect(persisted).toBe('created');
    expect(fake.poolsNamed('p')).toHaveLength(1);
  });

  it('a create refused with 429 is pending while the runner waits, and inFlight again before it is re-sent', async () => {
    const fake = runnerGraph();
    fake.faults.add({ ...CREATE, status: 429, retryAfterSec: 100 });
    let persisted = '';
    const seenAtSend: string[] = [];
    const rec = recorder();
    await runUpload([job('p')], {
      service: { ...service, create: (input, signal) => (seenAtSend.push(persisted), service.create(input, signal)) },
      onUpdate: (k, s) => {
        rec.onUpdate(k, s);
        persisted = s.createState;
      },
      sleep: rec.sleep,
    });
    expect(rec.sleeps).toEqual([100_000]);
    expect(rec.history.find((h) => h.status.phase === 'waiting')?.status.createState).toBe('pending');
    expect(seenAtSend).toEqual(['inFlight', 'inFlight']);
    expect(fake.poolsNamed('p')).toHaveLength(1);
  });

  it('resumes an interrupted create (inFlight) by re-listing before anything else', async () => {
    const fake = runnerGraph();
    // The interrupted create had gone through.
    const made = fake.graph.send('POST', poolPaths.collection, { displayName: 'p', activationCodes: job('p', 3).activationCodes });
    expect(made.status).toBe(201);
    const rec = recorder();
    const result = await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.ops()).toEqual(['find p']);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted', poolId: (made.body as { id: string }).id });
  });

  it('resumes an interrupted create that never arrived: re-lists, then creates once', async () => {
    const fake = runnerGraph();
    const rec = recorder();
    await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.ops()).toEqual(['find p', 'create p']);
    expect(fake.poolsNamed('p')).toHaveLength(1);
  });

  it('an unknown create that lands late (after the re-list, before the new create) is adopted from the refusal, not reported as failed', async () => {
    // Graph is still working on the interrupted create when the re-list runs; it lands just
    // before the new create, which Graph then refuses (one pool per SM-DP+ server).
    const fake = runnerGraph({
      routes: (graph) =>
        graph.on({ method: 'POST', path: poolPaths.collection, times: 1 }, (req) => {
          graph.send('POST', poolPaths.collection, req.body);
          return undefined;
        }),
    });
    const rec = recorder();
    const result = await runUpload([job('p', 3, { resume: { createState: 'inFlight' } })], { service, onUpdate: rec.onUpdate, sleep: rec.sleep });
    expect(fake.ops()).toEqual(['find p', 'create p', 'find p']);
    expect(fake.graph.requests[1]?.status).toBe(400);
    expect(fake.poolsNamed('p')).toHaveLength(1);
    expect(result.statuses.get('p')).toMatchObject({ phase: 'created', outcome: 'adopted', poolId: fake.poolsNamed('p')[0]?.id });
  });

  it('skips pools an earlier run created after checking they still exist, and re-creates one deleted since', async () => {
    const fake = runnerGraph();
    const kept = fake.graph.seedPool({ displayName: 'kept', activationCodeCount: 3 });
    const rec = recorder();
    const result = await runUpload(
      [job('kept', 3, { resume: { createState: 'created', poolId: kept.id } }), job('gone', 3, { resume: { createState: 'created', poolId: 'pool-404' } })],
      { service, concurrency: 1, onUpdate: rec.onUpdate, sleep: rec.sleep },
    );
    expect(fake.ops()).toEqual([`get ${kept.id}`, 'get pool-404', 'create gone']);
    expect(result.statuses.get('kept')).toMatchObject({ phase: 'created', outcome: 'alreadyCreated', poolId: kept.id });
    expect(result.statuses.get('gone')).toMatchObject({ phase: 'created', outcome: 'created' });
    expect(fake.poolsNamed('gone')).toHaveLength(1);
  });
});
