/**
 * Seeds are dated relative to SEED_BASE_DATE. With `seedDates: 'recent'` the
 * engine moves a fresh seed forward by whole days so that its base date is the
 * latest one at or before the clock: "the last 30 days" then hold activity for
 * a fleet view, whatever day the emulator starts. The shift is the same for
 * every date, so curves, orders and invariants are unchanged.
 */
import { directoryDate, intuneDate } from './context.ts';
import { DAY, SEED_BASE_DATE } from './device-generator.ts';
import type { DeviceStateRecord } from './model.ts';
import type { StoreData } from './store.ts';

/** Whole days from the seed's base date to the latest same time of day at or before `nowMs` (never negative). */
export function seedShiftFor(nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - SEED_BASE_DATE) / DAY)) * DAY;
}

const moveIntune = (value: string, by: number): string => intuneDate(Date.parse(value) + by);

export function shiftState(state: DeviceStateRecord, by: number): void {
  state.createdDateTime = moveIntune(state.createdDateTime, by);
  state.modifiedDateTime = moveIntune(state.modifiedDateTime, by);
  if (state.lastSyncDateTime !== null) state.lastSyncDateTime = moveIntune(state.lastSyncDateTime, by);
}

/** Moves every date of freshly built seed data by `by` ms (pending states remember it; see statesOf). */
export function shiftSeed(data: StoreData, by: number): StoreData {
  if (by === 0) return data;
  for (const group of data.groups) group.createdDateTime = directoryDate(Date.parse(group.createdDateTime) + by);
  for (const pool of data.pools) {
    pool.createdDateTime = moveIntune(pool.createdDateTime, by);
    pool.modifiedDateTime = moveIntune(pool.modifiedDateTime, by);
    pool.deviceStates.forEach((s) => shiftState(s, by));
    if (pool.pendingStates) pool.pendingStates.shiftMs = (pool.pendingStates.shiftMs ?? 0) + by;
  }
  for (const event of data.auditEvents ?? []) event.activityDateTime = moveIntune(event.activityDateTime, by);
  return data;
}
