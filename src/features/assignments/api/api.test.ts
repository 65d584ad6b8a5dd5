import { beforeEach, describe, expect, it } from 'vitest';
import { configureGraph } from '../../../graph/client.ts';
import { GRAPH, fakeFetch, graphError, json, text, type RecordedCall, type Responder } from '../../../graph/test-support.ts';
import { toModel } from '../lib/model.ts';
import { planSave } from '../lib/save-plan.ts';
import { bulkAssignPool } from './bulk-assign-pool.ts';
import { savePoolAssignments } from './save-pool-assignments.ts';

const POOLS = `${GRAPH}/beta/deviceManagement/embeddedSIMActivationCodePools`;
let calls: RecordedCall[];

function use(...responders: Responder[]) {
  const fake = fakeFetch(...responders);
  calls = fake.calls;
  configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('token'), fetch: fake.fetch, sleep: () => Promise.resolve(), maxRetries: 1 });
}
const body = (i: number): unknown => JSON.parse(calls[i]?.body ?? 'null');

beforeEach(() => use());


describe('saving a pool’s assignments', () => {
  const model = toModel([
    { id: 'a1', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g1', deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'exclude' } },
  ]);

  it('one added group is a POST to /assignments with the target', async () => {
    use(json(201, { id: 'a2' }));
    await savePoolAssignments('pool/1', planSave(model, { included: ['g1', 'g2'], excluded: [], allDevices: false }));
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe(`${POOLS}/pool%2F1/assignments`);
    expect(body(0)).toEqual({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g2' } });
  });

  it('one moved group is a PATCH of that assignment (to excluded: without the filter an exclusion cannot have)', async () => {
    use(text(204, ''));
    await savePoolAssignments('p1', planSave(model, { included: [], excluded: ['g1'], allDevices: false }));
    expect(calls[0]?.method).toBe('PATCH');
    expect(calls[0]?.url).toBe(`${POOLS}/p1/assignments/a1`);
    expect(body(0)).toEqual({ target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1' } });
  });

  it('anything else is the assign action with the full set, existing filters preserved', async () => {
    use(json(200, { value: [] }));
    await savePoolAssignments('p1', planSave(model, { included: ['g1', 'g3'], excluded: ['g4'], allDevices: false }));
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe(`${POOLS}/p1/assign`);
    expect(body(0)).toEqual({
      assignments: [
        {
          target: {
            '@odata.type': '#microsoft.graph.groupAssignmentTarget',
            groupId: 'g1',
            deviceAndAppManagementAssignmentFilterId: 'f1',
            deviceAndAppManagementAssignmentFilterType: 'exclude',
          },
        },
        { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g3' } },
        { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g4' } },
      ],
    });
  });
});

describe('bulk assignment of one pool', () => {
  const current = { value: [{ id: 'a1', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'old' } }] };

  it('reads, merges and assigns; after throttling that outlasts the client it waits and repeats the whole step', async () => {
    use(
      json(200, current),
      graphError(429, 'TooManyRequests', 'slow down', { 'Retry-After': '1' }),
      graphError(429, 'TooManyRequests', 'slow down', { 'Retry-After': '1' }),
      json(200, current),
      json(200, { value: [] }),
    );
    const phases: string[] = [];
    const waits: number[] = [];
    const outcome = await bulkAssignPool('p1', {
      set: { included: ['new'], excluded: [] },
      mode: 'add',
      onPhase: (p) => phases.push(p),
      attempts: 2,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname.split('/').slice(-1)[0]}`)).toEqual([
      'GET assignments',
      'POST assign',
      'POST assign',
      'GET assignments',
      'POST assign',
    ]);
    expect(body(4)).toEqual({
      assignments: [
        { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'old' } },
        { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'new' } },
      ],
    });
    expect(phases).toEqual(['reading', 'saving', 'throttled', 'reading', 'saving']);
    // at least Retry-After (1 s), or the growing pause when that is longer
    expect(waits).toEqual([2_000]);
    expect(outcome.sent).toBe(true);
  });

  it('sends nothing when the pool already has the set', async () => {
    use(json(200, current));
    const outcome = await bulkAssignPool('p1', { set: { included: ['old'], excluded: [] }, mode: 'add' });
    expect(calls).toHaveLength(1);
    expect(outcome.sent).toBe(false);
  });

  it('does not repeat a 403', async () => {
    use(json(200, current), graphError(403, 'Forbidden', 'Application must have one of the following scopes: DeviceManagementConfiguration.ReadWrite.All'));
    await expect(bulkAssignPool('p1', { set: { included: ['new'], excluded: [] }, mode: 'replace' })).rejects.toMatchObject({ status: 403 });
    expect(calls).toHaveLength(2);
  });
});
