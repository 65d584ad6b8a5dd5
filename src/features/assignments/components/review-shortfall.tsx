import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { computeCapacity } from '../../../entities/fleet/capacity.ts';
import { shortfallFor, useTargetCounts } from '../../../entities/fleet/use-target-counts.ts';
import { usePool } from '../../../entities/pools/get-pool.ts';
import { usePoolUsage } from '../../../entities/pools/get-pool-usage.ts';
import type { AssignmentTarget } from '../../../graph/types.ts';

const useStyles = makeStyles({
  method: { color: tokens.colorNeutralForeground2, display: 'block', marginTop: tokens.spacingVerticalXXS },
});

export interface ReviewShortfallProps {
  poolId: string;
  /** Every target the pool will have once saved. */
  targets: readonly AssignmentTarget[];
}

/**
 * Before saving: will the codes left cover the devices these targets reach?
 * Counts the targets as they will be after the save (the groups' transitive
 * device members), against the pool's remaining codes.
 */
export function ReviewShortfall({ poolId, targets }: ReviewShortfallProps) {
  const styles = useStyles();
  const pool = usePool(poolId);
  const usage = usePoolUsage({ id: poolId });
  const sets = useMemo(() => [targets.map((target) => ({ target }))], [targets]);
  const counts = useTargetCounts(sets);

  if (pool.isError || usage.isError) {
    return <Text className={styles.method}>Could not check whether codes will run short: the pool’s codes or device states could not be read.</Text>;
  }
  if (!pool.data || !usage.data || counts.pending) {
    return <Spinner size="tiny" labelPosition="after" label="Checking whether the codes left cover these targets…" />;
  }
  const capacity = computeCapacity(pool.data, usage.data.counts);
  const s = shortfallFor(sets[0] ?? [], counts, usage.data.deviceStates, capacity.remaining);
  const short = (s.shortfall ?? 0) > 0;
  return (
    <MessageBar intent={short ? 'warning' : s.shortfall === null ? 'info' : 'success'} layout="multiline" aria-label="Codes for these targets">
      <MessageBarBody>
        <MessageBarTitle>{short ? `After this save: ${s.summary.charAt(0).toLowerCase()}${s.summary.slice(1)}` : s.summary}</MessageBarTitle>
        <Text size={200} className={styles.method}>
          How computed: {s.method}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
