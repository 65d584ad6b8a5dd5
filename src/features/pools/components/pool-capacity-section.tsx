import { Badge, Skeleton, SkeletonItem, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ComputedFigure } from '../../../components/computed-figure.tsx';
import { formatCount, formatDateTime, rate, utcDay } from '../../../lib/format.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { usePoolCapacity } from '../hooks/use-pool-capacity.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalL, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXXL}`, '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  muted: { color: tokens.colorNeutralForeground2 },
});

const KIND: Record<string, string | null> = { exact: null, upperBound: 'upper bound', estimate: 'estimate', unknown: null };

/** Capacity, shortfall and forecast of one pool, each figure with its one-line "how computed". */
export function PoolCapacitySection({ pool, enabled }: { pool: PoolProperties; enabled: boolean }) {
  const styles = useStyles();
  const headingId = useId();
  const { figures, shortfall, states, assignments } = usePoolCapacity(pool, enabled);

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle1 as="h2" id={headingId}>
        Capacity and forecast
      </Subtitle1>
      {!figures ? (
        states.isError ? (
          <Text>The device states could not be read, so the codes left are not known. See Device status below.</Text>
        ) : (
          <Skeleton aria-label="Counting the codes given out…">
            <SkeletonItem size={48} />
          </Skeleton>
        )
      ) : (
        <>
          <Text size={200} className={styles.muted}>
            As of {formatDateTime(new Date(figures.usage.asOf).toISOString())}, from the pool’s {formatCount(figures.usage.deviceStates)} device states.
          </Text>
          <div className={styles.grid}>
            <ComputedFigure
              label="Codes remaining"
              value={`${formatCount(figures.capacity.remaining)} of ${formatCount(figures.capacity.total)}`}
              method={figures.capacity.method}
              extra={
                figures.capacity.low ? (
                  <Badge appearance="filled" color={figures.capacity.remaining === 0 ? 'danger' : 'warning'}>
                    {figures.capacity.overdrawn ? 'More devices than codes' : figures.capacity.remaining === 0 ? 'None left' : 'Low'}
                  </Badge>
                ) : undefined
              }
            />
            <ComputedFigure
              label="Given out"
              value={`${formatCount(figures.capacity.givenOut)} (${formatCount(figures.capacity.spent)} spent, ${formatCount(figures.capacity.pending)} pending)`}
              method="Each device state is a device Intune gave one of the pool’s codes: pending = still notEvaluated (code not used yet), spent = every other state."
            />
            <ComputedFigure
              label="Shortfall"
              value={shortfall ? shortfall.summary : assignments.isError ? 'Not known' : 'Counting the targeted devices…'}
              extra={shortfall && KIND[shortfall.targeted.kind] ? <Badge appearance="outline">{KIND[shortfall.targeted.kind]}</Badge> : undefined}
              method={
                shortfall
                  ? shortfall.method
                  : assignments.isError
                    ? 'The pool’s assignments could not be read, so the devices it targets are not known.'
                    : 'Targeted devices (transitive device members of the included groups, or all Windows devices, minus excluded groups) without a device state, against the codes remaining.'
              }
            />
            <ComputedFigure
              label="Burn rate and run-out"
              value={
                figures.burn.runOutAt === null
                  ? `${rate(figures.burn.perWeek)} codes per week; no run-out date`
                  : `${rate(figures.burn.perWeek)} codes per week; runs out ${figures.capacity.remaining === 0 ? 'now' : `about ${utcDay(figures.burn.runOutAt)}`}`
              }
              method={figures.burn.method}
            />
          </div>
        </>
      )}
    </section>
  );
}
