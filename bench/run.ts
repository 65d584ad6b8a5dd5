/**
 * `npm run bench [-- --no-build] [--only size,first-row,csv,upload,assign,dashboard] [--runs 10] [--no-lock]`
 *
 * Speed and memory targets of the console, each measured against a baseline
 * taken in the same run (see bench/README.md). Prints one line per
 * measurement and a summary table, and writes bench/results/latest.json.
 * Exit code 0 even when a goal is missed; 1 when a benchmark could not run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trustLocalEmulatorCertificate } from './lib/emulator.ts';
import { DEFAULT_LOCK_FILE, acquireLock, type Lock } from './lib/lock.ts';
import { formatLine, summaryTable, writeReport, type BenchOutcome } from './lib/report.ts';
import { formatMs } from './lib/stats.ts';

// Local emulator only: see trustLocalEmulatorCertificate. Set before any connection is made.
trustLocalEmulatorCertificate();

const BENCHES = ['size', 'first-row', 'csv', 'upload', 'assign', 'dashboard'] as const;
type BenchId = (typeof BENCHES)[number];
const TITLES: Record<BenchId, string> = {
  size: 'Initial JS size',
  'first-row': 'First pool row vs the floor page; long tasks; tenant scale; Graph requests',
  csv: 'CSV validation',
  upload: 'Upload 200 pools (throttled)',
  assign: 'Bulk-assign 200 pools (throttled)',
  dashboard: 'Dashboard: first chart and complete totals (throttled)',
};

const repoRoot = path.resolve(import.meta.dirname, '..');
const dist = path.join(repoRoot, 'dist');
const resultsFile = path.join(import.meta.dirname, 'results', 'latest.json');

interface Options {
  build: boolean;
  only: Set<BenchId>;
  runs: number;
  lock: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { build: true, only: new Set(BENCHES), runs: 10, lock: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    switch (flag) {
      case '--no-build':
        opts.build = false;
        break;
      case '--no-lock':
        opts.lock = false;
        break;
      case '--only': {
        const ids = value().split(',').map((s) => s.trim()).filter(Boolean);
        const bad = ids.filter((id) => !(BENCHES as readonly string[]).includes(id));
        if (bad.length || ids.length === 0) throw new Error(`--only takes a comma-separated list of ${BENCHES.join(', ')} (got '${bad.join(',') || ''}')`);
        opts.only = new Set(ids as BenchId[]);
        break;
      }
      case '--runs': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error('--runs must be an integer from 1 to 100');
        opts.runs = n;
        break;
      }
      case '--help':
      case '-h':
        console.log('Usage: npm run bench -- [--no-build] [--only size,first-row,csv,upload,assign,dashboard] [--runs 10] [--no-lock]');
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown argument '${argv[i] ?? ''}'. Try --help.`);
    }
  }
  return opts;
}

const log = (line: string) => console.log(line);

/** A product module that a teammate has not written yet: the benchmark is pending, not broken. */
function isPending(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as Error & { code?: unknown }).code;
  const missingModule = code === 'ERR_MODULE_NOT_FOUND' && /[\\/]src[\\/]features[\\/]/.test(e.message);
  const missingExport = e instanceof SyntaxError && /does not provide an export named/.test(e.message);
  return missingModule || missingExport || e.name === 'PendingError';
}

function failed(id: BenchId, e: unknown, wallMs = 0): BenchOutcome {
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return { id, title: TITLES[id], status: isPending(e) ? 'pending' : 'error', metrics: [], notes: [], error: message, wallMs };
}

function print(o: BenchOutcome): void {
  if (o.status !== 'ran') {
    log(`${o.title}: ${o.status === 'pending' ? 'PENDING' : 'ERROR'} — ${o.error ?? ''}`);
    return;
  }
  for (const m of o.metrics) log(formatLine(m));
  for (const n of o.notes) log(`    ${n}`);
}

async function runOne(id: BenchId, task: () => Promise<BenchOutcome>): Promise<BenchOutcome> {
  log(`\n▶ ${TITLES[id]}`);
  const started = performance.now();
  let outcome: BenchOutcome;
  try {
    outcome = await task();
  } catch (e) {
    outcome = failed(id, e, performance.now() - started);
  }
  print(outcome);
  log(`  (${formatMs(performance.now() - started)})`);
  return outcome;
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const startedAt = new Date();
  const started = performance.now();
  const outcomes: BenchOutcome[] = [];
  const want = (id: BenchId) => opts.only.has(id);
  let lockWaitMs = 0;

  // 1 + 2: build and browser, under the e2e lock (fixed ports 8443/4173, dist/).
  if (want('size') || want('first-row') || want('dashboard')) {
    let lock: Lock = { held: false, release: async () => {} };
    const waitStarted = performance.now();
    if (opts.lock) lock = await acquireLock(DEFAULT_LOCK_FILE, log);
    lockWaitMs = performance.now() - waitStarted;
    try {
      let distError: unknown;
      if (opts.build) {
        log('building the console (vite build)…');
        const t = performance.now();
        try {
          const { build } = await import('vite');
          await build({ root: repoRoot, logLevel: 'error', build: { manifest: true } });
          log(`  built in ${formatMs(performance.now() - t)}`);
        } catch (e) {
          distError = new Error(`vite build failed: ${e instanceof Error ? e.message.split('\n').slice(0, 6).join(' ') : String(e)}`);
        }
      } else if (!existsSync(path.join(dist, 'index.html'))) {
        distError = new Error('--no-build, but dist/index.html does not exist');
      }
      if (want('size')) {
        outcomes.push(
          await runOne('size', async () => {
            if (distError) throw distError;
            const { benchInitialJs } = await import('./initial-js.ts');
            return benchInitialJs(dist);
          }),
        );
      }
      if (want('first-row')) {
        outcomes.push(
          await runOne('first-row', async () => {
            if (distError) throw distError;
            const { benchFirstRow } = await import('./first-row.ts');
            return benchFirstRow({ repoRoot, dist, runs: opts.runs, log });
          }),
        );
      }
      if (want('dashboard')) {
        outcomes.push(
          await runOne('dashboard', async () => {
            if (distError) throw distError;
            const { benchDashboard } = await import('./dashboard.ts');
            return benchDashboard({ repoRoot, dist, runs: Math.min(opts.runs, 3), log });
          }),
        );
      }
    } finally {
      await lock.release();
    }
  }

  // 3: CPU only.
  if (want('csv')) {
    outcomes.push(
      await runOne('csv', async () => {
        const { benchCsvValidation } = await import('./csv-validation.ts');
        return benchCsvValidation();
      }),
    );
  }

  // 4 + 5: one in-process emulator on a free port, throttling on.
  if (want('upload') || want('assign')) {
    const { startWriteEnv } = await import('./lib/write-env.ts');
    let env: Awaited<ReturnType<typeof startWriteEnv>> | undefined;
    let envError: unknown;
    try {
      env = await startWriteEnv();
    } catch (e) {
      envError = e;
    }
    try {
      if (want('upload')) {
        outcomes.push(
          await runOne('upload', async () => {
            if (!env) throw envError;
            const { benchUpload } = await import('./upload.ts');
            return benchUpload(env, repoRoot, log);
          }),
        );
      }
      if (want('assign')) {
        outcomes.push(
          await runOne('assign', async () => {
            if (!env) throw envError;
            const { benchBulkAssign } = await import('./bulk-assign.ts');
            return benchBulkAssign(env, repoRoot, log);
          }),
        );
      }
    } finally {
      await env?.emulator.close().catch(() => {});
    }
  }

  const wallMs = performance.now() - started;
  const waited = lockWaitMs >= 1000 ? `, of which ${formatMs(lockWaitMs)} waiting for the e2e lock` : '';
  log(`\nSummary (${formatMs(wallMs)}${waited}; ratios are value ÷ baseline measured in this run)\n`);
  log(summaryTable(outcomes));
  try {
    await writeReport(resultsFile, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      wallMs,
      lockWaitMs,
      environment: {
        node: process.version,
        platform: `${process.platform} ${os.release()} ${process.arch}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryBytes: os.totalmem(),
        chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        commit: gitCommit(),
      },
      options: { build: opts.build, only: [...opts.only], runs: opts.runs, lock: opts.lock },
      benchmarks: outcomes,
    });
    log(`\nwrote ${path.relative(repoRoot, resultsFile)}`);
  } catch (e) {
    console.error(`could not write ${resultsFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return outcomes.some((o) => o.status !== 'ran') ? 1 : 0;
}

// Exit explicitly: Vite, Playwright and keep-alive sockets may hold the event loop open.
process.exit(await main());
