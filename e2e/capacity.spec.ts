import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download } from '@playwright/test';
import { expect, test, type Page } from './fixtures.ts';
import { AssignmentEditor } from './pages/assignment-editor.ts';
import { POOLS, type GraphState } from './pages/graph-state.ts';
import { expectNoAxeViolations } from './support.ts';

test.use({ user: 'admin' });

interface Pool {
  id: string;
  displayName: string;
  activationCodeCount: number;
  assignments?: unknown[];
}
interface Usage extends Pool {
  states: { state: string; deviceName: string | null }[];
  remaining: number;
}

/** Every pool with its device states and codes remaining, as Graph has them. */
async function usage(graph: GraphState): Promise<Usage[]> {
  const pools = await graph.all<Pool>(`${POOLS}?$select=id,displayName,activationCodeCount&$expand=assignments`);
  const out: Usage[] = [];
  for (const p of pools) {
    const states = await graph.all<{ state: string; deviceName: string | null }>(`${POOLS}/${p.id}/deviceStates?$select=state,deviceName`);
    out.push({ ...p, states, remaining: Math.max(0, p.activationCodeCount - states.length) });
  }
  return out;
}

const count = (n: number) => n.toLocaleString('en-US');
const table = (page: Page) => page.getByRole('table', { name: 'eSIM activation-code pools' });
const rowOf = (page: Page, name: string) => table(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function csvOf(download: Download): Promise<Record<string, string>[]> {
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('\r\n');
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, newline: '\r\n', skipEmptyLines: true }).data;
}

test('the pools list counts the codes remaining in the background, flags low pools by the account’s threshold, and sorts once counted', async ({ page, app, graph }) => {
  const pools = await usage(graph);
  await app.open('/pools');
  await expect(page.getByRole('status').filter({ hasText: `Codes remaining counted for ${pools.length} of ${pools.length} pools, as of` })).toBeVisible({ timeout: 30_000 });
  for (const p of pools) await expect(rowOf(page, p.displayName)).toContainText(`${count(p.remaining)} of ${count(p.activationCodeCount)}`);
  await expect(page.getByText(/^How computed: remaining = the pool’s codes − devices given a code/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Every pool with a device becomes low under "100 %"; a pool without devices stays fine.
  const used = pools.find((p) => p.states.length > 0 && p.remaining > 0)!;
  const unused = pools.find((p) => p.states.length === 0)!;
  await page.getByRole('button', { name: 'Low threshold…' }).click();
  const dialog = page.getByRole('dialog', { name: 'When is a pool low on codes?' });
  await dialog.getByRole('textbox', { name: /share of the pool/ }).fill('101');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
  await dialog.getByRole('textbox', { name: /share of the pool/ }).fill('100');
  await dialog.getByRole('textbox', { name: 'Or under this many codes' }).fill('0');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, used.displayName)).toContainText('Low');
  await expect(rowOf(page, unused.displayName)).not.toContainText('Low');

  // Kept for this account in this browser.
  const keys = await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('esim-console.low-threshold')));
  expect(keys).toHaveLength(1);
  await page.reload();
  await expect(rowOf(page, used.displayName)).toContainText('Low', { timeout: 30_000 });

  // Least left first.
  const sorted = [...pools].sort((a, b) => a.remaining / a.activationCodeCount - b.remaining / b.activationCodeCount || a.remaining - b.remaining);
  await expect(page.getByRole('status').filter({ hasText: 'Codes remaining counted for' })).toBeVisible({ timeout: 30_000 });
  await table(page).getByRole('columnheader', { name: /Codes remaining/ }).getByRole('button').click();
  await expect(table(page).getByRole('row').nth(1)).toContainText(sorted[0]!.displayName);
});

test('the pool page shows capacity, shortfall and forecast with how each was computed, and the editor’s review shows the shortfall before saving', async ({ page, app, graph }) => {
  const pools = await usage(graph);
  const pool = pools.find((p) => (p.assignments ?? []).length === 0)!;
  await app.open(`/pools/${pool.id}`);
  const section = page.getByRole('region', { name: 'Capacity and forecast' });
  const remaining = section.getByRole('group', { name: 'Codes remaining' });
  await expect(remaining).toContainText(`${count(pool.remaining)} of ${count(pool.activationCodeCount)}`);
  await expect(remaining).toContainText('How computed: Remaining =');
  await expect(section.getByRole('group', { name: 'Shortfall' })).toContainText("No targeted device is waiting for a code");
  await expect(section.getByRole('group', { name: 'Burn rate and run-out' })).toContainText('How computed:');
  await expectNoAxeViolations(page);

  // Executives: 24 devices. Shortfall = devices without a code beyond the codes left.
  const editor = new AssignmentEditor(page);
  await editor.draft([{ picker: 'Included groups', term: 'Executives', name: 'Executives' }]);
  const without = Math.max(0, 24 - pool.states.length);
  const short = Math.max(0, without - pool.remaining);
  await expect(editor.section.getByText(/^How computed: Targeted = the included group's 24 device members/)).toBeVisible();
  await expect(editor.section).toContainText(short > 0 ? `After this save: ${short} devices may get no profile` : without === 0 ? 'No targeted device is waiting for a code' : `Enough codes left for the targeted devices without one (${without})`);
  await expectNoAxeViolations(page);
});

test('exports of the pools list and of a pool’s device status parse back to the same rows, with no codes', async ({ page, app, graph }) => {
  const pools = await usage(graph);
  await app.open('/pools');
  await expect(page.getByRole('status').filter({ hasText: `Codes remaining counted for ${pools.length} of ${pools.length} pools` })).toBeVisible({ timeout: 30_000 });
  const [listFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(listFile.suggestedFilename()).toMatch(/^esim-pools-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = await csvOf(listFile);
  expect(rows.map((r) => [r['Pool'], Number(r['Codes']), Number(r['Remaining'])]).sort()).toEqual(pools.map((p) => [p.displayName, p.activationCodeCount, p.remaining]).sort());
  expect(rows.every((r) => r['Remaining: how computed']?.startsWith('Remaining ='))).toBe(true);

  const pool = pools.filter((p) => p.states.length > 0).sort((a, b) => b.states.length - a.states.length)[0]!;
  await page.goto(`/pools/${pool.id}`);
  const status = page.getByRole('region', { name: 'Device status' });
  await expect(status.getByRole('columnheader', { name: 'UICC ID' })).toBeVisible();
  const [deviceFile] = await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Export CSV' }).click()]);
  const devices = await csvOf(deviceFile);
  expect(Object.keys(devices[0] ?? {})).toEqual(['Device name', 'User', 'UICC ID', 'Status', 'Details', 'Given a code (UTC)', 'Last changed (UTC)', 'Last check-in (UTC)']);
  expect(devices.map((d) => d['Device name']).sort()).toEqual(pool.states.map((s) => s.deviceName ?? '').sort());
  expect(page.url()).not.toContain('blob:');
});

test.describe(() => {
  test.use({ seed: 'large' });
  test('large seed: the list renders before its 10,000 pools are counted, and the counts fill in paced under the throttle', async ({ page, app, emulator }) => {
    test.setTimeout(120_000);
    await emulator.throttle({ enabled: true });
    await app.open('/pools');
    await expect(table(page)).toBeVisible();
    const status = page.getByRole('status').filter({ hasText: 'Counting codes remaining in the background' });
    await expect(status).toBeVisible();
    const counted = async () => Number(/(\d[\d,]*) of 10,000 pools so far/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 'NaN');
    await expect.poll(counted, { timeout: 20_000 }).toBeGreaterThan(0);
    await emulator.clearRequests();
    const since = Date.now();
    const first = await counted();
    await page.waitForTimeout(5_000); // measuring a rate needs elapsed time
    const later = await counted();
    expect(later).toBeGreaterThan(first);
    const log = await emulator.requests();
    const seconds = Math.ceil((Date.now() - since) / 1000);
    // The log's path keeps the (redacted) query: compare the path alone.
    const usageReads = log.filter((r) => r.method === 'GET' && /\/deviceStates$/.test(r.path.split('?')[0] ?? ''));
    expect(usageReads.length).toBeGreaterThan(0);
    // The read pacer starts at most 45 a second (src/entities/fleet/read-pacer.ts), plus the few (≤ 6) already running.
    expect(usageReads.length).toBeLessThanOrEqual(45 * seconds + 6);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
  });
});
