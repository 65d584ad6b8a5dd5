import { DEVICE_STATES, type EmbeddedSimDeviceStateValue } from '../../../graph/types.ts';

/** How an admin thinks about install status (the Intune chart: active / pending / failed / removed). */
export type StateGroup = 'installed' | 'inProgress' | 'failed' | 'removed';

export const STATE_GROUPS: readonly StateGroup[] = ['installed', 'inProgress', 'failed', 'removed'];

export const GROUP_OF_STATE: Readonly<Record<EmbeddedSimDeviceStateValue, StateGroup>> = {
  installed: 'installed',
  notEvaluated: 'inProgress',
  installing: 'inProgress',
  failed: 'failed',
  error: 'failed',
  deleting: 'removed',
  deleted: 'removed',
  removedByUser: 'removed',
};

export const GROUP_LABEL: Readonly<Record<StateGroup, string>> = {
  installed: 'Installed',
  inProgress: 'In progress',
  failed: 'Failed',
  removed: 'Removed',
};

export const GROUP_DESCRIPTION: Readonly<Record<StateGroup, string>> = {
  installed: 'The eSIM profile is on the device.',
  inProgress: 'Waiting for the device to check in, or installing.',
  failed: 'The profile could not be installed.',
  removed: 'The profile was removed, or is being removed, from the device.',
};

export const STATE_LABEL: Readonly<Record<EmbeddedSimDeviceStateValue, string>> = {
  notEvaluated: 'Waiting for check-in',
  installing: 'Installing',
  installed: 'Installed',
  failed: 'Failed',
  error: 'Error',
  deleting: 'Removing',
  deleted: 'Removed',
  removedByUser: 'Removed by user',
};

export const STATE_DESCRIPTION: Readonly<Record<EmbeddedSimDeviceStateValue, string>> = {
  notEvaluated: 'The pool applies to this device, but the device has not checked in since. It gets a profile at its next check-in.',
  installing: 'The device is downloading the profile from the carrier and installing it.',
  installed: 'The eSIM profile is installed on the device.',
  failed: 'The device could not install the profile.',
  error: 'The device reported an error while handling the profile.',
  deleting: 'The profile is being removed from the device at its next check-in.',
  deleted: 'The profile was removed from the device because the pool no longer applies to it.',
  removedByUser: 'The device user removed the profile on the device.',
};

export function groupOf(state: EmbeddedSimDeviceStateValue): StateGroup {
  return GROUP_OF_STATE[state] ?? 'failed';
}

/** The states of one group, in the order Graph declares them. */
export function statesOf(group: StateGroup): EmbeddedSimDeviceStateValue[] {
  return DEVICE_STATES.filter((s) => GROUP_OF_STATE[s] === group);
}

export type GroupCounts = Record<StateGroup, number> & { total: number };

export function countByGroup(rows: readonly { state: EmbeddedSimDeviceStateValue }[]): GroupCounts {
  const counts: GroupCounts = { installed: 0, inProgress: 0, failed: 0, removed: 0, total: 0 };
  for (const r of rows) {
    counts[groupOf(r.state)]++;
    counts.total++;
  }
  return counts;
}

/** Whole percentages that add up to 100 (largest remainder), for the chart's text equivalent. */
export function percentages(counts: GroupCounts): Record<StateGroup, number> {
  const result: Record<StateGroup, number> = { installed: 0, inProgress: 0, failed: 0, removed: 0 };
  if (counts.total === 0) return result;
  const exact = STATE_GROUPS.map((g) => ({ g, v: (counts[g] * 100) / counts.total }));
  let left = 100;
  for (const e of exact) {
    result[e.g] = Math.floor(e.v);
    left -= result[e.g];
  }
  for (const e of [...exact].sort((a, b) => (b.v % 1) - (a.v % 1))) {
    if (left <= 0) break;
    if (e.v % 1 === 0) continue;
    result[e.g]++;
    left--;
  }
  return result;
}

export interface FailureExplanation {
  /** The code the device reported (as Graph sent it), or null when it sent none. */
  code: string | null;
  /** What happened, in a few words. */
  title: string;
  /** Why, in plain words. */
  explanation: string;
  /** What the admin can do about it. */
  action: string;
}

type Known = Omit<FailureExplanation, 'code'>;

/** stateDetails values (the Windows eUICCs CSP error names) and what they mean for an admin. */
const KNOWN_DETAILS: Readonly<Record<string, Known>> = {
  invalidmatchingid: {
    title: 'The carrier rejected the activation code',
    explanation: 'The carrier’s download server did not accept the matching ID sent with the code this device was given. Graph does not say which code that was.',
    action: 'Give the carrier this device’s UICC ID (its eSIM chip) and the time of the failure, so they can find the profile it asked for. Ask for corrected codes, then replace the pool with the codes that are still unused.',
  },
  confirmationcodemissing: {
    title: 'The profile needs a confirmation code',
    explanation: 'The carrier set up this profile to ask for a confirmation code, which bulk activation cannot supply.',
    action: 'Ask the carrier to issue the profile without a confirmation code.',
  },
  profilenotreleasedbyoperator: {
    title: 'The carrier has not released this profile',
    explanation: 'The carrier has not made the profile this device was given available for download yet.',
    action: 'Ask the carrier to release the pool’s profiles; the device’s UICC ID (its eSIM chip) lets them find the one it asked for. The device tries again at its next check-in.',
  },
  remoteserverunreachable: {
    title: 'The device could not reach the carrier',
    explanation: 'The device could not connect to the carrier’s download (SM-DP+) server.',
    action: 'Check that the device is online and that firewalls or proxies allow the SM-DP+ server. The device tries again at its next check-in.',
  },
  profiledownloadfailed: {
    title: 'The profile download failed',
    explanation: 'The download from the carrier’s server started but did not complete. This is usually temporary.',
    action: 'Wait for the next check-in, when the device tries again. If it keeps failing, give the carrier the device’s UICC ID and the time of the failure.',
  },
  notenoughspace: {
    title: 'No room for another eSIM profile',
    explanation: 'The device’s eSIM chip has no space left for a new profile.',
    action: 'Remove unused eSIM profiles on the device (Settings › Network & internet › Cellular › eSIM profiles), then sync the device.',
  },
};

const FALLBACK_ACTION = 'Give the carrier the device’s UICC ID (its eSIM chip) and this code, or check the device’s event log (Microsoft › Windows › eUICCs).';

/** A plain explanation of a failed or errored device state, or null when there is nothing to explain. */
export function explainDetails(state: EmbeddedSimDeviceStateValue, stateDetails: string | null): FailureExplanation | null {
  const code = stateDetails?.trim() || null;
  if (code) {
    const key = /^[A-Za-z]+/.exec(code)?.[0].toLowerCase() ?? '';
    const known = KNOWN_DETAILS[key];
    if (known) return { code, ...known };
    if (groupOf(state) !== 'failed') return null;
    return { code, title: humanise(code), explanation: 'The device reported this code.', action: FALLBACK_ACTION };
  }
  if (groupOf(state) !== 'failed') return null;
  return {
    code: null,
    title: 'No details from the device',
    explanation: 'The device reported a failure without a reason.',
    action: 'Sync the device to try again. If it keeps failing, give the carrier the device’s UICC ID (its eSIM chip).',
  };
}

/** The error name a device reported ("NotEnoughSpace: the eUICC…" → "NotEnoughSpace"), for support tickets. */
export function codeName(code: string): string {
  return /^[A-Za-z][A-Za-z0-9]*/.exec(code.trim())?.[0] ?? code.trim();
}

/** "SomeErrorName" → "Some error name". */
function humanise(code: string): string {
  const words = code.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
