import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const EMULATOR = 'https://localhost:8443';

export const ADMIN = { name: 'Megan Bowen', username: 'megan.bowen@contoso.example' };
export const READER = { name: 'Adele Vance', username: 'adele.vance@contoso.example' };

/** A fault rule of the emulator (emulator/faults.ts): the next `count` matching Graph requests get it. */
export interface FaultRule {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Tested against the path below /beta and the full path. */
  pathRegex?: string;
  count?: number;
  status?: number;
  retryAfterSec?: number;
  latencyMs?: number;
  drop?: 'before' | 'after';
  processed?: boolean;
  /** Held unanswered until the client gives up; never carried out. */
  stall?: boolean;
  /** The engine runs; its status is answered with the JSON body cut short. */
  malformedJson?: boolean;
  /** 'token': the sign-in provider's token endpoint instead of Graph (status, drop 'before', stall, latencyMs). */
  target?: 'graph' | 'token';
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  username?: string;
  fault?: string;
  dropped?: 'before' | 'after' | 'stalled';
}

/** The emulator's test-only control API (never used by the console). */
export class EmulatorControl {
  private constructor(private readonly api: APIRequestContext) {}

  static async create(): Promise<EmulatorControl> {
    return new EmulatorControl(await request.newContext({ baseURL: EMULATOR, ignoreHTTPSErrors: true }));
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

  /** Revokes the user's refresh tokens and ends their sign-in sessions (an admin's "Revoke sessions"). */
  async revoke(username: string): Promise<void> {
    const r = await this.api.post('/_emulator/revoke', { data: { username } });
    expect(r.ok(), `revoke: ${r.status()}`).toBeTruthy();
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

/** Real MSAL redirect sign-in through the local Entra-shaped provider. */
export async function signIn(page: Page, user = ADMIN, path = '/pools'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(user.name) }).click();
  await expect(page.getByRole('button', { name: `Account: ${user.name}` })).toBeVisible();
}

/**
 * axe (wcag2a, wcag2aa, wcag21a, wcag21aa) on the whole page. One known false
 * positive is set aside, node by node: Fluent's tabster puts
 * `<i data-tabster-dummy tabindex="0" aria-hidden="true">` focus guards at the
 * edges of arrow-key groups and open dialogs. They only hand focus on and are
 * hidden from screen readers on purpose; axe's aria-hidden-focus reports them
 * anyway (microsoft/tabster#288). Every other node, and every other rule, fails.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations
    .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) : v.nodes }))
    .filter((v) => v.nodes.length > 0);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
