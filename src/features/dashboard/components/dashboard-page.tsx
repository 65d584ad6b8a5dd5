import { MessageBar, MessageBarBody, MessageBarTitle, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFleetReadings } from '../hooks/use-fleet-readings.ts';
import { dashboardView } from '../lib/dashboard-view.ts';
import { readFilters, writeFilters, type DashboardFilters } from '../lib/filters.ts';
import type { DeviceStateWording } from '../lib/wording.ts';
import { FailedDevicesCard } from './failed-devices-card.tsx';
import { ReadProgress } from './read-progress.tsx';
import { StateTotalsCard } from './state-totals-card.tsx';
import { UrgencyCard } from './urgency-card.tsx';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  search: { minWidth: '280px' },
  grid: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export interface DashboardPageProps {
  wording: DeviceStateWording;
}

/**
 * The fleet at a glance: totals by install state, pools by urgency and the
 * failed devices across every pool. Graph has no tenant-wide list of device
 * states, so each pool is read on its own in the background (paced under
 * Intune's throttle); every section fills in as pools are read, and the page
 * stays usable meanwhile. Filters live in the URL.
 */
export function DashboardPage({ wording }: DashboardPageProps) {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const deferred = useDeferredValue(filters);
  const fleet = useFleetReadings();
  const threshold = fleet.threshold;

  const view = useMemo(
    () => dashboardView(fleet.readings, deferred, threshold, wording),
    // `deferred` is rebuilt from the URL on each render: depend on its values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fleet.readings, deferred.q, deferred.pools, deferred.reason, threshold, wording],
  );

  const update = (changes: Partial<DashboardFilters>) => setParams((prev) => writeFilters(prev, changes), { replace: true });

  return (
    <>
      <PageHeader
        title="eSIM fleet dashboard"
        description="Every pool at once: install states, the pools that need you first, and the devices that failed, read pool by pool from Microsoft Graph."
      />
      {fleet.listError ? (
        <ErrorState error={fleet.listError} title="Pools could not be listed" onRetry={fleet.refresh} />
      ) : (
        <>
          <ReadProgress
            read={fleet.read}
            total={fleet.total}
            asOf={fleet.asOf}
            failedReads={fleet.failedReads}
            listing={fleet.listing}
            complete={fleet.complete}
            onRefresh={fleet.refresh}
          />
          {fleet.failedReads > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{formatCount(fleet.failedReads)} pools could not be read</MessageBarTitle>
                Their devices are left out of every figure below. First error: {describeError(fleet.firstError).message}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.toolbar}>
            <SearchBox
              className={styles.search}
              aria-label="Filter pools by name"
              placeholder="Filter pools by name"
              value={filters.q}
              onChange={(_e, data) => update({ q: data.value })}
            />
          </div>
          <div className={styles.grid}>
            <StateTotalsCard totals={view.totals} wording={wording} />
            <UrgencyCard
              rows={view.urgency}
              unread={view.unread}
              attentionOnly={filters.pools === 'attention'}
              onAttentionOnlyChange={(on) => update({ pools: on ? 'attention' : 'all' })}
              threshold={threshold}
            />
            <FailedDevicesCard
              rows={view.failed}
              reasons={view.reasons}
              reason={filters.reason}
              onReasonChange={(reason) => update({ reason })}
              wording={wording}
              partial={!fleet.complete}
            />
          </div>
        </>
      )}
    </>
  );
}
