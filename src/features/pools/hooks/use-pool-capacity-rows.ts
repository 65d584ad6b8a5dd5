import { useMemo } from 'react';
import { useAuthState } from '../../../auth/auth-context.tsx';
import type { SortState } from '../../../components/data-grid/columns.ts';
import { useFleetUsage } from '../../../entities/fleet/use-fleet-usage.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { useLowThreshold } from '../../../lib/low-threshold-setting.ts';
import { useReplacedPools } from '../../../lib/replaced-pools.ts';
import { toPoolRows } from '../lib/pool-rows.ts';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The pools list's rows with their capacity, counted in the background (the
 * list never waits). The pools are queued in the order the list shows them by
 * name, so the rows on screen fill in first.
 */
export function usePoolCapacityRows(pools: readonly PoolProperties[], sort: SortState) {
  const { user } = useAuthState();
  const [threshold] = useLowThreshold();
  const replaced = useReplacedPools(user?.homeAccountId ?? 'anonymous');
  const descending = sort.sortColumn === 'displayName' && sort.sortDirection === 'descending';
  const ordered = useMemo(() => {
    const sorted = [...pools].sort((a, b) => byName.compare(a.displayName, b.displayName));
    if (descending) sorted.reverse();
    return sorted;
  }, [pools, descending]);
  const usage = useFleetUsage(ordered);
  const rows = useMemo(() => toPoolRows(pools, usage, threshold, replaced), [pools, usage, threshold, replaced]);
  return { rows, usage, threshold };
}
