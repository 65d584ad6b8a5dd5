import { TableCell, TableRow, TableSelectionCell, type TableRowId } from '@fluentui/react-components';
import { memo, type MouseEvent, type ReactNode, type Ref } from 'react';
import { columnStyle, type GridColumn } from './columns.ts';

export const SELECT_WIDTH = 44;
export const SELECT_COLUMN = columnStyle({ basis: SELECT_WIDTH });

export interface GridRowProps<T> {
  item: T;
  rowId: string;
  index: number;
  /** Offset from the top of the body, in pixels. */
  start: number;
  /** Fixed height; undefined when the row is measured. */
  height: number | undefined;
  columns: GridColumn<T>[];
  /** One class per column, in column order (stable between scroll steps). */
  cellClasses: readonly string[];
  className: string;
  measure: Ref<HTMLDivElement> | undefined;
  /** Present when the grid has a checkbox column. */
  selected: boolean | undefined;
  rowLabel: ((item: T) => string) | undefined;
  onToggle: (e: MouseEvent, rowId: TableRowId) => void;
}

function GridRowImpl<T>({
  item,
  rowId,
  index,
  start,
  height,
  columns,
  cellClasses,
  className,
  measure,
  selected,
  rowLabel,
  onToggle,
}: GridRowProps<T>): ReactNode {
  return (
    <TableRow
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={className}
      style={{ transform: `translateY(${start}px)`, height }}
    >
      {selected !== undefined && rowLabel && (
        <TableSelectionCell
          style={SELECT_COLUMN}
          checked={selected}
          onClick={(e) => onToggle(e, rowId)}
          checkboxIndicator={{ 'aria-label': rowLabel(item) }}
        />
      )}
      {columns.map((c, i) => (
        <TableCell key={c.columnId} style={columnStyle(c.width)} className={cellClasses[i]}>
          {c.renderCell(item)}
        </TableCell>
      ))}
    </TableRow>
  );
}

/**
 * One body row of the DataGrid. Memoised: the virtualiser re-renders the grid on every scroll
 * step, and re-rendering the rows that stayed on screen (Fluent cells, formatted dates) made
 * scrolling a long table take long tasks; now only the rows that scroll in are rendered.
 */
export const GridRow = memo(GridRowImpl) as typeof GridRowImpl;
