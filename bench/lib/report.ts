/**
 * Result shapes, the one-line format of each measurement, the summary table
 * and bench/results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { round } from './stats.ts';

/** OK/OVER: measured against a goal. INFO: no goal. PENDING/ERROR: could not be measured. */
export type Status = 'OK' | 'OVER' | 'INFO' | 'PENDING' | 'ERROR';

export interface Goal {
  /** The measurement passes when the checked number is ≤ max. */
  max: number;
  /** Which number the goal applies to. */
  on: 'ratio' | 'value';
  /** e.g. `1.3×`, `250 KB`, `0`. */
  display: string;
}

/** A measurement as reported: its input, with the ratio to its baseline and the status worked out. */
export interface Metric extends Omit<MetricInput, 'informational'> {
  ratio?: number;
  status: Status;
}

export interface BenchOutcome {
  id: string;
  title: string;
  status: 'ran' | 'pending' | 'error';
  metrics: Metric[];
  /** Informational lines (largest lazy chunks, throttling seen, …). */
  notes: string[];
  error?: string;
  wallMs: number;
}

export interface MetricInput {
  id: string;
  name: string;
  value: number;
  unit: string;
  display: string;
  baseline?: { value: number; display: string };
  goal?: Goal;
  details?: Record<string, unknown>;
  /** Force INFO even with a baseline (informational ratios). */
  informational?: boolean;
}

export function metric(input: MetricInput): Metric {
  const ratio = input.baseline && input.baseline.value > 0 ? input.value / input.baseline.value : undefined;
  let status: Status = 'INFO';
  if (input.goal && !input.informational) {
    const checked = input.goal.on === 'ratio' ? ratio : input.value;
    status = checked !== undefined && Number.isFinite(checked) && checked <= input.goal.max ? 'OK' : 'OVER';
  }
  return {
    id: input.id,
    name: input.name,
    value: input.value,
    unit: input.unit,
    display: input.display,
    ...(input.baseline ? { baseline: input.baseline } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    ...(input.goal && !input.informational ? { goal: input.goal } : {}),
    status,
    ...(input.details ? { details: input.details } : {}),
  };
}

/** `name: value (baseline value) ratio X.XX× — goal ≤ Y× OK|OVER` */
export function formatLine(m: Metric): string {
  let line = `${m.name}: ${m.display}`;
  if (m.baseline) line += ` (baseline ${m.baseline.display})`;
  if (m.ratio !== undefined) line += ` ratio ${m.ratio.toFixed(2)}×`;
  line += m.goal ? ` — goal ≤ ${m.goal.display} ${m.status}` : ' — info';
  return line;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

export function summaryTable(outcomes: readonly BenchOutcome[]): string {
  const rows: string[][] = [['benchmark', 'value', 'baseline', 'ratio', 'goal', 'status']];
  for (const o of outcomes) {
    if (o.status !== 'ran') {
      rows.push([o.title, '—', '—', '—', '—', o.status === 'pending' ? 'PENDING' : 'ERROR']);
      continue;
    }
    for (const m of o.metrics) {
      rows.push([
        m.name,
        m.display,
        m.baseline?.display ?? '—',
        m.ratio !== undefined ? `${m.ratio.toFixed(2)}×` : '—',
        m.goal ? `≤ ${m.goal.display}` : 'info',
        m.status,
      ]);
    }
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length))) ?? [];
  const render = (r: string[]) => `| ${r.map((cell, c) => pad(cell, widths[c] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [render(rows[0] ?? []), rule, ...rows.slice(1).map(render)].join('\n');
}

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  wallMs: number;
  /** Time spent waiting for the e2e lock before the build and browser benchmarks. */
  lockWaitMs: number;
  environment: Record<string, unknown>;
  options: Record<string, unknown>;
  benchmarks: BenchOutcome[];
}

export async function writeReport(file: string, report: RunReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const json = JSON.stringify(
    report,
    (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? round(value, 3) : value),
    2,
  );
  await writeFile(file, `${json}\n`);
}
