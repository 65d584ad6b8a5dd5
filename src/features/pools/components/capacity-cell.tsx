import { Badge, Skeleton, SkeletonItem, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { formatCount } from '../../../components/format.ts';
import type { PoolRow } from '../lib/pool-rows.ts';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  skeleton: { width: '96px' },
  error: { color: tokens.colorPaletteRedForeground1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/**
 * "120 of 1,000 left" with a Low badge, a loading placeholder while the
 * pool's device states are being counted, or why they could not be. The
 * cell's accessible description is the pool's own "how computed" line.
 */
export function CapacityCell({ row }: { row: PoolRow }) {
  const styles = useStyles();
  const cap = row.capacity;
  if (cap === undefined) {
    return (
      <Skeleton className={styles.skeleton} aria-label={`Counting the codes left in ${row.displayName}…`}>
        <SkeletonItem size={16} />
      </Skeleton>
    );
  }
  if (cap === null) {
    const why = row.usageError instanceof Error ? row.usageError.message : 'Graph did not answer.';
    return (
      <Tooltip content={`The device states of this pool could not be counted: ${why}`} relationship="description">
        <Text className={styles.error} tabIndex={0}>
          <WarningRegular aria-hidden /> Not counted
        </Text>
      </Tooltip>
    );
  }
  const level = cap.overdrawn ? `${formatCount(cap.overdrawnBy)} over` : cap.remaining === 0 ? 'None left' : cap.low ? 'Low' : null;
  return (
    <span className={styles.root} title={cap.method}>
      <Text>
        {formatCount(cap.remaining)} <span className={styles.muted}>of {formatCount(cap.total)}</span>
      </Text>
      {level && (
        <Badge appearance="filled" color={cap.remaining === 0 || cap.overdrawn ? 'danger' : 'warning'} size="small">
          {level}
        </Badge>
      )}
      {row.fromReplace && (
        <Badge appearance="outline" color="informative" size="small">
          after replace
        </Badge>
      )}
    </span>
  );
}
