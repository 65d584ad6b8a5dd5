import { makeStyles, tokens } from '@fluentui/react-components';
import { PlainCellText as CellText, UICC_ID_WIDTH } from '../../../components/data-grid/cell-text.tsx';
import { compareText, gridColumn } from '../../../components/data-grid/columns.ts';
import { DataGrid } from '../../../components/data-grid/data-grid.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { DEVICE_STATES } from '../../../graph/types.ts';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { DeviceStateStatus } from './device-state-status.tsx';
import { STATE_GROUPS, codeName, explainDetails, groupOf } from './device-state-text.ts';

const useStyles = makeStyles({
  scroller: { maxHeight: '520px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

function stateRank(row: DeviceStateRow): number {
  return STATE_GROUPS.indexOf(groupOf(row.state)) * 100 + DEVICE_STATES.indexOf(row.state);
}

const detailsTitle = (row: DeviceStateRow) => explainDetails(row.state, row.stateDetails)?.title ?? row.stateDetails;

/**
 * A text cell that says what a missing value means instead of leaving a blank. One line, cut with the whole
 * value in a tooltip when the column is narrower (CellText: one span per cell, no TableCellLayout — rows
 * scrolling into view are rendered in the scroll step, so every cell's cost counts).
 */
function TextCell({ value, missing, mono = false }: { value: string | null; missing: string; mono?: boolean }) {
  return value === null ? <CellText text={missing} muted /> : <CellText text={value} mono={mono} />;
}

function DetailsCell({ row }: { row: DeviceStateRow }) {
  const styles = useStyles();
  const why = explainDetails(row.state, row.stateDetails);
  if (why) {
    const code = why.code && codeName(why.code);
    return (
      <CellText text={code ? `${why.title} · ${code}` : why.title}>
        {why.title}
        {code && <span className={styles.muted}> · {code}</span>}
      </CellText>
    );
  }
  if (row.stateDetails) return <CellText text={row.stateDetails} muted />;
  return <span className={styles.muted}>—</span>;
}

const columns = [
  gridColumn<DeviceStateRow>({
    columnId: 'deviceName',
    header: 'Device',
    width: { grow: 2, min: 140 },
    compare: (a, b) => compareText(a.deviceName, b.deviceName),
    cell: (d) => <TextCell value={d.deviceName} missing="Unknown device" />,
  }),
  gridColumn<DeviceStateRow>({
    columnId: 'userName',
    header: 'User',
    width: { grow: 3, min: 200 },
    compare: (a, b) => compareText(a.userName, b.userName),
    cell: (d) => <TextCell value={d.userName} missing="No user" />,
  }),
  gridColumn<DeviceStateRow>({
    columnId: 'iccid',
    header: 'UICC ID',
    // A 20-digit ICCID whole; a longer identifier (up to 32 digits, an eUICC's EID) is cut, whole in its tooltip.
    width: { basis: UICC_ID_WIDTH },
    compare: (a, b) => compareText(a.universalIntegratedCircuitCardIdentifier, b.universalIntegratedCircuitCardIdentifier),
    cell: (d) => <TextCell value={d.universalIntegratedCircuitCardIdentifier} missing="Not assigned yet" mono />,
  }),
  gridColumn<DeviceStateRow>({
    columnId: 'state',
    header: 'Status',
    // "Removed by user" whole.
    width: { grow: 2, min: 150 },
    compare: (a, b) => stateRank(a) - stateRank(b),
    cell: (d) => <DeviceStateStatus state={d.state} />,
  }),
  gridColumn<DeviceStateRow>({
    columnId: 'details',
    header: 'Details',
    width: { grow: 3, min: 220 },
    compare: (a, b) => compareText(detailsTitle(a), detailsTitle(b)),
    cell: (d) => <DetailsCell row={d} />,
  }),
  gridColumn<DeviceStateRow>({
    columnId: 'lastSyncDateTime',
    header: 'Last check-in',
    // A date and time on one line ("Sep 23, 2026, 10:01 PM").
    width: { grow: 1, min: 172 },
    compare: (a, b) => compareText(a.lastSyncDateTime, b.lastSyncDateTime),
    cell: (d) => <CellText text={formatDateTime(d.lastSyncDateTime)} />,
  }),
];

const DEFAULT_SORT = { sortColumn: 'deviceName', sortDirection: 'ascending' } as const;
const getRowId = (row: DeviceStateRow) => row.id;

export interface DeviceStatesTableProps {
  rows: DeviceStateRow[];
  caption: string;
}

/** The device states of a pool: sortable on every column and virtualised (thousands of devices scroll smoothly). */
export function DeviceStatesTable({ rows, caption }: DeviceStatesTableProps) {
  const styles = useStyles();
  return (
    <DataGrid
      items={rows}
      columns={columns}
      getRowId={getRowId}
      label={caption}
      rowHeight={44}
      className={styles.scroller}
      defaultSort={DEFAULT_SORT}
    />
  );
}
