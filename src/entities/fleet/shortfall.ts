import { formatCount, plural, wholeCount } from '../../lib/format.ts';

/**
 * Shortfall alert: the Windows devices a pool's assignments target that have
 * no device state yet, against the codes left. Graph only gives per-group
 * counts (`/groups/{id}/transitiveMembers/microsoft.graph.device/$count`), so
 * the figure is exact only for at most one included group and no exclusions:
 * - a device in several included groups counts once per group, so a sum of
 *   included counts is an upper bound;
 * - excluded groups win over included ones, but their members need not be in
 *   an included group (or be Windows devices), so subtracting their counts can
 *   take off too much: after a subtraction the result is an estimate.
 */

export interface TargetsSummary {
  /** Device members of each included group (one entry per distinct group). */
  includedGroupDeviceCounts: readonly number[];
  /** The pool has the all-devices target. */
  allDevices: boolean;
  /** Windows devices in the tenant, when known (needed with `allDevices`). */
  windowsDeviceCount?: number;
  /** Device members of each excluded group (one entry per distinct group). */
  excludedGroupDeviceCounts: readonly number[];
  /**
   * Targets left out of the counts, in plain words ("assignment filters",
   * "the all-licensed-users target", "1 group Graph gave no count for"): any
   * makes the figure an estimate, or unknown when nothing else was counted.
   */
  notCounted?: readonly string[];
}

/** exact: a count; upperBound: at most this; estimate: could be off either way; unknown: no figure. */
export type TargetedKind = 'exact' | 'upperBound' | 'estimate' | 'unknown';

export interface Shortfall {
  targeted: { value: number | null; kind: TargetedKind };
  /** Targeted devices without a device state (so without a code yet); null when unknown. */
  withoutState: number | null;
  /** Of those, how many more than the codes left; null when unknown. */
  shortfall: number | null;
  /** The alert in plain words: "about 320 devices may get no profile". */
  summary: string;
  /** One line saying how the figures were computed. */
  method: string;
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + wholeCount(x), 0);

/**
 * `devicesWithState` is the pool's device-state count (devices already given
 * a code); `remaining` its codes left (see capacity.ts).
 */
export function computeShortfall(targets: TargetsSummary, devicesWithState: number, remaining: number): Shortfall {
  const withState = wholeCount(devicesWithState);
  const left = wholeCount(remaining);
  const included = targets.includedGroupDeviceCounts;
  const excluded = targets.excludedGroupDeviceCounts;
  const notCounted = targets.notCounted ?? [];

  let base: number;
  let kind: TargetedKind;
  let baseText: string;
  if (targets.allDevices) {
    if (targets.windowsDeviceCount == null || !Number.isFinite(targets.windowsDeviceCount)) {
      return unknown("The pool targets all devices, and the number of Windows devices isn't known.");
    }
    base = wholeCount(targets.windowsDeviceCount);
    kind = 'exact';
    baseText = `all ${plural(base, 'Windows device')} (all-devices target)`;
  } else if (included.length === 0) {
    if (notCounted.length > 0) return unknown(`The pool's targets can't be counted: ${notCounted.join(', ')}.`);
    base = 0;
    kind = 'exact';
    baseText = "0 (the pool isn't assigned to a device group)";
  } else if (included.length === 1) {
    base = sum(included);
    kind = 'exact';
    baseText = `the included group's ${plural(base, 'device member')}`;
  } else {
    base = sum(included);
    kind = 'upperBound';
    baseText = `the sum of ${formatCount(included.length)} included groups' device members, ${formatCount(base)} (a device in two groups counts twice, so this is an upper bound)`;
  }

  let targeted = base;
  const parts = [`Targeted = ${baseText}`];
  const excludedSum = sum(excluded);
  if (excludedSum > 0 && base > 0) {
    targeted = Math.max(0, base - excludedSum);
    kind = 'estimate';
    const groups = excluded.length === 1 ? "the excluded group's" : `${formatCount(excluded.length)} excluded groups'`;
    parts.push(
      ` minus ${groups} ${plural(excludedSum, 'device member')} (they need not all be targeted otherwise, so this is an estimate) = ${formatCount(targeted)}`,
    );
  }
  const withoutState = Math.max(0, targeted - withState);
  const shortfall = Math.max(0, withoutState - left);
  parts.push(
    `; ${plural(withState, 'device')} already given a code, so ${formatCount(withoutState)} without one, against ${plural(left, 'remaining code')}.`,
  );
  if (notCounted.length > 0) {
    kind = 'estimate';
    parts.push(` Not counted, so this is an estimate: ${notCounted.join(', ')}.`);
  }

  return {
    targeted: { value: targeted, kind },
    withoutState,
    shortfall,
    summary: summarise(withoutState, shortfall, kind),
    method: parts.join(''),
  };
}

function unknown(method: string): Shortfall {
  return {
    targeted: { value: null, kind: 'unknown' },
    withoutState: null,
    shortfall: null,
    summary: "Can't tell whether codes will run short",
    method,
  };
}

function summarise(withoutState: number, shortfall: number, kind: TargetedKind): string {
  const qualifier = kind === 'upperBound' ? 'up to ' : kind === 'estimate' ? 'about ' : '';
  if (shortfall > 0) return capitalise(`${qualifier}${plural(shortfall, 'device')} may get no profile`);
  if (withoutState === 0) return 'No targeted device is waiting for a code';
  return `Enough codes left for the targeted devices without one (${qualifier}${formatCount(withoutState)})`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
