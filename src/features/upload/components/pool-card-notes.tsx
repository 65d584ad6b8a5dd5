import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleRegular } from '@fluentui/react-icons';
import { describeError } from '../../../components/error-state.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { FAILURE_ADVICE_TEXT, failureAdvice } from '../lib/failure-advice.ts';
import type { PoolPlan } from '../lib/plan-batch.ts';
import type { JobStatus } from '../lib/runner-types.ts';

/* What a pool card says about the pool's state: created, part of an interrupted upload, or blocked. */

const useStyles = makeStyles({
  created: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  createdIcon: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  blockers: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  blockersTitle: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
});

export function PoolCreatedNote({ pool, poolId, resumed }: { pool: PoolPlan; poolId: string; resumed: boolean }) {
  const styles = useStyles();
  return (
    <Text className={styles.created}>
      <CheckmarkCircleFilled aria-hidden className={styles.createdIcon} />
      <span>
        Pool <RouterLink to={paths.pool.getHref(poolId)}>{pool.name}</RouterLink> was created
        {resumed ? ' before the upload was interrupted.' : '.'}
      </span>
    </Text>
  );
}

export function ResumedPoolNotice({ pool }: { pool: PoolPlan }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Part of the interrupted upload</MessageBarTitle>
        {pool.progress.createState === 'inFlight'
          ? 'This pool was being created when the upload stopped. The console checks whether it exists before creating it, so it is never created twice.'
          : 'This pool was not created yet; it is created when you finish the upload.'}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The last upload did not create this pool: what failed (the title only; the service's text, with matching IDs
 * removed, and the request ID are in the upload's results) and what to do next.
 */
export function PoolFailedNote({ job }: { job: JobStatus }) {
  const what = describeError(job.error).title;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="pool-failed">
      <MessageBarBody>
        <MessageBarTitle>Not created: {what}</MessageBarTitle>
        {FAILURE_ADVICE_TEXT[failureAdvice(job)]} The reason and its request ID are under Upload below.
      </MessageBarBody>
    </MessageBar>
  );
}

export function PoolBlockers({ blockers }: { blockers: readonly string[] }) {
  const styles = useStyles();
  if (blockers.length === 0) return null;
  return (
    <div>
      <Text className={styles.blockersTitle} weight="semibold">
        <ErrorCircleRegular aria-hidden /> Before this pool can be uploaded:
      </Text>
      <ul className={styles.blockers}>
        {blockers.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    </div>
  );
}
