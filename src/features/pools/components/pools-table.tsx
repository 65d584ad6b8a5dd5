import { TableCellLayout, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { compareText, gridColumn, type SortState } from '../../../components/data-grid/columns.ts';
import { DataGrid } from '../../../components/data-grid/data-grid.tsx';
import { formatCount, formatDateTime } from '../../../components/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';

export type { SortState };

const byDate = (key: 'createdDateTime' | 'modifiedDateTime') => (a: PoolProperties, b: PoolProperties) => a[key].localeCompare(b[key]);

const columns = [
  gridColumn<PoolProperties>({
    columnId: 'displayName',
    header: 'Name',
    width: { grow: 3, min: 200 },
    compare: (a, b) => compareText(a.displayName, b.displayName),
    cell: (pool) => (
      <TableCellLayout truncate>
        <RouterLink to={paths.pool.getHref(pool.id)}>{pool.displayName}</RouterLink>
      </TableCellLayout>
    ),
  }),
  gridColumn<PoolProperties>({
    columnId: 'activationCodeCount',
    header: 'Activation codes',
    width: { grow: 1, min: 120 },
    compare: (a, b) => a.activationCodeCount - b.activationCodeCount,
    cell: (pool) => formatCount(pool.activationCodeCount),
  }),
  gridColumn<PoolProperties>({
    columnId: 'createdDateTime',
    header: 'Created',
    width: { grow: 1, min: 120 },
    compare: byDate('createdDateTime'),
    cell: (pool) => formatDateTime(pool.createdDateTime),
  }),
  gridColumn<PoolProperties>({
    columnId: 'modifiedDateTime',
    header: 'Modified',
    width: { grow: 1, min: 120 },
    compare: byDate('modifiedDateTime'),
    cell: (pool) => formatDateTime(pool.modifiedDateTime),
  }),
];

/** The columns the pools grid can sort by (the page checks the URL's `sort` against them). */
export const POOL_SORT_COLUMNS: ReadonlySet<string> = new Set(columns.filter((c) => c.sortable).map((c) => String(c.columnId)));

const useStyles = makeStyles({
  scroller: { maxHeight: 'calc(100vh - 260px)', minHeight: '200px' },
});

const getRowId = (pool: PoolProperties) => pool.id;
const rowLabel = (pool: PoolProperties) => `Select ${pool.displayName}`;

export interface PoolsTableProps {
  pools: PoolProperties[];
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** Enables row selection (bulk actions) when given. */
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
  caption: string;
}

/** The pools of the tenant: name (links to the pool), codes, created, modified; sortable and selectable. */
export function PoolsTable({ pools, sort, onSortChange, selection, caption }: PoolsTableProps): ReactNode {
  const styles = useStyles();
  return (
    <DataGrid
      items={pools}
      columns={columns}
      getRowId={getRowId}
      label={caption}
      rowHeight={44}
      minWidth={640}
      className={styles.scroller}
      sort={sort}
      onSortChange={onSortChange}
      selection={selection && { ...selection, selectAllLabel: 'Select all pools', rowLabel }}
    />
  );
}
