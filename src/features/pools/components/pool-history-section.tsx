import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, HistoryRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import { useOnDemandPermission } from '../../../auth/use-permission.ts';
import { ErrorState, describeError } from '../../../components/error-state.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { historySince, usePoolHistory } from '../../../entities/audit-events/get-pool-history.ts';
import { useGroupsByIds } from '../../../entities/groups/get-groups-by-ids.ts';
import { historyGroupIds, historyRows, type GroupNames } from '../lib/history-rows.ts';
import { ConsentProblem, HISTORY_PERMISSION, refusalText } from './history-permission.tsx';
import { HistoryTable } from './history-table.tsx';
import { ReplacedPoolNote } from './replaced-pool-note.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'stretch' },
  muted: { color: tokens.colorNeutralForeground2 },
  start: { alignSelf: 'flex-start' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export interface PoolHistorySectionProps {
  poolId: string;
  /** The pool's creation: the history starts shortly before it. Unknown (a deleted pool): a year back, as far as Intune keeps its log. */
  createdDateTime?: string;
}

/**
 * Who created, renamed, assigned, replaced or deleted the pool, from Intune's
 * audit log. Reading it needs DeviceManagementApps.Read.All, which is asked for
 * only here, from the admin's click (a popup), never at sign-in.
 */
export function PoolHistorySection({ poolId, createdDateTime }: PoolHistorySectionProps) {
  const styles = useStyles();
  const headingId = useId();
  const permission = useOnDemandPermission(HISTORY_PERMISSION);
  const [opened, setOpened] = useState(false);
  const [now] = useState(() => Date.now());
  const since = historySince(createdDateTime, now);
  const history = usePoolHistory(poolId, since, { enabled: opened && permission.granted });
  // The shown rows' groups, named in one cached getByIds read; the rows show at once, with ids until the names arrive.
  const groupIds = useMemo(() => (history.data ? historyGroupIds(history.data.events, poolId) : []), [history.data, poolId]);
  const names = useGroupsByIds(groupIds);
  const namesStatus: GroupNames['status'] = names.isError ? 'failed' : names.isSuccess && !names.isPlaceholderData ? 'loaded' : 'loading';
  const rows = useMemo(
    () => (history.data ? historyRows(history.data.events, poolId, { status: namesStatus, groups: names.data }) : []),
    [history.data, poolId, namesStatus, names.data],
  );

  // Called straight from the click: the consent popup must open inside the user's gesture.
  const open = () => {
    setOpened(true);
    if (!permission.granted) void permission.request();
  };
  const ask = () => void permission.request();

  const body = () => {
    if (!opened) {
      return (
        <>
          <Text className={styles.muted}>
            {permission.granted
              ? "Reads Intune's audit log for this pool."
              : `Reading Intune's audit log needs the ${HISTORY_PERMISSION} permission. The first time, a Microsoft sign-in window asks you for it; nothing else in the console needs it.`}
          </Text>
          <Button className={styles.start} icon={<HistoryRegular />} onClick={open}>
            Show history
          </Button>
        </>
      );
    }
    if (permission.inProgress) return <Spinner size="small" label={`Waiting for your answer about ${HISTORY_PERMISSION} in the Microsoft sign-in window…`} />;
    if (permission.error) return <ConsentProblem error={permission.error} onRetry={ask} />;
    if (!permission.granted || permission.required) {
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Permission needed</MessageBarTitle>
            Reading Intune&apos;s audit log needs {HISTORY_PERMISSION}. A Microsoft sign-in window asks you for it.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={ask}>Grant access</Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    if (history.isError) {
      const refusal = refusalText(history.error);
      if (!refusal) return <ErrorState error={history.error} title="The pool's history could not be read" onRetry={() => void history.refetch()} />;
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{refusal.title}</MessageBarTitle>
            {refusal.body}
          </MessageBarBody>
        </MessageBar>
      );
    }
    if (!history.data) return <Spinner size="small" label="Reading Intune's audit log…" />;
    return (
      <>
        <ReplacedPoolNote candidates={history.data.replaced} />
        {groupIds.length > 0 && namesStatus === 'loading' && <Spinner size="extra-tiny" label="Loading group names…" />}
        {names.isError && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>Group names could not be loaded, so groups are shown by id. {describeError(names.error).message}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void names.refetch()}>Retry group names</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {rows.length > 0 ? <HistoryTable rows={rows} labelledBy={headingId} /> : <Body1>Intune&apos;s audit log holds no changes to this pool since {formatDateTime(history.data.since)}.</Body1>}
        <Text size={200} className={styles.muted}>
          How this is read: Intune&apos;s audit events since {formatDateTime(history.data.since)} (filtered by date in Microsoft Graph), kept where an
          event names this pool&apos;s id. Groups are named from Microsoft Entra ID; one it no longer has reads as deleted, with its id. Activation codes and
          matching IDs are never shown.
        </Text>
      </>
    );
  };

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <div className={styles.header}>
        <Subtitle1 as="h2" id={headingId}>
          History
        </Subtitle1>
        {history.data && (
          <Button appearance="subtle" size="small" icon={<ArrowClockwiseRegular />} onClick={() => void history.refetch()} disabled={history.isFetching}>
            Refresh history
          </Button>
        )}
      </div>
      {body()}
    </section>
  );
}
