import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, ErrorCircleFilled, HourglassRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import { describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../components/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { RunInfo } from '../lib/batch-state.ts';
import type { JobStatus } from '../lib/upload-runner.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  overall: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  overallField: { flexGrow: 1, minWidth: '240px' },
  nameCol: { width: '28%' },
  progressCol: { width: '18%' },
  files: { color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  statusLine: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

const ACTIVE_TEXT: Partial<Record<JobStatus['phase'], string>> = {
  queued: 'Waiting to start',
  verifying: 'Checking the pool created earlier…',
  deleting: 'Deleting the pool being replaced…',
  creating: 'Creating the pool…',
  reconciling: 'Checking whether the pool was created…',
};

export interface RunCounts {
  total: number;
  created: number;
  failed: number;
  cancelled: number;
  waiting: number;
  done: number;
}

export function countRun(run: RunInfo, statuses: Record<string, JobStatus | undefined>): RunCounts {
  const c: RunCounts = { total: run.keys.length, created: 0, failed: 0, cancelled: 0, waiting: 0, done: 0 };
  for (const key of run.keys) {
    const phase = statuses[key]?.phase;
    if (phase === 'created') c.created++;
    else if (phase === 'failed') c.failed++;
    else if (phase === 'cancelled') c.cancelled++;
    else if (phase === 'waiting') c.waiting++;
  }
  c.done = c.created + c.failed + c.cancelled;
  return c;
}

function summary(run: RunInfo, c: RunCounts): string {
  const parts = [`${formatCount(c.created)} of ${formatCount(c.total)} pools created`];
  if (c.failed) parts.push(`${formatCount(c.failed)} failed`);
  if (c.cancelled) parts.push(`${formatCount(c.cancelled)} cancelled`);
  if (run.state === 'running' && c.waiting) parts.push(`${formatCount(c.waiting)} waiting for Microsoft Graph throttling`);
  return parts.join(', ') + '.';
}

function StatusCell({ status }: { status: JobStatus | undefined }) {
  const styles = useStyles();
  const phase = status?.phase ?? 'queued';
  if (phase === 'created' && status?.poolId) {
    return (
      <div className={styles.status}>
        <span className={styles.statusLine}>
          <CheckmarkCircleFilled aria-hidden className={styles.ok} />
          {status.outcome === 'alreadyCreated' ? 'Created earlier' : status.outcome === 'adopted' ? 'Created (confirmed after a lost response)' : 'Created'}
        </span>
      </div>
    );
  }
  if (phase === 'failed') {
    const d = describeError(status?.error);
    return (
      <div className={styles.status}>
        <span className={styles.statusLine}>
          <ErrorCircleFilled aria-hidden className={styles.bad} />
          <Text weight="semibold">{d.title}</Text>
        </span>
        <Text>{d.message}</Text>
        {status?.hint && <Text>{status.hint}</Text>}
        {d.requestId && (
          <Text size={200} className={styles.muted}>
            Request ID: <span className={styles.mono}>{d.requestId}</span>
          </Text>
        )}
      </div>
    );
  }
  if (phase === 'cancelled') {
    return (
      <div className={styles.status}>
        <span className={styles.statusLine}>
          <DismissCircleFilled aria-hidden className={styles.muted} />
          {status?.detail ?? 'Cancelled'}
        </span>
      </div>
    );
  }
  if (phase === 'waiting') {
    return (
      <div className={styles.status}>
        <span className={styles.statusLine}>
          <HourglassRegular aria-hidden />
          {status?.detail ?? 'Waiting'}
        </span>
      </div>
    );
  }
  return <div className={styles.status}>{status?.detail ?? ACTIVE_TEXT[phase] ?? 'Working…'}</div>;
}

/** Determinate steps (no animation: 30 animated bars would repaint the page every frame). */
function rowProgress(status: JobStatus | undefined): { value: number; color: 'brand' | 'success' | 'error' | 'warning' } {
  switch (status?.phase ?? 'queued') {
    case 'queued':
    case 'cancelled':
      return { value: 0, color: 'brand' };
    case 'verifying':
    case 'deleting':
      return { value: 0.25, color: 'brand' };
    case 'creating':
      return { value: 0.5, color: 'brand' };
    case 'reconciling':
      return { value: 0.75, color: 'brand' };
    case 'waiting':
      return { value: 0.5, color: 'warning' };
    case 'created':
      return { value: 1, color: 'success' };
    case 'failed':
      return { value: 1, color: 'error' };
  }
}

/** One pool's row; re-renders only when its own status changes. */
const ProgressRow = memo(function ProgressRow({ name, files, status }: { name: string; files: string; status: JobStatus | undefined }) {
  const styles = useStyles();
  const p = rowProgress(status);
  return (
    <TableRow data-testid="upload-row">
      <TableCell>
        <div className={styles.status}>
          {status?.phase === 'created' && status.poolId ? <RouterLink to={paths.pool.getHref(status.poolId)}>{name}</RouterLink> : <Text weight="semibold">{name}</Text>}
          <Text size={200} className={styles.files}>
            {files}
          </Text>
        </div>
      </TableCell>
      <TableCell>
        <StatusCell status={status} />
      </TableCell>
      <TableCell>
        <ProgressBar value={p.value} color={p.color} aria-label={`Progress of ${name}`} />
      </TableCell>
    </TableRow>
  );
});

export interface UploadProgressProps {
  run: RunInfo;
  statuses: Record<string, JobStatus | undefined>;
  onCancel: () => void;
}

/** Overall and per-pool progress of an upload, then its results (links to the new pools, errors with request-ids). */
export function UploadProgress({ run, statuses, onCancel }: UploadProgressProps) {
  const styles = useStyles();
  const c = countRun(run, statuses);
  const running = run.state === 'running';
  const text = summary(run, c);

  return (
    <div className={styles.root}>
      <div className={styles.overall}>
        <Field className={styles.overallField} label={running ? 'Uploading pools' : 'Upload finished'} validationState="none" validationMessage={text}>
          <ProgressBar
            value={c.total === 0 ? 0 : (running ? c.done : c.created) / c.total}
            thickness="large"
            color={!running && c.failed > 0 ? 'error' : !running && c.done === c.created ? 'success' : 'brand'}
            aria-label="Overall upload progress"
          />
        </Field>
        {running && (
          <Button onClick={onCancel} data-testid="cancel-upload">
            Cancel upload
          </Button>
        )}
      </div>
      {/* Announced to screen readers as it changes; the visible text is the Field message above. */}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.srOnly}>
        {running ? text : `Upload finished. ${text}`}
      </div>

      {!running && (
        <MessageBar intent={c.failed > 0 ? 'error' : c.cancelled > 0 || run.cancelled ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {c.failed > 0 ? 'Some pools were not created' : run.cancelled ? 'Upload cancelled' : 'Upload complete'}
            </MessageBarTitle>
            {text}{' '}
            {c.created > 0 && (
              <>
                The new pools are in the <RouterLink to={paths.pools.getHref()}>pools list</RouterLink>.
              </>
            )}
            {!!run.error && ` The upload stopped unexpectedly: ${describeError(run.error).message}`}
          </MessageBarBody>
        </MessageBar>
      )}

      <Table aria-label="Upload progress by pool" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameCol}>Pool</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className={styles.progressCol}>Progress</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {run.keys.map((key) => (
            <ProgressRow key={key} name={run.names[key] ?? key} files={(run.fileNames[key] ?? []).join(', ')} status={statuses[key]} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
