import { useMemo } from 'react';
import { useAuthState } from '../../../auth/auth-context.tsx';
import { usePoolAssignments } from '../../../entities/assignments/get-pool-assignments.ts';
import { computeBurnRate } from '../../../entities/fleet/burn-rate.ts';
import { computeCapacity } from '../../../entities/fleet/capacity.ts';
import { shortfallFor, useTargetCounts } from '../../../entities/fleet/use-target-counts.ts';
import { useDeviceStates } from '../../../entities/pools/get-device-states.ts';
import { usageFromStates } from '../../../entities/pools/get-pool-usage.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { useLowThreshold } from '../../../lib/low-threshold-setting.ts';
import { useReplacedPools } from '../../../lib/replaced-pools.ts';

/**
 * A pool's capacity, shortfall and forecast for its detail page, from the
 * same device-state read as the device table (one request set, the same
 * numbers, refreshed together while devices are installing).
 */
export function usePoolCapacity(pool: PoolProperties, enabled: boolean) {
  const { user } = useAuthState();
  const [threshold] = useLowThreshold();
  const replaced = useReplacedPools(user?.homeAccountId ?? 'anonymous')[pool.id];
  const states = useDeviceStates(pool.id, { enabled });
  const assignments = usePoolAssignments(pool.id, { enabled });
  const sets = useMemo(() => (assignments.data ? [assignments.data] : []), [assignments.data]);
  const counts = useTargetCounts(sets, { enabled: enabled && !!assignments.data });

  const figures = useMemo(() => {
    if (!states.data) return null;
    const usage = usageFromStates(states.data, states.dataUpdatedAt);
    const capacity = computeCapacity(pool, usage.counts, { threshold, fromReplace: !!replaced });
    const created = Date.parse(pool.createdDateTime);
    const burn = computeBurnRate(usage.createdDateTimes, { remaining: capacity.remaining, now: usage.asOf, poolCreatedAt: Number.isFinite(created) ? created : null });
    return { usage, capacity, burn };
  }, [states.data, states.dataUpdatedAt, pool, threshold, replaced]);

  const shortfall = useMemo(
    () => (figures && assignments.data && !counts.pending ? shortfallFor(assignments.data, counts, figures.usage.deviceStates, figures.capacity.remaining) : null),
    [figures, assignments.data, counts],
  );

  return { states, assignments, figures, shortfall, shortfallPending: !shortfall && !assignments.isError, replaced };
}
