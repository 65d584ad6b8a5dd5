import { Button, SearchBox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatCount } from '../../../components/format.ts';
import type { DeviceFilters } from '../hooks/use-device-status.ts';
import { devices } from '../lib/device-status.ts';
import { GROUP_LABEL, STATE_GROUPS } from './device-state-text.ts';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  search: { minWidth: '280px' },
  dropdown: { minWidth: '180px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Status and text filters over the device table, with how many devices they leave. */
export function DeviceStatusFilters({ filters, shown, total }: { filters: DeviceFilters; shown: number; total: number }) {
  const styles = useStyles();
  return (
    <div className={styles.toolbar}>
      <Select
        className={styles.dropdown}
        aria-label="Filter by status"
        value={filters.group ?? 'all'}
        onChange={(_e, data) => filters.setGroup(data.value === 'all' ? null : data.value)}
      >
        <option value="all">All statuses</option>
        {STATE_GROUPS.map((g) => (
          <option key={g} value={g}>
            {GROUP_LABEL[g]}
          </option>
        ))}
      </Select>
      <SearchBox
        className={styles.search}
        aria-label="Filter by device, user or UICC ID"
        placeholder="Filter by device, user or UICC ID"
        value={filters.search}
        onChange={(_e, data) => filters.setSearch(data.value)}
      />
      <Text className={styles.muted} role="status" aria-live="polite">
        {filters.filtered ? `${formatCount(shown)} of ${devices(total)}` : devices(total)}
      </Text>
      {filters.filtered && (
        <Button appearance="subtle" onClick={filters.clear}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
