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
  const rows: FailedDevice[] = [];
  for (const { pool, deviceStates } of pools) {
    for (const device of deviceStates) if (isFailed(device.state)) rows.push({ poolId: pool.id, poolName: pool.displayName, device });
  }
  return rows.sort(
    (a, b) =>
      time(b.device.modifiedDateTime) - time(a.device.modifiedDateTime) ||
      NAME_ORDER.compare(a.poolName, b.poolName) ||
      NAME_ORDER.compare(a.device.deviceName ?? '', b.device.deviceName ?? '') ||
      (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : 0),
  );
}

/** CSV columns for the list: the pool's name, then the device-state columns. */
export function failedDeviceColumns(options: DeviceStateColumnOptions = {}): CsvColumn<FailedDevice>[] {
  return [
    { header: 'Pool', value: (r) => r.poolName },
    ...deviceStateColumns(options).map((c) => ({ header: c.header, value: (r: FailedDevice) => c.value(r.device) })),
  ];
}
