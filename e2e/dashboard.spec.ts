import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test, type Page, type SignedInApp } from './fixtures.ts';
import { POOLS, type GraphState } from './pages/graph-state.ts';
import { expectNoAxeViolations } from './support.ts';
// The console's wording of each install state: what the test checks is the count the page shows for every state.
import { STATE_LABEL } from '../src/features/pools/components/device-state-text.ts';

test.use({ user: 'admin' });


interface Pool {
  id: string;
  displayName: string;
}
interface DeviceState {
  id: string;
  deviceName: string | null;
  state: string;
  stateDetails: string | null;
}

/** The fleet as Graph has it: every pool with its device states. */
async function fleet(graph: GraphState): Promise<{ pool: Pool; states: DeviceState[] }[]> {
  const pools = await graph.all<Pool>(`${POOLS}?$select=id,displayName`);
  return Promise.all(pools.map(async (pool) => ({ pool, states: await graph.all<DeviceState>(`${POOLS}/${pool.id}/deviceStates`) })));
}

const isFailed = (s: DeviceState) => s.state === 'failed' || s.state === 'error';
const count = (n: number) => n.toLocaleString('en-US');

async function openDashboard(page: Page, app: SignedInApp, path = '/'): Promise<void> {
  await app.open(path);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole('status').filter({ hasText: /^Read all \d+ pools/ })).toBeVisible({ timeout: 30_000 });
}

const region = (page: Page, name: string) => page.getByRole('region', { name });

test('is the landing page: totals by install state agree with Graph, and the worst pool is first', async ({ page, app, graph }) => {
  const seeded = await fleet(graph);
  await openDashboard(page, app);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');

  const totals = region(page, 'Devices by install state').getByRole('table', { name: /Devices by install state/ });
  for (const [state, label] of Object.entries(STATE_LABEL)) {
    const n = seeded.reduce((a, p) => a + p.states.filter((s) => s.state === state).length, 0);
    await expect(totals.getByRole('row', { name: new RegExp(`^${label} ${count(n)}$`) })).toBeVisible();
  }
  const devices = seeded.reduce((a, p) => a + p.states.length, 0);
  await expect(totals.getByRole('row', { name: `All states ${count(devices)}` })).toBeVisible();
  await expect(region(page, 'Devices by install state').getByText(/over all \d+ pools/)).toBeVisible();

  // The pool with the most failed devices leads (failures come first in the urgency order).
  const byFailures = seeded.map((p) => ({ name: p.pool.displayName, failed: p.states.filter(isFailed).length })).sort((a, b) => b.failed - a.failed);
  expect(byFailures[0]!.failed, 'the seed has one pool with the most failures').toBeGreaterThan(byFailures[1]!.failed);
  const urgency = region(page, 'Pools by urgency').getByRole('table', { name: 'Pools by urgency' });
  await expect(urgency.getByRole('row').nth(1)).toContainText(byFailures[0]!.name);
  await expect(urgency.getByRole('row').nth(1)).toContainText(`${count(byFailures[0]!.failed)} devices failed to get a profile`);
  await expectNoAxeViolations(page);
  if (process.env['DOCS_SCREENSHOTS']) {
    // DOCS_SCREENSHOTS=1 npx playwright test e2e/dashboard.spec.ts refreshes README's picture.
    mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: 'docs/dashboard.png', fullPage: true });
  }
});

test('lists failed devices across pools with the reason in plain words and a link to the pool', async ({ page, app, graph }) => {
  const seeded = await fleet(graph);
  const failed = seeded.flatMap((p) => p.states.filter(isFailed).map((s) => ({ pool: p.pool, state: s })));
  const spaceless = failed.find((f) => f.state.stateDetails?.startsWith('NotEnoughSpace'));
  expect(spaceless, 'the seed has a device with no room for a profile').toBeTruthy();

  await openDashboard(page, app);
  const card = region(page, 'Failed devices');
  await expect(card.getByRole('status')).toHaveText(`${count(failed.length)} failed devices`);
  await expect(card.getByRole('table', { name: 'Failed devices' })).toHaveAttribute('aria-rowcount', String(failed.length + 1));

  await card.getByRole('combobox', { name: 'Reason' }).click();
  await page.getByRole('option', { name: /^No room for another eSIM profile/ }).click();
  await expect(page).toHaveURL(/reason=notenoughspace/);
  const row = card.getByRole('row').filter({ hasText: spaceless!.state.deviceName! });
  await expect(row).toContainText('No room for another eSIM profile');
  await row.getByRole('link', { name: spaceless!.pool.displayName }).click();
  await expect(page).toHaveURL(new RegExp(`/pools/${spaceless!.pool.id}$`));
});

test('filters are deep links: a shared URL opens the same view, and a reload keeps it', async ({ page, app, graph }) => {
  const seeded = await fleet(graph);
  const target = seeded.find((p) => p.states.some(isFailed))!;
  const fragment = target.pool.displayName.slice(0, 6);
  const matching = seeded.filter((p) => p.pool.displayName.toLowerCase().includes(fragment.toLowerCase()));
  const failedThere = matching.flatMap((p) => p.states.filter(isFailed));

  await openDashboard(page, app, `/dashboard?q=${encodeURIComponent(fragment)}&pools=attention`);
  await expect(page.getByRole('searchbox', { name: 'Filter pools by name' })).toHaveValue(fragment);
  await expect(page.getByRole('switch', { name: 'Only pools that need attention' })).toBeChecked();
  const urgency = region(page, 'Pools by urgency').getByRole('table', { name: 'Pools by urgency' });
  await expect(urgency.getByRole('row').filter({ hasText: target.pool.displayName })).toBeVisible();
  await expect(region(page, 'Failed devices').getByRole('status')).toHaveText(`${count(failedThere.length)} failed ${failedThere.length === 1 ? 'device' : 'devices'}`);
  const devices = matching.reduce((a, p) => a + p.states.length, 0);
  await expect(region(page, 'Devices by install state').getByRole('row', { name: `All states ${count(devices)}` })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Filter pools by name' })).toHaveValue(fragment);
  await expect(page.getByRole('switch', { name: 'Only pools that need attention' })).toBeChecked();

  // By keyboard: the switch toggles with Space.
  await page.getByRole('switch', { name: 'Only pools that need attention' }).focus();
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/pools=attention/);
  await expectNoAxeViolations(page);
});

test('fills in progressively with its progress, and stays usable while pools are read', async ({ page, app, emulator, graph }) => {
  const pools = await graph.all<Pool>(`${POOLS}?$select=id,displayName`);
  // Slow down some pools' device-state reads: the others fill in first.
  await emulator.fault({ method: 'GET', pathRegex: 'deviceStates', latencyMs: 4_000, count: 3 });
  await app.open('/dashboard');
  const progress = page.getByRole('status').filter({ hasText: /^Read \d+ of \d+ pools/ });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Pools read' })).toBeVisible();
  await expect(region(page, 'Pools by urgency').getByText(/not read yet/)).toBeVisible();
  // Usable meanwhile: the filter answers at once.
  await page.getByRole('searchbox', { name: 'Filter pools by name' }).fill(pools[0]!.displayName);
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('status').filter({ hasText: `Read all ${pools.length} pools` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^As of /)).toBeVisible();
});

test('exports the failed list to CSV that parses back to the same rows, with formula cells neutralised', async ({ page, app, emulator, graph }) => {
  const seeded = await fleet(graph);
  const victim = seeded.flatMap((p) => p.states.filter(isFailed).map((s) => ({ pool: p.pool, state: s })))[0]!;
  await emulator.graph('PATCH', `${POOLS}/${victim.pool.id}/deviceStates/${victim.state.id}`, { deviceName: '=HYPERLINK("http://evil.example")' });
  const failedCount = seeded.reduce((a, p) => a + p.states.filter(isFailed).length, 0);

  await openDashboard(page, app);
  const card = region(page, 'Failed devices');
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: `Export ${count(failedCount)} to CSV` }).click()]);
  expect(download.suggestedFilename()).toMatch(/^esim-failed-devices-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(download.url()).toMatch(/^blob:/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, newline: '\r\n' }).data;
  expect(rows).toHaveLength(failedCount);
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['Pool', 'Device name', 'UICC ID', 'Status', 'Details']));
  // The device's eSIM chip is labelled for what it is, never as the profile's ICCID.
  expect(Object.keys(rows[0]!).filter((h) => /ICCID/i.test(h))).toEqual([]);
  const planted = rows.find((r) => r['Device name']?.includes('HYPERLINK'));
  expect(planted?.['Device name']).toBe(`'=HYPERLINK("http://evil.example")`);
  expect(planted?.Pool).toBe(victim.pool.displayName);
  const names = new Set(rows.map((r) => r['Device name']));
  for (const p of seeded) for (const s of p.states.filter(isFailed)) if (s.id !== victim.state.id && s.deviceName) expect(names.has(s.deviceName)).toBe(true);
});

test.describe(() => {
  test.use({ seed: 'large' });
  test('large seed: fills in under the throttle with its progress; filters and export work on what is read; one read per pool', async ({ page, app, emulator }) => {
    test.setTimeout(150_000);
    await emulator.throttle({ enabled: true });
    await app.open('/dashboard');
    const progress = page.getByRole('status').filter({ hasText: /^Read [\d,]+ of 10,000 pools/ });
    await expect(progress).toBeVisible({ timeout: 30_000 });
    const read = async () => Number(/^Read ([\d,]+) of/.exec((await progress.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 'NaN');
    await expect.poll(read, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(page.locator('svg[aria-label="Devices by install state"]')).toBeVisible();
    const first = await read();

    // Usable while it reads: the name filter (one carrier of the seed's 12) narrows every section at once.
    await page.getByRole('searchbox', { name: 'Filter pools by name' }).fill('Northwind');
    await expect(page).toHaveURL(/q=Northwind/);
    await expect(region(page, 'Devices by install state').getByText(/of 834 pools read so far/)).toBeVisible();
    const urgencyRows = region(page, 'Pools by urgency').getByRole('table', { name: 'Pools by urgency' }).getByRole('row');
    await expect(urgencyRows.nth(1)).toContainText('Northwind Wireless – batch');
    const failedCard = region(page, 'Failed devices');
    await expect(failedCard.getByRole('status')).toHaveText(/^[\d,]+ failed devices?( so far)?$/);
    const exportButton = failedCard.getByRole('button', { name: /^Export [\d,]+ to CSV$/ });
    await expect(exportButton).toBeEnabled({ timeout: 30_000 });
    const shown = Number(/([\d,]+)/.exec((await exportButton.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, newline: '\r\n' }).data;
    // What was read when the button was clicked (more may have arrived since the count was taken).
    expect(rows.length).toBeGreaterThanOrEqual(shown);
    for (const r of rows) expect(r.Pool).toMatch(/^Northwind Wireless – batch \d{5}$/);

    expect(await read()).toBeGreaterThan(first);
    // Pools of up to 1,000 codes (all of this seed's): the usage read brings the failed devices, no second read; nothing throttled.
    const log = await emulator.requests();
    const stateReads = log.filter((r) => r.method === 'GET' && /\/deviceStates$/.test(r.path.split('?')[0] ?? ''));
    expect(stateReads.length).toBeGreaterThan(0);
    expect(stateReads.filter((r) => r.path.includes('$filter'))).toEqual([]);
    expect(log.filter((r) => r.status === 429)).toEqual([]);

    // A pool's own page on this seed: capacity and forecast with how each was computed, and its history section.
    await urgencyRows.nth(1).getByRole('link').click();
    await expect(page).toHaveURL(/\/pools\/[^/]+$/);
    const capacity = page.getByRole('region', { name: 'Capacity and forecast' });
    await expect(capacity.getByRole('group', { name: 'Codes remaining' })).toContainText('How computed: Remaining =');
    await expect(capacity.getByRole('group', { name: 'Burn rate and run-out' })).toContainText('How computed:');
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
  });
});
