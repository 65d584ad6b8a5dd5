import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { FailedDevice } from '../../../entities/fleet/failed-devices.ts';
import { failedDevicesFile, saveFile } from '../lib/export-failed.ts';
import type { ReasonCount } from '../lib/fleet-model.ts';
import type { DeviceStateWording } from '../lib/wording.ts';
import { DashboardCard } from './dashboard-card.tsx';
import { VirtualTable, type VirtualColumn } from './virtual-table.tsx';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  reason: { minWidth: '320px' },
  muted: { color: tokens.colorNeutralForeground2 },
  clip: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
});

const ALL = '';

export interface FailedDevicesCardProps {
  /** The failed devices shown (already filtered by pool name and reason). */
  rows: readonly FailedDevice[];
  /** Reasons among the failed devices of the pools shown (before the reason filter). */
  reasons: readonly ReasonCount[];
  reason: string;
  onReasonChange: (key: string) => void;
  wording: DeviceStateWording;
  /** Still reading: the list grows as pools are read. */
  partial: boolean;
}

/** Devices that failed to get a profile, across pools, with the reason in plain words and a link to the pool. */
export function FailedDevicesCard({ rows, reasons, reason, onReasonChange, wording, partial }: FailedDevicesCardProps) {
  const styles = useStyles();
  const total = reasons.reduce((a, r) => a + r.devices, 0);
  const selected = reasons.find((r) => r.key === reason);
  const columns: VirtualColumn<FailedDevice>[] = [
    { id: 'device', header: 'Device', grow: 1.5, render: (r) => <span className={styles.clip}>{r.device.deviceName ?? '—'}</span> },
    { id: 'user', header: 'User', grow: 1.5, render: (r) => <span className={styles.clip}>{r.device.userName ?? '—'}</span> },
    {
      id: 'uicc',
      header: 'UICC ID',
      grow: 1.5,
      render: (r) => <span className={styles.clip}>{r.device.universalIntegratedCircuitCardIdentifier ?? '—'}</span>,
    },
    { id: 'status', header: 'Status', minWidth: 'narrow', render: (r) => wording.stateLabel[r.device.state] },
    {
      id: 'reason',
      header: 'Reason',
      grow: 3,
      minWidth: 'wide',
      render: (r) => (
        <span className={styles.clip} title={wording.advice(r.device)}>
          {wording.reason(r.device)}
        </span>
      ),
    },
    {
      id: 'pool',
      header: 'Pool',
      grow: 1.5,
      render: (r) => (
        <span className={styles.clip}>
          <RouterLink to={paths.pool.getHref(r.poolId)}>{r.poolName}</RouterLink>
        </span>
      ),
    },
    { id: 'changed', header: 'Last changed', grow: 1.2, render: (r) => <span className={styles.clip}>{formatDateTime(r.device.modifiedDateTime)}</span> },
  ];

  return (
    <DashboardCard
      title="Failed devices"
      how="Devices in the failed or error state in the pools read so far, most recently changed first. The reason is what the device reported, in plain words."
      actions={
        <Button icon={<ArrowDownloadRegular />} disabled={rows.length === 0} onClick={() => saveFile(failedDevicesFile(rows, wording, Date.now()))}>
          Export {formatCount(rows.length)} to CSV
        </Button>
      }
    >
      <div className={styles.toolbar}>
        <Field label="Reason" className={styles.reason}>
          <Dropdown
            value={selected ? `${selected.label} (${formatCount(selected.devices)})` : reason ? `${reason} (none so far)` : `All reasons (${formatCount(total)})`}
            selectedOptions={[reason || ALL]}
            onOptionSelect={(_e, data) => onReasonChange(data.optionValue ?? ALL)}
          >
            <Option value={ALL} text={`All reasons (${formatCount(total)})`}>
              All reasons ({formatCount(total)})
            </Option>
            {reasons.map((r) => (
              <Option key={r.key} value={r.key} text={`${r.label} (${formatCount(r.devices)})`}>
                {`${r.label} (${formatCount(r.devices)})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Text className={styles.muted} role="status">
          {formatCount(rows.length)} failed {rows.length === 1 ? 'device' : 'devices'}
          {partial ? ' so far' : ''}
        </Text>
      </div>
      {rows.length > 0 && <VirtualTable caption="Failed devices" columns={columns} rows={rows} rowKey={(r) => `${r.poolId}/${r.device.id}`} />}
    </DashboardCard>
  );
}
