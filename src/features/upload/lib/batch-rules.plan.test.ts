/** The shared batch-rule table through the upload page's planner (the CLI runs it in scripts/validate-csv.test.ts). */
import { describe, expect, it } from 'vitest';
import { BATCH_RULE_CASES } from '../csv/batch-rules.table.ts';
import { formatIssue } from '../csv/format-issue.ts';
import { parseCarrierCsv } from '../csv/parse-carrier-csv.ts';
import { csvBytes } from '../../../testing/carrier-csv.ts';
import { analyzeBatch, type BatchFile } from './batch-analysis.ts';
import { planBatch } from './plan-batch.ts';

describe('batch rules, as the upload page plans them', () => {
  it.each(BATCH_RULE_CASES)('$name', async (c) => {
    const files: BatchFile[] = await Promise.all(
      c.files.map(async (f, i) => {
        const bytes = csvBytes(f.lines);
        return { id: `f${i}`, name: f.name, size: bytes.length, parsed: await parseCarrierCsv(f.name, bytes) };
      }),
    );
    const analysis = analyzeBatch(files);
    const plan = planBatch({ analysis, existing: [], names: {}, choices: {}, confirmedWarnings: new Set(), progress: {} });

    const planned = new Map(plan.pools.flatMap((p) => p.files.map((f) => [f.file.id, f] as const)));
    expect(files.flatMap((f) => planned.get(f.id)?.issues.map(formatIssue) ?? [])).toEqual(c.issues);
    expect(
      plan.pools
        .filter((p) => p.host !== null)
        .map((p) => ({
          host: p.host,
          files: p.files.map((f) => f.file.name),
          codes: p.codeCount,
          merged: p.duplicatesMerged,
          ...(analysis.poolErrors.has(p.key) ? { errors: analysis.poolErrors.get(p.key) } : {}),
        })),
    ).toEqual(c.pools);
    for (const pool of plan.pools) for (const e of analysis.poolErrors.get(pool.key) ?? []) expect(pool.blockers).toContain(e);
    expect(plan.pools.every((p) => p.status !== 'errors')).toBe(c.valid);
    expect(plan.ready).toBe(c.valid);
  });
});
