import { Badge, Tag, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { gridColumn, type GridColumn } from '../../../components/data-grid/columns.ts';
import { DataGrid } from '../../../components/data-grid/data-grid.tsx';
import { formatCount } from '../../../lib/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { OverviewPool } from '../lib/overview.ts';

const ESTIMATED_ROW_HEIGHT = 48;
const MAX_CHIPS = 8;

const useStyles = makeStyles({
  scroller: { maxHeight: 'calc(100vh - 320px)', minHeight: '120px' },
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

function PoolName({ pool }: { pool: OverviewPool }) {
  const styles = useStyles();
  return (
    <RouterLink to={paths.pool.getHref(pool.id)} className={styles.poolName}>
      {pool.displayName}
    </RouterLink>
  );
}

/** "All devices" and targets that are not groups show as brand chips before the included groups. */
const extraTargets = (pool: OverviewPool) => [...(pool.allDevices ? ['All devices'] : []), ...pool.other];

/** The columns depend on the group names (chips) and on the group chosen in the filter (its own column). */
function overviewColumns(nameOf: (groupId: string) => string, highlight: string | undefined): GridColumn<OverviewPool>[] {
  return [
    gridColumn<OverviewPool>({ columnId: 'pool', header: 'Pool', width: { grow: 2, min: 200 }, cell: (pool) => <PoolName pool={pool} /> }),
    ...(highlight
      ? [
          gridColumn<OverviewPool>({
            columnId: 'role',
            header: nameOf(highlight),
            width: { basis: 120 },
            cell: (pool) => {
              const included = pool.included.includes(highlight);
              return (
                <Badge appearance="tint" color={included ? 'brand' : 'danger'}>
                  {included ? 'Included' : 'Excluded'}
                </Badge>
              );
            },
          }),
        ]
      : []),
    gridColumn<OverviewPool>({
      columnId: 'codes',
      header: 'Codes',
      width: { basis: 96 },
      align: 'end',
      cell: (pool) => formatCount(pool.activationCodeCount),
    }),
    gridColumn<OverviewPool>({
      columnId: 'included',
      header: 'Included',
      width: { grow: 3, min: 220 },
      cell: (pool) => <Chips ids={pool.included} nameOf={nameOf} extra={extraTargets(pool)} highlight={highlight} />,
    }),
    gridColumn<OverviewPool>({
      columnId: 'excluded',
      header: 'Excluded',
      width: { grow: 3, min: 220 },
      cell: (pool) => <Chips ids={pool.excluded} nameOf={nameOf} extra={[]} highlight={highlight} />,
    }),
  ];
}

const getRowId = (pool: OverviewPool) => pool.id;

export interface OverviewTableProps {
  pools: OverviewPool[];
  nameOf: (groupId: string) => string;
  /** The group chosen in the filter: adds a column saying whether each pool includes or excludes it. */
  highlightGroupId?: string;
}

/** Pools with their included and excluded groups; virtualised (rows measured, since groups wrap). */
export function OverviewTable({ pools, nameOf, highlightGroupId }: OverviewTableProps) {
  const styles = useStyles();
  const columns = useMemo(() => overviewColumns(nameOf, highlightGroupId), [nameOf, highlightGroupId]);
  return (
    <DataGrid
      items={pools}
      columns={columns}
      getRowId={getRowId}
      label="Pools and their assignments"
      rowHeight={ESTIMATED_ROW_HEIGHT}
      measureRows
      className={styles.scroller}
    />
  );
}
