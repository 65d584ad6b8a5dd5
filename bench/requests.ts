/**
 * 2d. Request economy, in the browser session of first-row.ts (`default`
 * seed, from the emulator's request log): the Graph requests of each page
 * load and of a navigation list → pool → back. Goals: no request repeated
 * within one load or navigation (the same data inside its cache time), and
 * every collection read names its properties (`$select`).
 */
import type { Page } from '@playwright/test';
import type { BrowserBenchEmulator, RequestLogEntry } from './lib/emulator.ts';
import { metric, type Metric } from './lib/report.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Step {
  name: string;
  requests: RequestLogEntry[];
}

/** A GET of a collection (the last segment is not an id, a $count or a single resource such as /me). */
function isCollectionRead(r: RequestLogEntry): boolean {
  if (r.method !== 'GET') return false;
  const [path = ''] = r.path.split('?');
  const last = decodeURIComponent(path.split('/').pop() ?? '');
  return !GUID.test(last) && last !== '$count' && last !== 'me' && !/^\w+\(.*\)$/.test(last);
}

const key = (r: RequestLogEntry) => `${r.method} ${r.path}`;

function duplicates(requests: readonly RequestLogEntry[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const r of requests) {
    if (r.status === 429) continue; // a throttled request is retried, not repeated
    if (seen.has(key(r))) twice.push(key(r));
    seen.add(key(r));
  }
  return twice;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
}

async function step(env: BrowserBenchEmulator, name: string, action: () => Promise<void>): Promise<Step> {
  await env.control.clearRequests();
  await action();
  const requests = (await env.control.requests()).filter((r) => r.path.startsWith('/beta/') || r.path.startsWith('/v1.0/'));
  return { name, requests };
}

export async function measureRequests(page: Page, env: BrowserBenchEmulator): Promise<{ metrics: Metric[]; notes: string[] }> {
  await env.control.reset('default');
  const steps: Step[] = [];
  const load = (path: string) => step(env, `load ${path}`, async () => {
    await page.goto(path);
    await settle(page);
  });
  steps.push(await load('/pools'));
  const poolHref = await page.evaluate(() => document.querySelector('[aria-label="eSIM activation-code pools"] a[href^="/pools/"]')?.getAttribute('href') ?? '');
  if (!poolHref) throw new Error('the pools list shows no pool link');
  steps.push(await load(poolHref.split('?')[0] ?? poolHref));
  steps.push(await load('/assignments'));
  steps.push(await load('/upload'));
  // Navigations inside the app: list → pool → back to the list (within the list's cache time).
  await page.goto('/pools');
  await settle(page);
  steps.push(
    await step(env, 'navigate list → pool', async () => {
      await page.locator(`a[href="${poolHref}"]`).first().click();
      await settle(page);
    }),
  );
  steps.push(
    await step(env, 'navigate back → list', async () => {
      await page.goBack();
      await settle(page);
    }),
  );

  const repeated = steps.flatMap((s) => duplicates(s.requests).map((d) => `${s.name}: ${d}`));
  const unselected = steps.flatMap((s) => s.requests.filter((r) => isCollectionRead(r) && !r.path.includes('$select=')).map((r) => `${s.name}: ${key(r)}`));
  const perStep = steps.map((s) => `${s.name} ${s.requests.length}`).join(', ');
  /** A count of requests that should not have been made, with the first few named. */
  const noneExpected = (id: string, name: string, found: string[], details?: Record<string, unknown>): Metric =>
    metric({
      id,
      name,
      value: found.length,
      unit: 'requests',
      display: found.length ? `${found.length}: ${[...new Set(found)].slice(0, 4).join('; ')}` : 'none',
      goal: { max: 0, on: 'value', display: '0' },
      details,
    });
  const metrics: Metric[] = [
    noneExpected('requests.repeated', 'Graph requests repeated within one page load or navigation', repeated, {
      steps: steps.map((s) => ({ name: s.name, requests: s.requests.map(key) })),
    }),
    noneExpected('requests.unselected', 'Graph collection reads without $select', unselected),
  ];
  const notes = [`Graph requests per step: ${perStep}`];
  for (const s of steps) notes.push(`  ${s.name}: ${s.requests.map(key).map((k) => k.replace(/[0-9a-f-]{36}/g, '{id}')).join(', ') || 'none'}`);
  return { metrics, notes };
}
