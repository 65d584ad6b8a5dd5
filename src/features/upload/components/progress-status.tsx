import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, ErrorCircleFilled, HourglassRegular, PauseCircleRegular, WarningFilled } from '@fluentui/react-icons';
import { describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format.ts';
import type { JobStatus } from '../lib/upload-runner.ts';

/** Removes the batch's matching IDs from text that came from the service. */
export type Redact = (text: string) => string;

const useStyles = makeStyles({
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  statusLine: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const ACTIVE_TEXT: Partial<Record<JobStatus['phase'], string>> = {
  queued: 'Waiting to start',
  verifying: 'Checking the pool created earlier…',
  checking: 'Reading the pool being replaced again…',
  deleting: 'Deleting the pool being replaced…',
  creating: 'Creating the pool…',
  reconciling: 'Checking whether the pool was created…',
  assigning: 'Assigning the new pool like the old one…',
};

const CREATED_TEXT: Record<NonNullable<JobStatus['outcome']>, string> = {
  created: 'Created',
  alreadyCreated: 'Created earlier',
  adopted: 'Created by this upload (found again after a lost response)',
};

/** A failure in plain words; service text has the batch's matching IDs removed. */
function Failure({ error, hint, redact }: { error: unknown; hint?: string; redact: Redact }) {
  const styles = useStyles();
  const d = describeError(error);
  return (
    <>
      <span className={styles.statusLine}>
        <ErrorCircleFilled aria-hidden className={styles.bad} />
        <Text weight="semibold">{redact(d.title)}</Text>
      </span>
      <Text>{redact(d.message)}</Text>
      {hint && <Text>{hint}</Text>}
      {d.requestId && (
        <Text size={200} className={styles.muted}>
          Request ID: <span className={styles.mono}>{d.requestId}</span>
        </Text>
      )}
    </>
  );
}

export function StatusCell({ status, redact }: { status: JobStatus | undefined; redact: Redact }) {
  const styles = useStyles();
  const phase = status?.phase ?? 'queued';
  if (phase === 'created' && status?.poolId) {
    const carry = status.carry;
    return (
      <div className={styles.status}>
        <span className={styles.statusLine}>
          <CheckmarkCircleFilled aria-hidden className={styles.ok} />
          {CREATED_TEXT[status.outcome ?? 'created']}
        </span>
        {carry?.applied && carry.assignments.length > 0 && (
          <Text data-testid="carried-assignments">Assigned like the old pool ({formatCount(carry.assignments.length)} {carry.assignments.length === 1 ? 'assignment' : 'assignments'}).</Text>
        )}
        {carry && !carry.applied && !!status.assignError && (
          <>
            <span className={styles.statusLine}>
              <WarningFilled aria-hidden className={styles.warn} />
              <Text weight="semibold">The old pool’s assignments were not applied; upload again to apply them, or assign the pool on its page.</Text>
            </span>
            <Text>{redact(describeError(status.assignError).message)}</Text>
          </>
        )}
      </div>
    );
  }
  if (phase === 'failed') {
    return (
      <div className={styles.status}>
        <Failure error={status?.error} hint={status?.hint} redact={redact} />
        {status?.oldPoolDeleted && status.createState !== 'created' && (
          <Text weight="semibold">The old pool is deleted and the new one is not created yet: keep these files and upload again.</Text>
        )}
      </div>
    );
  }
  const icon =
    phase === 'cancelled' ? <DismissCircleFilled aria-hidden className={styles.muted} /> : phase === 'waiting' ? <HourglassRegular aria-hidden /> : phase === 'paused' ? <PauseCircleRegular aria-hidden /> : null;
  if (icon) {
    return (
      <div className={styles.status}>
        <span className={styles.statusLine}>
          {icon}
          {status?.detail ?? (phase === 'cancelled' ? 'Cancelled' : phase === 'paused' ? 'Paused' : 'Waiting')}
        </span>
      </div>
    );
  }
  return <div className={styles.status}>{status?.detail ?? ACTIVE_TEXT[phase] ?? 'Working…'}</div>;
}
