import type { LowThreshold } from '../../../entities/fleet/capacity.ts';
import type { FailedDevice } from '../../../entities/fleet/failed-devices.ts';
import { nameMatcher, type DashboardFilters } from './filters.ts';
import { failedRows, reasonCounts, reasonKey, stateTotals, urgencyRows, type PoolReading, type ReasonCount, type StateTotals, type UrgencyRow } from './fleet-model.ts';
import type { DeviceStateWording } from './wording.ts';

export interface DashboardView {
  totals: StateTotals;
  urgency: UrgencyRow[];
  /** Pools matching the name filter whose device states are not read yet. */
  unread: number;
  reasons: ReasonCount[];
  failed: FailedDevice[];
}

/** Everything the dashboard shows, for the pools that match the filters. */
export function dashboardView(readings: readonly PoolReading[], filters: DashboardFilters, threshold: LowThreshold, wording: DeviceStateWording): DashboardView {
  const matches = nameMatcher(filters.q);
  const shown = filters.q ? readings.filter((r) => matches(r.pool.displayName)) : readings;
  const allUrgency = urgencyRows(shown, threshold);
  const urgency = filters.pools === 'attention' ? allUrgency.filter((r) => r.reasons.length > 0) : allUrgency;
  const allFailed = failedRows(shown);
  const reasons = reasonCounts(allFailed, wording.reason);
  const failed = filters.reason ? allFailed.filter((r) => reasonKey(r.device.stateDetails) === filters.reason) : allFailed;
  return { totals: stateTotals(shown), urgency, unread: shown.length - allUrgency.length, reasons, failed };
}
