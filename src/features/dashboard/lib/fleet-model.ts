import { computeCapacity, type Capacity, type LowThreshold, type StateCounts } from '../../../entities/fleet/capacity.ts';
import { failedDevices, type FailedDevice } from '../../../entities/fleet/failed-devices.ts';
import { formatCount, plural, wholeCount } from '../../../lib/format.ts';
import type { Shortfall } from '../../../entities/fleet/shortfall.ts';
import { byUrgency, failedCount, urgencyReasons, type PoolUrgencyInput } from '../../../entities/fleet/urgency.ts';
import { DEVICE_STATES, type EmbeddedSimDeviceState, type EmbeddedSimDeviceStateValue } from '../../../graph/types.ts';

/**
 * The dashboard's figures from what has been read so far. Graph has no
 * tenant-wide list of device states, so each pool is read on its own; a pool
 * not read yet (`counts: null`) is left out of every figure and counted as
 * "not read yet", never as zero.
 */

export interface PoolReading {
  pool: { id: string; displayName: string; activationCodeCount: number };
  /** Device states by state; null until the pool's device states are read. */
  counts: StateCounts | null;
  /** The pool's devices in the `failed` or `error` state; null until read. */
  failed: readonly EmbeddedSimDeviceState[] | null;
  /** null while the pool's targets are being counted, or when they could not be. */
  shortfall: Shortfall | null;
  /** The pool was made by a replace (its capacity figure says what it assumes). */
  fromReplace?: boolean;
}

export interface StateTotals {
  byState: Record<EmbeddedSimDeviceStateValue, number>;
  devices: number;
  poolsRead: number;
  poolsTotal: number;
  /** One line saying how the totals were computed. */
  method: string;
}

export function stateTotals(readings: readonly PoolReading[]): StateTotals {
  const byState = Object.fromEntries(DEVICE_STATES.map((s) => [s, 0])) as Record<EmbeddedSimDeviceStateValue, number>;
  let poolsRead = 0;
  for (const r of readings) {
    if (!r.counts) continue;
    poolsRead++;
    for (const s of DEVICE_STATES) byState[s] += wholeCount(r.counts[s]);
  }
  const devices = DEVICE_STATES.reduce((a, s) => a + byState[s], 0);
  const of = poolsRead === readings.length ? `all ${plural(readings.length, 'pool')}` : `${formatCount(poolsRead)} of ${plural(readings.length, 'pool')} read so far`;
  return {
    byState,
    devices,
    poolsRead,
    poolsTotal: readings.length,
    method: `Sum of each pool's device states by install state (one device state per device given a code), over ${of}.`,
  };
}

export interface UrgencyRow extends PoolUrgencyInput {
  capacity: Capacity;
  shortfall: Shortfall | null;
  /** Why the pool is where it is, most urgent first; empty when nothing needs attention. */
  reasons: string[];
}

/** Pools read so far, most urgent first (see entities/fleet/urgency.ts). */
export function urgencyRows(readings: readonly PoolReading[], threshold: LowThreshold): UrgencyRow[] {
  const rows: UrgencyRow[] = [];
  for (const r of readings) {
    if (!r.counts) continue;
    const capacity = computeCapacity(r.pool, r.counts, { threshold, fromReplace: r.fromReplace === true });
    const row: UrgencyRow = { id: r.pool.id, displayName: r.pool.displayName, failedDevices: failedCount(r.counts), capacity, shortfall: r.shortfall, reasons: [] };
    row.reasons = urgencyReasons(row);
    rows.push(row);
  }
  return byUrgency(rows);
}

/** Failed devices of the pools read so far, most recently changed first. */
export function failedRows(readings: readonly PoolReading[]): FailedDevice[] {
  return failedDevices(readings.flatMap((r) => (r.failed ? [{ pool: r.pool, deviceStates: r.failed }] : [])));
}

/**
 * A failure's reason as a short, URL-safe key: the error name the device
 * reported ("NotEnoughSpace: …" → "notenoughspace"), or "none" when it sent
 * none. The words shown for it come from the reason's explanation.
 */
export function reasonKey(stateDetails: string | null | undefined): string {
  const name = /^[A-Za-z][A-Za-z0-9]*/.exec(stateDetails?.trim() ?? '')?.[0];
  return name ? name.toLowerCase().slice(0, 64) : 'none';
}

export interface ReasonCount {
  key: string;
  label: string;
  devices: number;
}

/** Failed devices per reason, most devices first (then by label). */
export function reasonCounts(rows: readonly FailedDevice[], label: (device: EmbeddedSimDeviceState) => string): ReasonCount[] {
  const byKey = new Map<string, ReasonCount>();
  for (const { device } of rows) {
    const key = reasonKey(device.stateDetails);
    const entry = byKey.get(key) ?? { key, label: label(device), devices: 0 };
    entry.devices++;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.devices - a.devices || a.label.localeCompare(b.label, 'en'));
}
