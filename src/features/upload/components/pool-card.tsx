import { Badge, Body1, Caption1, Card, Subtitle2, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { memo, useId } from 'react';
import type { Control } from 'react-hook-form';
import { formatCount } from '../../../lib/format.ts';
import type { PoolNamesForm } from '../hooks/use-upload-batch.ts';
import type { PoolChoice, PoolPlan, PoolPlanStatus } from '../lib/plan-batch.ts';
import type { JobStatus } from '../lib/runner-types.ts';
import { FileSection } from './file-section.tsx';
import { PoolBlockers, PoolCreatedNote, PoolFailedNote, ResumedPoolNotice } from './pool-card-notes.tsx';
import { PoolNameField } from './pool-name-field.tsx';
import { SameNameChoice } from './same-name-choice.tsx';

const useStyles = makeStyles({
  // Off-screen cards skip layout and paint (a batch of 30 pools would otherwise lay out every
  // card on each change); they stay in the accessibility tree and in find-in-page.
  card: { gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, contentVisibility: 'auto', containIntrinsicSize: 'auto 240px' },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  title: { wordBreak: 'break-all' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const STATUS_BADGE: Record<PoolPlanStatus, { label: string; color: BadgeProps['color'] }> = {
  ready: { label: 'Ready to upload', color: 'brand' },
  created: { label: 'Created', color: 'success' },
  errors: { label: 'Has errors', color: 'danger' },
  needsChoice: { label: 'Choose an option', color: 'warning' },
  needsConfirmation: { label: 'Confirm warnings', color: 'warning' },
  invalidName: { label: 'Check the name', color: 'danger' },
  waiting: { label: 'Checking…', color: 'informative' },
};

type Badge = { label: string; color: BadgeProps['color'] };

/** A pool ready to upload says where the current or last upload left it; anything else still to fix wins. */
export function cardBadge(status: PoolPlanStatus, job: JobStatus | undefined): Badge {
  if (status !== 'ready' || !job) return STATUS_BADGE[status];
  switch (job.phase) {
    case 'failed':
      return { label: 'Not created: upload failed', color: 'danger' };
    case 'cancelled':
      return { label: 'Not created: cancelled', color: 'warning' };
    case 'paused':
      return { label: 'Paused', color: 'warning' };
    case 'queued':
      return { label: 'Waiting to upload', color: 'informative' };
    case 'waiting':
      return { label: 'Waiting for Microsoft Graph', color: 'informative' };
    case 'created':
      return STATUS_BADGE.created;
    default:
      return { label: 'Uploading…', color: 'brand' };
  }
}

export interface PoolCardProps {
  pool: PoolPlan;
  control: Control<PoolNamesForm>;
  /** Many pools: file details start collapsed (unless a file has problems). */
  compact: boolean;
  resumed: boolean;
  /** This pool's status in the current or last upload of this page, if it was part of one. */
  job?: JobStatus;
  onChoose: (pool: PoolPlan, choice: PoolChoice) => void;
  onRemoveFile: (id: string) => void;
  onConfirmFile: (id: string, confirmed: boolean) => void;
}

/** One pool to be created: provider, name, what to do about a same-name pool, and its files. */
function PoolCardView({ pool, control, compact, resumed, job, onChoose, onRemoveFile, onConfirmFile }: PoolCardProps) {
  const styles = useStyles();
  const titleId = useId();
  const badge = cardBadge(pool.status, job);
  const created = pool.status === 'created';
  const fileCount = pool.files.length;
  const same = pool.sameNamePool;
  const askChoice = !!same && !pool.nameLocked && !created;
  const title = pool.host ?? pool.files[0]?.file.name ?? 'Pool';

  return (
    <Card className={styles.card} appearance="outline" role="region" aria-labelledby={titleId}>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <Subtitle2 as="h3" id={titleId} className={styles.title}>
            {title}
          </Subtitle2>
          <Caption1 className={styles.meta}>
            {pool.host ? 'SM-DP+ server address' : 'No readable SM-DP+ server address'} · {formatCount(pool.codeCount)} {pool.codeCount === 1 ? 'code' : 'codes'} from{' '}
            {fileCount} {fileCount === 1 ? 'file' : 'files'}
          </Caption1>
        </div>
        <Badge appearance="filled" color={badge.color} data-testid="pool-status">
          {badge.label}
        </Badge>
      </div>

      {created && pool.progress.poolId && <PoolCreatedNote pool={pool} poolId={pool.progress.poolId} resumed={resumed} />}
      {job?.phase === 'failed' && !created && <PoolFailedNote job={job} />}
      {resumed && !created && job?.phase !== 'failed' && <ResumedPoolNotice pool={pool} />}
      {askChoice && same && <SameNameChoice same={same} choice={pool.choice} onChoose={(choice) => onChoose(pool, choice)} />}
      {!created && <PoolNameField pool={pool} control={control} />}

      {fileCount > 1 && !created && (
        <Body1>
          These {fileCount} files use the same SM-DP+ server and become one pool
          {pool.duplicatesMerged > 0 ? `; ${formatCount(pool.duplicatesMerged)} codes that are in more than one file are uploaded once.` : '.'}
        </Body1>
      )}

      {created ? (
        <Caption1 className={styles.meta}>From {pool.files.map((f) => f.file.name).join(', ')}</Caption1>
      ) : (
        pool.files.map((f) => <FileSection key={f.file.id} planned={f} defaultExpanded={!compact} onRemove={onRemoveFile} onConfirm={onConfirmFile} />)
      )}

      {!created && <PoolBlockers blockers={pool.blockers} />}
    </Card>
  );
}

function sameFiles(a: PoolPlan['files'], b: PoolPlan['files']): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => {
      const g = b[i];
      return !!g && f.file === g.file && f.errorCount === g.errorCount && f.warningsConfirmed === g.warningsConfirmed && f.issues.length === g.issues.length;
    })
  );
}

/** Plans are rebuilt on every keystroke; a card re-renders only when what it shows changed. */
export const PoolCard = memo(PoolCardView, (prev, next) => {
  const a = prev.pool;
  const b = next.pool;
  return (
    prev.control === next.control &&
    prev.resumed === next.resumed &&
    prev.job === next.job &&
    prev.onChoose === next.onChoose &&
    prev.onRemoveFile === next.onRemoveFile &&
    prev.onConfirmFile === next.onConfirmFile &&
    a.key === b.key &&
    a.status === b.status &&
    a.name === b.name &&
    a.nameError === b.nameError &&
    a.nameLocked === b.nameLocked &&
    a.codeCount === b.codeCount &&
    a.duplicatesMerged === b.duplicatesMerged &&
    a.defaultName === b.defaultName &&
    a.sameNamePool?.id === b.sameNamePool?.id &&
    a.choice?.mode === b.choice?.mode &&
    (a.choice?.mode === 'replace' ? a.choice.poolId : '') === (b.choice?.mode === 'replace' ? b.choice.poolId : '') &&
    a.progress.createState === b.progress.createState &&
    a.progress.poolId === b.progress.poolId &&
    a.blockers.join('\n') === b.blockers.join('\n') &&
    sameFiles(a.files, b.files)
  );
});
