/**
 * The `setup` project (playwright.config.ts): before any spec, each seeded user
 * signs in once through the real UI (redirect to the local Entra-shaped
 * sign-in, account picker, back to the console) and the session is saved for
 * the tests that `test.use({ user })` (e2e/sessions.ts).
 */
import { expect, test as setup } from '@playwright/test';
import { SIGNED_IN_USERS, USER_KEYS, saveSession } from './sessions.ts';
import { signIn } from './support.ts';

for (const user of USER_KEYS) {
  const who = SIGNED_IN_USERS[user];
  setup(`sign in as ${user} (${who.name}) and save the session`, async ({ page }) => {
    await signIn(page, who);
    await expect(page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('row').nth(1)).toBeVisible();
    await saveSession(page, user);
  });
}
