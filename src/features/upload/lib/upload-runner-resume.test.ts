import { describe, expect, it } from 'vitest';
import { FakePools, job, recorder } from '../../../testing/fake-pool-service.ts';
import { runUpload, type PoolService } from './upload-runner.ts';

describe('runUpload: resuming an interrupted batch', () => {
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
});
