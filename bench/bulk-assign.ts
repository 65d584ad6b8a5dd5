/**
 * 5. Bulk assignment of 200 pools with Intune's throttling on, against the
 * throttle floor. The product's bulk path in Node, as the bulk-assign dialog
 * runs it: runWithConcurrency over the pools, each pool through
 * runBulkAssignMutation (react-query mutation in the pool's scope → read its
 * assignments, merge in "add" mode, `assign` the full set), on the app's
 * GraphClient. One include group and one exclude group for every pool.
 * Floor: the least time the throttle permits for 200 `assign` writes plus
 * 200 reads, plus one pool's unthrottled read + assign.
 */
import { QueryClient } from '@tanstack/react-query';
import { generateCarrierFiles } from '../src/testing/carrier-csv.ts';
import { writeTimeline } from './lib/emulator.ts';
import { metric, type BenchOutcome } from './lib/report.ts';
import { formatMs, median } from './lib/stats.ts';
import { elapsedOverFloor, throttleFloorMs, type WriteEnv } from './lib/write-env.ts';
import { UPLOAD_POOLS } from './upload.ts';

const LATENCY_SAMPLES = 5;

interface PoolWithAssignments {
  id: string;
  displayName: string;
  assignments?: { id: string; target: { '@odata.type': string; groupId?: string } }[];
}

export async function benchBulkAssign(env: WriteEnv, repoRoot: string, log: (line: string) => void): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  const { forEachBounded } = await import('../src/lib/for-each-bounded.ts');
  const { runBulkAssignMutation, bulkAssignPool } = await import('../src/features/assignments/api/bulk-assign-pool.ts');
  const { assignPool } = await import('../src/entities/assignments/assign-pool.ts');
  const { POOLS_PATH } = await import('../src/graph/types.ts');
  const { BULK_CONCURRENCY } = await import('../src/features/assignments/lib/limits.ts');
  const concurrency = { value: BULK_CONCURRENCY, source: 'src/features/assignments/lib/limits.ts' };

  // --- 200 pools: those of the upload benchmark, or created here (throttling off) when it did not run
  await env.control.setThrottle({ enabled: false });
  let pools = await env.graph.getAll<PoolWithAssignments>(POOLS_PATH, { query: { select: ['id', 'displayName'] } });
  if (pools.length < UPLOAD_POOLS) {
    const files = generateCarrierFiles({ files: UPLOAD_POOLS - pools.length, codesPerFile: 25, seed: 0x5a5, batch: 5 });
    const { parseCarrierCsv } = await import('../src/features/upload/csv/parse-carrier-csv.ts');
    for (const f of files) {
      const parsed = await parseCarrierCsv(f.name, f.bytes);
      await env.graph.post(POOLS_PATH, { displayName: `Bench ${f.host}`, activationCodes: parsed.codes });
    }
    pools = await env.graph.getAll<PoolWithAssignments>(POOLS_PATH, { query: { select: ['id', 'displayName'] } });
    notes.push(`created ${files.length} pools for this benchmark (the upload benchmark did not leave ${UPLOAD_POOLS})`);
  }
  const targets = pools.slice(0, UPLOAD_POOLS);
  const groups = await env.graph.getAll<{ id: string; displayName: string }>('/groups', { query: { select: ['id', 'displayName'], top: 10 }, maxItems: 10 });
  const include = groups[0];
  const exclude = groups[1];
  if (!include || !exclude) throw new Error('the emulator has fewer than two groups');
  const set = { included: [include.id], excluded: [exclude.id] };
  const signal = new AbortController().signal;

  // --- one pool's own time (read + assign), throttling off; undone after each sample
  const probe = targets[0];
  if (!probe) throw new Error('no pool to assign');
  const latencies: number[] = [];
  for (let i = 0; i <= LATENCY_SAMPLES; i++) {
    const t = performance.now();
    const outcome = await bulkAssignPool(probe.id, { set, mode: 'add', signal });
    const ms = performance.now() - t;
    if (!outcome.sent) throw new Error('the probe pool already had the assignments');
    if (i > 0) latencies.push(ms);
    await assignPool(probe.id, { assignments: [] });
  }
  const onePoolMs = median(latencies);

  // --- the run: Intune's limits (only `enabled` was changed), counters fresh
  const cfg = await env.control.setThrottle({ enabled: true });
  await env.control.clearRequests();
  const queryClient = new QueryClient();
  const failures: string[] = [];
  let sent = 0;
  let waits = 0;
  const startedAtEpochMs = Date.now();
  const t0 = performance.now();
  await forEachBounded(
    targets,
    concurrency.value,
    async (pool) => {
      try {
        const outcome = await runBulkAssignMutation(queryClient, pool.id, {
          set,
          mode: 'add',
          signal,
          onPhase: (phase) => {
            if (phase === 'throttled') waits++;
          },
        });
        if (outcome.sent) sent++;
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
    },
    { signal },
  );
  const elapsedMs = performance.now() - t0;
  const served = await env.control.requests();
  const timeline = writeTimeline(served, startedAtEpochMs, Math.min(cfg.appWrites, cfg.tenantWrites));
  const throttled = served.filter((r) => r.status === 429).length;
  const reads = served.filter((r) => r.method === 'GET' && r.status !== 429).length;
  const writes = served.filter((r) => r.method === 'POST' && r.status !== 429).length;
  queryClient.clear();

  // --- verify through Graph: every pool has exactly the include and the exclude group
  await env.control.setThrottle({ enabled: false });
  const after = await env.graph.getAll<PoolWithAssignments>(POOLS_PATH, { query: { select: ['id', 'displayName'], expand: ['assignments'] } });
  await env.control.setThrottle({ enabled: true });
  const byId = new Map(after.map((p) => [p.id, p]));
  const wrong = targets.filter((t) => {
    const a = byId.get(t.id)?.assignments ?? [];
    const inc = a.filter((x) => x.target['@odata.type'] === '#microsoft.graph.groupAssignmentTarget' && x.target.groupId === include.id).length;
    const exc = a.filter((x) => x.target['@odata.type'] === '#microsoft.graph.exclusionGroupAssignmentTarget' && x.target.groupId === exclude.id).length;
    return inc !== 1 || exc !== 1 || a.length !== 2;
  }).length;

  const { floorMs, windows } = throttleFloorMs(cfg, { writes: targets.length, reads: targets.length }, onePoolMs);
  log(`  bulk assign: ${formatMs(elapsedMs)}, ${sent} assigned, ${failures.length} failed, ${throttled} × 429`);
  notes.push(
    `floor = ${windows} × ${cfg.windowMs / 1000} s window (${targets.length} assign writes, ${targets.length} reads; limits ${Math.min(cfg.appWrites, cfg.tenantWrites)} writes / ` +
      `${Math.min(cfg.appAll, cfg.tenantAll)} requests per window) + one pool ${formatMs(onePoolMs)}; concurrency ${concurrency.value} (${concurrency.source})`,
  );
  notes.push(`requests served: ${reads} reads, ${writes} writes, ${throttled} throttled (429); ${waits} runner waits; pools with wrong assignments after the run: ${wrong}`);
  notes.push(`timeline: ${timeline}`);
  if (failures.length) notes.push(`failures: ${[...new Set(failures)].slice(0, 3).join(' | ')}`);

  return {
    id: 'assign',
    title: 'Bulk-assign 200 pools (throttled)',
    status: 'ran',
    notes,
    wallMs: performance.now() - started,
    metrics: [
      elapsedOverFloor({
        id: 'assign.elapsed',
        name: `Bulk assign ${targets.length} pools, throttling on`,
        elapsedMs,
        floorMs,
        details: { throttle: cfg, windows, onePoolMs, latencySamplesMs: latencies, concurrency, throttled429: throttled, reads, writes, runnerWaits: waits },
      }),
      metric({
        id: 'assign.failed',
        name: 'Bulk assign failed pools',
        value: failures.length + wrong,
        unit: 'pools',
        display: `${failures.length} failed, ${wrong} wrong in Graph`,
        goal: { max: 0, on: 'value', display: '0' },
        details: { failures: [...new Set(failures)].slice(0, 5), wrongInGraph: wrong },
      }),
    ],
  };
}
