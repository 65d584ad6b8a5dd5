import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { useDeviceStatus } from '../hooks/use-device-status.ts';
import { DeviceStatesTable } from './device-states-table.tsx';
import { DeviceStatusFilters } from './device-status-filters.tsx';
import { downloadText } from '../../../lib/download.ts';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { DeviceStatusHeader } from './device-status-header.tsx';
import { DeviceStatusLoading, NoDeviceMatches, NoDevicesYet } from './device-status-states.tsx';
import { DeviceStatusSummary } from './device-status-summary.tsx';
import { FailureReasons } from './failure-reasons.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

// The CSV writer (Papa Parse) loads on the first export: the device table does not wait for it.
const saveCsv = (rows: DeviceStateRow[]) =>
  void import('../lib/device-status-export.ts').then(({ deviceStatusCsv }) => {
    const file = deviceStatusCsv(rows, Date.now());
    downloadText(file.name, file.text, file.type);
  });

/**
 * Device status of a pool, as in the Intune admin center: how many devices
 * have the profile, are waiting or installing, failed, or had it removed;
 * why failures happened and what to do; and every device in a sortable,
 * filterable table. Refreshes itself while any device is in progress.
 */
export function DeviceStatusSection({ poolId, enabled = true }: { poolId: string; enabled?: boolean }) {
  const styles = useStyles();
  const headingId = useId();
  const { states, rows, counts, reasons, visible, polling, filters } = useDeviceStatus(poolId, enabled);

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <DeviceStatusHeader
        headingId={headingId}
        updatedAt={rows ? states.dataUpdatedAt : undefined}
        polling={polling}
        fetching={states.isFetching}
        enabled={enabled}
        onRefresh={() => void states.refetch()}
        onExport={visible.length > 0 ? () => saveCsv(visible) : undefined}
      />

      {states.isError && (
        <ErrorState
          error={states.error}
          title={rows ? 'Device status could not be refreshed' : 'Device status could not be loaded'}
          onRetry={() => void states.refetch()}
        />
      )}

      {states.isPending ? (
        states.fetchStatus === 'idle' ? null : <DeviceStatusLoading />
      ) : !rows ? null : rows.length === 0 ? (
        <NoDevicesYet />
      ) : (
        <>
          <DeviceStatusSummary counts={counts} selected={filters.group} onSelect={filters.setGroup} />
          <FailureReasons reasons={reasons} failed={counts.failed} />
          <DeviceStatusFilters filters={filters} shown={visible.length} total={rows.length} />
          {visible.length === 0 ? (
            <NoDeviceMatches total={rows.length} />
          ) : (
            <DeviceStatesTable rows={visible} caption="Devices with a profile from this pool" />
          )}
        </>
      )}
    </section>
  );
}
