import {
  useTableFeatures,
  useTableSelection,
  useTableSort,
  type TableColumnId,
  type TableRowId,
} from '@fluentui/react-components';
import { useMemo, type MouseEvent } from 'react';
import type { GridColumn, SortState } from './columns.ts';

export interface GridSelection {
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}

export interface GridRowsOptions<T> {
  items: readonly T[];
  columns: GridColumn<T>[];
  getRowId: (item: T) => string;
  /** Controlled sort (e.g. kept in the URL); with `onSortChange`. */
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  /** Uncontrolled sort: where the grid starts. */
  defaultSort?: SortState;
  selection?: GridSelection;
}

const NO_SELECTION: ReadonlySet<string> = new Set();

/**
 * The grid's rows in display order, with Fluent's sort and selection features. Both features are
 * always registered (hooks run in a fixed order); selection is inert when the grid has none.
 */
export function useGridRows<T>({ items, columns, getRowId, sort, onSortChange, defaultSort, selection }: GridRowsOptions<T>) {
  const selectedRows = useMemo(() => new Set<TableRowId>(selection?.selected ?? NO_SELECTION), [selection?.selected]);
  const {
    getRows,
    sort: sortFeature,
    selection: selectionFeature,
  } = useTableFeatures({ columns, items: items as T[], getRowId }, [
    useTableSort({
      sortState: sort,
      defaultSortState: defaultSort,
      onSortChange: (_e, next) => onSortChange?.(next),
    }),
    useTableSelection({
      selectionMode: 'multiselect',
      selectedItems: selectedRows,
      onSelectionChange: (_e, data) => selection?.onChange(new Set([...data.selectedItems].map(String))),
    }),
  ]);

  // Sorted once per change of rows or order, not on every render: the grid re-renders on each
  // scroll step, and sorting thousands of rows there made scrolling take long tasks.
  const { sortColumn, sortDirection } = sortFeature;
  const rows = useMemo(
    () => sortFeature.sort(getRows()),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- getRows/sort are new each render; these are what they read
    [items, columns, sortColumn, sortDirection],
  );

  return {
    rows,
    /** Changes exactly when the header's sort arrows do (the header re-renders only then). */
    sortKey: `${String(sortColumn)}:${sortDirection}`,
    sortable: columns.some((c) => c.sortable),
    headerSort: (columnId: TableColumnId) => ({
      onClick: (e: MouseEvent) => sortFeature.toggleColumnSort(e, columnId),
      sortDirection: sortFeature.getSortDirection(columnId),
    }),
    allChecked: selectionFeature.allRowsSelected ? true : selectionFeature.someRowsSelected ? ('mixed' as const) : false,
    toggleAll: selectionFeature.toggleAllRows,
    toggleRow: selectionFeature.toggleRow,
    isSelected: selectionFeature.isRowSelected,
  };
}
