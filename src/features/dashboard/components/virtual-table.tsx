import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export interface VirtualColumn<T> {
  id: string;
  header: string;
  /** Relative width (flex-grow); defaults to 1. */
  grow?: number;
  minWidth?: 'narrow' | 'normal' | 'wide';
  numeric?: boolean;
  render: (row: T) => ReactNode;
}

const useStyles = makeStyles({
  scroller: {
    maxHeight: '480px',
    minHeight: '120px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { minWidth: '720px', tableLayout: 'fixed' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  headerRow: { display: 'flex' },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, right: 0, display: 'flex' },
  cell: { flexBasis: 0, overflow: 'hidden' },
  narrow: { minWidth: '80px' },
  normal: { minWidth: '120px' },
  wide: { minWidth: '200px' },
  numeric: { justifyContent: 'flex-end', textAlign: 'end' },
});

export interface VirtualTableProps<T> {
  caption: string;
  columns: readonly VirtualColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowHeight?: number;
}

/**
 * A read-only table that renders only the rows in view, so thousands of rows
 * scroll smoothly (the pools list's pattern: Fluent table primitives, rows
 * absolutely placed, aria-rowcount and aria-rowindex keep the full size known
 * to assistive technology).
 */
export function VirtualTable<T>({ caption, columns, rows, rowKey, rowHeight = 44 }: VirtualTableProps<T>) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const cellClass = (c: VirtualColumn<T>) => mergeClasses(styles.cell, styles[c.minWidth ?? 'normal'], c.numeric && styles.numeric);

  return (
    <div ref={scrollRef} className={styles.scroller} tabIndex={-1}>
      <Table aria-label={caption} aria-rowcount={rows.length + 1} className={styles.table} noNativeElements size="small">
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1} className={styles.headerRow}>
            {columns.map((c) => (
              <TableHeaderCell key={c.id} className={cellClass(c)} style={{ flexGrow: c.grow ?? 1 }}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (row === undefined) return null;
            return (
              <TableRow
                key={rowKey(row)}
                aria-rowindex={v.index + 2}
                className={styles.row}
                style={{ transform: `translateY(${v.start}px)`, height: rowHeight }}
              >
                {columns.map((c) => (
                  <TableCell key={c.id} className={cellClass(c)} style={{ flexGrow: c.grow ?? 1 }}>
                    {c.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
