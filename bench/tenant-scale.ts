/**
 * 2c. Tenant scale, in the browser session of first-row.ts, each page against
 * the floor page reading the same Graph requests (every page, as the console
 * does) in the same browser:
 * - the pool detail page of a pool with as many device states as codes: first
 *   and last device row in the DOM, and long tasks while its table is scrolled
 *   from top to bottom;
 * - the assignments overview on the `large` seed (10,000 pools, `$expand`);
 * - the JS heap each page holds once loaded (after a full GC), less the heap
 *   of the same page with no data, against the floor page holding the same
 *   parsed JSON (goal ≤ 3×).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { FLOOR_PATH, FLOOR_TABLE_SELECTOR } from './lib/floor-page.ts';
import type { BrowserBenchEmulator } from './lib/emulator.ts';
import { metric, type Metric } from './lib/report.ts';
import { formatMb, formatMs, median } from './lib/stats.ts';

const HEAP_GOAL = 3;
const TIME_GOAL = 3;
const LONG_TASK_MS = 50;
const DEVICE_TABLE = 'Devices with a profile from this pool';
const OVERVIEW_TABLE = 'Pools and their assignments';

interface PageLoad {
  firstRow: number;
  allRows: number;
  heapBytes: number;
}

async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

const WAIT_ROWS = `(async () => ({ firstRow: await window.__benchFirstRow, allRows: await window.__benchAllRows }))()`;

/** The console at `path`, until the first row and the row count `rows + 1` are in the DOM; then its heap. */
async function loadConsole(context: BrowserContext, page: Page, path: string, table: string, rows: number): Promise<PageLoad> {
  await page.evaluate(
    ({ first, all }) => {
      sessionStorage.setItem('bench-row-selector', first);
      sessionStorage.setItem('bench-all-selector', all);
    },
    { first: `[aria-label="${table}"] [role=row][aria-rowindex="2"]`, all: `[aria-label="${table}"][aria-rowcount="${rows + 1}"]` },
  );
  try {
    await page.goto(path, { waitUntil: 'commit' });
    const t = (await page.evaluate(WAIT_ROWS)) as { firstRow: number; allRows: number };
    return { ...t, heapBytes: await heapUsed(context, page) };
  } finally {
    await page.evaluate(() => {
      sessionStorage.removeItem('bench-row-selector');
      sessionStorage.removeItem('bench-all-selector');
    });
  }
}

/** The heap of the console showing no data (its not-found page, same shell). */
async function consoleEmptyHeap(context: BrowserContext, page: Page): Promise<number> {
  await page.goto('/bench-no-such-page');
  await page.waitForFunction(() => document.body.textContent?.includes('Page not found') ?? false, null, { timeout: 30_000 });
  return heapUsed(context, page);
}

/** The floor page reading every page of `url`: first row, all rows, heap; with `url` '' the empty floor. */
async function loadFloor(context: BrowserContext, token: string, url: string): Promise<PageLoad> {
  const page = await context.newPage();
  try {
    await page.addInitScript((input) => {
      if (location.pathname === '/__bench/floor') window.__benchFloor = input;
    }, { token, url, all: true });
    await page.goto(FLOOR_PATH, { waitUntil: 'commit' });
    const t = (await page.evaluate(`(async () => {
      const firstRow = ${JSON.stringify(url)} ? await window.__benchFirstRow : 0;
      while (window.__benchFloorDone === undefined && !window.__benchFloorError) await new Promise((r) => setTimeout(r, 20));
      if (window.__benchFloorError) throw new Error(window.__benchFloorError);
      return { firstRow, allRows: window.__benchFloorDone };
    })()`)) as { firstRow: number; allRows: number };
    return { ...t, heapBytes: await heapUsed(context, page) };
  } finally {
    await page.close();
  }
}

/** Scrolls the device table from top to bottom, one screen per frame; the long tasks seen meanwhile. */
async function scrollLongTasks(page: Page, table: string): Promise<{ tasks: number[]; steps: number }> {
  // BENCH_SCROLL_PROFILE=file.cpuprofile: a V8 CPU profile of the scroll, to open in DevTools.
  const profileFile = process.env['BENCH_SCROLL_PROFILE'];
  const cdp = profileFile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const result = (await page.evaluate(
    `(async () => {
      const scroller = document.querySelector('[aria-label=${JSON.stringify(`${table}, scrollable`)}]');
      if (!scroller) throw new Error('no scrollable device table');
      const tasks = [];
      const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(Math.round(e.duration)); });
      po.observe({ type: 'longtask' });
      let steps = 0;
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && steps < 2000) {
        scroller.scrollTop += scroller.clientHeight;
        steps++;
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      await new Promise((r) => setTimeout(r, 200));
      po.disconnect();
      return { tasks, steps };
    })()`,
  )) as { tasks: number[]; steps: number };
  if (cdp && profileFile) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(profileFile, JSON.stringify(profile));
    await cdp.detach();
  }
  return result;
}

/** The Graph URL of the console's first GET whose path starts with `prefix`, from the emulator's log. */
async function graphUrl(env: BrowserBenchEmulator, prefix: string): Promise<string> {
  const entry = (await env.control.requests()).find((r) => r.method === 'GET' && r.path.startsWith(prefix));
  if (!entry) throw new Error(`the console made no GET ${prefix}…`);
  return `${env.emulator.origin}${entry.path.replace(/%24/g, '$')}`;
}

/** A pool of the `default` seed with as many device states as codes (generated by the emulator from a seed). */
async function fillLargestPool(env: BrowserBenchEmulator): Promise<{ id: string; states: number }> {
  await env.control.reset('default');
  const state = await env.control.state();
  const pools = state['pools'] as { id: string; activationCodeCount: number; deviceStates: unknown[]; pendingStates?: unknown }[];
  const largest = pools.reduce((a, b) => (b.activationCodeCount > a.activationCodeCount ? b : a));
  largest.deviceStates = [];
  largest.pendingStates = { seed: 0x5ca1e, count: largest.activationCodeCount };
  await env.control.setState(state);
  return { id: largest.id, states: largest.activationCodeCount };
}

interface Compared {
  console: PageLoad[];
  floor: PageLoad[];
}

function metricsFor(id: string, name: string, c: Compared, consoleEmpty: number, floorEmpty: number): Metric[] {
  const m = (pick: (l: PageLoad) => number, loads: PageLoad[]) => median(loads.map(pick));
  const heap = m((l) => l.heapBytes, c.console) - consoleEmpty;
  const floorHeap = m((l) => l.heapBytes, c.floor) - floorEmpty;
  const first = m((l) => l.firstRow, c.console);
  const all = m((l) => l.allRows, c.console);
  const floorFirst = m((l) => l.firstRow, c.floor);
  const floorAll = m((l) => l.allRows, c.floor);
  return [
    metric({
      id: `${id}.first-row`,
      name: `${name}: first row`,
      value: first,
      unit: 'ms',
      display: formatMs(first),
      baseline: { value: floorFirst, display: `floor page ${formatMs(floorFirst)}` },
      goal: { max: TIME_GOAL, on: 'ratio', display: `${TIME_GOAL}×` },
      details: { samples: c.console, floor: c.floor },
    }),
    metric({
      id: `${id}.all-rows`,
      name: `${name}: all rows`,
      value: all,
      unit: 'ms',
      display: formatMs(all),
      baseline: { value: floorAll, display: `floor page, every page read ${formatMs(floorAll)}` },
      goal: { max: TIME_GOAL, on: 'ratio', display: `${TIME_GOAL}×` },
    }),
    metric({
      id: `${id}.heap`,
      name: `${name}: JS heap held for the data (after GC)`,
      value: heap,
      unit: 'bytes',
      display: formatMb(heap),
      baseline: { value: floorHeap, display: `floor page holding the parsed JSON ${formatMb(floorHeap)}` },
      goal: { max: HEAP_GOAL, on: 'ratio', display: `${HEAP_GOAL}×` },
      details: { consoleEmptyBytes: consoleEmpty, floorEmptyBytes: floorEmpty },
    }),
  ];
}

export async function measureTenantScale(
  context: BrowserContext,
  page: Page,
  env: BrowserBenchEmulator,
  runs: number,
  log: (line: string) => void,
): Promise<{ metrics: Metric[]; notes: string[] }> {
  const metrics: Metric[] = [];
  const notes: string[] = [];
  const token = await env.control.token();
  const floorEmpty = (await loadFloor(context, token, '')).heapBytes;
  const consoleEmpty = await consoleEmptyHeap(context, page);

  // Pool detail: the largest pool with a device state for every code.
  const pool = await fillLargestPool(env);
  await env.control.clearRequests();
  const warm = await loadConsole(context, page, `/pools/${pool.id}`, DEVICE_TABLE, pool.states);
  const deviceUrl = await graphUrl(env, `/beta/deviceManagement/embeddedSIMActivationCodePools/${pool.id}/deviceStates`);
  const detail: Compared = { console: [], floor: [] };
  void warm;
  for (let i = 0; i < runs; i++) {
    detail.floor.push(await loadFloor(context, token, deviceUrl));
    detail.console.push(await loadConsole(context, page, `/pools/${pool.id}`, DEVICE_TABLE, pool.states));
  }
  log(`  pool detail (${pool.states} device states): console ${detail.console.map((l) => l.allRows.toFixed(0)).join(', ')} ms; floor ${detail.floor.map((l) => l.allRows.toFixed(0)).join(', ')} ms`);
  metrics.push(...metricsFor('scale.pool-detail', `Pool detail, ${pool.states.toLocaleString('en-US')} device states`, detail, consoleEmpty, floorEmpty));
  const scrolled = await scrollLongTasks(page, DEVICE_TABLE);
  const longest = scrolled.tasks.length ? Math.max(...scrolled.tasks) : 0;
  metrics.push(
    metric({
      id: 'scale.pool-detail.scroll',
      name: `Long tasks scrolling ${pool.states.toLocaleString('en-US')} device rows (${scrolled.steps} screens)`,
      value: longest,
      unit: 'ms',
      display: scrolled.tasks.length ? `longest ${formatMs(longest)} (${scrolled.tasks.length} over 50 ms)` : 'none over 50 ms',
      goal: { max: LONG_TASK_MS, on: 'value', display: `${LONG_TASK_MS} ms` },
      details: { longTasksMs: scrolled.tasks, steps: scrolled.steps },
    }),
  );

  // Assignments overview on 10,000 pools.
  await env.control.reset('large');
  const pools = 10_000;
  await env.control.clearRequests();
  await loadConsole(context, page, '/assignments', OVERVIEW_TABLE, pools);
  const overviewUrl = await graphUrl(env, '/beta/deviceManagement/embeddedSIMActivationCodePools');
  const overview: Compared = { console: [], floor: [] };
  const overviewRuns = Math.max(1, Math.ceil(runs / 2));
  for (let i = 0; i < overviewRuns; i++) {
    overview.floor.push(await loadFloor(context, token, overviewUrl));
    overview.console.push(await loadConsole(context, page, '/assignments', OVERVIEW_TABLE, pools));
  }
  log(`  assignments overview (10,000 pools): console ${overview.console.map((l) => l.allRows.toFixed(0)).join(', ')} ms; floor ${overview.floor.map((l) => l.allRows.toFixed(0)).join(', ')} ms`);
  metrics.push(...metricsFor('scale.assignments', 'Assignments overview, 10,000 pools', overview, consoleEmpty, floorEmpty));

  notes.push(
    `tenant scale: medians of ${runs} (detail) and ${overviewRuns} (overview) loads, floor and console interleaved; the floor reads the same Graph URLs ` +
      `(${deviceUrl.replace(env.emulator.origin, '').replace(/[0-9a-f-]{36}/, '{id}')}; ${overviewUrl.replace(env.emulator.origin, '')}), every page; ` +
      `heap = the page's used JS heap after a full GC less the same page with no data (console ${formatMb(consoleEmpty)}, floor ${formatMb(floorEmpty)})`,
  );
  notes.push(`floor selector ${FLOOR_TABLE_SELECTOR}; the console's rows are in its tables once aria-rowcount counts them all`);
  return { metrics, notes };
}
