/**
 * 4. Uploading 200 pools with Intune's throttling on, against the throttle
 * floor. 200 generated carrier files (distinct SM-DP+ hosts, 25 codes each)
 * go through the product's own path in Node: parseCarrierCsv + checkBatch
 * (as the worker does), analyzeBatch + planBatch (as the page does), then the
 * upload runner with the app's pool service, concurrency and GraphClient.
 * The floor is the least time the throttle permits for those writes plus one
 * unthrottled create, measured first with throttling off.
 */
import { generateCarrierFiles } from '../src/testing/carrier-csv.ts';
import { writeTimeline } from './lib/emulator.ts';
import { metric, type BenchOutcome } from './lib/report.ts';
import { formatMs, median } from './lib/stats.ts';
import { elapsedOverFloor, throttleFloorMs, type WriteEnv } from './lib/write-env.ts';

export const UPLOAD_POOLS = 200;
const CODES_PER_POOL = 25;
const LATENCY_SAMPLES = 5;

interface PoolRow {
  id: string;
  displayName: string;
  activationCodeCount: number;
}

export async function benchUpload(env: WriteEnv, repoRoot: string, log: (line: string) => void): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  const runner = await import('../src/features/upload/lib/upload-runner.ts');
  const { graphPoolService } = await import('../src/features/upload/api/pool-service.ts');
  const { analyzeBatch } = await import('../src/features/upload/lib/batch-analysis.ts');
  const { planBatch } = await import('../src/features/upload/lib/plan-batch.ts');
  const { parseCarrierCsv } = await import('../src/features/upload/csv/parse-carrier-csv.ts');
  const { checkBatch } = await import('../src/features/upload/csv/check-batch.ts');
  const { POOLS_PATH } = await import('../src/graph/types.ts');
  const { UPLOAD_CONCURRENCY } = await import('../src/features/upload/lib/limits.ts');
  const concurrency = { value: UPLOAD_CONCURRENCY, source: 'src/features/upload/lib/limits.ts' };
  const signal = new AbortController().signal;

  // --- one create's own time, throttling off (the tail of the floor)
  await env.control.reset('empty');
  await env.control.setThrottle({ enabled: false });
  const scratch = generateCarrierFiles({ files: LATENCY_SAMPLES + 1, codesPerFile: CODES_PER_POOL, seed: 0x1a7, batch: 90 });
  const latencies: number[] = [];
  for (const [i, file] of scratch.entries()) {
    const parsed = await parseCarrierCsv(file.name, file.bytes);
    const t = performance.now();
    const pool = await graphPoolService.create({ displayName: `bench latency ${i}`, activationCodes: parsed.codes }, signal);
    const ms = performance.now() - t;
    if (i > 0) latencies.push(ms); // the first one also opens the connection
    await graphPoolService.remove(pool.id, signal);
  }
  const oneCreateMs = median(latencies);

  // --- the batch, prepared as the upload page prepares it (not timed: it happens before "Upload")
  const files = generateCarrierFiles({ files: UPLOAD_POOLS, codesPerFile: CODES_PER_POOL, seed: 0x200, batch: 2 });
  const parsed = checkBatch(await Promise.all(files.map((f) => parseCarrierCsv(f.name, f.bytes))));
  const batchFiles = parsed.map((p, i) => ({ id: `f${i}`, name: p.fileName, size: p.sizeBytes, parsed: p }));
  const existing = await env.graph.getAll<PoolRow>(POOLS_PATH, { query: { select: ['id', 'displayName', 'activationCodeCount'] } });
  const plan = planBatch({ analysis: analyzeBatch(batchFiles), existing, names: {}, choices: {}, confirmedWarnings: new Set(), progress: {} });
  if (plan.toUpload.length !== UPLOAD_POOLS) {
    throw new Error(`the upload plan has ${plan.toUpload.length} pools ready, expected ${UPLOAD_POOLS}: ${plan.blockers.join(' ')} ${plan.pools.flatMap((p) => p.blockers).slice(0, 3).join(' ')}`);
  }
  const jobs = plan.toUpload.map((p) => ({
    key: p.key,
    displayName: p.name,
    activationCodes: p.codes ?? [],
    mode: 'new' as const,
    resume: p.progress,
  }));

  // --- the run: Intune's limits, counters fresh
  await env.control.reset('empty');
  const cfg = await env.control.throttle();
  if (!cfg.enabled) throw new Error('throttling is off after reset; expected Intune defaults');
  await env.control.clearRequests();
  let waits = 0;
  const startedAtEpochMs = Date.now();
  const t0 = performance.now();
  const result = await runner.runUpload(jobs, {
    service: graphPoolService,
    concurrency: concurrency.value,
    onUpdate: (_key, status) => {
      if (status.phase === 'waiting') waits++;
    },
  });
  const elapsedMs = performance.now() - t0;
  const served = await env.control.requests();
  const log429 = served.filter((r) => r.status === 429).length;
  const timeline = writeTimeline(served, startedAtEpochMs, Math.min(cfg.appWrites, cfg.tenantWrites));

  const statuses = [...result.statuses.values()];
  const failed = statuses.filter((s) => s.phase !== 'created');
  const failureSummary = [...new Set(failed.map((s) => `${s.phase}: ${s.error instanceof Error ? s.error.message : String(s.error ?? s.detail ?? '')}`))].slice(0, 3);

  // --- verify through Graph: exactly one pool per job, no pool twice
  await env.control.setThrottle({ enabled: false });
  const pools = await env.graph.getAll<PoolRow>(POOLS_PATH, { query: { select: ['id', 'displayName', 'activationCodeCount'] } });
  await env.control.setThrottle({ enabled: true });
  const expected = new Set(jobs.map((j) => j.displayName.toLocaleLowerCase()));
  const byName = new Map<string, number>();
  for (const p of pools) byName.set(p.displayName.toLocaleLowerCase(), (byName.get(p.displayName.toLocaleLowerCase()) ?? 0) + 1);
  const duplicates = [...byName.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
  const missing = [...expected].filter((n) => !byName.has(n)).length;
  const unexpected = [...byName.keys()].filter((n) => !expected.has(n)).length;
  const wrongCount = pools.filter((p) => p.activationCodeCount !== CODES_PER_POOL).length;
  const discrepancies = duplicates + missing + unexpected + wrongCount;

  const { floorMs, windows } = throttleFloorMs(cfg, { writes: jobs.length, reads: 0 }, oneCreateMs);
  log(`  upload: ${formatMs(elapsedMs)}, ${pools.length} pools in Graph, ${failed.length} failed, ${log429} × 429`);
  notes.push(
    `floor = ${windows} × ${cfg.windowMs / 1000} s window (writes ${Math.min(cfg.appWrites, cfg.tenantWrites)} per window for one app) + one create ${formatMs(oneCreateMs)}; ` +
      `concurrency ${concurrency.value} (${concurrency.source}); ${log429} throttled responses (429), ${waits} runner waits`,
  );
  notes.push(`timeline: ${timeline}`);
  notes.push(`Graph after the run: ${pools.length} pools (expected ${UPLOAD_POOLS}); duplicates ${duplicates}, missing ${missing}, unexpected ${unexpected}, wrong code count ${wrongCount}`);
  if (failureSummary.length) notes.push(`failures: ${failureSummary.join(' | ')}`);

  return {
    id: 'upload',
    title: 'Upload 200 pools (throttled)',
    status: 'ran',
    notes,
    wallMs: performance.now() - started,
    metrics: [
      elapsedOverFloor({
        id: 'upload.elapsed',
        name: `Upload ${UPLOAD_POOLS} pools, throttling on`,
        elapsedMs,
        floorMs,
        details: { throttle: cfg, windows, oneCreateMs, latencySamplesMs: latencies, concurrency, throttled429: log429, runnerWaits: waits },
      }),
      metric({
        id: 'upload.failed',
        name: 'Upload failed pools',
        value: failed.length,
        unit: 'pools',
        display: String(failed.length),
        goal: { max: 0, on: 'value', display: '0' },
        details: { failures: failureSummary },
      }),
      metric({
        id: 'upload.graph-check',
        name: `Upload pools in Graph ≠ ${UPLOAD_POOLS} once each`,
        value: discrepancies,
        unit: 'pools',
        display: `${discrepancies} (${pools.length} pools)`,
        goal: { max: 0, on: 'value', display: '0' },
        details: { pools: pools.length, duplicates, missing, unexpected, wrongCount },
      }),
    ],
  };
}
