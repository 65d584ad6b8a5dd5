import { expect, test, type Page } from './fixtures.ts';
import { ADMIN, EmulatorControl, READER, expectNoAxeViolations, signIn } from './support.ts';

let emulator: EmulatorControl;

test.beforeAll(async () => {
  emulator = await EmulatorControl.create();
});
test.afterAll(async () => {
  await emulator.dispose();
});
test.beforeEach(async () => {
  await emulator.reset('default');
  await emulator.throttle({ enabled: false });
});

const poolRows = (page: Page) =>
  page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('row');

test('signs in with a real redirect, lists, sorts and filters pools, keeps the filter on reload, signs out', async ({ page }) => {
  const seeded = await emulator.graph<{ value: { displayName: string }[] }>(
    'GET',
    '/deviceManagement/embeddedSIMActivationCodePools?$select=displayName',
  );
  expect(seeded.value.length).toBeGreaterThan(5);
  const names = seeded.value.map((p) => p.displayName).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));

  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'eSIM cellular profiles' })).toBeVisible();
  // header row + one row per pool, sorted by name ascending by default
  await expect(poolRows(page)).toHaveCount(names.length + 1);
  await expect(poolRows(page).nth(1)).toContainText(names[0]!);

  // sort by name descending
  await page.getByRole('columnheader', { name: 'Name' }).click();
  await expect(poolRows(page).nth(1)).toContainText(names[names.length - 1]!);
  await expect(page).toHaveURL(/dir=desc/);

  // filter by a fragment of one pool's name
  const target = names[Math.floor(names.length / 2)]!;
  const fragment = target.slice(0, Math.min(8, target.length));
  await page.getByRole('searchbox', { name: 'Filter pools by name' }).fill(fragment);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(fragment).replace(/%20/g, '(\\+|%20)')}`));
  const matching = names.filter((n) => n.toLowerCase().includes(fragment.toLowerCase()));
  await expect(poolRows(page)).toHaveCount(matching.length + 1);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Filter pools by name' })).toHaveValue(fragment);
  await expect(poolRows(page)).toHaveCount(matching.length + 1);

  await page.getByRole('button', { name: `Account: ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a read-only operator can list pools and is told the access is read-only', async ({ page }) => {
  await signIn(page, READER);
  await expect(poolRows(page).nth(1)).toBeVisible();
  await page.getByRole('button', { name: `Account: ${READER.name}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Read-only access' })).toBeVisible();
});

test('a persistent 503 shows the error state with the request-id, and retry recovers', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(poolRows(page).nth(1)).toBeVisible();
  await emulator.fault({ method: 'GET', pathRegex: 'embeddedSIMActivationCodePools', count: 50, status: 503, retryAfterSec: 0 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Pools could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert.getByTestId('request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await emulator.clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(poolRows(page).nth(1)).toBeVisible();
});

test('the pools page has no axe violations (WCAG 2.1 A/AA)', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(poolRows(page).nth(1)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the sign-in page has no axe violations', async ({ page }) => {
  await page.goto('/pools');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
});
