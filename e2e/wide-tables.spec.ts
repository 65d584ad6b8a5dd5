/**
 * At 1280 × 800 (a common admin laptop), every wide table shows each cell's text whole, or cuts it
 * with a way to read the whole value (a tooltip on keyboard focus, or a name): the dashboard's
 * failed devices, the pools list, a pool's device table and the assignments overview.
 */
import { expect, test, type Page } from './fixtures.ts';
import { expectReadableCells } from './pages/cell-text.ts';
import { DeviceStatus } from './pages/device-status.ts';

test.use({ user: 'admin', viewport: { width: 1280, height: 800 } });

const region = (page: Page, name: string) => page.getByRole('region', { name });

test('dashboard: failed devices and pools by urgency', async ({ page, app }) => {
  await app.open('/dashboard');
  await expect(page.getByRole('status').filter({ hasText: /^Read all \d+ pools/ })).toBeVisible({ timeout: 30_000 });
  const failed = await expectReadableCells(page, region(page, 'Failed devices').getByRole('table', { name: 'Failed devices' }));
  // The seed's identifiers are 32-digit EIDs, longer than the 20 digits the column shows: cut, read by their tooltip.
  expect(failed.filter((c) => c.column === 'UICC ID').length).toBeGreaterThan(0);
  await expectReadableCells(page, region(page, 'Pools by urgency').getByRole('table', { name: 'Pools by urgency' }));
});

test('pools list', async ({ page, app }) => {
  await app.open('/pools');
  await expectReadableCells(page, page.getByRole('table', { name: 'eSIM activation-code pools' }));
});

test("a pool's device table", async ({ page, app, graph }) => {
  const pools = await graph.pools();
  const pool = pools.find((p) => p.activationCodeCount > 0) ?? pools[0]!;
  await app.open(`/pools/${pool.id}`);
  const status = new DeviceStatus(page);
  await status.expectLoaded();
  const cut = await expectReadableCells(page, status.table);
  expect(cut.filter((c) => c.column === 'UICC ID').length).toBeGreaterThan(0);
});

test('assignments overview', async ({ page, app }) => {
  await app.open('/assignments');
  await expectReadableCells(page, page.getByRole('table', { name: 'Pools and their assignments' }));
});
