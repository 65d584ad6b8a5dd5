import { expect, test } from './fixtures.ts';
import { ADMIN } from './support.ts';

// A newcomer's first run: the browser does not trust the local sign-in's
// self-signed certificate yet. Signing in must lead to the browser's
// certificate page (a navigation), and after "Proceed" everything works —
// including the token and Graph calls the console makes with fetch.
test.use({ ignoreHTTPSErrors: false });

test('first sign-in goes through the browser certificate page once, then works', async ({ page }) => {
  await page.goto('/pools');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#details-button').click();
  await page.locator('#proceed-link').click();
  await page.getByRole('button', { name: new RegExp(ADMIN.name) }).click();
  await expect(page.getByRole('button', { name: `Account: ${ADMIN.name}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('row').nth(1)).toBeVisible();
});
