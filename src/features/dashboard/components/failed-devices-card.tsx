import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { CellLink, CellText, UICC_ID_WIDTH } from '../../../components/data-grid/cell-text.tsx';
import { gridColumn, type GridColumn } from '../../../components/data-grid/columns.ts';
import { DataGrid } from '../../../components/data-grid/data-grid.tsx';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { paths } from '../../../config/paths.ts';
import type { FailedDevice } from '../../../entities/fleet/failed-devices.ts';
import { failedDevicesFile, saveFile } from '../lib/export-failed.ts';
import type { ReasonCount } from '../lib/fleet-model.ts';
import type { DeviceStateWording } from '../lib/wording.ts';
import { DashboardCard } from './dashboard-card.tsx';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  reason: { minWidth: '320px' },
  muted: { color: tokens.colorNeutralForeground2 },
  scroller: { maxHeight: '480px', minHeight: '120px' },
});

const ALL = '';

/**
 * No column sorts: the list is most recently changed first (the order the export uses too).
 * Widths fit a 1280-pixel window (the table's minimum, 1,162 px, fits the card beside scroll
 * bars): the reason and the user get the room, the UICC ID shows 20 digits in a monospace cell;
 * a longer value is cut with the whole value in a tooltip the keyboard reaches too (CellText).
 */
function failedColumns(wording: DeviceStateWording): GridColumn<FailedDevice>[] {
  return [
    gridColumn({
      columnId: 'device',
      header: 'Device',
      width: { grow: 1, min: 130 },
      cell: (r: FailedDevice) => <CellText text={r.device.deviceName ?? '—'} />,
    }),
    gridColumn({ columnId: 'user', header: 'User', width: { grow: 1.5, min: 200 }, cell: (r: FailedDevice) => <CellText text={r.device.userName ?? '—'} /> }),
    gridColumn({
      columnId: 'uicc',
      header: 'UICC ID',
      width: { basis: UICC_ID_WIDTH },
      cell: (r: FailedDevice) => <CellText text={r.device.universalIntegratedCircuitCardIdentifier ?? '—'} mono />,
    }),
    gridColumn({ columnId: 'status', header: 'Status', width: { basis: 48 }, cell: (r: FailedDevice) => <CellText text={wording.stateLabel[r.device.state]} /> }),
    gridColumn({
      columnId: 'reason',
      header: 'Reason',
      width: { grow: 3, min: 240 },
      // The advice is in the tooltip: on hover and on focus.
      cell: (r: FailedDevice) => <CellText text={wording.reason(r.device)} hint={wording.advice(r.device)} />,
    }),
    gridColumn({
      columnId: 'pool',
      header: 'Pool',
      width: { grow: 1.5, min: 130 },
      cell: (r: FailedDevice) => <CellLink to={paths.pool.getHref(r.poolId)} text={r.poolName} />,
    }),
    gridColumn({
      columnId: 'changed',
      header: 'Last changed',
      // A date and time whole ("Oct 24, 2026, 11:59 AM").
      width: { basis: 150 },
      cell: (r: FailedDevice) => <CellText text={formatDateTime(r.device.modifiedDateTime)} />,
    }),
  ];
}

const getRowId = (r: FailedDevice) => `${r.poolId}/${r.device.id}`;

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
  const columns = useMemo(() => failedColumns(wording), [wording]);

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
      {rows.length > 0 && (
        <DataGrid items={rows} columns={columns} getRowId={getRowId} label="Failed devices" rowHeight={44} className={styles.scroller} />
      )}
    </DashboardCard>
  );
}
