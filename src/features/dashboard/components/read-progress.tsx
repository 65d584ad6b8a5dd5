import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { formatCount } from '../../../lib/format.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
  bar: { maxWidth: '480px' },
});

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface ReadProgressProps {
  read: number;
  total: number;
  /** The oldest read the figures rest on (UTC ms); null before the first. */
  asOf: number | null;
  failedReads: number;
  listing: boolean;
  /** Every read has answered (the failed devices of failing pools included). */
  complete: boolean;
  onRefresh: () => void;
}

/**
 * How far the per-pool reads have got ("Read 340 of 10,000 pools") and how
 * old the figures are. The reads go on in the background, paced under
 * Intune's throttle; the page stays usable meanwhile.
 */
export function ReadProgress({ read, total, asOf, failedReads, listing, complete, onRefresh }: ReadProgressProps) {
  const styles = useStyles();
  const text = listing
    ? `Listing pools… ${formatCount(total)} so far, read ${formatCount(read)}`
    : complete && failedReads === 0
      ? `Read all ${formatCount(total)} ${total === 1 ? 'pool' : 'pools'}`
      : `Read ${formatCount(read)} of ${formatCount(total)} pools`;
  return (
    <div className={styles.root}>
      <div className={styles.line}>
        <Text role="status" aria-live="polite">
          {text}
          {failedReads > 0 ? ` · ${formatCount(failedReads)} could not be read` : ''}
        </Text>
        {asOf != null && <Text className={styles.muted}>As of {time.format(asOf)} (the oldest read shown)</Text>}
        <Button size="small" icon={<ArrowClockwiseRegular />} onClick={onRefresh} disabled={!complete}>
          Read again
        </Button>
      </div>
      {!complete && (
        <ProgressBar
          className={styles.bar}
          aria-label="Pools read"
          value={total > 0 ? read / total : undefined}
          max={1}
          thickness="large"
        />
      )}
    </div>
  );
}
