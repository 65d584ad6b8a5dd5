import { describe, expect, it } from 'vitest';
import { DEFAULT_LOW_THRESHOLD } from '../../../entities/fleet/capacity.ts';
import type { EmbeddedSimDeviceState } from '../../../graph/types.ts';
import { failedRows, reasonCounts, reasonKey, stateTotals, urgencyRows, type PoolReading } from './fleet-model.ts';

const device = (id: string, state: EmbeddedSimDeviceState['state'], stateDetails: string | null, modified: string): EmbeddedSimDeviceState => ({
  id,
  createdDateTime: '2026-11-01T00:00:00Z',
  modifiedDateTime: modified,
  lastSyncDateTime: null,
  universalIntegratedCircuitCardIdentifier: `uicc-${id}`,
  deviceName: `PC-${id}`,
  userName: null,
  state,
  stateDetails,
});

const reading = (id: string, codes: number, counts: PoolReading['counts'], failed: EmbeddedSimDeviceState[] | null = []): PoolReading => ({
  pool: { id, displayName: `pool-${id}`, activationCodeCount: codes },
  counts,
  failed: counts ? failed : null,
  shortfall: null,
});

describe('stateTotals', () => {
  it('sums the pools read so far and says how many are still to read', () => {
    const totals = stateTotals([
      reading('a', 100, { installed: 10, failed: 2 }),
      reading('b', 100, { installed: 5, notEvaluated: 3, error: 1 }),
      reading('c', 100, null),
    ]);
    expect(totals.byState.installed).toBe(15);
    expect(totals.byState.failed).toBe(2);
    expect(totals.byState.error).toBe(1);
    expect(totals.byState.notEvaluated).toBe(3);
    expect(totals.byState.deleted).toBe(0);
    expect(totals.devices).toBe(21);
    expect(totals).toMatchObject({ poolsRead: 2, poolsTotal: 3 });
    expect(totals.method).toContain('2 of 3 pools read so far');
  });

  it('says "all pools" once every pool is read, and is zero with no pools', () => {
    expect(stateTotals([reading('a', 1, {})]).method).toContain('all 1 pool');
    expect(stateTotals([])).toMatchObject({ devices: 0, poolsRead: 0, poolsTotal: 0 });
  });
});

describe('urgencyRows', () => {
  it('puts failures first, then capacity, and leaves out pools not read yet', () => {
    const rows = urgencyRows(
      [
        reading('fine', 1000, { installed: 10 }),
        reading('low', 100, { installed: 95 }),
        reading('failing', 1000, { installed: 1, failed: 1, error: 2 }),
        reading('unread', 1, null),
        reading('over', 10, { installed: 12 }),
      ],
      DEFAULT_LOW_THRESHOLD,
    );
    expect(rows.map((r) => r.id)).toEqual(['failing', 'over', 'low', 'fine']);
    expect(rows[0]?.failedDevices).toBe(3);
    expect(rows[0]?.reasons[0]).toBe('3 devices failed to get a profile');
    expect(rows[1]?.reasons).toEqual(['More devices than codes (2 devices over)']);
    expect(rows[2]?.capacity.remaining).toBe(5);
    expect(rows[3]?.reasons).toEqual([]);
  });
});

describe('failed devices and their reasons', () => {
  const readings = [
    reading('a', 10, { failed: 2 }, [device('1', 'failed', 'NotEnoughSpace: no room', '2026-12-01T00:00:00Z'), device('2', 'failed', null, '2026-12-03T00:00:00Z')]),
    reading('b', 10, { error: 1 }, [device('3', 'error', 'notenoughspace', '2026-12-02T00:00:00Z')]),
    reading('c', 10, null),
  ];

  it('lists failed devices across the pools read, newest change first, with their pool', () => {
    expect(failedRows(readings).map((r) => [r.poolId, r.device.id])).toEqual([
      ['a', '2'],
      ['b', '3'],
      ['a', '1'],
    ]);
  });

  it('keys a reason by the error name the device sent, or none', () => {
    expect(reasonKey('NotEnoughSpace: the eUICC is full')).toBe('notenoughspace');
    expect(reasonKey('  InvalidMatchingId')).toBe('invalidmatchingid');
    expect(reasonKey(null)).toBe('none');
    expect(reasonKey('   ')).toBe('none');
    expect(reasonKey('0x80070005')).toBe('none');
  });

  it('counts devices per reason, most first', () => {
    const counts = reasonCounts(failedRows(readings), (d) => (d.stateDetails ? 'No room' : 'No details'));
    expect(counts).toEqual([
      { key: 'notenoughspace', label: 'No room', devices: 2 },
      { key: 'none', label: 'No details', devices: 1 },
    ]);
  });
});
