import type { BurnRate } from './burn-rate.ts';
import type { Capacity } from './capacity.ts';
import { excelUtc, type CsvColumn } from './csv-export.ts';
import type { Shortfall, TargetedKind } from './shortfall.ts';

/**
 * CSV columns for the fleet view's pool list. Every figure is followed by a
 * column saying how it was computed, as on screen. Pool ids are left out:
 * the file is for people, and a pool's name is what they know it by.
 */

export interface FleetRow {
  displayName: string;
  createdDateTime: string;
  capacity: Capacity;
  failedDevices: number;
  /** null while the group counts are loading or could not be read. */
  shortfall: Shortfall | null;
  /** null while the device states are loading. */
  burn: BurnRate | null;
}

const KIND_WORD: Readonly<Record<TargetedKind, string>> = { exact: 'exact', upperBound: 'upper bound', estimate: 'estimate', unknown: 'unknown' };

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const FLEET_COLUMNS: readonly CsvColumn<FleetRow>[] = [
  { header: 'Pool', value: (r) => r.displayName },
  { header: 'Created (UTC)', value: (r) => excelUtc(r.createdDateTime) },
  { header: 'Codes', value: (r) => r.capacity.total },
  { header: 'Given out', value: (r) => r.capacity.givenOut },
  { header: 'Not used yet', value: (r) => r.capacity.pending },
  { header: 'Remaining', value: (r) => r.capacity.remaining },
  { header: 'More devices than codes', value: (r) => r.capacity.overdrawnBy },
  { header: 'Low on codes', value: (r) => (r.capacity.low ? 'Yes' : 'No') },
  { header: 'Remaining: how computed', value: (r) => r.capacity.method },
  { header: 'Failed devices', value: (r) => r.failedDevices },
  { header: 'Devices that may get no profile', value: (r) => r.shortfall?.shortfall ?? null },
  { header: 'That figure is', value: (r) => (r.shortfall ? KIND_WORD[r.shortfall.targeted.kind] : null) },
  { header: 'Shortfall: how computed', value: (r) => r.shortfall?.method ?? null },
  { header: 'Codes per week', value: (r) => (r.burn ? Math.round(r.burn.perWeek * 10) / 10 : null) },
  { header: 'Runs out (UTC day)', value: (r) => (r.burn?.runOutAt != null ? utcDay(r.burn.runOutAt) : null) },
  { header: 'Forecast: how computed', value: (r) => r.burn?.method ?? null },
];
