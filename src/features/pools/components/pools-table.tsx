import { makeStyles } from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import { CellLink } from '../../../components/data-grid/cell-text.tsx';
import { compareText, gridColumn, type SortState } from '../../../components/data-grid/columns.ts';
import { DataGrid } from '../../../components/data-grid/data-grid.tsx';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { paths } from '../../../config/paths.ts';
import { compareCapacity, type PoolRow } from '../lib/pool-rows.ts';
import { CapacityCell } from './capacity-cell.tsx';

export type { SortState };

/** One of the pool's timestamps, shown in local time, sorted by time (ISO 8601 UTC strings sort as text). */
const dateColumn = (columnId: 'createdDateTime' | 'modifiedDateTime', header: string) =>
  gridColumn<PoolRow>({
    columnId,
    header,
    // Wide enough for a date and time on one line ("Sep 20, 2026, 10:39 PM").
    width: { grow: 1, min: 184 },
    compare: (a, b) => a[columnId].localeCompare(b[columnId]),
    cell: (pool) => formatDateTime(pool[columnId]),
  });

/** The capacity column: sortable only once every pool's device states are counted. */
const capacityColumn = (sortable: boolean) =>
  gridColumn<PoolRow>({
    columnId: 'remaining',
    header: 'Codes remaining',
    width: { grow: 2, min: 200 },
    ...(sortable ? { compare: compareCapacity } : {}),
    cell: (pool) => <CapacityCell row={pool} />,
  });

const baseColumns = [
  gridColumn<PoolRow>({
    columnId: 'displayName',
    header: 'Name',
    width: { grow: 3, min: 200 },
    compare: (a, b) => compareText(a.displayName, b.displayName),
    // A long name is cut, whole in a tooltip on hover and on focus.
    cell: (pool) => <CellLink to={paths.pool.getHref(pool.id)} text={pool.displayName} />,
  }),
  gridColumn<PoolRow>({
    columnId: 'activationCodeCount',
    header: 'Activation codes',
    width: { grow: 1, min: 120 },
    compare: (a, b) => a.activationCodeCount - b.activationCodeCount,
    cell: (pool) => formatCount(pool.activationCodeCount),
  }),
  dateColumn('createdDateTime', 'Created'),
  dateColumn('modifiedDateTime', 'Modified'),
];

const withCapacity = (sortable: boolean) => [...baseColumns.slice(0, 2), capacityColumn(sortable), ...baseColumns.slice(2)];
const COLUMNS = { counting: withCapacity(false), counted: withCapacity(true) };

/** The columns the pools grid can sort by (the page checks the URL's `sort` against them). */
export const POOL_SORT_COLUMNS: ReadonlySet<string> = new Set(COLUMNS.counted.filter((c) => c.sortable).map((c) => String(c.columnId)));

const useStyles = makeStyles({
  scroller: { maxHeight: 'calc(100vh - 260px)', minHeight: '200px' },
});

const getRowId = (pool: PoolRow) => pool.id;
const rowLabel = (pool: PoolRow) => `Select ${pool.displayName}`;

export interface PoolsTableProps {
  pools: PoolRow[];
  /** Every pool's device states are counted: the capacity column can sort. */
  countsLoaded: boolean;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** Enables row selection (bulk actions) when given. */
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
  caption: string;
}

/** The pools of the tenant: name (links to the pool), codes, codes remaining, created, modified; sortable and selectable. */
export function PoolsTable({ pools, countsLoaded, sort, onSortChange, selection, caption }: PoolsTableProps): ReactNode {
  const styles = useStyles();
  const columns = countsLoaded ? COLUMNS.counted : COLUMNS.counting;
  // Until the counts are in, a capacity sort from the URL shows the list unsorted rather than half-sorted.
  const shownSort = useMemo(() => (!countsLoaded && sort.sortColumn === 'remaining' ? { ...sort, sortColumn: undefined } : sort), [countsLoaded, sort]);
  return (
    <DataGrid
      items={pools}
      columns={columns}
      getRowId={getRowId}
      label={caption}
      rowHeight={44}
      className={styles.scroller}
      sort={shownSort}
      onSortChange={onSortChange}
      selection={selection && { ...selection, selectAllLabel: 'Select all pools', rowLabel }}
    />
  );
}
