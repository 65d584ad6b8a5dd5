import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { formatCount } from '../../../lib/format.ts';
import type { GroupProgress } from '../lib/plan-batch.ts';
import { poolUnfinished, type ResumePool, type ResumeState } from '../lib/resume-state.ts';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  matched: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export interface ResumeBannerProps {
  resume: ResumeState;
  /** Stored pools matched to dropped files, by pool key. */
  resumed: Record<string, ResumePool | undefined>;
  progress: Record<string, GroupProgress | undefined>;
  onDiscard: () => void;
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** "An upload was interrupted: N of M pools created. Drop the same files again to finish it." */
export function ResumeBanner({ resume, resumed, progress, onDiscard }: ResumeBannerProps) {
  const styles = useStyles();
  const keyOf = new Map<ResumePool, string>();
  for (const [key, pool] of Object.entries(resumed)) if (pool) keyOf.set(pool, key);
  const finished = (p: ResumePool) => {
    const key = keyOf.get(p);
    const now = key ? progress[key] : undefined;
    return !poolUnfinished(now ? { createState: now.createState, carry: now.carry } : p);
  };
  const total = resume.pools.length;
  const created = resume.pools.filter(finished).length;
  if (created === total) return null;
  const missing = resume.pools.filter((p) => !keyOf.has(p) && poolUnfinished(p));
  const orphaned = resume.pools.filter((p) => p.oldPoolDeleted && p.createState !== 'created' && !finished(p));

  return (
    <MessageBar intent="warning" layout="multiline" data-testid="resume-banner">
      <MessageBarBody>
        <MessageBarTitle>
          An upload was interrupted: {formatCount(created)} of {formatCount(total)} pools created.
        </MessageBarTitle>
        Drop the same files again to finish it. Pools already created are not sent again, and pools that were being created are looked up
        first, so nothing is created twice.
        {orphaned.map((p) => (
          <div key={`gone-${p.key}`} data-testid="resume-old-pool-gone">
            <strong>“{p.replacePoolName ?? p.name}” was deleted and its replacement is not created yet</strong>: drop {p.files.map((f) => f.name).join(', ')} to
            create “{p.name}”{p.carry && p.carry.assignments.length > 0 ? ' and assign it like the old pool' : ''}.
          </div>
        ))}
        {missing.length > 0 ? (
          <ul className={styles.list} aria-label="Files still needed">
            {missing.flatMap((p) =>
              p.files.map((f) => (
                <li key={`${p.key}-${f.sha256}`}>
                  {f.name} ({kb(f.size)}) → pool “{p.name}”
                </li>
              )),
            )}
          </ul>
        ) : (
          <div className={styles.matched}>
            <CheckmarkRegular aria-hidden /> All files of the interrupted upload are here.
          </div>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onDiscard}>Discard</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
