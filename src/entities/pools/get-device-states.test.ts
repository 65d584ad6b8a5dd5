import { describe, expect, it } from 'vitest';
import { createFakeGraph } from '../../testing/fake-graph.ts';
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
    // One more state than Intune's largest page, so they come in two pages.
    const graph = createFakeGraph();
    graph.seedPool({ id: 'pool 1', displayName: 'Contoso Mobile', activationCodeCount: 1001, deviceStates: Array.from({ length: 1001 }, (_, i) => ({ ...row('installed', i), id: `s${String(i).padStart(4, '0')}` })) });
    const rows = await getDeviceStates('pool 1');
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 1001 }, (_, i) => `s${String(i).padStart(4, '0')}`));
    expect(graph.requests).toHaveLength(2);
    const states = 'https://graph.test/beta/deviceManagement/embeddedSIMActivationCodePools/pool%201/deviceStates';
    const first = new URL(graph.requests[0]?.url ?? '');
    expect(first.origin + first.pathname).toBe(states);
    expect(first.searchParams.get('$select')?.split(',').sort()).toEqual(
      ['createdDateTime', 'deviceName', 'id', 'lastSyncDateTime', 'modifiedDateTime', 'state', 'stateDetails', 'universalIntegratedCircuitCardIdentifier', 'userName'],
    );
    // The second page is the nextLink Graph gave.
    expect(graph.requests[1]?.url.startsWith(`${states}?`)).toBe(true);
    expect(graph.requests[1]?.query.get('$skiptoken')).toBeTruthy();
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ['createdDateTime', 'deviceName', 'id', 'lastSyncDateTime', 'modifiedDateTime', 'state', 'stateDetails', 'universalIntegratedCircuitCardIdentifier', 'userName'],
    );
  });
});
