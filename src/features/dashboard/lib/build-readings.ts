import type { FleetUsageEntry } from '../../../entities/fleet/fleet-usage-snapshot.ts';
import { failedCount } from '../../../entities/fleet/urgency.ts';
import { shortfallFor, type TargetCounts } from '../../../entities/fleet/use-target-counts.ts';
import type { FailedDevicesEntry } from '../../../entities/pools/get-pool-failed-devices.ts';
import type { AssignmentTarget } from '../../../graph/types.ts';
import type { PoolReading } from './fleet-model.ts';

export interface ReadingSources {
  pools: readonly { id: string; displayName: string; activationCodeCount: number }[];
  /** Each pool's usage read (entities/fleet/use-fleet-usage.ts). */
  usage: ReadonlyMap<string, FleetUsageEntry>;
  /** Failed devices of the pools whose usage shows failures. */
  failed: ReadonlyMap<string, FailedDevicesEntry>;
  /** Each pool's assignments; null while they load (or could not be read). */
  assignments: ReadonlyMap<string, readonly { target: AssignmentTarget }[]> | null;
  targets: TargetCounts;
  /** Pools made by a replace (by id): their capacity figure says what it assumes. */
  replaced?: Readonly<Record<string, unknown>>;
}

/** Whether a pool's usage shows failed or errored devices. */
function hasFailures(entry: FleetUsageEntry | undefined): boolean {
  return entry?.usage ? failedCount(entry.usage.counts) > 0 : false;
}

/** Whether a pool's failed devices need a read of their own: its usage shows some and did not bring them (a pool of over 1,000 codes). */
export function needsFailedRead(entry: FleetUsageEntry | undefined): boolean {
  return hasFailures(entry) && !entry?.usage?.failedDevices;
}

/**
 * One reading per pool from what has arrived so far: counts once its usage
 * is read; its failed devices with the usage when it brought them, else once
 * they are read ([] at once when the usage shows none); a shortfall once its assignments and their group counts are in.
 */
export function buildReadings({ pools, usage, failed, assignments, targets, replaced = {} }: ReadingSources): PoolReading[] {
  return pools.map((pool) => {
    const u = usage.get(pool.id)?.usage;
    if (!u) return { pool, counts: null, failed: null, shortfall: null };
    const failing = failedCount(u.counts) > 0;
    const poolAssignments = assignments?.get(pool.id);
    const remaining = Math.max(0, pool.activationCodeCount - u.deviceStates);
    return {
      pool,
      counts: u.counts,
      failed: failing ? (u.failedDevices ?? failed.get(pool.id)?.devices ?? null) : [],
      shortfall: poolAssignments && !targets.pending ? shortfallFor(poolAssignments, targets, u.deviceStates, remaining) : null,
      fromReplace: replaced[pool.id] !== undefined,
    };
  });
}

export interface ReadProgressFigures {
  /** Pools whose usage has been read. */
  read: number;
  /** Pools whose usage or failed devices could not be read. */
  failedReads: number;
  firstError: unknown;
  /** The oldest read the figures rest on (UTC ms), null before the first. */
  asOf: number | null;
  /** Every read has answered. */
  complete: boolean;
}

export function readProgress(poolIds: readonly string[], usage: ReadonlyMap<string, FleetUsageEntry>, failed: ReadonlyMap<string, FailedDevicesEntry>): ReadProgressFigures {
  let read = 0;
  let failedReads = 0;
  let firstError: unknown = null;
  let asOf: number | null = null;
  let waiting = 0;
  const older = (t: number | undefined) => {
    if (t !== undefined && (asOf === null || t < asOf)) asOf = t;
  };
  for (const id of poolIds) {
    const u = usage.get(id);
    if (u?.usage) {
      read++;
      older(u.usage.asOf);
    }
    const separate = needsFailedRead(u);
    const f = separate ? failed.get(id) : undefined;
    const error = u?.status === 'error' ? u.error : f?.error;
    if (error !== undefined) {
      failedReads++;
      firstError ??= error;
    } else if (!u || u.status === 'pending' || (separate && !f?.devices)) waiting++;
    older(f?.asOf);
  }
  return { read, failedReads, firstError, asOf, complete: waiting === 0 };
}
