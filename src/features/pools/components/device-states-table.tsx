import {
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  createTableColumn,
  makeStyles,
  mergeClasses,
  tokens,
  useTableFeatures,
  useTableSort,
  type SortDirection,
  type TableColumnDefinition,
  type TableColumnId,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { formatDateTime } from '../../../components/format.ts';
import { DEVICE_STATES } from '../../../graph/types.ts';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { DeviceStateStatus } from './device-state-status.tsx';
import { STATE_GROUPS, codeName, explainDetails, groupOf } from './device-state-text.ts';

const ROW_HEIGHT = 44;

// One collator for every comparison: localeCompare with options builds a new one per call, and the
// table sorts on every render (each scroll step), which made scrolling 1,000 devices take long tasks.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // empty values last
  if (b === null) return -1;
  return collator.compare(a, b);
}

function stateRank(row: DeviceStateRow): number {
  return STATE_GROUPS.indexOf(groupOf(row.state)) * 100 + DEVICE_STATES.indexOf(row.state);
}

const detailsTitle = (row: DeviceStateRow) => explainDetails(row.state, row.stateDetails)?.title ?? row.stateDetails;

const columns: TableColumnDefinition<DeviceStateRow>[] = [
  createTableColumn<DeviceStateRow>({ columnId: 'deviceName', compare: (a, b) => compareText(a.deviceName, b.deviceName) }),
  createTableColumn<DeviceStateRow>({ columnId: 'userName', compare: (a, b) => compareText(a.userName, b.userName) }),
  createTableColumn<DeviceStateRow>({
    columnId: 'iccid',
    compare: (a, b) => compareText(a.universalIntegratedCircuitCardIdentifier, b.universalIntegratedCircuitCardIdentifier),
  }),
  createTableColumn<DeviceStateRow>({ columnId: 'state', compare: (a, b) => stateRank(a) - stateRank(b) }),
  createTableColumn<DeviceStateRow>({ columnId: 'details', compare: (a, b) => compareText(detailsTitle(a), detailsTitle(b)) }),
  createTableColumn<DeviceStateRow>({
    columnId: 'lastSyncDateTime',
    compare: (a, b) => compareText(a.lastSyncDateTime, b.lastSyncDateTime),
  }),
];

const HEADERS: Record<string, string> = {
  deviceName: 'Device',
  userName: 'User',
  iccid: 'ICCID',
  state: 'Status',
  details: 'Details',
  lastSyncDateTime: 'Last check-in',
};

const useStyles = makeStyles({
  scroller: {
    maxHeight: '520px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: { minWidth: '1180px', tableLayout: 'fixed' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  headerRow: { display: 'flex' },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, right: 0, display: 'flex' },
  col: { flexGrow: 2, flexBasis: 0, minWidth: '120px' },
  wide: { flexGrow: 3, flexBasis: 0, minWidth: '200px' },
  details: { flexGrow: 3, flexBasis: 0, minWidth: '280px' },
  // UICCIDs are up to 32 digits (the eUICC's EID): wide enough to show them whole.
  iccid: { flexGrow: 0, flexShrink: 0, flexBasis: '276px' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  code: { color: tokens.colorNeutralForeground3 },
});

/**
 * One device row; memoised, so a scroll step renders only the rows that come
 * into view, not every row of the window again.
 */
const DeviceRow = memo(function DeviceRow({ d, index, start }: { d: DeviceStateRow; index: number; start: number }) {
  const styles = useStyles();
  const why = explainDetails(d.state, d.stateDetails);
  return (
    <TableRow
      aria-rowindex={index + 2}
      className={styles.row}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      <TableCell className={styles.col}>
        <TableCellLayout truncate>
          {d.deviceName ?? <span className={styles.muted}>Unknown device</span>}
        </TableCellLayout>
      </TableCell>
      <TableCell className={styles.wide}>
        <TableCellLayout truncate>{d.userName ?? <span className={styles.muted}>No user</span>}</TableCellLayout>
      </TableCell>
      <TableCell className={mergeClasses(styles.iccid, styles.mono)}>
        <TableCellLayout truncate>
          {d.universalIntegratedCircuitCardIdentifier ?? <span className={styles.muted}>Not assigned yet</span>}
        </TableCellLayout>
      </TableCell>
      <TableCell className={styles.col}>
        <DeviceStateStatus state={d.state} />
      </TableCell>
      <TableCell className={styles.details}>
        {why ? (
          <TableCellLayout truncate>
            {why.title}
            {why.code && <span className={styles.code}> · {codeName(why.code)}</span>}
          </TableCellLayout>
        ) : d.stateDetails ? (
          <TableCellLayout truncate className={styles.muted}>
            {d.stateDetails}
          </TableCellLayout>
        ) : (
          <span className={styles.muted}>—</span>
        )}
      </TableCell>
      <TableCell className={styles.col}>{formatDateTime(d.lastSyncDateTime)}</TableCell>
    </TableRow>
  );
});

export interface DeviceStatesTableProps {
  rows: DeviceStateRow[];
  caption: string;
}

/** The device states of a pool: sortable on every column and virtualised (thousands of devices scroll smoothly). */
export function DeviceStatesTable({ rows: items, caption }: DeviceStatesTableProps) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sortState, setSortState] = useState<{ sortColumn: TableColumnId | undefined; sortDirection: SortDirection }>({
    sortColumn: 'deviceName',
    sortDirection: 'ascending',
  });

  // Sorted once per change of rows or order, not on every render: the table renders on each scroll step.
  const sorted = useMemo(() => {
    const compare = columns.find((c) => c.columnId === sortState.sortColumn)?.compare;
    if (!compare) return items;
    const sign = sortState.sortDirection === 'descending' ? -1 : 1;
    return [...items].sort((a, b) => sign * compare(a, b));
  }, [items, sortState]);
  const {
    getRows,
    sort: { getSortDirection, toggleColumnSort },
  } = useTableFeatures({ columns, items: sorted, getRowId: (r) => r.id }, [
    useTableSort({ sortState, onSortChange: (_e, next) => setSortState(next) }),
  ]);
  const rows = getRows();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const colClass = (id: string) =>
    id === 'iccid' ? styles.iccid : id === 'details' ? styles.details : id === 'userName' ? styles.wide : styles.col;

  return (
    // Focusable so keyboard users can scroll the rows (they hold nothing else to focus).
    <div ref={scrollRef} className={styles.scroller} tabIndex={0} role="group" aria-label={`${caption}, scrollable`}>
      <Table sortable aria-label={caption} aria-rowcount={rows.length + 1} className={styles.table} noNativeElements>
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1} className={styles.headerRow}>
            {columns.map((c) => (
              <TableHeaderCell
                key={c.columnId}
                className={colClass(String(c.columnId))}
                onClick={(e: React.MouseEvent) => toggleColumnSort(e, c.columnId)}
                sortDirection={getSortDirection(c.columnId)}
              >
                {HEADERS[String(c.columnId)]}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            return row ? <DeviceRow key={row.rowId} d={row.item} index={v.index} start={v.start} /> : null;
          })}
        </TableBody>
      </Table>
    </div>
  );
}
