import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { isGraphError } from '../../../graph/errors.ts';
import { usePoolDetail } from '../hooks/use-pool-detail.ts';
import { DeviceStatusSection } from './device-status-section.tsx';
import { PoolCapacitySection } from './pool-capacity-section.tsx';
import { PoolCommands } from './pool-commands.tsx';
import { PoolEssentials } from './pool-essentials.tsx';
import { PoolHeading } from './pool-heading.tsx';
import { PoolHistorySection } from './pool-history-section.tsx';
import { PoolLoadError, PoolLoading, PoolNotFound } from './pool-page-states.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

export interface PoolDetailPageProps {
  poolId: string;
  /**
   * The pool's assignments (composed by the app from the assignments feature). A function gets the id of the
   * page's read-only notice, so the section's write buttons point to it instead of showing a second notice.
   */
  assignmentsSlot?: ReactNode | ((readOnlyNoticeId: string) => ReactNode);
}

/**
 * One pool, laid out like an Intune admin center blade: a composition of sections, each on its
 * own (heading, commands, Essentials, assignments, device status, history). A section reads what it needs
 * itself and stops reading once the pool is being deleted (`enabled={!deleting}`).
 */
export function PoolDetailPage({ poolId, assignmentsSlot }: PoolDetailPageProps) {
  const styles = useStyles();
  const readOnlyNoticeId = useId();
  const { pool, deletion, deleting } = usePoolDetail(poolId);

  if (deletion.isSuccess) return <Spinner label="Pool deleted. Opening the list…" />;
  if (pool.isError && isGraphError(pool.error) && pool.error.status === 404) return <PoolNotFound />;
  if (!pool.data) return pool.isError ? <PoolLoadError error={pool.error} onRetry={() => void pool.refetch()} /> : <PoolLoading />;

  const current = pool.data;
  return (
    <div className={styles.root}>
      <PoolHeading name={current.displayName} />
      <PoolCommands pool={current} deletion={deletion} readOnlyId={readOnlyNoticeId} />
      {pool.isError && <ErrorState error={pool.error} title="This pool could not be refreshed" onRetry={() => void pool.refetch()} />}
      <PoolEssentials pool={current} />
      <PoolCapacitySection pool={current} enabled={!deleting} />
      {typeof assignmentsSlot === 'function' ? assignmentsSlot(readOnlyNoticeId) : assignmentsSlot}
      <DeviceStatusSection poolId={poolId} enabled={!deleting} />
      <PoolHistorySection poolId={poolId} createdDateTime={current.createdDateTime} />
    </div>
  );
}
