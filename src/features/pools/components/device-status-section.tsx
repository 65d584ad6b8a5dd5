import {
  Body1,
  Button,
  SearchBox,
  Select,
  Skeleton,
  SkeletonItem,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, PhoneRegular } from '@fluentui/react-icons';
import { useDeferredValue, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../components/format.ts';
import { deviceStatesRefetchInterval, useDeviceStates, type DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { DeviceStatesTable } from './device-states-table.tsx';
import { DeviceStatusSummary } from './device-status-summary.tsx';
import {
  GROUP_LABEL,
  STATE_GROUPS,
  codeName,
  countByGroup,
  explainDetails,
  groupOf,
  type FailureExplanation,
  type StateGroup,
} from './device-state-text.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  spacer: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground2 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  search: { minWidth: '280px' },
  dropdown: { minWidth: '180px' },
  reasons: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  reasonList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  reason: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  emptyIcon: { fontSize: '32px', color: tokens.colorNeutralForeground3 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const STATUS_PARAM = 'status';
const SEARCH_PARAM = 'device';

function isGroup(v: string | null): v is StateGroup {
  return v !== null && (STATE_GROUPS as readonly string[]).includes(v);
}

function matches(row: DeviceStateRow, group: StateGroup | null, needle: string): boolean {
  if (group && groupOf(row.state) !== group) return false;
  if (!needle) return true;
  return [row.deviceName, row.userName, row.universalIntegratedCircuitCardIdentifier].some((v) => v?.toLocaleLowerCase().includes(needle));
}

interface Reason {
  why: FailureExplanation;
  count: number;
  /** The error names devices reported for this reason. */
  codes: Set<string>;
}

/** Failed devices grouped by what they reported, most frequent first. */
function failureReasons(rows: readonly DeviceStateRow[]): Reason[] {
  const byKey = new Map<string, Reason>();
  for (const r of rows) {
    if (groupOf(r.state) !== 'failed') continue;
    const why = explainDetails(r.state, r.stateDetails);
    if (!why) continue;
    const key = why.title;
    const reason = byKey.get(key) ?? { why, count: 0, codes: new Set<string>() };
    reason.count++;
    if (why.code) reason.codes.add(codeName(why.code));
    byKey.set(key, reason);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

const devices = (n: number) => `${formatCount(n)} ${n === 1 ? 'device' : 'devices'}`;

/**
 * Device status of a pool, as in the Intune admin center: how many devices
 * have the profile, are waiting or installing, failed, or had it removed;
 * why failures happened and what to do; and every device in a sortable,
 * filterable table. Refreshes itself while any device is in progress.
 */
export function DeviceStatusSection({ poolId, enabled = true }: { poolId: string; enabled?: boolean }) {
  const styles = useStyles();
  const headingId = useId();
  const states = useDeviceStates(poolId, { enabled });
  const [params, setParams] = useSearchParams();

  const statusParam = params.get(STATUS_PARAM);
  const group = isGroup(statusParam) ? statusParam : null;
  const search = params.get(SEARCH_PARAM) ?? '';
  const deferredSearch = useDeferredValue(search);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const rows = states.data;
  const counts = useMemo(() => countByGroup(rows ?? []), [rows]);
  const reasons = useMemo(() => failureReasons(rows ?? []), [rows]);
  const visible = useMemo(() => {
    const needle = deferredSearch.trim().toLocaleLowerCase();
    return (rows ?? []).filter((r) => matches(r, group, needle));
  }, [rows, group, deferredSearch]);

  const polling = deviceStatesRefetchInterval(rows, states.isError);
  const filtered = group !== null || search.trim() !== '';

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <div className={styles.header}>
        <Subtitle1 as="h2" id={headingId}>
          Device status
        </Subtitle1>
        <span className={styles.spacer} />
        {rows && (
          <Text size={200} className={styles.muted}>
            {polling !== false && `Refreshing every ${Math.round(polling / 1000)} seconds while devices are in progress · `}
            Updated {timeFormat.format(states.dataUpdatedAt)}
          </Text>
        )}
        <Button
          icon={states.isFetching ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />}
          onClick={() => void states.refetch()}
          disabledFocusable={!enabled}
          aria-label="Refresh device status"
        >
          Refresh
        </Button>
      </div>

      {states.isError && (
        <ErrorState
          error={states.error}
          title={rows ? 'Device status could not be refreshed' : 'Device status could not be loaded'}
          onRetry={() => void states.refetch()}
        />
      )}

      {states.isPending ? (
        states.fetchStatus === 'idle' ? null : (
          <Skeleton aria-label="Loading device status" className={styles.skeleton}>
            <SkeletonItem size={16} />
            <SkeletonItem size={48} />
            <SkeletonItem size={32} />
            <SkeletonItem size={32} />
            <SkeletonItem size={32} />
          </Skeleton>
        )
      ) : !rows ? null : rows.length === 0 ? (
        <div className={styles.empty}>
          <PhoneRegular className={styles.emptyIcon} aria-hidden />
          <Subtitle2 as="h3">No devices yet</Subtitle2>
          <Body1>No device has received a profile from this pool yet. Assign the pool to device groups.</Body1>
        </div>
      ) : (
        <>
          <DeviceStatusSummary counts={counts} selected={group} onSelect={(g) => update({ [STATUS_PARAM]: g })} />

          {reasons.length > 0 && (
            <div className={styles.reasons}>
              <Subtitle2 as="h3">Why {devices(counts.failed)} failed</Subtitle2>
              <ul className={styles.reasonList}>
                {reasons.map(({ why, count, codes }) => (
                  <li key={why.title} className={styles.reason}>
                    <Text weight="semibold">
                      {why.title} ({devices(count)})
                    </Text>
                    <Text>
                      {why.explanation} <Text weight="semibold">What to do:</Text> {why.action}
                    </Text>
                    {codes.size > 0 && (
                      <Text size={200} className={styles.muted}>
                        Reported as {[...codes].join(', ')}
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div className={styles.toolbar}>
            <Select
              className={styles.dropdown}
              aria-label="Filter by status"
              value={group ?? 'all'}
              onChange={(_e, data) => update({ [STATUS_PARAM]: data.value === 'all' ? null : data.value })}
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
              value={search}
              onChange={(_e, data) => update({ [SEARCH_PARAM]: data.value || null })}
            />
            <Text className={styles.muted} role="status" aria-live="polite">
              {filtered ? `${formatCount(visible.length)} of ${devices(rows.length)}` : devices(rows.length)}
            </Text>
            {filtered && (
              <Button appearance="subtle" onClick={() => update({ [STATUS_PARAM]: null, [SEARCH_PARAM]: null })}>
                Clear filters
              </Button>
            )}
          </div>

          {visible.length === 0 ? (
            <div className={styles.empty}>
              <Subtitle2 as="h3">No device matches these filters</Subtitle2>
              <Body1>Clear the filters to see all {devices(rows.length)}.</Body1>
            </div>
          ) : (
            <DeviceStatesTable rows={visible} caption="Devices with a profile from this pool" />
          )}
        </>
      )}
    </section>
  );
}
