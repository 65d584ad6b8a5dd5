/**
 * 6. The dashboard: the built console under `vite preview` (4173) against the
 * emulator (8443) with Intune's throttling ON (emulator defaults), in
 * headless Chromium, signed in once through the real UI. Each sample is a
 * full navigation to /dashboard (empty cache) until
 * - the first chart: the install-state donut is drawn (at least one pool read);
 * - complete totals: "Read all N pools" (every pool's usage and every failing
 *   pool's failed devices answered).
 * Baselines, same run: for the first chart, a bare `fetch` of the first page
 * of pools plus one pool's device states (what the chart needs at least);
 * for complete totals, the **throttle floor** for the Graph requests the
 * dashboard made: n requests ÷ Intune's rate for one app in one tenant
 * (1,000 per 20 s = 50 a second), i.e. n × 20 ms. The requests are counted
 * from the emulator's own per-request log (every line, not the last 1,000 the
 * control API keeps), so the `large` seed's count is what the dashboard costs
 * for 10,000 pools.
 *
 * Outside the e2e lock, BENCH_DIST may name a copy of dist/ whose config.json
 * points at BENCH_EMULATOR_PORT, served on BENCH_PREVIEW_PORT (as first-row.ts).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { ADMIN_NAME, startBenchEmulator, type BenchEmulator, type ThrottleConfig } from './lib/emulator.ts';
import { metric, type BenchOutcome, type Metric } from './lib/report.ts';
import { formatMs, median } from './lib/stats.ts';

const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 8443);
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4173);
const POOLS = '/beta/deviceManagement/embeddedSIMActivationCodePools';
const CHART = 'svg[aria-label="Devices by install state"]';
/** The goal on `large`: complete totals within 1.3× the throttle floor. */
const LARGE_GOAL = 1.3;

export interface DashboardBenchOptions {
  repoRoot: string;
  dist: string;
  /** Navigations per seed on `default` (the `large` seed runs once: it takes minutes under the throttle). */
  runs: number;
  log: (line: string) => void;
  /** Seeds to run (default both). */
  seeds?: readonly ('default' | 'large')[];
}

/** Graph requests by what they read, from the emulator's log. */
interface RequestCounts {
  /** Answered Graph requests (not 429, not CORS preflights). */
  requests: number;
  throttled: number;
  preflights: number;
  /** Pool list pages (the streamed list and the `$expand=assignments` overview). */
  lists: number;
  /** Per-pool device-state reads without a filter (usage, with the failed devices for pools of ≤ 1,000 codes). */
  usage: number;
  /** Per-pool filtered reads of failed devices (pools of over 1,000 codes that have some). */
  failed: number;
  /** Group device counts (shortfalls). */
  groups: number;
  other: number;
  /** Median time the emulator took to answer a device-state read (ms). */
  readMs: number;
  /** The most requests answered in any 20 s (Intune's window): how much of the budget the page used. */
  peakWindow: number;
  /** Seconds from the first to the last device-state read, and their rate (per second). */
  readSpanS: number;
  readRate: number;
}

interface Sample {
  firstChartMs: number;
  totalsMs: number;
  pools: number;
  counts: RequestCounts;
  /** Requests the page still made in the 2 s after the totals were complete. */
  after: number;
}

const LOG_LINE = /^(\S+) (\S+) (\S+) (\d+)ms$/;

/** Counts the emulator's request-log lines between `start()` and `stop()`. */
class GraphRequestLog {
  private lines: { line: string; at: number }[] = [];
  private on = false;
  readonly log = (line: string) => {
    if (this.on) this.lines.push({ line, at: performance.now() });
  };
  start(): void {
    this.lines = [];
    this.on = true;
  }
  /** Lines seen so far (still counting). */
  get seen(): number {
    return this.lines.length;
  }
  stop(windowMs = 20_000): RequestCounts {
    this.on = false;
    const c: RequestCounts = { requests: 0, throttled: 0, preflights: 0, lists: 0, usage: 0, failed: 0, groups: 0, other: 0, readMs: 0, peakWindow: 0, readSpanS: 0, readRate: 0 };
    const readMs: number[] = [];
    const answered: number[] = [];
    const readsAt: number[] = [];
    for (const { line, at } of this.lines) {
      const m = LOG_LINE.exec(line);
      if (!m) continue;
      const [, method = '', path = '', status = '', ms = '0'] = m;
      if (!path.startsWith('/beta/') && !path.startsWith('/v1.0/')) continue;
      if (method === 'OPTIONS') {
        c.preflights++;
        continue;
      }
      if (status === '429') {
        c.throttled++;
        continue;
      }
      c.requests++;
      answered.push(at);
      const bare = path.split('?')[0] ?? '';
      if (bare.endsWith('/deviceStates')) {
        readMs.push(Number(ms));
        readsAt.push(at);
        if (/[?&]\$filter=/.test(path)) c.failed++;
        else c.usage++;
      } else if (bare === POOLS) c.lists++;
      else if (bare.includes('/groups/')) c.groups++;
      else c.other++;
    }
    c.readMs = readMs.length ? median(readMs) : 0;
    for (let i = 0, j = 0; i < answered.length; i++) {
      while ((answered[i] ?? 0) - (answered[j] ?? 0) >= windowMs) j++;
      c.peakWindow = Math.max(c.peakWindow, i - j + 1);
    }
    const first = readsAt[0];
    const last = readsAt[readsAt.length - 1];
    if (first !== undefined && last !== undefined && last > first) {
      c.readSpanS = (last - first) / 1000;
      c.readRate = (readsAt.length - 1) / c.readSpanS;
    }
    return c;
  }
}

/** Intune's rate for one app in one tenant (requests per ms): 1,000 per 20 s. */
const intuneRate = (cfg: ThrottleConfig) => Math.min(cfg.appAll, cfg.tenantAll) / cfg.windowMs;

async function signIn(page: Page): Promise<void> {
  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(ADMIN_NAME) }).click();
  await page.getByRole('button', { name: `Account: ${ADMIN_NAME}` }).waitFor({ state: 'visible' });
}

/** In the page: the least a first chart needs — the first page of pools, then one pool's device states. */
async function bareFirstChart(page: Page, origin: string, token: string): Promise<{ ms: number; oneReadMs: number }> {
  return page.evaluate(
    async ({ origin, pools, token }) => {
      const headers = { Authorization: `Bearer ${token}` };
      const t = performance.now();
      const list = (await (await fetch(`${origin}${pools}?$select=id,displayName,activationCodeCount`, { headers })).json()) as { value: { id: string }[] };
      const id = list.value[0]?.id ?? '';
      const t2 = performance.now();
      await (await fetch(`${origin}${pools}/${encodeURIComponent(id)}/deviceStates?$select=state,createdDateTime&$top=1000`, { headers })).json();
      const end = performance.now();
      return { ms: end - t, oneReadMs: end - t2 };
    },
    { origin, pools: POOLS, token },
  );
}

async function sample(page: Page, requestLog: GraphRequestLog, timeoutMs: number): Promise<Sample> {
  requestLog.start();
  const started = performance.now();
  await page.goto('/dashboard', { waitUntil: 'commit' });
  await page.locator(CHART).waitFor({ state: 'visible', timeout: timeoutMs });
  const firstChartMs = performance.now() - started;
  const done = page.getByRole('status').filter({ hasText: /^Read all [\d,]+ pools?$/ });
  try {
    await done.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (e) {
    // How far it got: the page's progress line and what the emulator answered meanwhile.
    const progress = await page.getByRole('status').filter({ hasText: /^Read [\d,]+ of / }).first().innerText({ timeout: 5_000 }).catch(() => '?');
    const c = requestLog.stop();
    throw new Error(`not complete after ${formatMs(timeoutMs)} ("${progress}"; ${c.requests} requests answered, ${c.throttled} refused with 429): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { cause: e });
  }
  const totalsMs = performance.now() - started;
  const atTotals = requestLog.seen;
  const pools = Number((await done.innerText()).replace(/\D/g, ''));
  await page.waitForTimeout(2_000);
  const later = requestLog.seen - atTotals;
  const counts = requestLog.stop();
  return { firstChartMs, totalsMs, pools, counts, after: later };
}

const n = (v: number) => Math.round(v).toLocaleString('en-US');

export async function benchDashboard(opts: DashboardBenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  const requestLog = new GraphRequestLog();
  let env: BenchEmulator | undefined;
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    env = await startBenchEmulator({ port: EMULATOR_PORT, seed: 'default', throttle: true, log: requestLog.log });
    server = await preview({
      root: opts.repoRoot,
      logLevel: 'warn',
      build: { outDir: process.env.BENCH_DIST ?? opts.dist },
      preview: { port: PREVIEW_PORT, strictPort: true, open: false },
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: `http://localhost:${PREVIEW_PORT}` });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await signIn(page);

    const metrics: Metric[] = [];
    for (const seed of opts.seeds ?? (['default', 'large'] as const)) {
      try {
        await env.control.reset(seed);
        const cfg = await env.control.setThrottle({ enabled: true });
        const token = await env.control.token();
        const runs = seed === 'large' ? 1 : opts.runs;
        const samples: Sample[] = [];
        const bare: { ms: number; oneReadMs: number }[] = [];
        for (let i = seed === 'large' ? 0 : -1; i < runs; i++) {
          // A fresh throttle window for each sample, so one sample's reads do not slow the next.
          await env.control.setThrottle({ enabled: true });
          const s = await sample(page, requestLog, seed === 'large' ? 15 * 60_000 : 120_000);
          await env.control.setThrottle({ enabled: false });
          const b = await bareFirstChart(page, env.emulator.origin, token);
          if (i < 0) continue; // warm-up: browser cache, emulator JIT
          samples.push(s);
          bare.push(b);
        }
        const firstChartMs = median(samples.map((s) => s.firstChartMs));
        const totalsMs = median(samples.map((s) => s.totalsMs));
        const requests = median(samples.map((s) => s.counts.requests));
        const bareMs = median(bare.map((b) => b.ms));
        const rate = intuneRate(cfg);
        const floorMs = requests / rate;
        const label = seed === 'large' ? ' (10,000 pools)' : '';
        const c = samples[0]?.counts;
        opts.log(`  ${seed}: first chart ${samples.map((s) => formatMs(s.firstChartMs)).join(', ')}; totals ${samples.map((s) => formatMs(s.totalsMs)).join(', ')}`);
        metrics.push(
          metric({
            id: `dashboard.first-chart.${seed}`,
            name: `Dashboard first chart, seed ${seed}${label}`,
            value: firstChartMs,
            unit: 'ms',
            display: formatMs(firstChartMs),
            baseline: { value: bareMs, display: `bare fetch of pools page 1 + one pool's states ${formatMs(bareMs)}` },
            informational: true,
            details: { samples, runs },
          }),
          metric({
            id: `dashboard.totals.${seed}`,
            name: `Dashboard complete totals, seed ${seed}${label}`,
            value: totalsMs,
            unit: 'ms',
            display: formatMs(totalsMs),
            baseline: { value: floorMs, display: `throttle floor ${formatMs(floorMs)} = ${n(requests)} requests ÷ ${n(rate * 1000)}/s` },
            // The goal is the large seed's: the default seed's few dozen requests take less than the page's start.
            ...(seed === 'large' ? { goal: { max: LARGE_GOAL, on: 'ratio' as const, display: `${LARGE_GOAL}×` } } : { informational: true }),
            details: { samples, runs, floorMs, throttle: cfg },
          }),
          metric({
            id: `dashboard.requests.${seed}`,
            name: `Dashboard Graph requests, seed ${seed}${label}`,
            value: requests,
            unit: 'requests',
            display: n(requests),
            informational: true,
            details: { counts: c },
          }),
        );
        if (c) {
          notes.push(
            `${seed}: ${n(samples[0]?.pools ?? 0)} pools; ${n(c.requests)} Graph requests (emulator log) = ${n(c.lists)} pool-list pages + ${n(c.usage)} usage reads + ` +
              `${n(c.failed)} failed-device reads + ${n(c.groups)} group counts + ${n(c.other)} other; ${c.throttled} refused with 429; ${n(c.preflights)} CORS preflights (not counted); ` +
              `${samples[0]?.after ?? 0} more in the 2 s after; device-state reads answered in ${Math.round(c.readMs)} ms (median), ` +
              `${c.readRate.toFixed(1)} a second over ${c.readSpanS.toFixed(1)} s; at most ${n(c.peakWindow)} requests in any 20 s (Intune allows ${n(Math.min(cfg.appAll, cfg.tenantAll))})`,
          );
        }
      } catch (e) {
        // One seed that does not finish (the large seed's time limit) still leaves the other's figures.
        notes.push(`${seed}: did not finish: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
    }
    if (metrics.length === 0) throw new Error(notes.join('; '));
    notes.push(
      `default: median of ${opts.runs} navigations after one warm-up; large: one navigation (minutes under the throttle). Throttling on, empty cache each time. ` +
        `Floor = requests ÷ Intune's ${n(1000)} per 20 s for one app in one tenant.`,
    );
    return { id: 'dashboard', title: 'Dashboard (throttled)', status: 'ran', metrics, notes, wallMs: performance.now() - started };
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await env?.emulator.close().catch(() => {});
  }
}
