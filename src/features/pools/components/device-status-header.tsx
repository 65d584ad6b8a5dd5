import { Button, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  spacer: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export interface DeviceStatusHeaderProps {
  headingId: string;
  /** When the shown states were read; undefined before the first read. */
  updatedAt: number | undefined;
  /** The auto-refresh interval in ms, or false when the section does not poll. */
  polling: number | false;
  fetching: boolean;
  enabled: boolean;
  onRefresh: () => void;
  /** Saves the devices shown as CSV; absent while there is nothing to export. */
  onExport?: () => void;
}

/** The section's heading, how fresh the states are (and whether they refresh themselves), and Refresh. */
export function DeviceStatusHeader({ headingId, updatedAt, polling, fetching, enabled, onRefresh, onExport }: DeviceStatusHeaderProps) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Subtitle1 as="h2" id={headingId}>
        Device status
      </Subtitle1>
      <span className={styles.spacer} />
      {updatedAt !== undefined && (
        <Text size={200} className={styles.muted}>
          {polling !== false && `Refreshing every ${Math.round(polling / 1000)} seconds while devices are in progress · `}
          Updated {timeFormat.format(updatedAt)}
        </Text>
      )}
      <Button
        icon={fetching ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />}
        onClick={onRefresh}
        disabledFocusable={!enabled}
        aria-label="Refresh device status"
      >
        Refresh
      </Button>
      {onExport && (
        <Button icon={<ArrowDownloadRegular />} onClick={onExport}>
          Export CSV
        </Button>
      )}
    </div>
  );
}
