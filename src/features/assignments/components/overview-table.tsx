import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tag,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatCount } from '../../../components/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { OverviewPool } from '../lib/overview.ts';

const ESTIMATED_ROW_HEIGHT = 48;
const MAX_CHIPS = 8;

const useStyles = makeStyles({
  scroller: {
    maxHeight: 'calc(100vh - 320px)',
    minHeight: '120px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { minWidth: '760px' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, right: 0, display: 'flex', alignItems: 'stretch', minHeight: '44px' },
  headerRow: { display: 'flex' },
  cell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, minHeight: '44px', height: 'auto', alignItems: 'center' },
  poolCol: { flexGrow: 2, flexBasis: 0, minWidth: '200px' },
  roleCol: { flexGrow: 0, flexShrink: 0, flexBasis: '120px' },
  codesCol: { flexGrow: 0, flexShrink: 0, flexBasis: '96px', justifyContent: 'flex-end', textAlign: 'end' },
  groupsCol: { flexGrow: 3, flexBasis: 0, minWidth: '220px' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  none: { color: tokens.colorNeutralForeground3 },
  poolName: { overflowWrap: 'anywhere' },
});

function Chips({ ids, nameOf, extra, highlight }: { ids: string[]; nameOf: (id: string) => string; extra: string[]; highlight?: string }) {
  const styles = useStyles();
  if (ids.length === 0 && extra.length === 0) return <span className={styles.none}>None</span>;
  const shown = ids.slice(0, MAX_CHIPS);
  return (
    <span className={styles.chips}>
      {extra.map((label) => (
        <Tag key={label} size="small" appearance="brand" shape="rounded">
          {label}
        </Tag>
      ))}
      {shown.map((id) => (
        <Tag key={id} size="small" shape="rounded" appearance={id === highlight ? 'brand' : 'outline'}>
          {nameOf(id)}
        </Tag>
      ))}
      {ids.length > shown.length && <Text size={200}>+{formatCount(ids.length - shown.length)} more</Text>}
    </span>
  );
}

export interface OverviewTableProps {
  pools: OverviewPool[];
  nameOf: (groupId: string) => string;
  /** The group chosen in the filter: adds a column saying whether each pool includes or excludes it. */
  highlightGroupId?: string;
}

/** Pools with their included and excluded groups; virtualised (rows measured, since groups wrap). */
export function OverviewTable({ pools, nameOf, highlightGroupId }: OverviewTableProps) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: pools.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => pools[i]?.id ?? i,
  });
  const cell = (col: string) => mergeClasses(styles.cell, col);

  return (
    <div ref={scrollRef} className={styles.scroller} tabIndex={-1}>
      <Table aria-label="Pools and their assignments" aria-rowcount={pools.length + 1} className={styles.table} noNativeElements>
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1} className={styles.headerRow}>
            <TableHeaderCell className={styles.poolCol}>Pool</TableHeaderCell>
            {highlightGroupId && <TableHeaderCell className={styles.roleCol}>{nameOf(highlightGroupId)}</TableHeaderCell>}
            <TableHeaderCell className={styles.codesCol}>Codes</TableHeaderCell>
            <TableHeaderCell className={styles.groupsCol}>Included</TableHeaderCell>
            <TableHeaderCell className={styles.groupsCol}>Excluded</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const pool = pools[v.index];
            if (!pool) return null;
            const extra = [...(pool.allDevices ? ['All devices'] : []), ...pool.other];
            const included = highlightGroupId ? pool.included.includes(highlightGroupId) : false;
            return (
              <TableRow
                key={v.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                aria-rowindex={v.index + 2}
                className={styles.row}
                style={{ transform: `translateY(${v.start}px)` }}
              >
                <TableCell className={cell(styles.poolCol)}>
                  <RouterLink to={paths.pool.getHref(pool.id)} className={styles.poolName}>
                    {pool.displayName}
                  </RouterLink>
                </TableCell>
                {highlightGroupId && (
                  <TableCell className={cell(styles.roleCol)}>
                    <Badge appearance="tint" color={included ? 'brand' : 'danger'}>
                      {included ? 'Included' : 'Excluded'}
                    </Badge>
                  </TableCell>
                )}
                <TableCell className={cell(styles.codesCol)}>{formatCount(pool.activationCodeCount)}</TableCell>
                <TableCell className={cell(styles.groupsCol)}>
                  <Chips ids={pool.included} nameOf={nameOf} extra={extra} highlight={highlightGroupId} />
                </TableCell>
                <TableCell className={cell(styles.groupsCol)}>
                  <Chips ids={pool.excluded} nameOf={nameOf} extra={[]} highlight={highlightGroupId} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
