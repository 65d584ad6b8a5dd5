import { useMemo } from 'react';
import { useAuthState } from '../../../auth/auth-context.tsx';
import type { LowThreshold } from '../../../entities/fleet/capacity.ts';
import { useFleetUsage } from '../../../entities/fleet/use-fleet-usage.ts';
import { useTargetCounts } from '../../../entities/fleet/use-target-counts.ts';
import { usePoolsFailedDevices } from '../../../entities/pools/get-pool-failed-devices.ts';
import { usePools } from '../../../entities/pools/get-pools.ts';
import { usePoolsWithAssignments } from '../../../entities/pools/get-pools-with-assignments.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { useLowThreshold } from '../../../lib/low-threshold-setting.ts';
import { useReplacedPools } from '../../../lib/replaced-pools.ts';
import { buildReadings, needsFailedRead, readProgress, type ReadProgressFigures } from '../lib/build-readings.ts';
import type { PoolReading } from '../lib/fleet-model.ts';

export interface FleetReadings extends ReadProgressFigures {
  readings: PoolReading[];
  total: number;
  /** The pool list is still streaming in. */
  listing: boolean;
  listError: unknown;
  /** The account's low-on-codes setting (the same as the pools list's). */
  threshold: LowThreshold;
  refresh: () => void;
}

const NO_POOLS: PoolProperties[] = [];

/**
 * Everything the dashboard reads, from the entities layer: the pool list
 * (streamed), each pool's usage (paced, in the background; a pool of up to
 * 1,000 codes brings its failed devices with it), the failed devices of
 * larger pools that have some, and the assignments with their group
 * counts for shortfalls. Nothing here waits: every part fills in as it
 * arrives, and what was read stays cached for the next visit.
 */
export function useFleetReadings(): FleetReadings {
  const { user } = useAuthState();
  const [threshold] = useLowThreshold();
  const replaced = useReplacedPools(user?.homeAccountId ?? 'anonymous');
  const pools = usePools();
  const list = pools.data ?? NO_POOLS;
  const ids = useMemo(() => list.map((p) => p.id), [list]);
  const usage = useFleetUsage(list);
  const failingIds = useMemo(() => ids.filter((id) => needsFailedRead(usage.byPool.get(id))), [ids, usage.byPool]);
  const failed = usePoolsFailedDevices(failingIds);
  const withAssignments = usePoolsWithAssignments();
  const assignments = useMemo(
    () => (withAssignments.data ? new Map(withAssignments.data.map((p) => [p.id, p.assignments ?? []])) : null),
    [withAssignments.data],
  );
  const assignmentSets = useMemo(() => (assignments ? [...assignments.values()] : []), [assignments]);
  const targets = useTargetCounts(assignmentSets, { enabled: assignments !== null });

  const readings = useMemo(
    () => buildReadings({ pools: list, usage: usage.byPool, failed: failed.byPool, assignments, targets, replaced }),
    [list, usage.byPool, failed.byPool, assignments, targets, replaced],
  );
  const progress = useMemo(() => readProgress(ids, usage.byPool, failed.byPool), [ids, usage.byPool, failed.byPool]);
  const listing = pools.fetchStatus === 'fetching';

  return {
    ...progress,
    complete: progress.complete && !listing,
    readings,
    total: list.length,
    listing,
    listError: pools.error,
    threshold,
    refresh: () => {
      void pools.refetch();
      void withAssignments.refetch();
      usage.refresh();
      failed.refresh();
    },
  };
}
