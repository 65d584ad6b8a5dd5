import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowUploadRegular, DeleteDismissRegular, DismissRegular } from '@fluentui/react-icons';
import { useCallback, useId, useMemo, useState } from 'react';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { DropZone } from '../../../components/drop-zone.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount, plural } from '../../../lib/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { ReadOnlyNotice } from '../../../components/read-only-notice.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { useProgressiveCount } from '../../../components/use-progressive-count.ts';
import { paths } from '../../../config/paths.ts';
import { useUploadBatch } from '../hooks/use-upload-batch.ts';
import type { PoolChoice, PoolPlan } from '../lib/plan-batch.ts';
import { PoolCard } from './pool-card.tsx';
import { ReplaceDialog } from './replace-dialog.tsx';
import { ResumeBanner } from './resume-banner.tsx';
import { UploadProgress } from './upload-progress.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  spacer: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground2 },
  cards: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    margin: 0,
    padding: 0,
    border: 'none',
    ':disabled': { opacity: 0.7 },
  },
  uploadCard: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  blockers: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/** Devices › eSIM cellular profiles › Upload: carrier CSV files → validated, previewed, uploaded pools. */
export function UploadPage() {
  const styles = useStyles();
  const { canWrite } = useWriteAccess();
  const readOnlyId = useId();
  const batch = useUploadBatch();
  const { state, plan, form, poolNames } = batch;
  const [confirmOpen, setConfirmOpen] = useState(false);

  const running = state.run?.state === 'running';
  const validating = state.validating.total > 0 && state.validating.done < state.validating.total;
  // A replace whose old pool is already deleted (resumed) has nothing left to confirm.
  const replacing = useMemo(() => plan.toUpload.filter((p) => p.choice?.mode === 'replace' && !p.progress.oldPoolDeleted), [plan.toUpload]);
  const errorFileIds = useMemo(() => plan.pools.flatMap((p) => (p.status === 'created' ? [] : p.files.filter((f) => f.errorCount > 0).map((f) => f.file.id))), [plan.pools]);
  const compact = plan.pools.length > 3;
  // Cards mount a few per frame: 30 at once would block the page for a long task.
  const shownPools = useProgressiveCount(plan.pools.length, 3);
  const allCreated = plan.pools.length > 0 && plan.pools.every((p) => p.status === 'created') && plan.checking.length === 0;

  const { choose, removeFiles, confirm, start } = batch;
  const onChoose = useCallback((pool: PoolPlan, choice: PoolChoice) => choose(pool, choice), [choose]);
  const onRemoveFile = useCallback((id: string) => removeFiles([id]), [removeFiles]);
  const onConfirmFile = useCallback((id: string, confirmed: boolean) => confirm([id], confirmed), [confirm]);

  const upload = () => {
    if (replacing.length > 0) setConfirmOpen(true);
    else void start();
  };

  const uploadBlockers = [
    ...(!canWrite ? ['Your account has read-only access, so it cannot create pools.'] : []),
    ...(poolNames.isError ? ['The existing pools could not be loaded, so pool names cannot be checked.'] : []),
    ...plan.blockers,
  ];
  const canUpload = canWrite && plan.ready && !running && !poolNames.isError;
  // Pools the last upload of this page did not create (and that are still to upload).
  const failed = useMemo(() => plan.toUpload.filter((p) => state.statuses[p.key]?.phase === 'failed'), [plan.toUpload, state.statuses]);
  const retrying = failed.length > 0 || plan.pools.some((p) => p.status === 'created');
  // While blocked, the button names every pool still to create (not only the ready ones).
  const pending = canUpload ? plan.toUpload.length : plan.pools.filter((p) => p.status !== 'created').length;

  return (
    <div className={styles.page}>
      <PageHeader
        title="Upload carrier CSV files"
        description="Turn the activation-code files from your mobile operators into eSIM pools. Files are checked in your browser; activation codes are sent to Intune only when you upload."
        actions={<RouterLink to={paths.pools.getHref()}>Go to eSIM pools</RouterLink>}
      />

      {state.resume && !running && <ResumeBanner resume={state.resume} resumed={state.resumed} progress={state.progress} onDiscard={batch.dismissResume} />}

      <ReadOnlyNotice id={readOnlyId} />

      <section className={styles.section} aria-label="Files">
        <DropZone
          label="Carrier CSV files"
          hint="One SM-DP+ server address on the first line, then one ICCID,MatchingID row per code; at most 1,000 codes per file. Add as many files as you like."
          accept=".csv,text/csv"
          prompt="Drag and drop carrier CSV files here"
          buttonLabel="Browse files"
          disabled={running}
          onFiles={batch.addFiles}
        />

        {validating && (
          <Field label="Checking files" validationState="none" validationMessage={`Checked ${state.validating.done} of ${plural(state.validating.total, 'file')}`}>
            <ProgressBar value={state.validating.done / state.validating.total} aria-label="File check progress" />
          </Field>
        )}

        {plan.fileCount > 0 && (
          <div className={styles.toolbar}>
            <Text className={styles.muted} role="status" aria-live="polite">
              {plural(plan.fileCount, 'file')} · {plural(plan.pools.length, 'pool')} · {plural(plan.codeCount, 'code')}
            </Text>
            <span className={styles.spacer} />
            {errorFileIds.length > 0 && (
              <Button icon={<DeleteDismissRegular />} disabled={running} onClick={() => removeFiles(errorFileIds)}>
                Remove {plural(errorFileIds.length, 'file')} with errors
              </Button>
            )}
            <Button icon={<DismissRegular />} appearance="subtle" disabled={running} onClick={batch.clear}>
              Clear all
            </Button>
          </div>
        )}

        {plan.checking.length > 0 && (
          <Text className={styles.muted}>
            Checking {plan.checking.slice(0, 3).map((f) => f.name).join(', ')}
            {plan.checking.length > 3 ? ` and ${plural(plan.checking.length - 3, 'more file')}` : ''}…
          </Text>
        )}
      </section>

      {poolNames.isError && <ErrorState error={poolNames.error} title="Existing pools could not be loaded" onRetry={() => void poolNames.refetch()} />}

      {plan.pools.length > 0 && (
        <section className={styles.section} aria-labelledby="upload-pools-heading">
          <Subtitle1 as="h2" id="upload-pools-heading">
            Pools to create
          </Subtitle1>
          {/* A native disabled fieldset locks every control of the cards during an upload without re-rendering them. */}
          <fieldset className={styles.cards} disabled={running} aria-busy={running || undefined}>
            {plan.pools.slice(0, shownPools).map((pool) => (
              <PoolCard
                key={pool.key}
                pool={pool}
                control={form.control}
                compact={compact}
                resumed={!!state.resumed[pool.key]}
                job={state.statuses[pool.key]}
                onChoose={onChoose}
                onRemoveFile={onRemoveFile}
                onConfirmFile={onConfirmFile}
              />
            ))}
          </fieldset>
        </section>
      )}

      {(plan.pools.length > 0 || state.run) && (
        <section className={styles.section} aria-labelledby="upload-heading">
          <Subtitle1 as="h2" id="upload-heading">
            Upload
          </Subtitle1>
          <Card className={styles.uploadCard} appearance="filled-alternative">
            {!running && !allCreated && (
              <>
                {canUpload && failed.length > 0 ? (
                  <Text data-testid="upload-retry">
                    {failed.length === plan.toUpload.length
                      ? `${plural(failed.length, 'pool')} ${failed.length === 1 ? 'was' : 'were'} not created`
                      : `${plural(plan.toUpload.length, 'pool')} still to create, ${formatCount(failed.length)} of them failed`}
                    : each pool above says why and what to do. Uploading again sends only the pools not created yet, and looks for a pool whose
                    create may have gone through before creating it, so no pool is created twice.
                  </Text>
                ) : canUpload ? (
                  <Text>
                    {plural(plan.toUpload.length, 'pool')} with {plural(plan.toUpload.reduce((n, p) => n + (p.codes?.length ?? 0), 0), 'code')}{' '}
                    {plan.toUpload.length === 1 ? 'is' : 'are'} ready to upload
                    {replacing.length > 0 ? `; ${plural(replacing.length, 'existing pool')} will be replaced` : ''}.
                  </Text>
                ) : (
                  uploadBlockers.length > 0 && (
                    <div>
                      <Text weight="semibold">The upload is not possible yet:</Text>
                      <ul className={styles.blockers} data-testid="upload-blockers">
                        {uploadBlockers.map((b) => (
                          <li key={b}>{b}</li>
                        ))}
                      </ul>
                    </div>
                  )
                )}
                <div className={styles.actions}>
                  <Button appearance="primary" icon={<ArrowUploadRegular />} disabled={!canUpload} onClick={upload}>
                    {retrying ? `Upload ${plural(pending, 'remaining pool')}` : `Upload ${plural(pending, 'pool')}`}
                  </Button>
                </div>
              </>
            )}
            {state.lockedElsewhere && !running && (
              <MessageBar intent="warning" data-testid="batch-locked">
                <MessageBarBody>This batch is running in another tab. Let it finish there; nothing was sent from this tab.</MessageBarBody>
              </MessageBar>
            )}
            {state.run && <UploadProgress run={state.run} statuses={state.statuses} onCancel={batch.cancel} onResume={upload} redact={batch.redact} />}
            {allCreated && !running && (
              <div className={styles.actions}>
                <Button appearance="primary" onClick={batch.clear}>
                  Start a new upload
                </Button>
                <RouterLink to={paths.pools.getHref()}>View all pools</RouterLink>
              </div>
            )}
          </Card>
        </section>
      )}

      {/* Mounted only when needed: a (closed) Fluent Dialog still sets up focus trapping for the whole page. */}
      {confirmOpen && (
        <ReplaceDialog
        open={confirmOpen}
        pools={replacing}
        newCount={plan.toUpload.length - replacing.length}
        onCancel={() => setConfirmOpen(false)}
        onConfirm={(decisions) => {
          setConfirmOpen(false);
          void start(decisions);
        }}
      />
      )}
    </div>
  );
}
