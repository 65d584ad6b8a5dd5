import { describe, expect, it } from 'vitest';
import { createFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../../testing/fake-graph.ts';
import { fakeAuth } from '../../../testing/fake-auth.ts';
import { toModel } from '../lib/model.ts';
import { planSave } from '../lib/save-plan.ts';
import { bulkAssignPool } from './bulk-assign-pool.ts';
import { savePoolAssignments } from './save-pool-assignments.ts';

const POOLS = '/deviceManagement/embeddedSIMActivationCodePools';
let graph: FakeGraph;
const calls = () => graph.requests;
const body = (i: number): unknown => graph.requests[i]?.body;

/** Graph with pool p1 assigned as `assignment` says, and the groups the tests name. */
function use(assignment: { include: string; filterId?: string; filterType?: 'include' | 'exclude' }, opts: FakeGraphOptions = {}) {
  graph = createFakeGraph(opts);
  for (const id of ['g1', 'g2', 'g3', 'g4', 'old', 'new']) graph.seedGroup({ id, displayName: `Group ${id}` });
  graph.seedPool({ id: 'p1', displayName: 'Contoso Mobile', assignments: [{ id: 'a1', ...assignment }] });
}

describe('saving a pool’s assignments', () => {
  const model = toModel([
    { id: 'a1', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g1', deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'exclude' } },
  ]);

  it('one added group is a POST to /assignments with the target', async () => {
    use({ include: 'g1', filterId: 'f1', filterType: 'exclude' });
    // A pool id that needs escaping: the fake answers for it as Graph would for such a pool.
    graph.on({ method: 'POST', path: `${POOLS}/pool/1/assignments` }, () => ({ status: 201, body: { id: 'a2' } }));
    await savePoolAssignments('pool/1', planSave(model, { included: ['g1', 'g2'], excluded: [], allDevices: false }));
    expect(calls()[0]?.method).toBe('POST');
    expect(calls()[0]?.url).toBe(`https://graph.test/beta${POOLS}/pool%2F1/assignments`);
    expect(body(0)).toEqual({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g2' } });
  });

  it('one moved group is a PATCH of that assignment (to excluded: without the filter an exclusion cannot have)', async () => {
    use({ include: 'g1', filterId: 'f1', filterType: 'exclude' });
    await savePoolAssignments('p1', planSave(model, { included: [], excluded: ['g1'], allDevices: false }));
    expect(calls()[0]?.method).toBe('PATCH');
    expect(calls()[0]?.path).toBe(`${POOLS}/p1/assignments/a1`);
    expect(calls()[0]?.status).toBeLessThan(300);
    expect(graph.pool('p1')?.assignments.map((a) => a.target)).toEqual([
      { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1', deviceAndAppManagementAssignmentFilterId: null, deviceAndAppManagementAssignmentFilterType: 'none' },
    ]);
    expect(body(0)).toEqual({ target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1' } });
  });

  it('anything else is the assign action with the full set, existing filters preserved', async () => {
    use({ include: 'g1', filterId: 'f1', filterType: 'exclude' });
    await savePoolAssignments('p1', planSave(model, { included: ['g1', 'g3'], excluded: ['g4'], allDevices: false }));
    expect(calls()[0]?.method).toBe('POST');
    expect(calls()[0]?.path).toBe(`${POOLS}/p1/assign`);
    expect(graph.pool('p1')?.assignments).toHaveLength(3);
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
  const current = { include: 'old' };

  it('reads, merges and assigns; after throttling that outlasts the client it waits and repeats the whole step', async () => {
    use(current, { client: { maxRetries: 1 } });
    graph.fail({ method: 'POST', path: `${POOLS}/p1/assign`, times: 2 }, 429, 'TooManyRequests', 'slow down', { 'Retry-After': '1' });
    const phases: string[] = [];
    const waits: number[] = [];
    const outcome = await bulkAssignPool('p1', {
      set: { included: ['new'], excluded: [] },
      mode: 'add',
      onPhase: (p) => phases.push(p),
      attempts: 2,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(calls().map((c) => `${c.method} ${c.path.split('/').slice(-1)[0]}`)).toEqual([
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
    // the client's own retry of the first 429 waited its Retry-After
    expect(graph.sleeps).toEqual([1_000]);
    expect(outcome.sent).toBe(true);
  });

  it('sends nothing when the pool already has the set', async () => {
    use(current);
    const outcome = await bulkAssignPool('p1', { set: { included: ['old'], excluded: [] }, mode: 'add' });
    expect(calls()).toHaveLength(1);
    expect(outcome.sent).toBe(false);
  });

  it('does not repeat a 403', async () => {
    // A token without the write scope: Graph answers the write with its 403 (Application must have one of the following scopes…).
    use(current, { auth: fakeAuth({ account: 'reader' }) });
    await expect(bulkAssignPool('p1', { set: { included: ['new'], excluded: [] }, mode: 'replace' })).rejects.toMatchObject({ status: 403 });
    expect(calls()).toHaveLength(2);
  });
});
