import { Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { formatCount, formatDateTime } from '../../../components/format.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { CopyIdButton } from './copy-id-button.tsx';

const useStyles = makeStyles({
  essentials: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  pair: { display: 'grid', gridTemplateColumns: '140px minmax(0, 1fr)', alignItems: 'center', minHeight: '32px', columnGap: tokens.spacingHorizontalM },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, wordBreak: 'break-word', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** The pool's properties as a description list, as in an Intune blade's Essentials. */
export function PoolEssentials({ pool }: { pool: PoolProperties }) {
  const styles = useStyles();
  const headingId = useId();
  const item = (term: string, value: ReactNode) => (
    <div className={styles.pair}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby={headingId} className={styles.essentials}>
      <Subtitle1 as="h2" id={headingId}>
        Essentials
      </Subtitle1>
      <dl className={styles.grid}>
        {item('Name', pool.displayName)}
        {item('Created', formatDateTime(pool.createdDateTime))}
        {item('Activation codes', formatCount(pool.activationCodeCount))}
        {item('Last modified', formatDateTime(pool.modifiedDateTime))}
        {item(
          'Pool ID',
          <>
            <span className={styles.mono}>{pool.id}</span>
            <CopyIdButton id={pool.id} />
          </>,
        )}
      </dl>
    </section>
  );
}
