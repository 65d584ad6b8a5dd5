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
 * dashboard made (counted in the browser; see bench/README.md): n reads need at least
 * `window × floor((n − 1) / limit)` plus one read. The request count (and
 * 429s) for the `large` seed is what the dashboard costs for 10,000 pools.
 */
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { ADMIN_NAME, startBenchEmulator, type BenchEmulator } from './lib/emulator.ts';
import { metric, type BenchOutcome, type Metric } from './lib/report.ts';
import { formatMs, median } from './lib/stats.ts';
import { throttleFloorMs } from './lib/write-env.ts';

const EMULATOR_PORT = 8443;
const PREVIEW_PORT = 4173;
const POOLS = '/beta/deviceManagement/embeddedSIMActivationCodePools';
const CHART = 'svg[aria-label="Devices by install state"]';

export interface DashboardBenchOptions {
  repoRoot: string;
  dist: string;
  /** Navigations per seed on `default` (the `large` seed runs once: it takes minutes under the throttle). */
  runs: number;
  log: (line: string) => void;
}

interface Sample {
  firstChartMs: number;
  totalsMs: number;
  requests: number;
  throttled: number;
  pools: number;
}

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

/**
 * Graph requests the page sends and the 429s it gets, counted from the
 * browser's side (the emulator's request log keeps only the last 1,000, and
 * lists CORS preflights too).
 */
function countGraphRequests(page: Page, origin: string): { stop: () => { requests: number; throttled: number } } {
  let requests = 0;
  let throttled = 0;
  const isGraph = (url: string, method: string) => url.startsWith(`${origin}/beta/`) && method !== 'OPTIONS';
  const onResponse = (res: Response) => {
    if (!isGraph(res.url(), res.request().method())) return;
    if (res.status() === 429) throttled++;
    else requests++;
  };
  page.on('response', onResponse);
  return {
    stop: () => {
      page.off('response', onResponse);
      return { requests, throttled };
    },
  };
}

async function sample(page: Page, env: BenchEmulator, timeoutMs: number): Promise<Sample> {
  const counter = countGraphRequests(page, env.emulator.origin);
  const started = performance.now();
  await page.goto('/dashboard', { waitUntil: 'commit' });
  await page.locator(CHART).waitFor({ state: 'visible', timeout: timeoutMs });
  const firstChartMs = performance.now() - started;
  const done = page.getByRole('status').filter({ hasText: /^Read all [\d,]+ pools?$/ });
  await done.waitFor({ state: 'visible', timeout: timeoutMs });
  const totalsMs = performance.now() - started;
  const pools = Number((await done.innerText()).replace(/\D/g, ''));
  return { firstChartMs, totalsMs, ...counter.stop(), pools };
}

export async function benchDashboard(opts: DashboardBenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  let env: BenchEmulator | undefined;
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    env = await startBenchEmulator({ port: EMULATOR_PORT, seed: 'default', throttle: true });
    server = await preview({ root: opts.repoRoot, logLevel: 'warn', build: { outDir: opts.dist }, preview: { port: PREVIEW_PORT, strictPort: true, open: false } });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: `http://localhost:${PREVIEW_PORT}` });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await signIn(page);

    const metrics: Metric[] = [];
    for (const seed of ['default', 'large'] as const) {
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
          const s = await sample(page, env, seed === 'large' ? 15 * 60_000 : 120_000);
          await env.control.setThrottle({ enabled: false });
          const b = await bareFirstChart(page, env.emulator.origin, token);
          if (i < 0) continue; // warm-up: browser cache, emulator JIT
          samples.push(s);
          bare.push(b);
        }
        const firstChartMs = median(samples.map((s) => s.firstChartMs));
        const totalsMs = median(samples.map((s) => s.totalsMs));
        const requests = median(samples.map((s) => s.requests));
        const throttled = median(samples.map((s) => s.throttled));
        const bareMs = median(bare.map((b) => b.ms));
        const { floorMs, windows } = throttleFloorMs(cfg, { writes: 0, reads: requests }, median(bare.map((b) => b.oneReadMs)));
        const label = seed === 'large' ? ' (10,000 pools)' : '';
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
            baseline: { value: floorMs, display: `throttle floor ${formatMs(floorMs)} for ${requests.toLocaleString('en-US')} reads` },
            informational: true,
            details: { samples, runs, floorMs, windows, throttle: cfg },
          }),
        );
        notes.push(
          `${seed}: ${samples[0]?.pools.toLocaleString('en-US')} pools, ${requests.toLocaleString('en-US')} Graph requests answered, ${throttled} refused with 429; ` +
            `floor = ${windows} × ${cfg.windowMs / 1000} s (${Math.min(cfg.appAll, cfg.tenantAll)} reads per window for one app) + one read`,
        );
      } catch (e) {
        // One seed that does not finish (the large seed's time limit) still leaves the other's figures.
        notes.push(`${seed}: did not finish: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
    }
    if (metrics.length === 0) throw new Error(notes.join('; '));
    notes.push(`default: median of ${opts.runs} navigations after one warm-up; large: one navigation (minutes under the throttle). Throttling on, empty cache each time.`);
    return { id: 'dashboard', title: 'Dashboard (throttled)', status: 'ran', metrics, notes, wallMs: performance.now() - started };
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await env?.emulator.close().catch(() => {});
  }
}
