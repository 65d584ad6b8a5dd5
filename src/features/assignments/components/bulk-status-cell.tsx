import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ClockRegular, DismissCircleFilled, PauseCircleRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { describeError } from '../../../components/error-state.tsx';
import { refusalPointer } from '../../../components/read-only-notice.tsx';
import type { BulkPoolOutcome } from '../api/bulk-assign-pool.ts';
import type { PoolStatus } from '../hooks/use-bulk-assign-run.ts';

const useStyles = makeStyles({
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  wait: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

function succeededText(outcome: BulkPoolOutcome): string {
  if (!outcome.sent) return 'No change needed: the pool already had these assignments';
  const parts = [
    outcome.plan.added && `${outcome.plan.added} added`,
    outcome.plan.moved && `${outcome.plan.moved} moved`,
    outcome.plan.removed && `${outcome.plan.removed} removed`,
  ].filter(Boolean);
  return parts.length ? `Assigned (${parts.join(', ')})` : 'Assigned';
}

/** One pool's line in the bulk results. */
export function StatusCell({ status }: { status: PoolStatus | undefined }) {
  const styles = useStyles();
  const access = useWriteAccess();
  switch (status?.state) {
    case undefined:
    case 'queued':
      return (
        <span className={styles.status}>
          <ClockRegular aria-hidden className={styles.wait} /> Waiting
        </span>
      );
    case 'reading':
      return (
        <span className={styles.status}>
          <Spinner size="extra-tiny" aria-hidden /> Reading current assignments
        </span>
      );
    case 'saving':
      return (
        <span className={styles.status}>
          <Spinner size="extra-tiny" aria-hidden /> Saving
        </span>
      );
    case 'throttled':
      return (
        <span className={styles.status}>
          <PauseCircleRegular aria-hidden className={styles.wait} /> Throttled by Microsoft Graph; trying again in {Math.ceil(status.waitMs / 1000)} s
        </span>
      );
    case 'succeeded':
      return (
        <span className={styles.status}>
          {status.outcome.sent ? <CheckmarkCircleFilled aria-hidden className={styles.ok} /> : <SubtractCircleRegular aria-hidden className={styles.wait} />}
          {succeededText(status.outcome)}
        </span>
      );
    case 'failed': {
      const d = describeError(status.error);
      return (
        <span className={styles.status}>
          <DismissCircleFilled aria-hidden className={styles.bad} />
          <span>
            {/* A refusal's advice is the dialog's read-only notice's: said once, pointed to here. */}
            Failed: {refusalPointer(access, status.error) ?? `${d.title}. ${d.message}`}
            {d.requestId && ` (request ID ${d.requestId})`}
          </span>
        </span>
      );
    }
    case 'stopped':
      return (
        <span className={styles.status}>
          <SubtractCircleRegular aria-hidden className={styles.wait} />
          {status.why === 'refused' ? 'Not done: Intune refused the changes' : 'Not done: stopped before this pool'}
        </span>
      );
    case 'paused':
      return (
        <span className={styles.status}>
          <PauseCircleRegular aria-hidden className={styles.wait} /> Paused: not done yet
        </span>
      );
  }
}
