import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { devices, type FailureReason } from '../lib/device-status.ts';

const useStyles = makeStyles({
  reasons: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  reasonList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  reason: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Why devices failed, one entry per reason with what to do about it; nothing when none failed. */
export function FailureReasons({ reasons, failed }: { reasons: FailureReason[]; failed: number }) {
  const styles = useStyles();
  if (reasons.length === 0) return null;
  return (
    <div className={styles.reasons}>
      <Subtitle2 as="h3">Why {devices(failed)} failed</Subtitle2>
      <ul className={styles.reasonList}>
        {reasons.map(({ why, count, codes }) => (
          <li key={why.title} className={styles.reason}>
            <Text weight="semibold">
              {why.title} ({devices(count)})
            </Text>
            <Text>
              {why.explanation} <Text weight="semibold">What to do:</Text> {why.action}
            </Text>
            {codes.size > 0 && (
              <Text size={200} className={styles.muted}>
                Reported as {[...codes].join(', ')}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
