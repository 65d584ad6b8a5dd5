import { Body1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  framed: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  icon: { fontSize: '32px', color: tokens.colorNeutralForeground3, display: 'flex' },
});

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  /** A decorative icon above the title. */
  icon?: ReactNode;
  /** 1 for a page that is only this state (not found), 2 for a page's empty state, 3 inside a section of a page. */
  headingLevel?: 1 | 2 | 3;
  /** A dashed frame, for an empty part of a page that has other content. */
  framed?: boolean;
  /** Announce it (role="status"); off where a live count next to it already says so. */
  announce?: boolean;
}

/** Nothing to show, what that means, and what to do about it. */
export function EmptyState({ title, children, action, icon, headingLevel = 2, framed = false, announce = true }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.root, framed && styles.framed)} role={announce ? 'status' : undefined}>
      {icon && (
        <span className={styles.icon} aria-hidden>
          {icon}
        </span>
      )}
      <Subtitle2 as={`h${headingLevel}`}>{title}</Subtitle2>
      {children && <Body1>{children}</Body1>}
      {action}
    </div>
  );
}
