import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FailedDevice } from '../../../entities/fleet/failed-devices.ts';
import { DEVICE_STATES, type EmbeddedSimDeviceState, type EmbeddedSimDeviceStateValue } from '../../../graph/types.ts';
import { failedDevicesCsv } from './export-failed.ts';
import type { DeviceStateWording } from './wording.ts';

/**
 * Stands in for the wording the app passes in (the pools feature owns the real
 * text): a label of its own per state, so the rows show the export used it.
 */
const wording: DeviceStateWording = {
  stateLabel: Object.fromEntries(DEVICE_STATES.map((s) => [s, `Label of ${s}`])) as Record<EmbeddedSimDeviceStateValue, string>,
  reason: (d) => (d.stateDetails ? 'No room for another eSIM profile' : 'No details from the device'),
  advice: () => 'Remove unused profiles',
};

const device = (over: Partial<EmbeddedSimDeviceState>): EmbeddedSimDeviceState => ({
  id: 'd1',
  createdDateTime: '2026-11-01T08:00:00Z',
  modifiedDateTime: '2026-12-01T09:30:00Z',
  lastSyncDateTime: null,
  universalIntegratedCircuitCardIdentifier: '89049032000001000000000000000001',
  deviceName: 'PC-1',
  userName: 'megan@contoso.example',
  state: 'failed',
  stateDetails: 'NotEnoughSpace',
  ...over,
});

const rows: FailedDevice[] = [
  { poolId: 'p1', poolName: '=HYPERLINK("http://evil")', device: device({}) },
  { poolId: 'p2', poolName: 'beta, "mobile"', device: device({ id: 'd2', deviceName: '@SUM(A1)', state: 'error', stateDetails: null }) },
];

describe('failed devices export', () => {
  const csv = failedDevicesCsv(rows, wording);

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('parses back to the same rows, with the reason in plain words and formula cells neutralised', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([
      'Pool',
      'Device name',
      'User',
      'UICC ID',
      'Status',
      'Details',
      'Given a code (UTC)',
      'Last changed (UTC)',
      'Last check-in (UTC)',
      'What to do',
    ]);
    expect(parsed[1]).toEqual([
      `'=HYPERLINK("http://evil")`,
      'PC-1',
      'megan@contoso.example',
      '89049032000001000000000000000001',
      'Label of failed',
      'No room for another eSIM profile (the device sent: NotEnoughSpace)',
      '2026-11-01 08:00:00',
      '2026-12-01 09:30:00',
      '',
      'Remove unused profiles',
    ]);
    expect(parsed[2]?.slice(0, 6)).toEqual(['beta, "mobile"', "'@SUM(A1)", 'megan@contoso.example', '89049032000001000000000000000001', 'Label of error', 'No details from the device']);
  });

  it('has no id column and never the word ICCID', () => {
    expect(csv).not.toMatch(/\bICCID\b/);
    expect(csv).not.toContain('p1');
    expect(csv).not.toContain('d2');
  });
});
