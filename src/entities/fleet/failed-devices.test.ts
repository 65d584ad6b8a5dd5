import { describe, expect, it } from 'vitest';
import { DEVICE_STATES, type EmbeddedSimDeviceState } from '../../graph/types.ts';
import { toCsv } from './csv-export.ts';
import { failedDeviceColumns, failedDevices, isFailed } from './failed-devices.ts';

const ds = (id: string, p: Partial<EmbeddedSimDeviceState> = {}): EmbeddedSimDeviceState => ({
  id,
  createdDateTime: '2026-11-01T00:00:00Z',
  modifiedDateTime: '2026-11-02T00:00:00Z',
  lastSyncDateTime: null,
  universalIntegratedCircuitCardIdentifier: null,
  deviceName: `DEV-${id}`,
  userName: null,
  state: 'failed',
  stateDetails: null,
  ...p,
});

describe('failedDevices', () => {
  it('keeps failed and error states from every pool, newest change first', () => {
    const rows = failedDevices([
      { pool: { id: 'p1', displayName: 'Pool A' }, deviceStates: [ds('1', { state: 'installed' }), ds('2', { modifiedDateTime: '2026-11-05T00:00:00Z' })] },
      { pool: { id: 'p2', displayName: 'Pool B' }, deviceStates: [ds('3', { state: 'error', modifiedDateTime: '2026-11-06T00:00:00Z' }), ds('4', { state: 'notEvaluated' })] },
    ]);
    expect(rows.map((r) => [r.poolId, r.device.id])).toEqual([
      ['p2', '3'],
      ['p1', '2'],
    ]);
  });

  it('orders equal times by pool name, then device name, then id', () => {
    const rows = failedDevices([
      { pool: { id: 'p2', displayName: 'pool b' }, deviceStates: [ds('9', { deviceName: 'A' })] },
      { pool: { id: 'p1', displayName: 'Pool A' }, deviceStates: [ds('8', { deviceName: 'Z' }), ds('7', { deviceName: null }), ds('6', { deviceName: 'Z' })] },
    ]);
    expect(rows.map((r) => r.device.id)).toEqual(['7', '6', '8', '9']);
  });

  it('is empty with no pools or no failures', () => {
    expect(failedDevices([])).toEqual([]);
    expect(failedDevices([{ pool: { id: 'p', displayName: 'P' }, deviceStates: [] }])).toEqual([]);
  });

  it('counts exactly failed and error as failed', () => {
    expect(DEVICE_STATES.filter(isFailed)).toEqual(['failed', 'error']);
  });
});

describe('failedDeviceColumns', () => {
  it('puts the pool first and the reason it is given in Details', () => {
    const rows = failedDevices([{ pool: { id: 'p', displayName: 'Pool, A' }, deviceStates: [ds('1', { stateDetails: 'NotEnoughSpace' })] }]);
    const csv = toCsv(failedDeviceColumns({ details: (d) => `Reason for ${d.stateDetails}` }), rows);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFPool,Device name,User,UICC ID,Status,Details,Given a code (UTC),Last changed (UTC),Last check-in (UTC)',
      '"Pool, A",DEV-1,,,failed,Reason for NotEnoughSpace,2026-11-01 00:00:00,2026-11-02 00:00:00,',
    ]);
  });
});
