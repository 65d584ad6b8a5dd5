import { formatCount } from '../../../components/format.ts';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { codeName, explainDetails, groupOf, type FailureExplanation, type StateGroup } from '../components/device-state-text.ts';

/** "1 device", "12 devices". */
export const devices = (n: number) => `${formatCount(n)} ${n === 1 ? 'device' : 'devices'}`;

/** Whether a device is in the chosen status group and its device, user or ICCID contains the (lower-cased) needle. */
export function matchesDeviceFilter(row: DeviceStateRow, group: StateGroup | null, needle: string): boolean {
  if (group && groupOf(row.state) !== group) return false;
  if (!needle) return true;
  return [row.deviceName, row.userName, row.universalIntegratedCircuitCardIdentifier].some((v) => v?.toLocaleLowerCase().includes(needle));
}

export interface FailureReason {
  why: FailureExplanation;
  count: number;
  /** The error names devices reported for this reason. */
  codes: Set<string>;
}

/** Failed devices grouped by what they reported, most frequent first. */
export function failureReasons(rows: readonly DeviceStateRow[]): FailureReason[] {
  const byKey = new Map<string, FailureReason>();
  for (const r of rows) {
    if (groupOf(r.state) !== 'failed') continue;
    const why = explainDetails(r.state, r.stateDetails);
    if (!why) continue;
    const key = why.title;
    const reason = byKey.get(key) ?? { why, count: 0, codes: new Set<string>() };
    reason.count++;
    if (why.code) reason.codes.add(codeName(why.code));
    byKey.set(key, reason);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}
