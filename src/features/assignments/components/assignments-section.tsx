import { Button, MessageBar, MessageBarBody, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useId, useMemo, useRef, useState } from 'react';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { ErrorState, describeError } from '../../../components/error-state.tsx';
import { ReadOnlyNotice, writeButtonProps } from '../../../components/read-only-notice.tsx';
import { useGroupsByIds } from '../../../entities/groups/get-groups-by-ids.ts';
import { usePoolAssignments } from '../../../entities/assignments/get-pool-assignments.ts';
import { groupNameLookup } from '../lib/group-names.ts';
import { groupIdsOf, toModel } from '../lib/model.ts';
import { AssignmentsView } from './assignments-view.tsx';

// The editor (group search, review, save) loads when editing starts: the pool page does not wait for it.
const AssignmentsEditor = lazy(() => import('./assignments-editor.tsx').then((m) => ({ default: m.AssignmentsEditor })));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * Pool detail › Assignments: who gets codes from this pool (included and
 * excluded device groups, all devices, other targets), and the editor.
 * Self-contained: its own heading, loading, error and read-only states. On a page that already explains why
 * it is read-only (`readOnlyNoticeId`: the pool page's notice), the section points its write buttons there
 * instead of repeating the notice.
 */
export function AssignmentsSection({ poolId, readOnlyNoticeId }: { poolId: string; readOnlyNoticeId?: string }) {
  const styles = useStyles();
  const headingId = useId();
  const ownNoticeId = useId();
  const readOnlyId = readOnlyNoticeId ?? ownNoticeId;
  const access = useWriteAccess();
  const assignments = usePoolAssignments(poolId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const model = useMemo(() => toModel(assignments.data ?? []), [assignments.data]);
  const groupIds = useMemo(() => groupIdsOf(assignments.data ?? []), [assignments.data]);
  const names = useGroupsByIds(groupIds);
  // Names of groups picked in the editor, shown while getByIds catches up with a saved set.
  const [learned, setLearned] = useState<ReadonlyMap<string, { displayName: string }>>(new Map());
  const nameOf = useMemo(() => groupNameLookup(names.data, learned), [names.data, learned]);
  const isResolved = (id: string) => !!(names.data?.get(id)?.displayName ?? learned.get(id)?.displayName);
  const namesLoading = names.isPending && groupIds.length > 0;

  const close = (result: 'saved' | 'cancelled', picked?: ReadonlyMap<string, string>) => {
    setEditing(false);
    setSaved(result === 'saved');
    if (picked) setLearned((prev) => new Map([...prev, ...[...picked].map(([id, displayName]) => [id, { displayName }] as const)]));
    // Back to where editing started, once the read view is rendered.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <div className={styles.header}>
        <div className={styles.titles}>
          <Subtitle1 as="h2" id={headingId}>
            Assignments
          </Subtitle1>
          <Text className={styles.muted}>Device groups that receive eSIM activation codes from this pool.</Text>
        </div>
        {!editing && (
          <Button
            ref={editButton}
            icon={<EditRegular />}
            disabledFocusable={!assignments.isSuccess || namesLoading}
            {...writeButtonProps(access, readOnlyId)}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit assignments
          </Button>
        )}
      </div>
      {!readOnlyNoticeId && <ReadOnlyNotice id={readOnlyId} />}
      <span role="status" aria-live="polite">
        {saved && !editing ? <Text className={styles.muted}>Assignments saved.</Text> : null}
      </span>
      {assignments.isPending ? (
        <Spinner size="small" label="Loading assignments…" />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} title="Assignments could not be loaded" onRetry={() => void assignments.refetch()} />
      ) : (
        <>
          {names.isError && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>Group names could not be loaded, so groups are shown by id. {describeError(names.error).message}</MessageBarBody>
            </MessageBar>
          )}
          {/* Stays open when Intune refuses a save: the draft is kept, and Save turns disabled with the notice. */}
          {editing ? (
            <Suspense fallback={<Spinner size="small" label="Opening the editor…" />}>
              <AssignmentsEditor poolId={poolId} model={model} nameOf={nameOf} onClose={close} readOnlyId={readOnlyId} />
            </Suspense>
          ) : namesLoading ? (
            <Spinner size="small" label="Loading group names…" />
          ) : (
            <AssignmentsView model={model} nameOf={nameOf} isResolved={isResolved} />
          )}
        </>
      )}
    </section>
  );
}
