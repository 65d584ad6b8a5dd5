import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { flexGrow: 1, margin: 0 },
  how: { color: tokens.colorNeutralForeground2 },
});

export interface DashboardCardProps {
  title: string;
  /** The one line that says how the section's figures were computed. */
  how?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One dashboard section: a titled region (a landmark for screen readers) with its "how computed" line. */
export function DashboardCard({ title, how, actions, className, children }: DashboardCardProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={mergeClasses(styles.root, className)} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId} className={styles.title}>
          {title}
        </Subtitle2>
        {actions}
      </div>
      {how && <Caption1 className={styles.how}>{how}</Caption1>}
      {children}
    </section>
  );
}
