import { Button, SearchBox, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { textParam, useSearchParamsState } from '../../../lib/use-search-params-state.ts';
import { usePools } from '../../../entities/pools/get-pools.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { LIST_TITLE } from '../lib/titles.ts';
import { downloadText } from '../../../lib/download.ts';
import { usePoolCapacityRows } from '../hooks/use-pool-capacity-rows.ts';
import { CapacityStatus } from './capacity-status.tsx';
import { POOL_SORT_COLUMNS, PoolsTable, type SortState } from './pools-table.tsx';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { minWidth: '280px' },
  count: { color: tokens.colorNeutralForeground2 },
  spacer: { flexGrow: 1 },
  // The icon sits on the text's centre line, not above it.
  iconLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** Name filter and sort live in the URL; the default sort (name, ascending) leaves it out. */
const LIST_PARAMS = {
  q: textParam,
  sort: (raw: string | null): string => (raw !== null && POOL_SORT_COLUMNS.has(raw) ? raw : 'displayName'),
  dir: (raw: string | null) => (raw === 'desc' ? 'descending' : 'ascending') as SortState['sortDirection'],
};

export interface PoolsPageProps {
  /** Bulk actions for the selected pools (composed by the app from other features). */
  renderSelectionActions?: (selected: PoolProperties[], clear: () => void) => ReactNode;
}

/** Devices › eSIM cellular profiles: every activation-code pool of the tenant. */
export function PoolsPage({ renderSelectionActions }: PoolsPageProps) {
  const styles = useStyles();
  const [params, updateParams] = useSearchParamsState(LIST_PARAMS);
  const pools = usePools();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const nameFilter = params.q;
  const deferredFilter = useDeferredValue(nameFilter);
  const sort: SortState = { sortColumn: params.sort, sortDirection: params.dir };

  const visible = useMemo(() => {
    const all = pools.data ?? [];
    const needle = deferredFilter.trim().toLocaleLowerCase();
    return needle ? all.filter((p) => p.displayName.toLocaleLowerCase().includes(needle)) : all;
  }, [pools.data, deferredFilter]);

  const capacity = usePoolCapacityRows(visible, sort);
  const refresh = () => {
    void pools.refetch();
    capacity.usage.refresh();
  };
  // The CSV writer (Papa Parse) loads on the first export: the list does not wait for it.
  const exportCsv = () => {
    const rows = capacity.rows;
    void import('../lib/pools-export.ts').then(({ poolsCsv }) => {
      const file = poolsCsv(rows, Date.now());
      downloadText(file.name, file.text, file.type);
    });
  };
  const selectedPools = useMemo(() => visible.filter((p) => selected.has(p.id)), [visible, selected]);
  const total = pools.data?.length ?? 0;

  return (
    <>
      <PageHeader
        title={LIST_TITLE}
        description="Activation-code pools from your mobile operators. Assign a pool to device groups to provision eSIM profiles."
        actions={
          <>
            <Button icon={<ArrowClockwiseRegular />} onClick={refresh} disabled={pools.isFetching}>
              Refresh
            </Button>
            <RouterLink to={paths.upload.getHref()} appearance="subtle" className={styles.iconLink}>
              <ArrowUploadRegular aria-hidden /> Upload carrier CSV files
            </RouterLink>
          </>
        }
      />
      <div className={styles.toolbar}>
        <SearchBox
          className={styles.search}
          aria-label="Filter pools by name"
          placeholder="Filter by name"
          value={nameFilter}
          onChange={(_e, data) => updateParams({ q: data.value || null })}
        />
        {pools.data && (
          <Text className={styles.count} role="status" aria-live="polite">
            {nameFilter ? `${formatCount(visible.length)} of ${formatCount(total)} pools` : `${formatCount(total)} pools`}
            {pools.isFetching && total > 0 ? ' · loading…' : ''}
          </Text>
        )}
        <span className={styles.spacer} />
        {renderSelectionActions && selectedPools.length > 0 && renderSelectionActions(selectedPools, () => setSelected(new Set()))}
      </div>
      {pools.isPending || (pools.isFetching && total === 0 && !pools.isError) ? (
        <Spinner label="Loading pools…" />
      ) : pools.isError ? (
        <ErrorState error={pools.error} title="Pools could not be loaded" onRetry={() => void pools.refetch()} />
      ) : total === 0 ? (
        <EmptyState
          title="No eSIM pools yet"
          action={<RouterLink to={paths.upload.getHref()}>Upload the CSV files from your mobile operator</RouterLink>}
        >
          Pools hold the activation codes your mobile operator sends you as CSV files.
        </EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState title="No pool matches this filter">Clear the filter to see all {formatCount(total)} pools.</EmptyState>
      ) : (
        <>
          <CapacityStatus usage={capacity.usage} threshold={capacity.threshold} onExport={exportCsv} />
          <PoolsTable
            pools={capacity.rows}
            countsLoaded={capacity.usage.complete && capacity.usage.loaded === capacity.usage.total}
            caption="eSIM activation-code pools"
            sort={sort}
            onSortChange={(next) =>
              updateParams({
                sort: next.sortColumn && next.sortColumn !== 'displayName' ? String(next.sortColumn) : null,
                dir: next.sortDirection === 'descending' ? 'desc' : null,
              })
            }
            selection={renderSelectionActions ? { selected, onChange: setSelected } : undefined}
          />
        </>
      )}
    </>
  );
}
