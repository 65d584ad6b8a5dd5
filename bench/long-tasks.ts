/**
 * Main-thread long tasks (PerformanceObserver 'longtask', > 50 ms) in the built
 * console while it validates and then uploads 30 carrier files of 1,000 codes
 * each, against the local emulator (throttling off). Goal: none over 50 ms.
 * Baseline: the longest task on the same page while it sits idle for as long.
 *
 * Files are built in the page and dropped with a synthetic drop; waits poll
 * `document.body.textContent` twice a second instead of using Playwright
 * locators, whose role queries run on the page's main thread and would add
 * long tasks of their own to a large page.
 */
import type { Page } from '@playwright/test';
import type { BrowserBenchEmulator } from './lib/emulator.ts';
import { carrierCsv, codes } from '../src/testing/carrier-csv.ts';
import { metric, type Metric } from './lib/report.ts';
import { formatMs } from './lib/stats.ts';

const FILES = 30;
const CODES = 1000;
const BUDGET_MS = 50;

declare global {
  interface Window {
    __benchLongTasks?: { start: number; duration: number }[];
    __benchFiles?: File[];
  }
}

/**
 * Builds the carrier files inside the page, one file per task, so that no
 * harness work (Playwright's setInputFiles decodes its payload on the page's
 * main thread) lands in the measured window: the drop is then the only thing
 * that starts work, exactly as when an admin drops files.
 */
async function buildFilesInPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__benchFiles = [];
  });
  // The texts come from the repository's one carrier-CSV generator; each File is made in the page, one per task.
  for (let i = 1; i <= FILES; i++) {
    const n = String(i).padStart(2, '0');
    const text = carrierCsv(`smdp.longtask-${n}.example.com`, codes(CODES, { from: 0, prefix: `8998${String(i).padStart(4, '0')}`, tag: `LT${i}` }));
    await page.evaluate(([name, content]) => {
      window.__benchFiles?.push(new File([content], name, { type: 'text/csv' }));
    }, [`longtask-${i}.csv`, text] as const);
  }
}

/** dragenter, dragover, drop on the drop zone, the way a browser delivers a drop. */
async function dropBuiltFiles(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector('input[type=file]');
    const target = input?.parentElement ?? input;
    if (!target) throw new Error('no drop zone');
    const dt = new DataTransfer();
    for (const f of window.__benchFiles ?? []) dt.items.add(f);
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());
const longestSince = async (page: Page, from: number, to = Infinity) =>
  (await page.evaluate(() => window.__benchLongTasks ?? [])).filter((t) => t.start >= from && t.start < to).map((t) => Math.round(t.duration));

async function waitForText(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction((t) => document.body.textContent?.includes(t) ?? false, text, { polling: 500, timeout });
}

/** Runs on an already signed-in page of the built console. */
export async function measureLongTasks(page: Page, env: BrowserBenchEmulator): Promise<{ metrics: Metric[]; notes: string[] }> {
  await env.control.reset('default');
  await page.addInitScript(() => {
    window.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks?.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/upload');
  await waitForText(page, 'Drag and drop carrier CSV files here', 30_000);
  await page.waitForTimeout(1000);

  await buildFilesInPage(page);
  await page.waitForTimeout(500);
  const t0 = await pageNow(page);
  await dropBuiltFiles(page);
  await waitForText(page, `${FILES} files · ${FILES} pools`, 60_000);
  await page.waitForFunction((label) => [...document.querySelectorAll('button')].some((b) => b.textContent === label && !b.disabled), `Upload ${FILES} pools`, {
    polling: 500,
    timeout: 60_000,
  });
  const t1 = await pageNow(page);
  const validating = await longestSince(page, t0, t1);

  // Idle baseline, as long as the validation took.
  await page.waitForTimeout(Math.min(10_000, Math.max(1000, t1 - t0)));
  const t2 = await pageNow(page);
  const idle = await longestSince(page, t1, t2);

  await page.evaluate((label) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)?.click(), `Upload ${FILES} pools`);
  await waitForText(page, 'Upload complete', 180_000);
  const t3 = await pageNow(page);
  const uploading = await longestSince(page, t2, t3);

  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  const idleMax = max(idle);
  const mk = (id: string, name: string, tasks: number[], ms: number) =>
    metric({
      id,
      name,
      value: max(tasks),
      unit: 'ms',
      display: tasks.length ? `longest ${formatMs(max(tasks))} (${tasks.length} over 50 ms)` : 'none over 50 ms',
      baseline: { value: idleMax, display: idle.length ? `idle page ${formatMs(idleMax)}` : 'idle page: none' },
      goal: { max: BUDGET_MS, on: 'value', display: `${BUDGET_MS} ms` },
      details: { longTasksMs: tasks, phaseMs: Math.round(ms), idleLongTasksMs: idle },
    });
  return {
    metrics: [
      mk('long-tasks.validate', `Long tasks validating ${FILES} files × ${CODES.toLocaleString('en-US')} codes`, validating, t1 - t0),
      mk('long-tasks.upload', `Long tasks uploading ${FILES} pools`, uploading, t3 - t2),
    ],
    notes: [`long tasks: validation took ${formatMs(t1 - t0)}, upload ${formatMs(t3 - t2)} (throttling off); a task counts when the browser reports it (> 50 ms)`],
  };
}
