import { CSV_MIME_TYPE, csvFileName, deviceStateColumns, toCsv } from '../../../entities/fleet/csv-export.ts';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import type { EmbeddedSimDeviceState } from '../../../graph/types.ts';
import { STATE_LABEL, explainDetails } from '../components/device-state-text.ts';
import type { CsvFile } from './pools-export.ts';

const COLUMNS = deviceStateColumns({
  stateLabel: (s) => STATE_LABEL[s],
  // The reason in plain words with the device's own error name, as on screen.
  details: (r) => {
    const e = explainDetails(r.state, r.stateDetails);
    return e ? (e.code ? `${e.title} (${e.code})` : e.title) : r.stateDetails;
  },
});

/**
 * A pool's device status as the table shows it (the rows passed: filtered or
 * all). Device name, user, UICC ID (the device's eSIM chip), status, reason
 * and dates: never a code or matching ID (Graph returns neither).
 */
export function deviceStatusCsv(rows: readonly DeviceStateRow[], now: number): CsvFile {
  const full: EmbeddedSimDeviceState[] = rows.map((r) => ({ ...r, createdDateTime: r.createdDateTime ?? '', modifiedDateTime: r.modifiedDateTime ?? '' }));
  return { name: csvFileName('device-status', now), text: toCsv(COLUMNS, full), type: CSV_MIME_TYPE };
}
