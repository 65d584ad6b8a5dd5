import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleRegular } from '@fluentui/react-icons';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { PoolPlan } from '../lib/plan-batch.ts';

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
