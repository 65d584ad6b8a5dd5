import { Body1, Skeleton, SkeletonItem, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { PhoneRegular } from '@fluentui/react-icons';
import { devices } from '../lib/device-status.ts';

/* What the device status section shows instead of the table: loading, no devices, no match. */

const useStyles = makeStyles({
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  emptyIcon: { fontSize: '32px', color: tokens.colorNeutralForeground3 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function DeviceStatusLoading() {
  const styles = useStyles();
  return (
    <Skeleton aria-label="Loading device status" className={styles.skeleton}>
      <SkeletonItem size={16} />
      <SkeletonItem size={48} />
      <SkeletonItem size={32} />
      <SkeletonItem size={32} />
      <SkeletonItem size={32} />
    </Skeleton>
  );
}

export function NoDevicesYet() {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <PhoneRegular className={styles.emptyIcon} aria-hidden />
      <Subtitle2 as="h3">No devices yet</Subtitle2>
      <Body1>No device has received a profile from this pool yet. Assign the pool to device groups.</Body1>
    </div>
  );
}

export function NoDeviceMatches({ total }: { total: number }) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Subtitle2 as="h3">No device matches these filters</Subtitle2>
      <Body1>Clear the filters to see all {devices(total)}.</Body1>
    </div>
  );
}
