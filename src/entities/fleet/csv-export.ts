import Papa from 'papaparse';
import type { EmbeddedSimDeviceState, EmbeddedSimDeviceStateValue } from '../../graph/types.ts';

/**
 * CSV exports that open cleanly in Excel: UTF-8 with a byte-order mark (or
 * Excel guesses the ANSI code page and mangles names), CRLF line ends,
 * RFC 4180 quoting (papaparse's `unparse`), and formula neutralisation: a text
 * cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
 * spreadsheet shows it instead of running it (CSV injection). Numbers are
 * written as numbers, so a negative count stays a number.
 *
 * Exports never carry secrets: Graph never returns activation codes, and the
 * column sets here read only the named, non-secret fields of their rows.
 */

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

export const CSV_BOM = '\uFEFF';
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/**
 * papaparse's own `escapeFormulae: true` pattern is `/^[=+\-@\t\r].*$/`: without
 * the `s` flag `.*$` cannot cross a line break, so "=cmd|…\n…" in a multi-line
 * cell slips through. Testing only the first character closes that.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => cell(c.value(row)))),
    },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false, header: true },
  );
  // With no rows papaparse still ends the header with a line break; drop it so
  // every export ends the same way (no trailing line break).
  return CSV_BOM + (rows.length === 0 ? csv.replace(/\r\n$/, '') : csv);
}

function cell(v: CsvCell): CsvCell {
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

/** An ISO 8601 instant as "2026-12-06 12:00:00" (UTC), which Excel reads as a date and time; '' when missing or bad. */
export function excelUtc(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

export interface DeviceStateColumnOptions {
  /** The state as the console words it (default: Graph's value). */
  stateLabel?: (state: EmbeddedSimDeviceStateValue) => string;
  /** The failure reason in plain words (default: `stateDetails` as the device sent it). */
  details?: (row: EmbeddedSimDeviceState) => string | null;
}

/**
 * Device-state columns. `universalIntegratedCircuitCardIdentifier` is the
 * device's eSIM chip, not the profile's ICCID from the carrier file, so it is
 * labelled "UICC ID".
 */
export function deviceStateColumns(options: DeviceStateColumnOptions = {}): CsvColumn<EmbeddedSimDeviceState>[] {
  const stateLabel = options.stateLabel ?? ((s) => s);
  const details = options.details ?? ((r) => r.stateDetails);
  return [
    { header: 'Device name', value: (r) => r.deviceName },
    { header: 'User', value: (r) => r.userName },
    { header: 'UICC ID', value: (r) => r.universalIntegratedCircuitCardIdentifier },
    { header: 'Status', value: (r) => stateLabel(r.state) },
    { header: 'Details', value: (r) => details(r) },
    { header: 'Given a code (UTC)', value: (r) => excelUtc(r.createdDateTime) },
    { header: 'Last changed (UTC)', value: (r) => excelUtc(r.modifiedDateTime) },
    { header: 'Last check-in (UTC)', value: (r) => excelUtc(r.lastSyncDateTime) },
  ];
}

/** A file name for an export: "esim-devices-2026-12-06.csv" (UTC day; no pool names or ids). */
export function csvFileName(subject: string, now: number): string {
  const safe = subject.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return `esim-${safe}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
