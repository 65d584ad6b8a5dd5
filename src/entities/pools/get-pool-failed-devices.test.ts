import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRAPH, json } from '../../graph/test-support.ts';
import { scriptGraph } from '../../testing/scripted-graph.ts';
import { DEFAULT_READ_PACE, setReadPace } from '../fleet/read-pacer.ts';
import { getPoolFailedDevices, poolFailedDevicesQueryOptions } from './get-pool-failed-devices.ts';
import { poolKeys } from './keys.ts';

beforeEach(() => setReadPace({ concurrency: 2, perSecond: 1000 }));
afterEach(() => setReadPace(DEFAULT_READ_PACE));

describe('pool failed devices', () => {
  it('asks Graph only for failed and errored states, with their details, following nextLink', async () => {
    const next = `${GRAPH}/beta/deviceManagement/embeddedSIMActivationCodePools/p1/deviceStates?$skiptoken=x`;
    const calls = scriptGraph(json(200, { value: [{ id: 'a', state: 'failed', stateDetails: 'NotEnoughSpace' }], '@odata.nextLink': next }), json(200, { value: [{ id: 'b', state: 'error', stateDetails: null }] }));
    const rows = await getPoolFailedDevices('p1');
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/beta/deviceManagement/embeddedSIMActivationCodePools/p1/deviceStates');
    expect(url.searchParams.get('$filter')).toBe("state eq 'failed' or state eq 'error'");
    expect(url.searchParams.get('$select')?.split(',')).toEqual(expect.arrayContaining(['stateDetails', 'deviceName', 'universalIntegratedCircuitCardIdentifier', 'modifiedDateTime']));
    expect(calls).toHaveLength(2);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('sits below the pool, with its other device-state reads', () => {
    const key = poolFailedDevicesQueryOptions('p1').queryKey;
    expect(key.slice(0, poolKeys.deviceStates('p1').length)).toEqual([...poolKeys.deviceStates('p1')]);
  });

  it('passes Graph’s error on', async () => {
    scriptGraph(json(400, { error: { code: 'BadRequest', message: 'no filter', innerError: {} } }));
    await expect(getPoolFailedDevices('p1')).rejects.toMatchObject({ status: 400 });
  });
});
