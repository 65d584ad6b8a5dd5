import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { RouterLink } from '../../../components/router-link.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { paths } from '../../../config/paths.ts';
import type { ReplacedPool } from '../../../entities/audit-events/replaced-pool.ts';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  how: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

const name = (p: ReplacedPool) => (p.displayName ? `“${p.displayName}”` : `with id ${p.poolId}`);

/**
 * "Made by a replace": the pool(s) its creator deleted just before creating it,
 * each with a link to its history, and how the console knows.
 */
export function ReplacedPoolNote({ candidates }: { candidates: readonly ReplacedPool[] }) {
  const styles = useStyles();
  if (candidates.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Most likely made by a replace</MessageBarTitle>
        <ul className={styles.list}>
          {candidates.map((p) => (
            <li key={p.poolId}>
              {p.by} deleted the pool {name(p)} on {formatDateTime(p.deletedAt)}, {p.secondsBefore.toLocaleString('en-US')} s before creating this one.{' '}
              <RouterLink to={paths.poolHistory.getHref(p.poolId)}>History of the pool {name(p)}</RouterLink>
            </li>
          ))}
        </ul>
        <Text size={200} className={styles.how}>
          How the console knows: Graph keeps no link between two pools. A replace deletes the old pool and then creates the new one, so a pool
          delete by the same admin in the 15 minutes before this pool was created is shown here, from Intune&apos;s audit events.
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
