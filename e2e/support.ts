import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CONTROL_KEY_ENV, CONTROL_KEY_HEADER, USERS } from '../emulator/constants.ts';
import type { RequestLogEntry } from '../emulator/control.ts';
import type { FaultRuleInput } from '../emulator/faults.ts';
import type { Pair } from './pairs.ts';

function seedUser(username: string): { name: string; username: string } {
  const user = USERS.find((u) => u.username === username);
  if (!user) throw new Error(`No seeded user ${username} in emulator/constants.ts`);
  return { name: user.name, username: user.username };
}

/** Intune Administrator, consented read-write. */
export const ADMIN = seedUser('megan.bowen@contoso.example');
/** Consented read only: the token has no write scope. */
export const READER = seedUser('adele.vance@contoso.example');
/** Read Only Operator in Intune under a read-write consent: the token has the write scope, Intune refuses writes. */
export const OPERATOR = seedUser('alex.wilber@contoso.example');

/** Saved sign-ins (e2e/sessions.ts), two files per user and console+emulator pair; gitignored. */
export const AUTH_DIR = path.resolve(import.meta.dirname, '.auth');

/** A user's saved-session files on a pair (its console's origin and its emulator's sessions), named by username and console port. */
export function savedSessionFiles(username: string, pair: Pair): { storageState: string; sessionStorage: string } {
  const base = `${username.toLowerCase().replace(/[^a-z0-9.@-]/g, '_')}.${pair.consolePort}`;
  return { storageState: path.join(AUTH_DIR, `${base}.storage-state.json`), sessionStorage: path.join(AUTH_DIR, `${base}.session-storage.json`) };
}

/**
 * A fault rule as the emulator's control API takes it (emulator/faults.ts `FaultRuleInput`: the next
 * `count` matching requests get it, one by default), with the method limited to those Graph is called with.
 */
export type FaultRule = Omit<FaultRuleInput, 'id' | 'method'> & { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' };

/** One entry of the emulator's request log (GET /_emulator/requests). */
export type { RequestLogEntry } from '../emulator/control.ts';

/**
 * The test-only control API (never used by the console) of one pair's
 * emulator (e2e/pairs.ts). Sends the per-start key: the one
 * playwright.config.ts gave the emulators it started (EMULATOR_CONTROL_KEY),
 * or, when a running emulator was reused and refuses that key, the one in its
 * key file.
 */
export class EmulatorControl {
  private constructor(
    private readonly api: APIRequestContext,
    /** The pair whose emulator this controls. */
    readonly pair: Pair,
  ) {}

  static async create(pair: Pair): Promise<EmulatorControl> {
    const open = (key: string) =>
      request.newContext({ baseURL: pair.emulatorOrigin, ignoreHTTPSErrors: true, extraHTTPHeaders: { [CONTROL_KEY_HEADER]: key } });
    const fromEnv = process.env[CONTROL_KEY_ENV];
    if (fromEnv) {
      const api = await open(fromEnv);
      const probe = await api.get('/_emulator');
      if (probe.ok()) return new EmulatorControl(api, pair);
      await api.dispose();
    }
    const keyFile = pair.controlKeyFile;
    const fromFile = (await readFile(keyFile, 'utf8').catch(() => '')).trim();
    if (!fromFile) throw new Error(`The emulator refused the control key and ${keyFile} holds none: is it running on ${pair.emulatorPort}?`);
    const api = await open(fromFile);
    const probe = await api.get('/_emulator');
    expect(probe.ok(), `control key from ${keyFile}: ${probe.status()}`).toBeTruthy();
    return new EmulatorControl(api, pair);
  }

  async reset(seed: 'default' | 'large' | 'empty' = 'default'): Promise<void> {
    const r = await this.api.post('/_emulator/reset', { data: { seed } });
    expect(r.ok(), `reset: ${r.status()}`).toBeTruthy();
  }

  async throttle(settings: Record<string, unknown>): Promise<void> {
    const r = await this.api.put('/_emulator/throttle', { data: settings });
    expect(r.ok(), `throttle: ${r.status()}`).toBeTruthy();
  }

  async fault(rule: FaultRule): Promise<void> {
    const r = await this.api.post('/_emulator/faults', { data: rule });
    expect(r.ok(), `fault: ${r.status()}`).toBeTruthy();
  }

  async clearFaults(): Promise<void> {
    await this.api.delete('/_emulator/faults');
  }

  /**
   * Revokes the user's refresh tokens and ends their sign-in sessions (an admin's "Revoke sessions").
   * That ends the user's saved session on this pair too (e2e/sessions.ts): the next test that starts
   * signed in as them signs in again.
   */
  async revoke(username: string): Promise<void> {
    const r = await this.api.post('/_emulator/revoke', { data: { username } });
    expect(r.ok(), `revoke: ${r.status()}`).toBeTruthy();
    const files = savedSessionFiles(username, this.pair);
    rmSync(files.storageState, { force: true });
    rmSync(files.sessionStorage, { force: true });
  }

  async requests(): Promise<RequestLogEntry[]> {
    const r = await this.api.get('/_emulator/requests');
    const body = (await r.json()) as { value?: RequestLogEntry[] } | RequestLogEntry[];
    return Array.isArray(body) ? body : (body.value ?? []);
  }

  async clearRequests(): Promise<void> {
    await this.api.delete('/_emulator/requests');
  }

  async token(username = ADMIN.username): Promise<string> {
    const r = await this.api.post('/_emulator/token', { data: { username } });
    const body = (await r.json()) as { access_token: string };
    return body.access_token;
  }

  /** Graph call as the admin, for arranging and checking state outside the UI. */
  async graph<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> {
    const token = await this.token();
    const r = await this.api.fetch(`/beta${path}`, { method, data, headers: { Authorization: `Bearer ${token}` } });
    expect(r.ok(), `${method} ${path}: ${r.status()} ${await r.text()}`).toBeTruthy();
    return (r.status() === 204 ? undefined : await r.json()) as T;
  }

  async dispose(): Promise<void> {
    await this.api.dispose();
  }
}

/**
 * Real MSAL redirect sign-in through the local Entra-shaped provider. Most tests start signed in
 * instead (`test.use({ user })`, e2e/fixtures.ts); this is for tests of sign-in itself and tests
 * that revoke, expire or rotate tokens.
 */
export async function signIn(page: Page, user = ADMIN, path = '/pools'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(user.name) }).click();
  await expect(page.getByRole('button', { name: `Account: ${user.name}` })).toBeVisible();
}

/** The console's themes (src/app/theme), and where it remembers the choice (per browser, not a secret). */
export const THEMES = ['light', 'dark', 'highContrast'] as const;
export type ThemeName = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = 'esim-console.theme';

/**
 * Shows the console in `theme` (or back to following the system with null) the way another tab's
 * choice reaches it: localStorage and the `storage` event. Waits until the page shows it.
 */
export async function showTheme(page: Page, theme: ThemeName | null): Promise<void> {
  await page.evaluate(
    ([key, value]) => {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: value }));
    },
    [THEME_STORAGE_KEY, theme] as const,
  );
  if (theme) await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Added to the test's timeout for each `expectNoAxeViolations`. */
const AXE_TIME_BUDGET_MS = 20_000;

/**
 * axe (wcag2a, wcag2aa, wcag21a, wcag21aa) on the whole page, in each theme (light, dark, high
 * contrast), then back to the theme the page had. One known false positive is set aside, node by
 * node: Fluent's tabster puts `<i data-tabster-dummy tabindex="0" aria-hidden="true">` focus guards
 * at the edges of arrow-key groups and open dialogs. They only hand focus on and are hidden from
 * screen readers on purpose; axe's aria-hidden-focus reports them anyway (microsoft/tabster#288).
 * Every other node, and every other rule, fails.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // axe reads the whole page three times: seconds of CPU, and the CPU is shared with the other worker's
  // pair. Each call brings its own time budget, so the test's timeout still measures its own steps.
  test.info().setTimeout(test.info().timeout + AXE_TIME_BUDGET_MS);
  const stored = await page.evaluate((key) => window.localStorage.getItem(key), THEME_STORAGE_KEY);
  const problems: string[] = [];
  for (const theme of THEMES) {
    await showTheme(page, theme);
    problems.push(...(await axeViolations(page)).map((v) => `${theme}: ${v}`));
  }
  await showTheme(page, THEMES.find((t) => t === stored) ?? null);
  expect(problems).toEqual([]);
}

/** axe in the page's current theme only. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A theme switch starts Fluent's colour transitions (and popovers fade in): let every finite
  // animation and transition end first, or axe reads colours halfway between two themes.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}${v.id === 'color-contrast' ? `: ${n.failureSummary ?? ''} ${n.html.slice(0, 200)}` : ''}`).join(', ')})`);
}
