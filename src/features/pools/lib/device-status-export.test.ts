import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { deviceStatusCsv } from './device-status-export.ts';

describe('device status export', () => {
  it('labels the chip "UICC ID", words states and reasons as on screen, neutralises formulas and parses back', () => {
    const file = deviceStatusCsv(
      [
        { id: '1', deviceName: '@LAPTOP', userName: '-user', universalIntegratedCircuitCardIdentifier: '89049032000000000000000000000001', state: 'failed', stateDetails: 'InvalidMatchingId', lastSyncDateTime: '2026-12-01T10:00:00Z', createdDateTime: '2026-11-01T10:00:00Z' },
        { id: '2', deviceName: 'PC, "two"', userName: null, universalIntegratedCircuitCardIdentifier: null, state: 'installed', stateDetails: null, lastSyncDateTime: null },
      ],
      Date.parse('2026-12-06T00:00:00Z'),
    );
    expect(file.name).toBe('esim-device-status-2026-12-06.csv');
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const [header, first, second] = Papa.parse<string[]>(file.text.slice(1), { newline: '\r\n' }).data;
    expect(header).toEqual(['Device name', 'User', 'UICC ID', 'Status', 'Details', 'Given a code (UTC)', 'Last changed (UTC)', 'Last check-in (UTC)']);
    expect(first?.slice(0, 6)).toEqual(["'@LAPTOP", "'-user", '89049032000000000000000000000001', 'Failed', 'The carrier rejected the activation code (InvalidMatchingId)', '2026-11-01 10:00:00']);
    expect(second?.[0]).toBe('PC, "two"');
    expect(file.text).not.toMatch(/ICCID/);
  });
});
