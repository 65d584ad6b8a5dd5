import type { EmbeddedSimDeviceState, EmbeddedSimDeviceStateValue } from '../../graph/types.ts';
import { deviceStateColumns, type CsvColumn, type DeviceStateColumnOptions } from './csv-export.ts';

/**
 * The dashboard's failed-devices list across pools: every device state in
 * `failed` or `error`, with the pool it belongs to. The reason in plain words
 * comes from the caller (the pools feature's `explainDetails` today).
 */

export const FAILED_STATES: readonly EmbeddedSimDeviceStateValue[] = ['failed', 'error'];

export interface FailedDevice {
  poolId: string;
  poolName: string;
  device: EmbeddedSimDeviceState;
}

export function isFailed(state: EmbeddedSimDeviceStateValue): boolean {
  return FAILED_STATES.includes(state);
}

const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const time = (iso: string | null | undefined) => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
};

/** Failed devices of all pools, most recently changed first, then by pool, device name and id. */
export function failedDevices(
  pools: readonly { pool: { id: string; displayName: string }; deviceStates: readonly EmbeddedSimDeviceState[] }[],
): FailedDevice[] {
  // Each row's time is parsed once (not once per comparison): thousands of rows sort in milliseconds.
  const rows: { row: FailedDevice; t: number }[] = [];
  for (const { pool, deviceStates } of pools) {
    for (const device of deviceStates) if (isFailed(device.state)) rows.push({ row: { poolId: pool.id, poolName: pool.displayName, device }, t: time(device.modifiedDateTime) });
  }
  return rows
    .sort(
      (a, b) =>
        b.t - a.t ||
        NAME_ORDER.compare(a.row.poolName, b.row.poolName) ||
        NAME_ORDER.compare(a.row.device.deviceName ?? '', b.row.device.deviceName ?? '') ||
        (a.row.device.id < b.row.device.id ? -1 : a.row.device.id > b.row.device.id ? 1 : 0),
    )
    .map((r) => r.row);
}

/** CSV columns for the list: the pool's name, then the device-state columns. */
export function failedDeviceColumns(options: DeviceStateColumnOptions = {}): CsvColumn<FailedDevice>[] {
  return [
    { header: 'Pool', value: (r) => r.poolName },
    ...deviceStateColumns(options).map((c) => ({ header: c.header, value: (r: FailedDevice) => c.value(r.device) })),
  ];
}
