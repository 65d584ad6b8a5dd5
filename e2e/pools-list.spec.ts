/** The pools list (/pools) as a signed-in admin: errors with their request-id, and accessibility. */
import { expect, test } from './fixtures.ts';
import { PoolsList } from './pages/pools-list.ts';
import { expectNoAxeViolations } from './support.ts';

test.use({ user: 'admin' });

test('a persistent 503 shows the error state with the request-id, and retry recovers', async ({ page, app, emulator }) => {
  const list = new PoolsList(page);
  await app.open('/pools');
  await expect(list.rows.nth(1)).toBeVisible();
  await emulator.fault({ method: 'GET', pathRegex: 'embeddedSIMActivationCodePools', count: 50, status: 503, retryAfterSec: 0 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Pools could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert.getByTestId('request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await emulator.clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(list.rows.nth(1)).toBeVisible();
});

test('the pools page has no axe violations (WCAG 2.1 A/AA)', async ({ page, app }) => {
  await app.open('/pools');
  await expect(new PoolsList(page).rows.nth(1)).toBeVisible();
  await expectNoAxeViolations(page);
});
