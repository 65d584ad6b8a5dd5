import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatCount } from '../../../lib/format.ts';
import { GROUP_DESCRIPTION, GROUP_LABEL, STATE_GROUPS, percentages, type GroupCounts, type StateGroup } from './device-state-text.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  barRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  bar: {
    display: 'flex',
    flexGrow: 1,
    height: '12px',
    gap: '2px',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
  },
  segment: { minWidth: '4px', height: '100%' },
  total: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  legend: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    '@media (max-width: 640px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    textAlign: 'start',
    cursor: 'pointer',
    fontFamily: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Hover}` },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  pressed: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
  },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall, gridRow: 'span 2' },
  label: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  value: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  percent: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  how: { color: tokens.colorNeutralForeground2 },
  installed: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  inProgress: { backgroundColor: tokens.colorBrandBackground },
  failed: { backgroundColor: tokens.colorPaletteRedBackground3 },
  removed: { backgroundColor: tokens.colorNeutralStrokeAccessible },
});

export interface DeviceStatusSummaryProps {
  counts: GroupCounts;
  /** The group the table is filtered to, if any. */
  selected: StateGroup | null;
  onSelect: (group: StateGroup | null) => void;
}

const devices = (n: number) => `${formatCount(n)} ${n === 1 ? 'device' : 'devices'}`;

/**
 * Install status at a glance: a stacked bar (an image whose name reads the
 * numbers) and one toggle button per group that carries the same numbers in
 * words, with percentages, and filters the table.
 */
export function DeviceStatusSummary({ counts, selected, onSelect }: DeviceStatusSummaryProps) {
  const styles = useStyles();
  const pct = percentages(counts);
  return (
    <div className={styles.root}>
      <div className={styles.barRow}>
        <div
          className={styles.bar}
          role="img"
          aria-label={`Device status chart: ${STATE_GROUPS.map((g) => `${GROUP_LABEL[g]} ${formatCount(counts[g])}`).join(', ')}, of ${devices(counts.total)}`}
        >
          {STATE_GROUPS.filter((g) => counts[g] > 0).map((g) => (
            <div key={g} className={mergeClasses(styles.segment, styles[g])} style={{ flexGrow: counts[g] }} />
          ))}
        </div>
        <Text className={styles.total}>{devices(counts.total)}</Text>
      </div>
      <ul className={styles.legend} aria-label="Devices by status">
        {STATE_GROUPS.map((g) => {
          const pressed = selected === g;
          return (
            <li key={g}>
              <button
                type="button"
                className={mergeClasses(styles.item, pressed && styles.pressed)}
                aria-pressed={pressed}
                title={`${GROUP_DESCRIPTION[g]} ${pressed ? 'Select to show all devices.' : 'Select to show only these devices.'}`}
                onClick={() => onSelect(pressed ? null : g)}
              >
                <span className={mergeClasses(styles.swatch, styles[g])} aria-hidden />
                <span className={styles.label}>{GROUP_LABEL[g]}</span>{' '}
                <span className={styles.value}>
                  <span className={styles.count}>{formatCount(counts[g])}</span>{' '}
                  <span className={styles.percent}>
                    {counts[g] === 1 ? 'device' : 'devices'}, {pct[g]}%
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <Text size={200} className={styles.how} data-testid="device-status-how">
        How computed: each device state Intune reports for this pool counts once, in its group (in progress = waiting for check-in or
        installing; failed = failed or error; removed = removing, removed or removed by user); percentages are of all{' '}
        {devices(counts.total)}, rounded to add up to 100.
      </Text>
    </div>
  );
}
