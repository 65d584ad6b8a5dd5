import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRAPH, json } from '../../graph/test-support.ts';
import { scriptGraph } from '../../testing/scripted-graph.ts';
import { DEFAULT_READ_PACE, setReadPace } from '../fleet/read-pacer.ts';
import { FAILED_DEVICE_SELECT } from './get-pool-failed-devices.ts';
import { getPoolUsage, poolUsageQueryOptions, usageFromStates, usageReadsFailedDevices } from './get-pool-usage.ts';
import { poolKeys } from './keys.ts';

beforeEach(() => setReadPace({ concurrency: 2, perSecond: 1000 }));
afterEach(() => setReadPace(DEFAULT_READ_PACE));

describe('pool usage', () => {
  it('a pool of more than 1,000 codes: reads only state and createdDateTime, 1,000 a page, following nextLink, and counts every state', async () => {
    const next = `${GRAPH}/beta/deviceManagement/embeddedSIMActivationCodePools/p%201/deviceStates?$select=state,createdDateTime&$top=1000&$skiptoken=x`;
    const calls = scriptGraph(
      json(200, { value: [{ state: 'installed', createdDateTime: '2026-11-01T00:00:00Z' }, { state: 'notEvaluated', createdDateTime: '2026-11-02T00:00:00Z' }], '@odata.nextLink': next }),
      json(200, { value: [{ state: 'failed', createdDateTime: null }] }),
    );
    const usage = await getPoolUsage('p 1', { now: () => 42 });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/beta/deviceManagement/embeddedSIMActivationCodePools/p%201/deviceStates');
    expect(url.searchParams.get('$select')).toBe('state,createdDateTime');
    expect(url.searchParams.get('$top')).toBe('1000');
    expect(calls).toHaveLength(2);
    expect(usage.deviceStates).toBe(3);
    expect(usage.counts).toMatchObject({ installed: 1, notEvaluated: 1, failed: 1, error: 0, deleted: 0 });
    expect(usage.createdDateTimes).toEqual(['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z']);
    expect(usage.asOf).toBe(42);
    expect(usage.failedDevices).toBeUndefined();
  });

  it('a pool of at most 1,000 codes: the same one read also selects the failed list’s fields and gives its failed and errored devices', async () => {
    const device = (id: string, state: string) => ({ id, state, createdDateTime: '2026-11-01T00:00:00Z', deviceName: `PC-${id}`, stateDetails: state === 'installed' ? null : 'NotEnoughSpace' });
    const calls = scriptGraph(json(200, { value: [device('a', 'installed'), device('b', 'failed'), device('c', 'error'), device('d', 'notEvaluated')] }));
    const usage = await getPoolUsage('p1', { failedDevices: true, now: () => 7 });
    const select = new URL(calls[0]?.url ?? '').searchParams.get('$select')?.split(',');
    expect(select).toEqual(expect.arrayContaining(['state', 'createdDateTime', ...FAILED_DEVICE_SELECT]));
    expect(new URL(calls[0]?.url ?? '').searchParams.get('$filter')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(usage.counts).toMatchObject({ installed: 1, failed: 1, error: 1, notEvaluated: 1 });
    expect(usage.createdDateTimes).toHaveLength(4);
    expect(usage.failedDevices?.map((d) => [d.id, d.deviceName, d.stateDetails])).toEqual([
      ['b', 'PC-b', 'NotEnoughSpace'],
      ['c', 'PC-c', 'NotEnoughSpace'],
    ]);
  });

  it('a pool of at most 1,000 codes is read with its failed devices, cached apart from the lean read', () => {
    expect(usageReadsFailedDevices({ id: 'p', activationCodeCount: 1000 })).toBe(true);
    expect(usageReadsFailedDevices({ id: 'p', activationCodeCount: 1001 })).toBe(false);
    expect(usageReadsFailedDevices({ id: 'p' })).toBe(false);
    expect(poolUsageQueryOptions({ id: 'p', activationCodeCount: 10 }).queryKey).toEqual(poolKeys.usage('p', { failedDevices: true }));
    expect(poolUsageQueryOptions({ id: 'p' }).queryKey).toEqual(poolKeys.usage('p', { failedDevices: false }));
  });

  it('a pool without device states has zero of everything', () => {
    const usage = usageFromStates([], 7);
    expect(usage.deviceStates).toBe(0);
    expect(Object.values(usage.counts).every((n) => n === 0)).toBe(true);
    expect(usage.createdDateTimes).toEqual([]);
  });

  it('passes Graph’s error on (with what and where)', async () => {
    scriptGraph(json(403, { error: { code: 'Forbidden', message: 'no', innerError: {} } }));
    await expect(getPoolUsage('p1')).rejects.toMatchObject({ status: 403 });
  });
});
