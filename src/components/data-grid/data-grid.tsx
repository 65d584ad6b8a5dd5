import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { columnStyle, minRowWidth, type GridColumn, type SortState } from './columns.ts';
import { GridRow, SELECT_COLUMN, SELECT_WIDTH } from './grid-row.tsx';
import { useGridRows, type GridSelection } from './use-grid-rows.ts';

const useStyles = makeStyles({
  scroller: {
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: { tableLayout: 'fixed' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  headerRow: { display: 'flex' },
  body: { position: 'relative' },
  // Containment keeps a row's layout and paint to itself: rows scrolling in do not re-lay out the
  // rest of the table (the browser's share of a scroll step, more than React's before this).
  row: { position: 'absolute', left: 0, right: 0, display: 'flex', contain: 'layout style paint' },
  fixedRow: { contain: 'strict' },
  // Measured rows grow with their content (wrapping chips), so their cells do too.
  measuredRow: { alignItems: 'stretch', minHeight: '44px' },
  measuredCell: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    minHeight: '44px',
    height: 'auto',
    alignItems: 'center',
  },
  end: { justifyContent: 'flex-end', textAlign: 'end' },
});

export interface DataGridProps<T> {
  items: readonly T[];
  columns: GridColumn<T>[];
  getRowId: (item: T) => string;
  /** The table's accessible name. */
  label: string;
  /** Fixed row height in pixels; with `measureRows`, the first estimate of a row that is then measured. */
  rowHeight: number;
  measureRows?: boolean;
  /** Sizes the scroll area (max/min height); merged last. */
  className?: string;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  defaultSort?: SortState;
  /** Adds a checkbox column; `rowLabel` names each row's checkbox. */
  selection?: GridSelection & { selectAllLabel: string; rowLabel: (item: T) => string };
}

/**
 * The console's one table: Fluent table primitives with the DataGrid's sort and selection
 * features, virtualised with @tanstack/react-virtual so 10,000 rows scroll smoothly.
 * Rows are absolutely positioned; aria-rowcount/aria-rowindex keep the full size known to
 * assistive technology. Keyboard: the scroll area is a tab stop (so rows without controls can
 * still be scrolled), Tab walks the controls in order, and the arrow keys move between cells'
 * controls as in Fluent's DataGrid.
 */
interface GridHeaderProps {
  columns: GridColumn<unknown>[];
  className: string;
  rowClass: string;
  endClass: string;
  sortKey: string;
  /** Present when the grid has a checkbox column. */
  allChecked: boolean | 'mixed' | undefined;
  selectAllLabel: string | undefined;
  live: { current: ReturnType<typeof useGridRows> };
}

const GridHeader = memo(function GridHeader({ columns, className, rowClass, endClass, allChecked, selectAllLabel, live }: GridHeaderProps) {
  const grid = live.current;
  return (
    <TableHeader className={className}>
      <TableRow aria-rowindex={1} className={rowClass}>
        {allChecked !== undefined && (
          <TableSelectionCell style={SELECT_COLUMN} checked={allChecked} onClick={(e) => live.current.toggleAll(e)} checkboxIndicator={{ 'aria-label': selectAllLabel }} />
        )}
        {columns.map((c) => (
          <TableHeaderCell
            key={c.columnId}
            style={columnStyle(c.width)}
            className={c.align === 'end' ? endClass : undefined}
            sortable={c.sortable}
            {...(c.sortable ? { ...grid.headerSort(c.columnId), onClick: (e: MouseEvent) => live.current.headerSort(c.columnId).onClick(e) } : {})}
          >
            {c.renderHeaderCell()}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
});

export function DataGrid<T>(props: DataGridProps<T>): ReactNode {
  const { columns, label, rowHeight, measureRows = false, className, selection } = props;
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const arrowNavigation = useArrowNavigationGroup({ axis: 'grid', tabbable: true });
  const grid = useGridRows(props);
  const { rows } = grid;

  // Stable between scroll steps: the virtualiser recomputes every row's offset when it changes.
  const getItemKey = useCallback((i: number) => rows[i]?.rowId ?? i, [rows]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: measureRows ? 8 : 12,
    getItemKey,
  });

  const cellClasses = useMemo(
    () => columns.map((c) => mergeClasses(measureRows && styles.measuredCell, c.align === 'end' && styles.end)),
    [columns, measureRows, styles],
  );
  const rowClass = mergeClasses(styles.row, measureRows ? styles.measuredRow : styles.fixedRow);
  // The header reads the grid's latest handlers through a ref, so it re-renders only when its
  // sort arrows or select-all box change, not on every scroll step.
  const live = useRef(grid);
  live.current = grid;

  return (
    <div ref={scrollRef} className={mergeClasses(styles.scroller, className)} tabIndex={0} role="group" aria-label={`${label}, scrollable`}>
      <Table
        sortable={grid.sortable}
        aria-label={label}
        aria-rowcount={rows.length + 1}
        className={styles.table}
        // Below the columns' minimum widths the table scrolls sideways instead of cutting cells further.
        style={{ minWidth: minRowWidth(columns, selection ? SELECT_WIDTH : 0) }}
        noNativeElements
        {...arrowNavigation}
      >
        <GridHeader
          columns={columns as GridColumn<unknown>[]}
          className={styles.header}
          rowClass={styles.headerRow}
          endClass={styles.end}
          sortKey={grid.sortKey}
          allChecked={selection ? grid.allChecked : undefined}
          selectAllLabel={selection?.selectAllLabel}
          live={live}
        />
        <TableBody className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return (
              <GridRow
                key={v.key}
                item={row.item}
                rowId={String(row.rowId)}
                index={v.index}
                start={v.start}
                height={measureRows ? undefined : rowHeight}
                columns={columns}
                cellClasses={cellClasses}
                className={rowClass}
                measure={measureRows ? virtualizer.measureElement : undefined}
                selected={selection ? grid.isSelected(row.rowId) : undefined}
                rowLabel={selection?.rowLabel}
                onToggle={grid.toggleRow}
              />
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
