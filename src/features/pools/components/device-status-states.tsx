import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { PhoneRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../../components/empty-state.tsx';
import { devices } from '../lib/device-status.ts';

/* What the device status section shows instead of the table: loading, no devices, no match. */

const useStyles = makeStyles({
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
  return (
    <EmptyState title="No devices yet" icon={<PhoneRegular />} headingLevel={3} framed announce={false}>
      No device has received a profile from this pool yet. Assign the pool to device groups.
    </EmptyState>
  );
}

export function NoDeviceMatches({ total }: { total: number }) {
  return (
    <EmptyState title="No device matches these filters" headingLevel={3} framed announce={false}>
      Clear the filters to see all {devices(total)}.
    </EmptyState>
  );
}
