import { Badge, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CellLink, CellText } from '../../../components/data-grid/cell-text.tsx';
import { gridColumn } from '../../../components/data-grid/columns.ts';
import { DataGrid } from '../../../components/data-grid/data-grid.tsx';
import { formatCount } from '../../../lib/format.ts';
import { paths } from '../../../config/paths.ts';
import type { LowThreshold } from '../../../entities/fleet/capacity.ts';
import { capacityLevel } from '../../../entities/fleet/urgency.ts';
import type { UrgencyRow } from '../lib/fleet-model.ts';
import { DashboardCard } from './dashboard-card.tsx';

const useStyles = makeStyles({
  remaining: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  scroller: { maxHeight: '480px', minHeight: '120px' },
});

function CapacityCell({ row }: { row: UrgencyRow }) {
  const styles = useStyles();
  const level = capacityLevel(row.capacity);
  return (
    <span className={styles.remaining}>
      <span>
        {formatCount(row.capacity.remaining)} of {formatCount(row.capacity.total)}
      </span>
      {level === 'overdrawn' && <Badge color="danger">Over by {formatCount(row.capacity.overdrawnBy)}</Badge>}
      {level === 'empty' && <Badge color="danger">None left</Badge>}
      {level === 'low' && <Badge color="warning">Low</Badge>}
    </span>
  );
}

/** Why the pool is listed where it is: one line, whole in a tooltip (hover and keyboard focus) when cut. */
function WhyCell({ row }: { row: UrgencyRow }) {
  return row.reasons.length > 0 ? <CellText text={row.reasons.join('; ')} /> : <CellText text="Nothing needs attention" muted />;
}

// No column sorts: the urgency order is what the table is for.
const COLUMNS = [
  gridColumn<UrgencyRow>({
    columnId: 'pool',
    header: 'Pool',
    width: { grow: 2, min: 200 },
    cell: (r) => <CellLink to={paths.pool.getHref(r.id)} text={r.displayName} />,
  }),
  gridColumn<UrgencyRow>({ columnId: 'failed', header: 'Failed devices', width: { grow: 1, min: 80 }, align: 'end', cell: (r) => formatCount(r.failedDevices) }),
  gridColumn<UrgencyRow>({ columnId: 'remaining', header: 'Codes remaining', width: { grow: 1.5, min: 120 }, cell: (r) => <CapacityCell row={r} /> }),
  gridColumn<UrgencyRow>({
    columnId: 'shortfall',
    header: 'May get no profile',
    width: { grow: 1, min: 120 },
    cell: (r) => (r.shortfall?.shortfall == null ? '—' : formatCount(r.shortfall.shortfall)),
  }),
  gridColumn<UrgencyRow>({ columnId: 'why', header: 'Why it is here', width: { grow: 3, min: 200 }, cell: (r) => <WhyCell row={r} /> }),
];

const getRowId = (r: UrgencyRow) => r.id;

export interface UrgencyCardProps {
  rows: readonly UrgencyRow[];
  /** Pools whose device states are not read yet (left out of the list until they are). */
  unread: number;
  attentionOnly: boolean;
  onAttentionOnlyChange: (on: boolean) => void;
  threshold: LowThreshold;
}

/** Every pool read so far, the ones that need an admin first (failures, then capacity, then shortfall). */
export function UrgencyCard({ rows, unread, attentionOnly, onAttentionOnlyChange, threshold }: UrgencyCardProps) {
  const styles = useStyles();
  const how =
    'Ordered by failed devices (failed or error state), then codes: more devices than codes, none left, low ' +
    `(under ${threshold.percent} % or under ${formatCount(threshold.minCodes)} codes left), then devices that may get no profile. ` +
    "Remaining = the pool's codes − devices given a code (its device states); Graph doesn't say which codes were used. " +
    'May get no profile = targeted devices without a code, beyond the codes left (each pool shows how it was counted).';
  return (
    <DashboardCard
      title="Pools by urgency"
      how={how}
      actions={
        <Switch
          label="Only pools that need attention"
          checked={attentionOnly}
          onChange={(_e, data) => onAttentionOnlyChange(data.checked)}
        />
      }
    >
      <Text className={styles.muted} role="status">
        {formatCount(rows.length)} {rows.length === 1 ? 'pool' : 'pools'}
        {attentionOnly ? ' need attention' : ''}
        {unread > 0 ? ` · ${formatCount(unread)} not read yet` : ''}
      </Text>
      {rows.length > 0 && (
        <DataGrid items={rows} columns={COLUMNS} getRowId={getRowId} label="Pools by urgency" rowHeight={44} className={styles.scroller} />
      )}
    </DashboardCard>
  );
}
