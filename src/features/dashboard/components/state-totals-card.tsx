import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DonutChart, type ChartDataPoint } from '@fluentui/react-charts';
import { formatCount } from '../../../lib/format.ts';
import { DEVICE_STATES, type EmbeddedSimDeviceStateValue } from '../../../graph/types.ts';
import type { StateTotals } from '../lib/fleet-model.ts';
import type { DeviceStateWording } from '../lib/wording.ts';
import { DashboardCard } from './dashboard-card.tsx';
import { StaticTableRow } from '../../../components/static-table-row.tsx';

/**
 * Theme tokens (CSS variables), so the chart follows the light, dark and
 * high-contrast themes. The chart's own palette names ('qualitative.1'…)
 * reach the arcs unresolved in this version and paint them black.
 */
const COLOR: Readonly<Record<EmbeddedSimDeviceStateValue, string>> = {
  installed: tokens.colorPaletteGreenBackground3,
  installing: tokens.colorPaletteBlueBorderActive,
  notEvaluated: tokens.colorPaletteTealBorderActive,
  failed: tokens.colorPaletteRedBackground3,
  error: tokens.colorPaletteDarkOrangeBackground3,
  deleting: tokens.colorPaletteMarigoldBackground3,
  deleted: tokens.colorNeutralStrokeAccessible,
  removedByUser: tokens.colorPalettePurpleBorderActive,
};

const useStyles = makeStyles({
  body: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'flex-start' },
  chart: { width: '260px', flexShrink: 0 },
  table: { flexGrow: 1, minWidth: '240px', maxWidth: '420px' },
  numeric: { textAlign: 'end' },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginInlineEnd: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusSmall,
  },
  empty: { color: tokens.colorNeutralForeground2 },
});

const CHART_TITLE = 'Devices by install state';

/**
 * Totals by install state across the pools read so far: a donut (Fluent's
 * chart, keyboard-navigable) and the same figures as a table, which is what
 * a screen reader reads (the chart's arcs carry only one value each).
 */
export function StateTotalsCard({ totals, wording }: { totals: StateTotals; wording: DeviceStateWording }) {
  const styles = useStyles();
  const points: ChartDataPoint[] = DEVICE_STATES.filter((s) => totals.byState[s] > 0).map((s) => ({
    legend: wording.stateLabel[s],
    data: totals.byState[s],
    color: COLOR[s],
  }));
  return (
    <DashboardCard title="Devices by install state" how={totals.method}>
      <div className={styles.body}>
        <div className={styles.chart}>
          {totals.devices > 0 ? (
            <DonutChart
              data={{ chartTitle: CHART_TITLE, chartData: points }}
              innerRadius={60}
              valueInsideDonut={formatCount(totals.devices)}
              width={260}
              height={260}
              hideLegend
              culture="en-US"
            />
          ) : (
            <Text className={styles.empty}>{totals.poolsRead === 0 ? 'No pool read yet.' : 'No device has been given a code yet.'}</Text>
          )}
        </div>
        <Table size="small" className={styles.table} aria-label={`${CHART_TITLE} (the chart's data)`}>
          <TableHeader>
            <StaticTableRow>
              <TableHeaderCell>Install state</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>Devices</TableHeaderCell>
            </StaticTableRow>
          </TableHeader>
          <TableBody>
            {DEVICE_STATES.map((s) => (
              <StaticTableRow key={s}>
                <TableCell>
                  {/* The table is the chart's legend too: the swatch is the arc's colour (set through CSSOM). */}
                  <span className={styles.swatch} style={{ backgroundColor: COLOR[s] }} aria-hidden />
                  {wording.stateLabel[s]}
                </TableCell>
                <TableCell className={styles.numeric}>{formatCount(totals.byState[s])}</TableCell>
              </StaticTableRow>
            ))}
            <StaticTableRow>
              <TableCell>
                <strong>All states</strong>
              </TableCell>
              <TableCell className={styles.numeric}>
                <strong>{formatCount(totals.devices)}</strong>
              </TableCell>
            </StaticTableRow>
          </TableBody>
        </Table>
      </div>
    </DashboardCard>
  );
}
