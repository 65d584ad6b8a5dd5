/**
 * Signing in through the real UI (redirect to the local Entra-shaped sign-in
 * and back) and out again, for the admin and the read-only consent. Alex
 * Wilber's real sign-in is in e2e/faults-pools.spec.ts (the Intune-role 403);
 * every user also signs in through the UI in the `setup` project.
 */
import { expect, test } from './fixtures.ts';
import { PoolsList } from './pages/pools-list.ts';
import { ADMIN, READER, expectNoAxeViolations, signIn } from './support.ts';

test('signs in with a real redirect, lists, sorts and filters pools, keeps the filter on reload, signs out', async ({ page, emulator }) => {
  const seeded = await emulator.graph<{ value: { displayName: string }[] }>(
    'GET',
    '/deviceManagement/embeddedSIMActivationCodePools?$select=displayName',
  );
  expect(seeded.value.length).toBeGreaterThan(5);
  const names = seeded.value.map((p) => p.displayName).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
  const poolRows = new PoolsList(page).rows;

  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'eSIM cellular profiles' })).toBeVisible();
  // header row + one row per pool, sorted by name ascending by default
  await expect(poolRows).toHaveCount(names.length + 1);
  await expect(poolRows.nth(1)).toContainText(names[0]!);

  // sort by name descending
  await page.getByRole('columnheader', { name: 'Name' }).click();
  await expect(poolRows.nth(1)).toContainText(names[names.length - 1]!);
  await expect(page).toHaveURL(/dir=desc/);

  // filter by a fragment of one pool's name
  const target = names[Math.floor(names.length / 2)]!;
  const fragment = target.slice(0, Math.min(8, target.length));
  await page.getByRole('searchbox', { name: 'Filter pools by name' }).fill(fragment);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(fragment).replace(/%20/g, '(\\+|%20)')}`));
  const matching = names.filter((n) => n.toLowerCase().includes(fragment.toLowerCase()));
  await expect(poolRows).toHaveCount(matching.length + 1);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Filter pools by name' })).toHaveValue(fragment);
  await expect(poolRows).toHaveCount(matching.length + 1);

  await page.getByRole('button', { name: `Account: ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a read-only operator can list pools and is told the access is read-only', async ({ page }) => {
  await signIn(page, READER);
  await expect(new PoolsList(page).rows.nth(1)).toBeVisible();
  await page.getByRole('button', { name: `Account: ${READER.name}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Read-only access' })).toBeVisible();
});

test('the sign-in page has no axe violations', async ({ page }) => {
  await page.goto('/pools');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
});
