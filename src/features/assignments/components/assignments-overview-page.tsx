import {
  Badge,
  Button,
  Combobox,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useDeferredValue, useMemo, useState } from 'react';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorState, describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useGroupsByIds } from '../../../entities/groups/get-groups-by-ids.ts';
import { usePoolsWithAssignments } from '../../../entities/pools/get-pools-with-assignments.ts';
import { textParam, useSearchParamsState } from '../../../lib/use-search-params-state.ts';
import { groupNameLookup } from '../lib/group-names.ts';
import { byName, filterOverview, groupsInAssignments, toOverviewPool } from '../lib/overview.ts';
import { OverviewTable } from './overview-table.tsx';

const MAX_GROUP_OPTIONS = 100;

/** The chosen group and the text filter live in the URL (a link shows the same view). */
const OVERVIEW_PARAMS = { group: (raw: string | null) => raw ?? undefined, q: textParam };

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  group: { minWidth: '320px' },
  search: { minWidth: '280px' },
  count: { color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    marginBottom: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  optionCount: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS },
  notice: { marginBottom: tokens.spacingVerticalM },
});

/**
 * Assignments across all pools: every pool with its included and excluded
 * groups, filterable by a group ("which pools does group X get?") and by text.
 */
export function AssignmentsOverviewPage() {
  const styles = useStyles();
  const [params, updateParams] = useSearchParamsState(OVERVIEW_PARAMS);
  const query = usePoolsWithAssignments();

  const pools = useMemo(
    () =>
      (query.data ?? [])
        .map(toOverviewPool)
        .sort((a, b) => byName(a.displayName, b.displayName)),
    [query.data],
  );
  const groups = useMemo(() => groupsInAssignments(pools), [pools]);
  const groupIds = useMemo(() => groups.map((g) => g.id), [groups]);
  const names = useGroupsByIds(groupIds);
  const nameMap = names.data;
  const nameOf = useMemo(() => groupNameLookup(nameMap), [nameMap]);
  const sortedGroups = useMemo(() => {
    const name = groupNameLookup(nameMap);
    return [...groups].sort((a, b) => byName(name(a.id), name(b.id)));
  }, [groups, nameMap]);

  const groupId = params.group;
  const text = params.q;
  const deferredText = useDeferredValue(text);
  const rows = useMemo(() => filterOverview(pools, { groupId, text: deferredText }, groupNameLookup(nameMap)), [pools, groupId, deferredText, nameMap]);

  const chosen = groupId ? groups.find((g) => g.id === groupId) : undefined;
  const [groupText, setGroupText] = useState<string | null>(null);
  const comboText = groupText ?? (groupId ? nameOf(groupId) : '');

  const optionNeedle = (groupText ?? '').trim().toLocaleLowerCase();
  const matchingGroups = optionNeedle ? sortedGroups.filter((g) => nameOf(g.id).toLocaleLowerCase().includes(optionNeedle)) : sortedGroups;
  const options = matchingGroups.slice(0, MAX_GROUP_OPTIONS);

  return (
    <>
      <PageHeader
        title="Assignments"
        description="Which device groups get eSIM activation codes from which pool. Choose a group to see every pool that includes or excludes it."
        actions={
          <Button icon={<ArrowClockwiseRegular />} onClick={() => void query.refetch()} disabled={query.isFetching}>
            Refresh
          </Button>
        }
      />
      {query.isPending ? (
        <Spinner label="Loading pools and their assignments…" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="Assignments could not be loaded" onRetry={() => void query.refetch()} />
      ) : pools.length === 0 ? (
        <EmptyState title="No eSIM pools yet">Upload the CSV files from your mobile operator, then assign the pools to device groups.</EmptyState>
      ) : (
        <>
          <div className={styles.toolbar}>
            <Field label="Group" className={styles.group}>
              <Combobox
                placeholder={names.isPending ? 'Loading group names…' : `Any of ${formatCount(groups.length)} assigned groups`}
                value={comboText}
                selectedOptions={groupId ? [groupId] : []}
                clearable
                onChange={(e) => setGroupText(e.target.value)}
                onOptionSelect={(_e, data) => {
                  setGroupText(null);
                  updateParams({ group: data.optionValue ?? null });
                }}
                onOpenChange={(_e, data) => {
                  if (!data.open) setGroupText(null);
                }}
              >
                {options.map((g) => (
                  <Option key={g.id} value={g.id} text={nameOf(g.id)}>
                    {nameOf(g.id)}
                    <span className={styles.optionCount}>
                      {g.includedIn > 0 && `included in ${formatCount(g.includedIn)}`}
                      {g.includedIn > 0 && g.excludedFrom > 0 && ', '}
                      {g.excludedFrom > 0 && `excluded from ${formatCount(g.excludedFrom)}`}
                    </span>
                  </Option>
                ))}
                {matchingGroups.length > options.length && (
                  <Option value="" text="" disabled>
                    {`${formatCount(matchingGroups.length - options.length)} more: type to narrow down`}
                  </Option>
                )}
                {matchingGroups.length === 0 && (
                  <Option value="" text="" disabled>
                    No assigned group matches
                  </Option>
                )}
              </Combobox>
            </Field>
            <Field label="Pool or group name" className={styles.search}>
              <SearchBox placeholder="Filter by name" value={text} onChange={(_e, data) => updateParams({ q: data.value || null })} />
            </Field>
            <Text className={styles.count} role="status" aria-live="polite">
              {rows.length === pools.length ? `${formatCount(pools.length)} pools` : `${formatCount(rows.length)} of ${formatCount(pools.length)} pools`}
              {/* Pages stream in: until the last one, the list (and the groups to choose from) is partial. */}
              {query.isFetching ? ' · loading…' : ''}
            </Text>
          </div>
          {names.isError && (
            <MessageBar intent="warning" layout="multiline" className={styles.notice}>
              <MessageBarBody>Group names could not be loaded, so groups are shown by id. {describeError(names.error).message}</MessageBarBody>
            </MessageBar>
          )}
          {groupId && (
            <div className={styles.summary} role="region" aria-label="Chosen group">
              <Text weight="semibold">{nameOf(groupId)}</Text>
              <Badge appearance="tint" color="brand">
                Included in {formatCount(chosen?.includedIn ?? 0)} {chosen?.includedIn === 1 ? 'pool' : 'pools'}
              </Badge>
              <Badge appearance="tint" color="danger">
                Excluded from {formatCount(chosen?.excludedFrom ?? 0)} {chosen?.excludedFrom === 1 ? 'pool' : 'pools'}
              </Badge>
              <Button appearance="subtle" size="small" onClick={() => updateParams({ group: null })}>
                Show all pools
              </Button>
            </div>
          )}
          {rows.length === 0 ? (
            <EmptyState title="No pool matches">
              {groupId && !chosen ? 'This group is not in any pool’s assignments.' : 'Change the group or the text filter to see more pools.'}
            </EmptyState>
          ) : (
            <OverviewTable pools={rows} nameOf={nameOf} highlightGroupId={groupId} />
          )}
        </>
      )}
    </>
  );
}
