import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  method: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface ComputedFigureProps {
  label: string;
  value: ReactNode;
  /** One line saying how the value was computed (shown under it, and its accessible description). */
  method: string;
  /** e.g. a "Low" badge or an "estimate" tag, after the value. */
  extra?: ReactNode;
  className?: string;
}

/**
 * A number an admin reads, with its one-line "how computed" next to it, as
 * the console's rule asks for every capacity, shortfall and forecast figure.
 */
export function ComputedFigure({ label, value, method, extra, className }: ComputedFigureProps) {
  const styles = useStyles();
  const methodId = useId();
  return (
    <div className={mergeClasses(styles.root, className)} role="group" aria-label={label} aria-describedby={methodId}>
      <Text size={200} className={styles.label}>
        {label}
      </Text>
      <div className={styles.value}>
        <Text size={500} weight="semibold">
          {value}
        </Text>
        {extra}
      </div>
      <Text size={200} id={methodId} className={styles.method}>
        How computed: {method}
      </Text>
    </div>
  );
}
