/** Sign-in and session renewal as the admin sees them. */
import { expect, type Locator, type Page } from '../fixtures.ts';
import { ADMIN, signIn } from '../support.ts';

export { signIn };

/** The token endpoint's refresh-token grants the page sent (MSAL renewing silently). */
export function trackTokenRefreshes(page: Page): { count: () => number } {
  let n = 0;
  page.context().on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/oauth2/v2.0/token') && (r.postData() ?? '').includes('grant_type=refresh_token')) n++;
  });
  return { count: () => n };
}

/**
 * Moves the page's clock two hours on, past the access token's expiry (MSAL
 * checks expiry with the page's clock), without firing the timers that fall
 * due meanwhile (request timeouts of calls in flight stay as they are).
 * Needs `page.clock.install()` before the first navigation.
 */
export async function expireAccessTokens(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + 2 * 3600_000);
}

/** Chromium with its popup blocker on: without Playwright's default `--disable-popup-blocking`. */
export const POPUP_BLOCKING_LAUNCH = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  ignoreDefaultArgs: ['--disable-popup-blocking'],
};

/**
 * Resolves (with the notice's text) once the "sign-in has expired" notice is in the page, waiting
 * inside the page. Call it before the action and await it afterwards, without other locator calls
 * in between: every Playwright evaluate or locator poll counts as a user gesture in Chromium (CDP
 * userGesture), which would let a popup opened by background work through the popup blocker.
 */
export async function armRenewalNoticeWatch(page: Page): Promise<() => Promise<string>> {
  await page.evaluate(() => {
    const w = window as unknown as { __renewalNotice?: Promise<string> };
    w.__renewalNotice = new Promise<string>((resolve) => {
      const check = () => {
        const el = [...document.querySelectorAll('[role="alert"]')].find((a) => /sign-in has expired/i.test(a.textContent ?? ''));
        if (!el) return false;
        observer.disconnect();
        resolve(el.textContent ?? '');
        return true;
      };
      const observer = new MutationObserver(() => void check());
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  });
  return () => page.evaluate(() => (window as unknown as { __renewalNotice: Promise<string> }).__renewalNotice);
}

export const renewalNotice = (page: Page): Locator => page.getByRole('alert').filter({ hasText: /sign-in has expired/i });

/**
 * Clicks "Sign in again" and waits for the sign-in popup to finish (the local
 * provider signs the hinted account in without a picker).
 */
export async function signInAgainFromNotice(page: Page, user = ADMIN): Promise<void> {
  const notice = renewalNotice(page);
  await expect(notice).toBeVisible();
  const popup = page.waitForEvent('popup');
  await notice.getByRole('button', { name: /sign in again/i }).click();
  const win = await popup;
  // A picker only when the provider asks for it (no login hint); otherwise the popup closes by itself.
  const pick = win.getByRole('button', { name: new RegExp(user.name) });
  await Promise.race([win.waitForEvent('close'), pick.click().catch(() => undefined)]);
  if (!win.isClosed()) await win.waitForEvent('close');
  await expect(notice).toHaveCount(0);
}

/** A marker in the page's memory: still there afterwards means the page was never reloaded. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
}

export async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
}
