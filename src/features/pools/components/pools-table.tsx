import {
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  createTableColumn,
  makeStyles,
  tokens,
  useTableFeatures,
  useTableSelection,
  useTableSort,
  type SortDirection,
  type TableColumnDefinition,
  type TableColumnId,
  type TableRowId,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type ReactNode } from 'react';
import { formatCount, formatDateTime } from '../../../components/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';

const ROW_HEIGHT = 44;

// One collator for every comparison: localeCompare with options builds a new one per call,
// which makes sorting 10,000 pools take seconds.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const columns: TableColumnDefinition<PoolProperties>[] = [
  createTableColumn<PoolProperties>({
    columnId: 'displayName',
    compare: (a, b) => collator.compare(a.displayName, b.displayName),
  }),
  createTableColumn<PoolProperties>({
    columnId: 'activationCodeCount',
    compare: (a, b) => a.activationCodeCount - b.activationCodeCount,
  }),
  createTableColumn<PoolProperties>({
    columnId: 'createdDateTime',
    compare: (a, b) => a.createdDateTime.localeCompare(b.createdDateTime),
  }),
  createTableColumn<PoolProperties>({
    columnId: 'modifiedDateTime',
    compare: (a, b) => a.modifiedDateTime.localeCompare(b.modifiedDateTime),
  }),
];

const headers: Record<string, string> = {
  displayName: 'Name',
  activationCodeCount: 'Activation codes',
  createdDateTime: 'Created',
  modifiedDateTime: 'Modified',
};

const useStyles = makeStyles({
  scroller: {
    maxHeight: 'calc(100vh - 260px)',
    minHeight: '200px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { minWidth: '640px', tableLayout: 'fixed' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, right: 0, display: 'flex' },
  headerRow: { display: 'flex' },
  nameCol: { flexGrow: 3, flexBasis: 0, minWidth: '200px' },
  col: { flexGrow: 1, flexBasis: 0, minWidth: '120px' },
  selectCol: { flexGrow: 0, flexShrink: 0, flexBasis: '44px' },
  numeric: { justifyContent: 'flex-end', textAlign: 'end' },
});

export interface SortState {
  sortColumn: TableColumnId | undefined;
  sortDirection: SortDirection;
}

export interface PoolsTableProps {
  pools: PoolProperties[];
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** Enables row selection (bulk actions) when given. */
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
  caption: string;
}

/**
 * The pools grid: Fluent table primitives with the DataGrid's sort and
 * selection features, virtualised so 10,000 pools scroll smoothly. Rows are
 * absolutely positioned; aria-rowcount/aria-rowindex keep the full size known
 * to assistive technology.
 */
export function PoolsTable({ pools, sort, onSortChange, selection, caption }: PoolsTableProps): ReactNode {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedRows = useMemo(() => new Set<TableRowId>(selection?.selected ?? []), [selection?.selected]);

  const {
    getRows,
    sort: { getSortDirection, toggleColumnSort, sort: sortRows },
    selection: { allRowsSelected, someRowsSelected, toggleAllRows, toggleRow, isRowSelected },
  } = useTableFeatures({ columns, items: pools, getRowId: (p) => p.id }, [
    useTableSort({ sortState: sort, onSortChange: (_e, next) => onSortChange(next) }),
    useTableSelection({
      selectionMode: 'multiselect',
      selectedItems: selectedRows,
      onSelectionChange: (_e, data) => selection?.onChange(new Set([...data.selectedItems].map(String))),
    }),
  ]);
  const rows = sortRows(getRows());

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const headerSortProps = (columnId: TableColumnId) => ({
    onClick: (e: React.MouseEvent) => toggleColumnSort(e, columnId),
    sortDirection: getSortDirection(columnId),
  });
  const colClass = (id: string) => (id === 'displayName' ? styles.nameCol : styles.col);

  return (
    <div ref={scrollRef} className={styles.scroller} tabIndex={-1}>
      <Table sortable aria-label={caption} aria-rowcount={rows.length + 1} className={styles.table} noNativeElements>
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1} className={styles.headerRow}>
            {selection && (
              <TableSelectionCell
                className={styles.selectCol}
                checked={allRowsSelected ? true : someRowsSelected ? 'mixed' : false}
                onClick={toggleAllRows}
                checkboxIndicator={{ 'aria-label': 'Select all pools' }}
              />
            )}
            {columns.map((c) => (
              <TableHeaderCell
                key={c.columnId}
                className={colClass(String(c.columnId))}
                {...headerSortProps(c.columnId)}
              >
                {headers[String(c.columnId)]}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            const pool = row.item;
            const selected = isRowSelected(row.rowId);
            return (
              <TableRow
                key={row.rowId}
                aria-rowindex={v.index + 2}
                aria-selected={selection ? selected : undefined}
                className={styles.row}
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              >
                {selection && (
                  <TableSelectionCell
                    className={styles.selectCol}
                    checked={selected}
                    onClick={(e) => toggleRow(e, row.rowId)}
                    checkboxIndicator={{ 'aria-label': `Select ${pool.displayName}` }}
                  />
                )}
                <TableCell className={styles.nameCol}>
                  <TableCellLayout truncate>
                    <RouterLink to={paths.pool.getHref(pool.id)}>{pool.displayName}</RouterLink>
                  </TableCellLayout>
                </TableCell>
                <TableCell className={styles.col}>{formatCount(pool.activationCodeCount)}</TableCell>
                <TableCell className={styles.col}>{formatDateTime(pool.createdDateTime)}</TableCell>
                <TableCell className={styles.col}>{formatDateTime(pool.modifiedDateTime)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
