/**
 * Fault matrix — sign-in and the pools list. Faults are armed through the
 * emulator (EmulatorControl.fault); each case asserts what the admin sees,
 * that nothing typed is lost, and what Graph holds afterwards.
 */
import { expect } from './fixtures.ts';
import { blockPrefix, carrierFile, codes, createBody } from '../src/testing/carrier-csv.ts';
import { POOLS } from './pages/graph-state.ts';
import { faultMatrix } from './pages/matrix.ts';
import { PoolsList } from './pages/pools-list.ts';
import { expireAccessTokens, signIn, trackTokenRefreshes } from './pages/session.ts';
import { ADMIN, OPERATOR } from './support.ts';

const LIST = 'embeddedSIMActivationCodePools$';

faultMatrix('sign-in and pools list', [
  {
    fault: '503 from the token endpoint at sign-in',
    user: null,
    expects: 'the sign-in page says sign-in failed, and signing in again works',
    async run({ page, emulator, graph }) {
      await emulator.fault({ target: 'token', status: 503 });
      await page.goto('/pools');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: new RegExp(ADMIN.name) }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
      await expect(page.getByRole('button', { name: `Account: ${ADMIN.name}` })).toHaveCount(0);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: new RegExp(ADMIN.name) }).click();
      await expect(page.getByRole('button', { name: `Account: ${ADMIN.name}` })).toBeVisible();
      await new PoolsList(page).expectLoaded((await graph.pools()).length);
    },
  },
  {
    fault: 'dropped connection at the token endpoint at sign-in',
    user: null,
    expects: 'MSAL repeats the redemption once: signed in, no error',
    async run({ page, emulator, graph }) {
      await emulator.fault({ target: 'token', drop: 'before' });
      await signIn(page, ADMIN);
      await new PoolsList(page).expectLoaded((await graph.pools()).length);
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect((await emulator.requests()).some((r) => r.dropped === 'before' && r.path.includes('/oauth2/v2.0/token'))).toBe(true);
    },
  },
  {
    fault: '429 with Retry-After',
    expects: 'the first load after sign-in waits and shows every pool, no error',
    async run({ page, emulator, graph, app }) {
      await emulator.fault({ method: 'GET', pathRegex: LIST, status: 429, retryAfterSec: 1 });
      await app.open('/pools');
      const list = new PoolsList(page);
      await list.expectLoaded((await graph.pools()).length);
      await expect(list.error()).toHaveCount(0);
      const gets = (await emulator.requests()).filter((r) => r.method === 'GET' && /embeddedSIMActivationCodePools(\?|$)/.test(r.path));
      expect(gets.map((r) => r.status).slice(0, 2)).toEqual([429, 200]);
    },
  },
  {
    fault: '503 (persistent)',
    expects: 'the error names the request-id, the search box keeps its text, and Retry recovers',
    async run({ page, emulator, graph, app }) {
      await app.open('/pools');
      const list = new PoolsList(page);
      await list.expectLoaded();
      const search = page.getByRole('searchbox', { name: 'Filter pools by name' });
      await search.fill('a');
      await emulator.fault({ method: 'GET', pathRegex: LIST, status: 503, retryAfterSec: 0, count: 5 });
      await list.refresh();
      await expect(list.error()).toBeVisible();
      await expect(list.error().getByTestId('request-id')).toHaveText(/^[0-9a-f-]{36}$/);
      await expect(search).toHaveValue('a');
      await list.error().getByRole('button', { name: 'Retry' }).click();
      await search.fill('');
      await list.expectLoaded((await graph.pools()).length);
    },
  },
  {
    fault: '504',
    expects: 'retried at once: the list refreshes without an error',
    async run({ page, emulator, graph, app }) {
      await app.open('/pools');
      const list = new PoolsList(page);
      await list.expectLoaded();
      await emulator.fault({ method: 'GET', pathRegex: LIST, status: 504, retryAfterSec: 0 });
      await emulator.clearRequests();
      await list.refresh();
      await expect.poll(async () => (await emulator.requests()).map((r) => r.status)).toContain(504);
      await list.expectLoaded((await graph.pools()).length);
      await expect(list.error()).toHaveCount(0);
    },
  },
  {
    fault: 'dropped connection',
    expects: 'a read is repeated: the list refreshes without an error',
    async run({ page, emulator, graph, app }) {
      await app.open('/pools');
      const list = new PoolsList(page);
      await list.expectLoaded();
      await emulator.fault({ method: 'GET', pathRegex: LIST, drop: 'before' });
      await emulator.clearRequests();
      await list.refresh();
      await expect.poll(async () => (await emulator.requests()).some((r) => r.dropped === 'before')).toBe(true);
      await list.expectLoaded((await graph.pools()).length);
      await expect(list.error()).toHaveCount(0);
    },
  },
  {
    fault: 'stalled request',
    clock: true,
    expects: 'the client gives up after its timeout (page clock) and the repeated read shows the list',
    async run({ page, emulator, graph, app }) {
      await app.open('/pools');
      const list = new PoolsList(page);
      await list.expectLoaded();
      await emulator.fault({ method: 'GET', pathRegex: LIST, stall: true });
      await emulator.clearRequests();
      await list.refresh();
      await expect(page.getByRole('status').filter({ hasText: 'loading…' })).toBeVisible();
      // Past the 30 s per attempt, with room left in the 90 s deadline for the repeated read.
      await page.clock.fastForward('00:31');
      await expect.poll(async () => (await emulator.requests()).some((r) => r.dropped === 'stalled')).toBe(true);
      await list.expectLoaded((await graph.pools()).length);
    },
  },
  {
    fault: 'access token expired mid-flow',
    user: null,
    clock: true,
    expects: 'renewed silently with the refresh token: no sign-in page, no popup',
    async run({ page, emulator, graph }) {
      const refreshes = trackTokenRefreshes(page);
      await signIn(page, ADMIN);
      const list = new PoolsList(page);
      await list.expectLoaded();
      let popups = 0;
      page.on('popup', () => popups++);
      await emulator.graph('DELETE', `${POOLS}/${(await graph.pools())[0]!.id}`);
      await expireAccessTokens(page);
      await list.refresh();
      await list.expectLoaded((await graph.pools()).length);
      expect(refreshes.count()).toBeGreaterThanOrEqual(1);
      expect(popups).toBe(0);
      await expect(page.getByRole('button', { name: `Account: ${ADMIN.name}` })).toBeVisible();
    },
  },
  {
    fault: 'a concurrent change by another admin',
    expects: 'Refresh shows the pool another admin created and drops the one they deleted',
    async run({ page, emulator, graph, app }) {
      await app.open('/pools');
      const list = new PoolsList(page);
      const before = await graph.pools();
      await list.expectLoaded(before.length);
      const gone = before[0]!;
      await emulator.graph('DELETE', `${POOLS}/${gone.id}`);
      await emulator.graph('POST', POOLS, createBody('Created by another admin', carrierFile('other.csv', 'smdp.other-admin.example.com', codes(3, { prefix: blockPrefix(41), from: 0 }))));
      await list.refresh();
      await expect(list.row('Created by another admin')).toBeVisible();
      await expect(list.row(gone.displayName)).toHaveCount(0);
      await list.expectLoaded(before.length);
    },
  },
  {
    fault: 'malformed JSON',
    expects: 'an error that says the answer was unreadable, and Retry recovers',
    async run({ page, emulator, graph, app }) {
      await app.open('/pools');
      const list = new PoolsList(page);
      await list.expectLoaded();
      await emulator.fault({ method: 'GET', pathRegex: LIST, malformedJson: true });
      await list.refresh();
      await expect(list.error()).toBeVisible();
      await expect(list.error()).toContainText(/not JSON|could not be read|unreadable/i);
      await list.error().getByRole('button', { name: 'Retry' }).click();
      await list.expectLoaded((await graph.pools()).length);
    },
  },
  {
    fault: "403 from Intune's role (a write by a Read Only Operator)",
    // Alex Wilber's sign-in through the real UI.
    user: null,
    expects: 'the list reads fine; a rename is refused: the dialog keeps the typed name and explains the Intune role, writes turn off',
    async run({ page, graph }) {
      await signIn(page, OPERATOR);
      const list = new PoolsList(page);
      const pools = await graph.pools();
      await list.expectLoaded(pools.length);
      await expect(page.getByText('Intune refused a change')).toHaveCount(0);
      const pool = pools[0]!;
      await list.row(pool.displayName).getByRole('link', { name: pool.displayName, exact: true }).click();
      await page.getByRole('group', { name: 'Pool actions' }).getByRole('button', { name: 'Rename' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rename pool' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Renamed by an operator');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog.getByRole('alert', { name: 'The pool was not renamed' })).toContainText(/Read Only Operator can only view them/);
      // Said once: the failure explains it, no second notice beside it.
      await expect(dialog.getByText(/Read Only Operator can only view them/)).toHaveCount(1);
      await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Renamed by an operator');
      await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      const actions = page.getByRole('group', { name: 'Pool actions' });
      await expect(actions.getByRole('button', { name: 'Rename' })).toBeDisabled();
      await expect(actions.getByRole('button', { name: 'Delete' })).toBeDisabled();
      await expect(actions.getByRole('button', { name: 'Rename' })).toHaveAccessibleDescription(/Read Only Operator can only view them/);
      await expect(page.getByText('Intune refused a change', { exact: true })).toHaveCount(1);
      expect((await graph.pools()).find((p) => p.id === pool.id)?.displayName).toBe(pool.displayName);
    },
  },
]);
