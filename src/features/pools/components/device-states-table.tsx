import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { compareText, gridColumn } from '../../../components/data-grid/columns.ts';
import { DataGrid } from '../../../components/data-grid/data-grid.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { DEVICE_STATES } from '../../../graph/types.ts';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { DeviceStateStatus } from './device-state-status.tsx';
import { STATE_GROUPS, codeName, explainDetails, groupOf } from './device-state-text.ts';

const useStyles = makeStyles({
  scroller: { maxHeight: '520px' },
  // One truncating span per cell, not Fluent's TableCellLayout (two elements and a styles hook per cell):
  // rows scrolling into view are rendered in the scroll step, so every cell's cost counts.
  text: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

function stateRank(row: DeviceStateRow): number {
  return STATE_GROUPS.indexOf(groupOf(row.state)) * 100 + DEVICE_STATES.indexOf(row.state);
}

const detailsTitle = (row: DeviceStateRow) => explainDetails(row.state, row.stateDetails)?.title ?? row.stateDetails;

/** A text cell that says what a missing value means instead of leaving a blank. */
function TextCell({ value, missing, mono = false }: { value: string | null; missing: string; mono?: boolean }) {
  const styles = useStyles();
  const text = value ?? null;
  return text === null ? (
    <span className={mergeClasses(styles.text, styles.muted)}>{missing}</span>
  ) : (
    <span className={mono ? mergeClasses(styles.text, styles.mono) : styles.text}>{text}</span>
  );
}

function DetailsCell({ row }: { row: DeviceStateRow }) {
  const styles = useStyles();
  const why = explainDetails(row.state, row.stateDetails);
  if (why) {
    return (
      <span className={styles.text}>
        {why.title}
        {why.code && <span className={styles.muted}> · {codeName(why.code)}</span>}
      </span>
    );
  }
  if (row.stateDetails) return <span className={mergeClasses(styles.text, styles.muted)}>{row.stateDetails}</span>;
  return <span className={styles.muted}>—</span>;
}

const columns = [
  gridColumn<DeviceStateRow>({
    columnId: 'deviceName',
    header: 'Device',
    width: { grow: 2, min: 120 },
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
    // UICCIDs are up to 32 digits (the eUICC's EID): wide enough to show them whole.
    width: { basis: 276 },
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
    width: { grow: 3, min: 250 },
    compare: (a, b) => compareText(detailsTitle(a), detailsTitle(b)),
    cell: (d) => <DetailsCell row={d} />,
  }),
  gridColumn<DeviceStateRow>({
    columnId: 'lastSyncDateTime',
    header: 'Last check-in',
    // A date and time on one line ("Sep 23, 2026, 10:01 PM").
    width: { grow: 2, min: 184 },
    compare: (a, b) => compareText(a.lastSyncDateTime, b.lastSyncDateTime),
    cell: (d) => formatDateTime(d.lastSyncDateTime),
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
      minWidth={1180}
      className={styles.scroller}
      defaultSort={DEFAULT_SORT}
    />
  );
}
