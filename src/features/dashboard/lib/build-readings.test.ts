import { describe, expect, it } from 'vitest';
import { countStates } from '../../../entities/fleet/capacity.ts';
import type { FleetUsageEntry } from '../../../entities/fleet/fleet-usage-snapshot.ts';
import type { FailedDevicesEntry } from '../../../entities/pools/get-pool-failed-devices.ts';
import type { EmbeddedSimDeviceState } from '../../../graph/types.ts';
import { buildReadings, needsFailedRead, readProgress } from './build-readings.ts';

const usageOf = (states: EmbeddedSimDeviceState['state'][], asOf: number, failedDevices?: EmbeddedSimDeviceState[]): FleetUsageEntry => ({
  status: 'success',
  isFetching: false,
  usage: { counts: countStates(states.map((state) => ({ state }))), deviceStates: states.length, createdDateTimes: [], asOf, ...(failedDevices ? { failedDevices } : {}) },
});

const pools = [
  { id: 'a', displayName: 'A', activationCodeCount: 10 },
  { id: 'b', displayName: 'B', activationCodeCount: 10 },
  { id: 'c', displayName: 'C', activationCodeCount: 10 },
];
const failedDevice = { id: 'd1', state: 'failed', stateDetails: null } as EmbeddedSimDeviceState;
const usage = new Map<string, FleetUsageEntry>([
  ['a', usageOf(['installed', 'failed'], 2_000)],
  ['b', usageOf(['installed'], 1_000)],
  ['c', { status: 'pending', isFetching: true }],
]);
const noTargets = { deviceCounts: new Map<string, number>(), pending: false };

describe('buildReadings', () => {
  it('has counts once a pool is read, failed devices once they are read, and nothing for a pool not read', () => {
    const readings = buildReadings({ pools, usage, failed: new Map(), assignments: null, targets: noTargets });
    expect(readings.map((r) => [r.pool.id, r.counts?.installed ?? null, r.failed])).toEqual([
      ['a', 1, null],
      ['b', 1, []],
      ['c', null, null],
    ]);
    const withFailed = buildReadings({ pools, usage, failed: new Map([['a', { devices: [failedDevice] }]]), assignments: null, targets: noTargets });
    expect(withFailed[0]?.failed).toEqual([failedDevice]);
  });

  it('takes the failed devices the usage read brought (a pool of up to 1,000 codes) without a read of their own', () => {
    const brought = new Map(usage).set('a', usageOf(['installed', 'failed'], 2_000, [failedDevice]));
    const readings = buildReadings({ pools, usage: brought, failed: new Map(), assignments: null, targets: noTargets });
    expect(readings[0]?.failed).toEqual([failedDevice]);
    expect(needsFailedRead(brought.get('a'))).toBe(false);
    expect(needsFailedRead(usage.get('a'))).toBe(true);
    expect(needsFailedRead(usage.get('b'))).toBe(false);
    const done = new Map(brought).set('c', usageOf([], 3_000));
    expect(readProgress(pools.map((p) => p.id), done, new Map())).toMatchObject({ read: 3, complete: true, asOf: 1_000 });
  });

  it('adds a shortfall once the assignments and their group counts are in', () => {
    const assignments = new Map([['b', [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget' as const, groupId: 'g' } }]]]);
    const pending = buildReadings({ pools, usage, failed: new Map(), assignments, targets: { deviceCounts: new Map(), pending: true } });
    expect(pending[1]?.shortfall).toBeNull();
    const ready = buildReadings({ pools, usage, failed: new Map(), assignments, targets: { deviceCounts: new Map([['g', 30]]), pending: false } });
    // 30 targeted, 1 already has a code: 29 without one against 9 codes left.
    expect(ready[1]?.shortfall?.shortfall).toBe(20);
    expect(ready[0]?.shortfall).toBeNull();
  });
});

describe('readProgress', () => {
  const ids = pools.map((p) => p.id);

  it('counts pools read, is not complete while a read or a failing pool’s devices are awaited, and gives the oldest time', () => {
    expect(readProgress(ids, usage, new Map())).toMatchObject({ read: 2, failedReads: 0, asOf: 1_000, complete: false });
    const done = new Map(usage).set('c', usageOf([], 3_000));
    expect(readProgress(ids, done, new Map()).complete).toBe(false);
    const failed = new Map<string, FailedDevicesEntry>([['a', { devices: [failedDevice], asOf: 500 }]]);
    expect(readProgress(ids, done, failed)).toMatchObject({ read: 3, asOf: 500, complete: true });
  });

  it('counts a pool whose read failed, and keeps its error', () => {
    const boom = new Error('403');
    const failedUsage = new Map(usage).set('c', { status: 'error', isFetching: false, error: boom });
    const failed = new Map<string, FailedDevicesEntry>([['a', { error: new Error('later') }]]);
    expect(readProgress(ids, failedUsage, failed)).toMatchObject({ read: 2, failedReads: 2, complete: true });
    expect(readProgress(ids, failedUsage, new Map()).firstError).toBe(boom);
  });
});
