/**
 * 2. Time to the first pool row: the built console under `vite preview`
 * (4173) against the emulator (8443, throttling off) in headless Chromium,
 * signed in once through the real UI. Each sample is a full navigation to
 * /pools, timed inside the page: navigation start (performance.now() = 0) to
 * the first data row in the DOM, seen by a MutationObserver that an init
 * script installs before any of the page's own scripts run. Baseline, in the
 * same browser and run, interleaved with the console's samples: the floor
 * page (bench/lib/floor-page.ts) — plain DOM, the same access token, the same
 * first page of pools rendered as a table — timed the same way. Goal: the
 * console's median ≤ 3× the floor's, on `default` and `large` (10,000 pools).
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import path from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { ADMIN_NAME, startEmulatorProcess, type BrowserBenchEmulator } from './lib/emulator.ts';
import { FLOOR_PATH, FLOOR_TABLE_SELECTOR, floorPagePlugin } from './lib/floor-page.ts';
import { gzipSizes, initialJsFiles } from './initial-js.ts';
import { metric, type BenchOutcome, type Metric } from './lib/report.ts';
import { formatKb, formatMs, median } from './lib/stats.ts';
import { measureLongTasks } from './long-tasks.ts';
import { measureRequests } from './requests.ts';
import { measureTenantScale } from './tenant-scale.ts';

// The built console's config.json points at 8443, and 4173 is its registered redirect URI. For runs
// outside the e2e lock, BENCH_DIST may name a copy of dist/ whose config.json points at
// BENCH_EMULATOR_PORT, served on BENCH_PREVIEW_PORT (5173, the other registered redirect URI).
const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 8443);
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4173);
const POOLS_SELECT = 'id,displayName,activationCodeCount,createdDateTime,modifiedDateTime';
const TABLE_NAME = 'eSIM activation-code pools';
const CONSOLE_ROW_SELECTOR = `[aria-label="${TABLE_NAME}"] [role=row][aria-rowindex="2"]`;
const GOAL_RATIO = 3;

export interface FirstRowOptions {
  repoRoot: string;
  dist: string;
  runs: number;
  log: (line: string) => void;
}

/** Where a console navigation's time went, from the page's own resource timing (ms since navigation start). */
export interface Trace {
  firstRow: number;
  html?: number;
  mainJs?: number;
  configStart?: number;
  configEnd?: number;
  routeChunkEnd?: number;
  graphStart?: number;
  graphEnd?: number;
  /** Same-origin JS files (path) whose fetch started before the first row. */
  js?: string[];
}

declare global {
  interface Window {
    __benchFirstRow?: Promise<number>;
    __benchAllRows?: Promise<number>;
    __benchFloor?: { token: string; url: string; all?: boolean };
  }
}

/**
 * Installed with addInitScript on every page of the context: resolves
 * `window.__benchFirstRow` with performance.now() when an element matching the
 * page's first-row selector enters the DOM. A string, so tsx adds no helpers.
 */
export const FIRST_ROW_OBSERVER = `(() => {
  const floor = location.pathname === ${JSON.stringify(FLOOR_PATH)};
  // The console's selectors can be changed for a page (sessionStorage survives the navigation).
  const selector = floor ? ${JSON.stringify(FLOOR_TABLE_SELECTOR)} : sessionStorage.getItem('bench-row-selector') || ${JSON.stringify(CONSOLE_ROW_SELECTOR)};
  const all = floor ? null : sessionStorage.getItem('bench-all-selector');
  const when = (sel, attributes) => new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (document.querySelector(sel)) { mo.disconnect(); resolve(performance.now()); }
    });
    mo.observe(document, { childList: true, subtree: true, attributes });
  });
  window.__benchFirstRow = when(selector, false);
  window.__benchAllRows = all ? when(all, true) : window.__benchFirstRow;
})()`;

/** Waits in the page for the first row; resource timing then says where the time went. A string: tsx would add helpers the page lacks. */
const TRACE_SCRIPT = `(async () => {
  const firstRow = await window.__benchFirstRow;
  const res = performance.getEntriesByType('resource');
  const nav = performance.getEntriesByType('navigation')[0];
  const find = (part) => res.find((r) => r.name.includes(part));
  const main = find('/assets/main-'), config = find('/config.json'), route = find('/assets/pools-'), graph = find('/beta/');
  return {
    firstRow,
    html: nav && nav.responseEnd,
    mainJs: main && main.responseEnd,
    configStart: config && config.startTime,
    configEnd: config && config.responseEnd,
    routeChunkEnd: route && route.responseEnd,
    graphStart: graph && graph.startTime,
    graphEnd: graph && graph.responseEnd,
    js: res.filter((r) => r.startTime < firstRow && r.name.startsWith(location.origin) && /\\.m?js$/.test(new URL(r.name).pathname)).map((r) => new URL(r.name).pathname),
  };
})()`;

/** Navigates and returns the in-page time to the first row, with the console's resource-timing trace. */
export async function timeFirstRow(page: Page, url: string): Promise<Trace> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(TRACE_SCRIPT) as Promise<Trace>;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/pools');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(ADMIN_NAME) }).click();
  await page.getByRole('button', { name: `Account: ${ADMIN_NAME}` }).waitFor({ state: 'visible' });
}

/** A page of the context that renders the floor of `url` with `token`. */
export async function floorPage(context: BrowserContext, token: string, url: string, all = false): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((input) => {
    if (location.pathname === '/__bench/floor') window.__benchFloor = input;
  }, { token, url, all });
  return page;
}

const phase = (from: number | undefined, to: number | undefined) => (from !== undefined && to !== undefined ? to - from : undefined);
const medianOf = (traces: Trace[], pick: (t: Trace) => number | undefined) => {
  const xs = traces.map(pick).filter((x): x is number => x !== undefined);
  return xs.length ? median(xs) : Number.NaN;
};

interface SeedResult {
  console: Trace[];
  floor: number[];
  graphRequests: number[];
}

async function measureSeed(consolePage: Page, context: BrowserContext, env: BrowserBenchEmulator, seed: 'default' | 'large', runs: number): Promise<SeedResult> {
  await env.control.reset(seed);
  const token = await env.control.token();
  const url = `${env.emulator.origin}/beta/deviceManagement/embeddedSIMActivationCodePools?$select=${POOLS_SELECT}`;
  const floor = await floorPage(context, token, url);
  const result: SeedResult = { console: [], floor: [], graphRequests: [] };
  try {
    for (let i = -1; i < runs; i++) {
      // Interleaved, so that a busy moment on the machine weighs on both.
      const f = await timeFirstRow(floor, FLOOR_PATH);
      await env.control.clearRequests();
      const c = await timeFirstRow(consolePage, '/pools');
      const graphRequests = (await env.control.requests()).filter((r) => r.path.startsWith('/beta/')).length;
      if (i < 0) continue; // warm-up: browser cache, emulator JIT
      result.floor.push(f.firstRow);
      result.console.push(c);
      result.graphRequests.push(graphRequests);
    }
  } finally {
    await floor.close();
  }
  return result;
}

/**
 * Initial JS as the browser saw it: every same-origin JS file fetched before the first row on `/pools`
 * (any sample), gzipped from dist/, against the static count of initial-js.ts (the files each missed).
 */
async function jsBeforeFirstRow(dist: string, fetched: ReadonlySet<string>, notes: string[]): Promise<Metric> {
  const sizes = await gzipSizes(dist, [...fetched]);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const counted = new Set(await initialJsFiles(dist));
  const notCounted = [...sizes.keys()].filter((f) => !counted.has(f));
  const notFetched = [...counted].filter((f) => !sizes.has(f));
  notes.push(
    `JS fetched before the first row on /pools: ${sizes.size} files, ${formatKb(total)} gzip; ` +
      `fetched but not in the static initial-JS count: ${notCounted.map((f) => `${path.basename(f)} ${formatKb(sizes.get(f) ?? 0)}`).join(', ') || 'none'}; ` +
      `counted but not fetched by then: ${notFetched.map((f) => path.basename(f)).join(', ') || 'none'}`,
  );
  return metric({
    id: 'first-row.js',
    name: 'JS fetched before the first pool row on /pools (gzip -9)',
    value: total / 1024,
    unit: 'KB',
    // Information: it holds the lazy /pools page and the account menu (a lazy chunk the shell fetches
    // after first render). The 250 KB budget is the initial JS's (the entry and the shell; initial-js.ts).
    display: `${formatKb(total)} gzip (${sizes.size} files)`,
    details: { files: Object.fromEntries(sizes), notCounted, notFetched },
  });
}

export async function benchFirstRow(opts: FirstRowOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  let env: BrowserBenchEmulator | undefined;
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    env = await startEmulatorProcess({ port: EMULATOR_PORT, seed: 'default', throttle: false });
    server = await preview({
      root: opts.repoRoot,
      logLevel: 'warn',
      plugins: [floorPagePlugin()],
      build: { outDir: process.env.BENCH_DIST ?? opts.dist },
      preview: { port: PREVIEW_PORT, strictPort: true, open: false },
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: `http://localhost:${PREVIEW_PORT}` });
    context.setDefaultTimeout(30_000);
    await context.addInitScript(FIRST_ROW_OBSERVER);
    const page = await context.newPage();
    await signIn(page);

    const metrics: Metric[] = [];
    const firstRowJs = new Set<string>();
    for (const seed of ['default', 'large'] as const) {
      const r = await measureSeed(page, context, env, seed, opts.runs);
      for (const t of r.console) for (const f of t.js ?? []) firstRowJs.add(f);
      const consoleMs = medianOf(r.console, (t) => t.firstRow);
      const floorMs = median(r.floor);
      opts.log(`  ${seed}: console ${r.console.map((t) => t.firstRow.toFixed(0)).join(', ')} ms`);
      opts.log(`  ${seed}: floor   ${r.floor.map((t) => t.toFixed(0)).join(', ')} ms`);
      metrics.push(
        metric({
          id: `first-row.${seed}`,
          name: `First pool row on /pools, seed ${seed}${seed === 'large' ? ' (10,000 pools)' : ''}`,
          value: consoleMs,
          unit: 'ms',
          display: formatMs(consoleMs),
          baseline: { value: floorMs, display: `floor page ${formatMs(floorMs)}` },
          goal: { max: GOAL_RATIO, on: 'ratio', display: `${GOAL_RATIO}×` },
          details: { consoleSamples: r.console, floorSamplesMs: r.floor, runs: opts.runs, graphRequests: r.graphRequests },
        }),
      );
      const m = (pick: (t: Trace) => number | undefined) => formatMs(medianOf(r.console, pick));
      notes.push(
        `${seed}: where the console's time goes (medians, ms since navigation start): HTML ${m((t) => t.html)}, main JS loaded ${m((t) => t.mainJs)}, ` +
          `config.json ${m((t) => t.configStart)}–${m((t) => t.configEnd)}, pools route chunk loaded ${m((t) => t.routeChunkEnd)}, ` +
          `first Graph request ${m((t) => t.graphStart)}–${m((t) => t.graphEnd)}, first row ${m((t) => t.firstRow)}; ` +
          `render after the response ${m((t) => phase(t.graphEnd, t.firstRow))}; ${median(r.graphRequests)} Graph request(s) by the first row`,
      );
    }
    metrics.push(await jsBeforeFirstRow(process.env.BENCH_DIST ?? opts.dist, firstRowJs, notes));
    notes.push(`median of ${opts.runs} navigations per page after one warm-up, floor and console interleaved; timed in the page from navigation start to the first data row in the DOM`);
    const longTasks = await measureLongTasks(page, env);
    metrics.push(...longTasks.metrics);
    notes.push(...longTasks.notes);
    // The same tab: MSAL keeps the session in sessionStorage, which a new tab does not share.
    const scale = await measureTenantScale(context, page, env, Math.min(opts.runs, 5), opts.log);
    metrics.push(...scale.metrics);
    notes.push(...scale.notes);
    const requests = await measureRequests(page, env);
    metrics.push(...requests.metrics);
    notes.push(...requests.notes);
    return { id: 'first-row', title: 'Time to first pool row', status: 'ran', metrics, notes, wallMs: performance.now() - started };
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await env?.emulator.close().catch(() => {});
  }
}
