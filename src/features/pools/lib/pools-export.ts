import { toCsv, csvFileName, CSV_MIME_TYPE } from '../../../entities/fleet/csv-export.ts';
import { FLEET_COLUMNS, type FleetRow } from '../../../entities/fleet/fleet-export.ts';
import type { PoolRow } from './pool-rows.ts';

/** The list's export leaves out the shortfall columns: the list does not read every pool's assignments. */
const LIST_COLUMNS = FLEET_COLUMNS.filter((c) => !/profile|That figure|Shortfall/.test(c.header));

export interface CsvFile {
  name: string;
  text: string;
  type: string;
}

/** The pools with their capacity and forecast (counted rows only), as the console shows them. */
export function poolsCsv(rows: readonly PoolRow[], now: number): CsvFile {
  const counted: FleetRow[] = [];
  for (const r of rows) {
    if (!r.capacity) continue;
    counted.push({ displayName: r.displayName, createdDateTime: r.createdDateTime, capacity: r.capacity, failedDevices: r.failedDevices ?? 0, shortfall: null, burn: r.burn });
  }
  return { name: csvFileName('pools', now), text: toCsv(LIST_COLUMNS, counted), type: CSV_MIME_TYPE };
}
