import { CSV_MIME_TYPE, csvFileName, toCsv } from '../../../entities/fleet/csv-export.ts';
import { failedDeviceColumns, type FailedDevice } from '../../../entities/fleet/failed-devices.ts';
import type { DeviceStateWording } from './wording.ts';

/**
 * The dashboard's failed-devices list as a CSV file that opens cleanly in
 * Excel (entities/fleet/csv-export.ts: UTF-8 BOM, CRLF, formula cells
 * neutralised). The columns are the named, non-secret fields of a device
 * state: Graph never returns activation codes or matching IDs, so no export
 * can hold one.
 */
export function failedDevicesCsv(rows: readonly FailedDevice[], wording: DeviceStateWording): string {
  const columns = failedDeviceColumns({
    stateLabel: (s) => wording.stateLabel[s],
    details: (d) => (d.stateDetails?.trim() ? `${wording.reason(d)} (the device sent: ${d.stateDetails.trim()})` : wording.reason(d)),
  });
  columns.push({ header: 'What to do', value: (r) => wording.advice(r.device) });
  return toCsv(columns, rows);
}

export function failedDevicesFile(rows: readonly FailedDevice[], wording: DeviceStateWording, now: number): { name: string; blob: Blob } {
  return { name: csvFileName('failed-devices', now), blob: new Blob([failedDevicesCsv(rows, wording)], { type: CSV_MIME_TYPE }) };
}

/**
 * Saves a file from memory: an object URL that names the Blob (the data stays
 * in memory and never goes into a URL), clicked from a detached link, revoked
 * right after.
 */
export function saveFile({ name, blob }: { name: string; blob: Blob }): void {
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    a.click();
  } finally {
    // Chromium and Firefox start the download synchronously on click; revoke on the next task to be safe.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
