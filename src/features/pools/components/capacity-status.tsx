import { Button, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowDownloadRegular, SettingsRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useState } from 'react';
import type { LowThreshold } from '../../../entities/fleet/capacity.ts';
import type { FleetUsage } from '../../../entities/fleet/fleet-usage-snapshot.ts';
import { formatCount } from '../../../lib/format.ts';

// The dialog (Fluent's Dialog, Field and Input) loads when it opens: the pools list does not wait for it.
const LowThresholdDialog = lazy(() => import('./low-threshold-dialog.tsx').then((m) => ({ default: m.LowThresholdDialog })));

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalS },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: '280px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export interface CapacityStatusProps {
  usage: FleetUsage;
  threshold: LowThreshold;
  onExport: () => void;
}

/** Above the pools list: how far the counting is, as of when, how the column is computed, the threshold and the export. */
export function CapacityStatus({ usage, threshold, onExport }: CapacityStatusProps) {
  const styles = useStyles();
  const [thresholdOpen, setThresholdOpen] = useState(false);
  // Focus goes back to the button when the dialog closes (what DialogTrigger does for a mounted dialog).
  const restoreFocus = useRestoreFocusTarget();
  const progress = usage.complete
    ? `Codes remaining counted for ${formatCount(usage.loaded)} of ${formatCount(usage.total)} pools${usage.asOf !== null ? `, as of ${time.format(usage.asOf)}` : ''}.`
    : `Counting codes remaining in the background: ${formatCount(usage.loaded)} of ${formatCount(usage.total)} pools so far${usage.asOf !== null ? ` (oldest count from ${time.format(usage.asOf)})` : ''}.`;
  return (
    <div className={styles.root}>
      <div className={styles.text}>
        <Text role="status" aria-live="polite">
          {progress}
          {usage.failed > 0 ? ` ${formatCount(usage.failed)} could not be counted.` : ''}
        </Text>
        <Text size={200} className={styles.muted}>
          How computed: remaining = the pool’s codes − devices given a code (its device states, spent or not yet used); Graph doesn’t say which codes were used. Low = under {threshold.percent} % or under{' '}
          {formatCount(threshold.minCodes)} codes left.
        </Text>
      </div>
      <Button icon={<SettingsRegular />} onClick={() => setThresholdOpen(true)} {...restoreFocus}>
        Low threshold…
      </Button>
      {thresholdOpen && (
        <Suspense fallback={null}>
          <LowThresholdDialog onClose={() => setThresholdOpen(false)} />
        </Suspense>
      )}
      <Button icon={<ArrowDownloadRegular />} onClick={onExport} disabled={usage.loaded === 0}>
        Export CSV
      </Button>
    </div>
  );
}
