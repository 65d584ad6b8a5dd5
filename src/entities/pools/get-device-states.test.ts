import { describe, expect, it } from 'vitest';
import { configureGraph } from '../../graph/client.ts';
import { GRAPH, fakeFetch, json } from '../../graph/test-support.ts';
import {
  DEVICE_STATES_POLL_LARGE_MS,
  DEVICE_STATES_POLL_MS,
  deviceStatesRefetchInterval,
  getDeviceStates,
  type DeviceStateRow,
} from './get-device-states.ts';

const row = (state: DeviceStateRow['state'], i = 0): DeviceStateRow => ({
  id: `s${i}`,
  deviceName: `DEV-${i}`,
  userName: null,
  universalIntegratedCircuitCardIdentifier: null,
  state,
  stateDetails: null,
  lastSyncDateTime: null,
});

describe('deviceStatesRefetchInterval', () => {
  it('returns false when nothing is in progress', () => {
    expect(deviceStatesRefetchInterval([row('installed'), row('failed'), row('error'), row('deleted'), row('removedByUser')])).toBe(false);
    expect(deviceStatesRefetchInterval([])).toBe(false);
    expect(deviceStatesRefetchInterval(undefined)).toBe(false);
  });

  it('polls every 15 s while a device waits, installs or is being removed', () => {
    expect(DEVICE_STATES_POLL_MS).toBe(15_000);
    expect(deviceStatesRefetchInterval([row('installed'), row('installing')])).toBe(15_000);
    expect(deviceStatesRefetchInterval([row('notEvaluated')])).toBe(15_000);
    expect(deviceStatesRefetchInterval([row('deleting')])).toBe(15_000);
  });

  it('stops polling after a failed refresh, and polls a very large pool less often', () => {
    expect(deviceStatesRefetchInterval([row('installing')], true)).toBe(false);
    const many = Array.from({ length: 2001 }, (_, i) => row(i === 0 ? 'installing' : 'installed', i));
    expect(deviceStatesRefetchInterval(many)).toBe(DEVICE_STATES_POLL_LARGE_MS);
  });
});

describe('getDeviceStates', () => {
  it('selects only the shown columns and reads every page', async () => {
    const states = `${GRAPH}/beta/deviceManagement/embeddedSIMActivationCodePools/pool%201/deviceStates`;
    const fake = fakeFetch(
      json(200, { value: [row('installed', 0), row('installing', 1)], '@odata.nextLink': `${states}?$skiptoken=2` }),
      json(200, { value: [row('failed', 2)] }),
    );
    configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('token'), fetch: fake.fetch, sleep: () => Promise.resolve(), maxRetries: 0 });
    const rows = await getDeviceStates('pool 1');
    expect(rows.map((r) => r.id)).toEqual(['s0', 's1', 's2']);
    expect(fake.calls).toHaveLength(2);
    const first = new URL(fake.calls[0]?.url ?? '');
    expect(first.origin + first.pathname).toBe(states);
    expect(first.searchParams.get('$select')?.split(',').sort()).toEqual(
      ['createdDateTime', 'deviceName', 'id', 'lastSyncDateTime', 'modifiedDateTime', 'state', 'stateDetails', 'universalIntegratedCircuitCardIdentifier', 'userName'],
    );
    expect(fake.calls[1]?.url).toBe(`${states}?$skiptoken=2`);
  });
});
