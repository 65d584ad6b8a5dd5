import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { memo } from 'react';
import { describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { RunInfo } from '../lib/batch-state.ts';
import type { JobStatus } from '../lib/upload-runner.ts';
import { StatusCell, type Redact } from './progress-status.tsx';
import { StaticTableRow } from '../../../components/static-table-row.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  overall: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  overallField: { flexGrow: 1, minWidth: '240px' },
  nameCol: { width: '28%' },
  progressCol: { width: '18%' },
  files: { color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface RunCounts {
  total: number;
  created: number;
  failed: number;
  cancelled: number;
  waiting: number;
  paused: number;
  done: number;
}

export function countRun(run: RunInfo, statuses: Record<string, JobStatus | undefined>): RunCounts {
  const c: RunCounts = { total: run.keys.length, created: 0, failed: 0, cancelled: 0, waiting: 0, paused: 0, done: 0 };
  for (const key of run.keys) {
    const phase = statuses[key]?.phase;
    if (phase === 'created') c.created++;
    else if (phase === 'failed') c.failed++;
    else if (phase === 'cancelled') c.cancelled++;
    else if (phase === 'waiting') c.waiting++;
    else if (phase === 'paused') c.paused++;
  }
  c.done = c.created + c.failed + c.cancelled + c.paused;
  return c;
}

function summary(run: RunInfo, c: RunCounts): string {
  const parts = [`${formatCount(c.created)} of ${formatCount(c.total)} ${c.total === 1 ? 'pool' : 'pools'} created`];
  if (c.failed) parts.push(`${formatCount(c.failed)} failed`);
  if (c.paused) parts.push(`${formatCount(c.paused)} paused`);
  if (c.cancelled) parts.push(`${formatCount(c.cancelled)} cancelled`);
  if (run.state === 'running' && c.waiting) parts.push(`${formatCount(c.waiting)} waiting for Microsoft Graph throttling`);
  return parts.join(', ') + '.';
}

/** Determinate steps (no animation: 30 animated bars would repaint the page every frame). */
function rowProgress(status: JobStatus | undefined): { value: number; color: 'brand' | 'success' | 'error' | 'warning' } {
  switch (status?.phase ?? 'queued') {
    case 'queued':
    case 'cancelled':
      return { value: 0, color: 'brand' };
    case 'verifying':
    case 'checking':
    case 'deleting':
      return { value: 0.25, color: 'brand' };
    case 'creating':
      return { value: 0.5, color: 'brand' };
    case 'reconciling':
    case 'assigning':
      return { value: 0.75, color: 'brand' };
    case 'paused':
    case 'waiting':
      return { value: 0.5, color: 'warning' };
    case 'created':
      return { value: 1, color: 'success' };
    case 'failed':
      return { value: 1, color: 'error' };
  }
}

/** One pool's row; re-renders only when its own status changes. */
const ProgressRow = memo(function ProgressRow({ name, files, status, redact }: { name: string; files: string; status: JobStatus | undefined; redact: Redact }) {
  const styles = useStyles();
  const p = rowProgress(status);
  return (
    <StaticTableRow data-testid="upload-row">
      <TableCell>
        <div className={styles.status}>
          {status?.phase === 'created' && status.poolId ? <RouterLink to={paths.pool.getHref(status.poolId)}>{name}</RouterLink> : <Text weight="semibold">{name}</Text>}
          <Text size={200} className={styles.files}>
            {files}
          </Text>
        </div>
      </TableCell>
      <TableCell>
        <StatusCell status={status} redact={redact} />
      </TableCell>
      <TableCell>
        <ProgressBar value={p.value} color={p.color} aria-label={`Progress of ${name}`} />
      </TableCell>
    </StaticTableRow>
  );
});

export interface UploadProgressProps {
  run: RunInfo;
  statuses: Record<string, JobStatus | undefined>;
  onCancel: () => void;
  /** Runs the paused batch again. */
  onResume: () => void;
  /** Removes the batch's matching IDs from service text before it is shown. */
  redact: Redact;
}

/** Overall and per-pool progress of an upload, then its results (links to the new pools, errors with request-ids). */
export function UploadProgress({ run, statuses, onCancel, onResume, redact }: UploadProgressProps) {
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

      {!running && run.paused && (
        <MessageBar intent="warning" layout="multiline" data-testid="upload-paused">
          <MessageBarBody>
            <MessageBarTitle>Upload paused</MessageBarTitle>
            Microsoft Graph asked to wait {formatCount(Math.ceil(run.paused.retryAfterMs / 60_000))} min before the next request, longer than the
            console waits on its own. Nothing is created twice when you resume.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onResume}>Resume</Button>
          </MessageBarActions>
        </MessageBar>
      )}
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
            {!!run.error && ` The upload stopped unexpectedly: ${redact(describeError(run.error).message)}`}
          </MessageBarBody>
        </MessageBar>
      )}

      <Table aria-label="Upload progress by pool" size="small">
        <TableHeader>
          <StaticTableRow>
            <TableHeaderCell className={styles.nameCol}>Pool</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className={styles.progressCol}>Progress</TableHeaderCell>
          </StaticTableRow>
        </TableHeader>
        <TableBody>
          {run.keys.map((key) => (
            <ProgressRow key={key} name={run.names[key] ?? key} files={(run.fileNames[key] ?? []).join(', ')} status={statuses[key]} redact={redact} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
