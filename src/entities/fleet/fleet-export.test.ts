import { describe, expect, it } from 'vitest';
import { computeBurnRate } from './burn-rate.ts';
import { computeCapacity } from './capacity.ts';
import { toCsv } from './csv-export.ts';
import { FLEET_COLUMNS, type FleetRow } from './fleet-export.ts';
import { computeShortfall } from './shortfall.ts';

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;

describe('FLEET_COLUMNS', () => {
  it('writes each figure next to how it was computed', () => {
    const capacity = computeCapacity({ activationCodeCount: 100 }, { installed: 60 });
    const row: FleetRow = {
      displayName: '-Contoso',
      createdDateTime: '2026-01-01T00:00:00Z',
      capacity,
      failedDevices: 2,
      shortfall: computeShortfall({ includedGroupDeviceCounts: [80, 40], allDevices: false, excludedGroupDeviceCounts: [] }, 60, capacity.remaining),
      burn: computeBurnRate(Array.from({ length: 30 }, () => new Date(NOW - DAY).toISOString()), { remaining: capacity.remaining, now: NOW }),
    };
    const [header, line] = toCsv(FLEET_COLUMNS, [row]).slice(1).split('\r\n');
    expect(header).toBe(
      'Pool,Created (UTC),Codes,Given out,Not used yet,Remaining,More devices than codes,Low on codes,Remaining: how computed,Failed devices,Devices that may get no profile,That figure is,Shortfall: how computed,Codes per week,Runs out (UTC day),Forecast: how computed',
    );
    expect(line).toMatch(/^"'-Contoso",2026-01-01 00:00:00,100,60,0,40,0,No,Remaining = 100 codes − 60 devices given a code \(device states\)\. Graph/);
    expect(line).toContain(',2,20,upper bound,"Targeted = the sum of 2 included groups');
    // 30 in 30 days = 7 per week; 40 left ≈ 5.7 weeks = 40 days
    expect(line).toContain(',7,2027-01-15,30 devices given a code in the last 30 days = 7 per week;');
  });

  it('leaves figures that are still loading empty', () => {
    const row: FleetRow = { displayName: 'P', createdDateTime: '', capacity: computeCapacity({ activationCodeCount: 0 }, {}), failedDevices: 0, shortfall: null, burn: null };
    expect(toCsv(FLEET_COLUMNS, [row]).split('\r\n')[1]).toMatch(/,0,,,,,,$/);
  });

  it('has no column for codes, matching IDs or pool ids', () => {
    expect(FLEET_COLUMNS.map((c) => c.header).join('|')).not.toMatch(/activation|matching|iccid|\bid\b/i);
  });
});
