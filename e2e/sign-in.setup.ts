/**
 * The `setup` project (playwright.config.ts): before any spec, each seeded user
 * signs in once through the real UI (redirect to the local Entra-shaped
 * sign-in, account picker, back to the console) on every console+emulator
 * pair (e2e/pairs.ts), and the session is saved for the tests that
 * `test.use({ user })` on that pair (e2e/sessions.ts). The sign-ins are
 * independent tests, spread over the workers.
 */
import { test as setup } from '@playwright/test';
import { PAIRS } from './pairs.ts';
import { SIGNED_IN_USERS, USER_KEYS, signInAndSave } from './sessions.ts';

for (const pair of PAIRS) {
  for (const user of USER_KEYS) {
    setup(`sign in as ${user} (${SIGNED_IN_USERS[user].name}) on ${pair.consoleOrigin} and save the session`, async ({ browser }) => {
      await signInAndSave(browser, user, pair);
    });
  }
}
