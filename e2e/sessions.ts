/**
 * Saved sign-ins: each seeded user signs in through the real UI once per run
 * and console+emulator pair (the `setup` project, e2e/sign-in.setup.ts;
 * e2e/pairs.ts) and the session is saved, so a test that says
 * `test.use({ user: 'admin' })` starts signed in without the redirect round
 * trip. Sessions are per pair: the console's origin, the emulator's sign-in
 * sessions and signing key, and MSAL's cache keys (they hold the authority)
 * all differ between pairs.
 *
 * What a session is, for the console: the emulator's sign-in cookie
 * (Playwright's `storageState`: cookies and localStorage) and MSAL's token
 * cache, which the console keeps in sessionStorage — `storageState` does not
 * save sessionStorage, so it is saved next to it and put back by an init
 * script on the console's origin, as Playwright's docs show
 * (https://playwright.dev/docs/auth#session-storage). The script fills a tab
 * once (a marker key says so), so a reload or sign-out inside the test behaves
 * as it would for a user.
 *
 * A saved session stays good across emulator resets (reset replaces tenant
 * data, not the sign-in provider's sessions or signing key, as a real tenant's
 * sessions survive data changes). It is signed in afresh when it is missing,
 * older than STALE_AFTER_MS (the access tokens last an hour), issued by another
 * emulator start (its signing key differs), or after `EmulatorControl.revoke`
 * ended the user's sessions on that pair. Saved files live under e2e/.auth/
 * (gitignored), named by user and console port.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, request, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { TENANT_ID } from '../emulator/constants.ts';
import type { Pair } from './pairs.ts';
import { ADMIN, AUTH_DIR, OPERATOR, READER, savedSessionFiles, signIn } from './support.ts';

/** The seeded users a test can start signed in as. */
export const SIGNED_IN_USERS = {
  /** Megan Bowen: Intune Administrator, consented read-write. */
  admin: ADMIN,
  /** Adele Vance: an Intune Administrator under a read-only consent (the token has no write scope). */
  reader: READER,
  /** Alex Wilber: Read Only Operator in Intune under a read-write consent (Intune refuses his writes). */
  operator: OPERATOR,
} as const;
export type UserKey = keyof typeof SIGNED_IN_USERS;
export const USER_KEYS = Object.keys(SIGNED_IN_USERS) as UserKey[];

/** Signed in again after this long: well inside the emulator's one-hour access tokens (MSAL renews 5 min before expiry). */
const STALE_AFTER_MS = 30 * 60_000;
/** Set in a tab's sessionStorage once the saved session was put in it. */
const RESTORED_MARK = 'e2e.saved-session-restored';

interface SavedSessionStorage {
  origin: string;
  /** `kid` of the emulator's signing key that issued the tokens. */
  signingKeyId: string;
  entries: Record<string, string>;
}

const files = (user: UserKey, pair: Pair) => savedSessionFiles(SIGNED_IN_USERS[user].username, pair);

const signingKeyMemo = new Map<string, Promise<string>>();
/** The `kid` the pair's running emulator signs with (its JWKS; new on every emulator start). */
export function emulatorSigningKeyId(pair: Pair): Promise<string> {
  const known = signingKeyMemo.get(pair.emulatorOrigin);
  if (known) return known;
  const kid = (async () => {
    const api = await request.newContext({ ignoreHTTPSErrors: true });
    try {
      const config = (await (await api.get(`${pair.emulatorOrigin}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
      const jwks = (await (await api.get(config.jwks_uri)).json()) as { keys: { kid: string }[] };
      const kid = jwks.keys[0]?.kid;
      if (!kid) throw new Error(`The emulator's JWKS (${config.jwks_uri}) lists no key`);
      return kid;
    } finally {
      await api.dispose();
    }
  })();
  signingKeyMemo.set(pair.emulatorOrigin, kid);
  return kid;
}

function writeAtomically(file: string, data: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2));
  renameSync(tmp, file);
}

/** Saves the signed-in page's session (the page is on the pair's console, signed in as `user`). */
async function saveSession(page: Page, user: UserKey, pair: Pair): Promise<void> {
  const f = files(user, pair);
  const entries = await page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < sessionStorage.length; i++) {
      const k = sessionStorage.key(i)!;
      out[k] = sessionStorage.getItem(k) ?? '';
    }
    return out;
  });
  delete entries[RESTORED_MARK];
  const saved: SavedSessionStorage = { origin: new URL(page.url()).origin, signingKeyId: await emulatorSigningKeyId(pair), entries };
  writeAtomically(f.storageState, await page.context().storageState());
  writeAtomically(f.sessionStorage, saved);
}

/**
 * Signs `user` in through the real UI on the pair's console, in a context of its own, and saves the
 * session once the pools list shows (so MSAL has cached the Graph tokens).
 */
export async function signInAndSave(browser: Browser, user: UserKey, pair: Pair): Promise<void> {
  const context = await browser.newContext({ baseURL: pair.consoleOrigin, ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await signIn(page, SIGNED_IN_USERS[user]);
    await expect(page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('row').nth(1)).toBeVisible();
    await saveSession(page, user, pair);
  } finally {
    await context.close();
  }
}

function readSaved(user: UserKey, pair: Pair): SavedSessionStorage | undefined {
  try {
    return JSON.parse(readFileSync(files(user, pair).sessionStorage, 'utf8')) as SavedSessionStorage;
  } catch {
    return undefined;
  }
}

async function isUsable(user: UserKey, pair: Pair): Promise<boolean> {
  const f = files(user, pair);
  const saved = readSaved(user, pair);
  if (!saved) return false;
  try {
    if (Date.now() - statSync(f.sessionStorage).mtimeMs > STALE_AFTER_MS) return false;
    statSync(f.storageState);
  } catch {
    return false;
  }
  return saved.origin === pair.consoleOrigin && saved.signingKeyId === (await emulatorSigningKeyId(pair));
}

/**
 * The saved session of `user` on the pair, signed in again first when it
 * cannot be used (missing, stale, from another emulator start, revoked).
 * Returns the storageState file for the context and the sessionStorage to restore.
 */
export async function savedSession(browser: Browser, user: UserKey, pair: Pair): Promise<{ storageState: string; sessionStorage: SavedSessionStorage }> {
  if (!(await isUsable(user, pair))) await signInAndSave(browser, user, pair);
  const sessionStorage = readSaved(user, pair);
  if (!sessionStorage) throw new Error(`No saved session for ${user} on ${pair.consoleOrigin} in ${AUTH_DIR}`);
  return { storageState: files(user, pair).storageState, sessionStorage };
}

/** Puts the saved sessionStorage into every new tab of the context on the console's origin (once per tab). */
export async function restoreSessionStorage(context: BrowserContext, saved: SavedSessionStorage): Promise<void> {
  await context.addInitScript(
    ({ origin, entries, mark }) => {
      if (window.location.origin !== origin || window.sessionStorage.getItem(mark) !== null) return;
      for (const [k, v] of Object.entries(entries)) window.sessionStorage.setItem(k, v);
      window.sessionStorage.setItem(mark, '1');
    },
    { origin: saved.origin, entries: saved.entries, mark: RESTORED_MARK },
  );
}
