import { Badge, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatCount } from '../../../lib/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { LowThreshold } from '../../../entities/fleet/capacity.ts';
import { capacityLevel } from '../../../entities/fleet/urgency.ts';
import type { UrgencyRow } from '../lib/fleet-model.ts';
import { DashboardCard } from './dashboard-card.tsx';
import { VirtualTable, type VirtualColumn } from './virtual-table.tsx';

const useStyles = makeStyles({
  remaining: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  why: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  muted: { color: tokens.colorNeutralForeground2 },
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

function WhyCell({ row }: { row: UrgencyRow }) {
  const styles = useStyles();
  const text = row.reasons.length > 0 ? row.reasons.join('; ') : 'Nothing needs attention';
  return (
    <span className={row.reasons.length > 0 ? styles.why : styles.muted} title={text}>
      {text}
    </span>
  );
}

const COLUMNS: readonly VirtualColumn<UrgencyRow>[] = [
  { id: 'pool', header: 'Pool', grow: 2, minWidth: 'wide', render: (r) => <RouterLink to={paths.pool.getHref(r.id)}>{r.displayName}</RouterLink> },
  { id: 'failed', header: 'Failed devices', minWidth: 'narrow', numeric: true, render: (r) => formatCount(r.failedDevices) },
  { id: 'remaining', header: 'Codes remaining', grow: 1.5, render: (r) => <CapacityCell row={r} /> },
  { id: 'shortfall', header: 'May get no profile', render: (r) => (r.shortfall?.shortfall == null ? '—' : formatCount(r.shortfall.shortfall)) },
  { id: 'why', header: 'Why it is here', grow: 3, minWidth: 'wide', render: (r) => <WhyCell row={r} /> },
];

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
      {rows.length > 0 && <VirtualTable caption="Pools by urgency" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} />}
    </DashboardCard>
  );
}
