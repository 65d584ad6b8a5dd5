import { describe, expect, it } from 'vitest';
import { DEFAULT_LOW_THRESHOLD } from '../../../entities/fleet/capacity.ts';
import type { EmbeddedSimDeviceState } from '../../../graph/types.ts';
import { dashboardView } from './dashboard-view.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import type { PoolReading } from './fleet-model.ts';
import type { DeviceStateWording } from './wording.ts';

const wording = {
  stateLabel: {},
  reason: (d: Pick<EmbeddedSimDeviceState, 'stateDetails'>) => (d.stateDetails ? `reason ${d.stateDetails}` : 'No details'),
  advice: () => '',
} as unknown as DeviceStateWording;

const failed = (id: string, stateDetails: string | null): EmbeddedSimDeviceState => ({
  id,
  createdDateTime: '2026-11-01T00:00:00Z',
  modifiedDateTime: '2026-12-01T00:00:00Z',
  lastSyncDateTime: null,
  universalIntegratedCircuitCardIdentifier: null,
  deviceName: id,
  userName: null,
  state: 'failed',
  stateDetails,
});

const readings: PoolReading[] = [
  { pool: { id: 'a', displayName: 'Alpha Mobile', activationCodeCount: 100 }, counts: { installed: 50, failed: 2 }, failed: [failed('a1', 'NotEnoughSpace'), failed('a2', null)], shortfall: null },
  { pool: { id: 'b', displayName: 'Beta Telecom', activationCodeCount: 1000 }, counts: { installed: 10 }, failed: [], shortfall: null },
  { pool: { id: 'c', displayName: 'Alpha Backup', activationCodeCount: 10 }, counts: null, failed: null, shortfall: null },
];

describe('dashboardView', () => {
  it('shows every pool read, most urgent first, with unread pools counted apart', () => {
    const view = dashboardView(readings, DEFAULT_FILTERS, DEFAULT_LOW_THRESHOLD, wording);
    expect(view.urgency.map((r) => r.id)).toEqual(['a', 'b']);
    expect(view.unread).toBe(1);
    expect(view.totals.devices).toBe(62);
    expect(view.failed).toHaveLength(2);
  });

  it('narrows every section to pools whose name matches', () => {
    const view = dashboardView(readings, { ...DEFAULT_FILTERS, q: 'beta' }, DEFAULT_LOW_THRESHOLD, wording);
    expect(view.urgency.map((r) => r.id)).toEqual(['b']);
    expect(view.totals.devices).toBe(10);
    expect(view.failed).toEqual([]);
    expect(view.unread).toBe(0);
  });

  it('keeps only pools that need attention when asked', () => {
    const view = dashboardView(readings, { ...DEFAULT_FILTERS, pools: 'attention' }, DEFAULT_LOW_THRESHOLD, wording);
    expect(view.urgency.map((r) => r.id)).toEqual(['a']);
  });

  it('filters failed devices by reason but counts every reason for the picker', () => {
    const view = dashboardView(readings, { ...DEFAULT_FILTERS, reason: 'notenoughspace' }, DEFAULT_LOW_THRESHOLD, wording);
    expect(view.failed.map((r) => r.device.id)).toEqual(['a1']);
    expect(view.reasons.map((r) => [r.key, r.devices])).toEqual([
      ['none', 1],
      ['notenoughspace', 1],
    ]);
  });
});
