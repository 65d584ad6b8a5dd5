/**
 * 2. Time to the first pool row: the built console under `vite preview`
 * (4173) against the emulator (8443, throttling off) in headless Chromium,
 * signed in once through the real UI. Each sample is a full navigation to
 * /pools until the first data row of the pools table is visible (app boot,
 * MSAL init from the session cache, Graph paging, render). Baseline, in the
 * same page right after: one bare `fetch` + `.json()` of the same first page
 * of pools. The ratio is informational: the console does much more than one
 * fetch. Run for the `default` seed and the `large` seed (10,000 pools).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { ADMIN_NAME, startBenchEmulator, type BenchEmulator } from './lib/emulator.ts';
import { metric, type BenchOutcome, type Metric } from './lib/report.ts';
import { formatMs, median } from './lib/stats.ts';
import { measureLongTasks } from './long-tasks.ts';

const EMULATOR_PORT = 8443; // the built console's config.json points here
const PREVIEW_PORT = 4173; // the redirect URI registered for the console
const POOLS_SELECT = 'id,displayName,activationCodeCount,createdDateTime,modifiedDateTime';
const TABLE_NAME = 'eSIM activation-code pools';

export interface FirstRowOptions {
  repoRoot: string;
  dist: string;
  runs: number;
  log: (line: string) => void;
}

interface Sample {
  consoleMs: number;
  fetchMs: number;
  allPagesMs?: number;
  graphRequests?: number;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/pools');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(ADMIN_NAME) }).click();
  await page.getByRole('button', { name: `Account: ${ADMIN_NAME}` }).waitFor({ state: 'visible' });
}

/** In the page: one bare fetch of the first page of pools (and, optionally, every page). */
async function bareFetch(page: Page, url: string, token: string, allPages: boolean): Promise<{ firstMs: number; allMs?: number }> {
  return page.evaluate(
    async ({ url, token, allPages }) => {
      const headers = { Authorization: `Bearer ${token}` };
      let t = performance.now();
      await (await fetch(url, { headers })).json();
      const firstMs = performance.now() - t;
      if (!allPages) return { firstMs };
      t = performance.now();
      let next: string | undefined = url;
      while (next) {
        const body = (await (await fetch(next, { headers })).json()) as { '@odata.nextLink'?: string };
        next = body['@odata.nextLink'];
      }
      return { firstMs, allMs: performance.now() - t };
    },
    { url, token, allPages },
  );
}

async function measureSeed(page: Page, env: BenchEmulator, seed: 'default' | 'large', runs: number, log: (l: string) => void): Promise<Sample[]> {
  await env.control.reset(seed);
  const token = await env.control.token();
  const url = `${env.emulator.origin}/beta/deviceManagement/embeddedSIMActivationCodePools?$select=${POOLS_SELECT}`;
  const firstRow = page.getByRole('table', { name: TABLE_NAME }).getByRole('row').nth(1);
  const samples: Sample[] = [];
  for (let i = -1; i < runs; i++) {
    await env.control.clearRequests();
    const started = performance.now();
    await page.goto('/pools', { waitUntil: 'commit' });
    await firstRow.waitFor({ state: 'visible', timeout: 60_000 });
    const consoleMs = performance.now() - started;
    const graphRequests = (await env.control.requests()).filter((r) => r.path.startsWith('/beta/')).length;
    const fetched = await bareFetch(page, url, token, seed === 'large');
    if (i < 0) continue; // warm-up: browser cache, emulator JIT
    samples.push({ consoleMs, fetchMs: fetched.firstMs, graphRequests, ...(fetched.allMs !== undefined ? { allPagesMs: fetched.allMs } : {}) });
  }
  log(`  ${seed}: console ${samples.map((s) => s.consoleMs.toFixed(0)).join(', ')} ms`);
  return samples;
}

export async function benchFirstRow(opts: FirstRowOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  let env: BenchEmulator | undefined;
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    env = await startBenchEmulator({ port: EMULATOR_PORT, seed: 'default', throttle: false });
    server = await preview({
      root: opts.repoRoot,
      logLevel: 'warn',
      build: { outDir: opts.dist },
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
    for (const seed of ['default', 'large'] as const) {
      const samples = await measureSeed(page, env, seed, opts.runs, opts.log);
      const consoleMs = median(samples.map((s) => s.consoleMs));
      const fetchMs = median(samples.map((s) => s.fetchMs));
      const allPages = samples.flatMap((s) => (s.allPagesMs === undefined ? [] : [s.allPagesMs]));
      const requests = median(samples.map((s) => s.graphRequests ?? 0));
      metrics.push(
        metric({
          id: `first-row.${seed}`,
          name: `First pool row, seed ${seed}${seed === 'large' ? ' (10,000 pools)' : ''}`,
          value: consoleMs,
          unit: 'ms',
          display: formatMs(consoleMs),
          baseline: { value: fetchMs, display: `bare fetch ${formatMs(fetchMs)}` },
          informational: true,
          details: { samples, runs: opts.runs, graphRequestsBeforeFirstRow: requests, ...(allPages.length ? { bareFetchAllPagesMedianMs: median(allPages) } : {}) },
        }),
      );
      notes.push(
        `${seed}: ${requests} Graph request(s) before the first row` +
          (allPages.length ? `; a bare fetch of all pages takes ${formatMs(median(allPages))}` : ''),
      );
    }
    notes.push(`median of ${opts.runs} navigations after one warm-up; ratios are informational (the console includes app boot, MSAL init and render)`);
    const longTasks = await measureLongTasks(page, env);
    metrics.push(...longTasks.metrics);
    notes.push(...longTasks.notes);
    return { id: 'first-row', title: 'Time to first pool row', status: 'ran', metrics, notes, wallMs: performance.now() - started };
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await env?.emulator.close().catch(() => {});
  }
}
