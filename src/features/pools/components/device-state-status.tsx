import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowSyncCircleFilled,
  CheckmarkCircleFilled,
  DismissCircleFilled,
  SubtractCircleFilled,
} from '@fluentui/react-icons';
import type { EmbeddedSimDeviceStateValue } from '../../../graph/types.ts';
import { STATE_DESCRIPTION, STATE_LABEL, groupOf, type StateGroup } from './device-state-text.ts';

export const useGroupColourStyles = makeStyles({
  installed: { color: tokens.colorPaletteGreenForeground1 },
  inProgress: { color: tokens.colorBrandForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  removed: { color: tokens.colorNeutralForeground3 },
});

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  icon: { flexShrink: 0, fontSize: '16px' },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const ICONS: Record<StateGroup, typeof CheckmarkCircleFilled> = {
  installed: CheckmarkCircleFilled,
  inProgress: ArrowSyncCircleFilled,
  failed: DismissCircleFilled,
  removed: SubtractCircleFilled,
};

/** A device state as icon (colour by group) + words; the title explains the state. */
export function DeviceStateStatus({ state }: { state: EmbeddedSimDeviceStateValue }) {
  const styles = useStyles();
  const colours = useGroupColourStyles();
  const group = groupOf(state);
  const Icon = ICONS[group];
  return (
    <span className={styles.root} title={STATE_DESCRIPTION[state]}>
      <Icon className={mergeClasses(styles.icon, colours[group])} aria-hidden />
      <span className={styles.text}>{STATE_LABEL[state] ?? state}</span>
    </span>
  );
}
