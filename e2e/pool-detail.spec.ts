/** A pool's page as the admin (and the read-only consent): properties, rename, delete, device status. */
import { expect, test, type Page, type SignedInApp } from './fixtures.ts';
import { POOLS, type DeviceState, type GraphState, type PoolRow } from './pages/graph-state.ts';
import { PoolDetail } from './pages/pool-detail.ts';
import { PoolsList } from './pages/pools-list.ts';
import { expectNoAxeViolations } from './support.ts';


const GROUP_OF: Record<string, 'Installed' | 'In progress' | 'Failed' | 'Removed'> = {
  installed: 'Installed',
  notEvaluated: 'In progress',
  installing: 'In progress',
  failed: 'Failed',
  error: 'Failed',
  deleting: 'Removed',
  deleted: 'Removed',
  removedByUser: 'Removed',
};

/** The seeded pool whose devices cover the most status groups, with at least one failure. */
async function poolWithDevices(graph: GraphState): Promise<{ pool: PoolRow; states: DeviceState[] }> {
  let best: { pool: PoolRow; states: DeviceState[]; groups: number } | undefined;
  for (const pool of await graph.pools()) {
    const states = await graph.deviceStatesOf(pool.id);
    const groups = new Set(states.map((s) => GROUP_OF[s.state])).size;
    if (!states.some((s) => GROUP_OF[s.state] === 'Failed')) continue;
    if (!best || groups > best.groups || (groups === best.groups && states.length > best.states.length)) best = { pool, states, groups };
  }
  if (!best) throw new Error('the default seed has no pool with failed devices');
  return best;
}

async function poolWithoutDevices(graph: GraphState): Promise<PoolRow> {
  for (const pool of await graph.pools()) if ((await graph.deviceStatesOf(pool.id)).length === 0) return pool;
  throw new Error('the default seed has no pool without devices');
}

const count = (n: number) => n.toLocaleString('en-US');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const poolsTable = (page: Page) => new PoolsList(page).table;
const deviceStatus = (page: Page) => page.getByRole('region', { name: 'Device status' });

/** Signed in as the test's user, from the pools list to the pool's page. */
async function openFromList(app: SignedInApp, page: Page, pool: PoolRow): Promise<void> {
  await app.open('/pools');
  await new PoolDetail(page).openFromList(pool);
}

test.use({ user: 'admin' });

test('opens a seeded pool from the list and shows its properties', async ({ page, app, graph }) => {
  const { pool } = await poolWithDevices(graph);
  await openFromList(app, page, pool);

  const essentials = page.getByRole('region', { name: 'Essentials' });
  await expect(essentials.getByRole('definition').filter({ hasText: pool.id })).toBeVisible();
  await expect(essentials).toContainText(`Activation codes${count(pool.activationCodeCount)}`);
  await expect(essentials).toContainText(`Name${pool.displayName}`);
  await expect(essentials.getByRole('button', { name: 'Copy pool ID' })).toBeVisible();
  await expect(page).toHaveTitle(`${pool.displayName} – eSIM cellular profiles`);

  await new PoolDetail(page).backToList();
  await expect(page.getByRole('heading', { level: 1, name: 'eSIM cellular profiles' })).toBeVisible();
});

test('renames a pool, and the list shows the new name', async ({ page, app, emulator, graph }) => {
  const { pool } = await poolWithDevices(graph);
  const newName = `${pool.displayName} (renamed)`;
  await openFromList(app, page, pool);

  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename pool' });
  const input = dialog.getByRole('textbox', { name: 'Name' });
  await expect(input).toHaveValue(pool.displayName);
  await input.fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Enter a name for the pool.')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  await input.fill(`  ${newName}  `);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  await expect(page.getByRole('listitem', { name: `Pool renamed to “${newName}”` })).toBeVisible();
  const stored = await emulator.graph<PoolRow>('GET', `${POOLS}/${pool.id}?$select=displayName`);
  expect(stored.displayName).toBe(newName);

  await new PoolDetail(page).backToList();
  await expect(poolsTable(page).getByRole('link', { name: newName, exact: true })).toBeVisible();
  await expect(poolsTable(page).getByRole('link', { name: pool.displayName, exact: true })).toHaveCount(0);
});

test('deletes a pool that devices use only after its name is typed, and the list no longer has it', async ({ page, app, emulator, graph }) => {
  const { pool, states } = await poolWithDevices(graph);
  const others = (await graph.pools()).filter((p) => p.id !== pool.id);
  const assignments = await graph.assignmentsOf(pool.id);
  await openFromList(app, page, pool);

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this pool?' });
  await expect(dialog).toContainText(`${count(pool.activationCodeCount)} activation codes.`);
  await expect(dialog).toContainText(`${count(assignments.length)} assignment${assignments.length === 1 ? '' : 's'} to device groups.`);
  await expect(dialog).toContainText(`${count(states.length)} devices use this pool`);
  await expect(dialog).toContainText('removed at their next check-in');
  await expect(dialog).toContainText('carrier may continue to bill');

  const confirm = dialog.getByRole('button', { name: 'Delete' });
  await expect(confirm).toBeDisabled();
  const name = dialog.getByRole('textbox', { name: `Type ${pool.displayName} to confirm` });
  await name.fill(pool.displayName.toUpperCase() === pool.displayName ? 'not the name' : pool.displayName.toUpperCase());
  await expect(confirm).toBeDisabled();
  await name.fill(pool.displayName);
  await confirm.click();

  await expect(page).toHaveURL(/\/pools$/);
  await expect(page.getByRole('listitem', { name: 'Pool deleted' })).toBeVisible();
  await expect(poolsTable(page).getByRole('row')).toHaveCount(others.length + 1);
  await expect(poolsTable(page).getByRole('link', { name: pool.displayName, exact: true })).toHaveCount(0);
  expect((await graph.pools()).map((p) => p.id)).not.toContain(pool.id);
  // Nothing read the deleted pool after the DELETE (no 404s from the console).
  const log = await emulator.requests();
  const deleteAt = log.findIndex((r) => r.method === 'DELETE' && r.path.includes(pool.id));
  expect(deleteAt).toBeGreaterThanOrEqual(0);
  expect(log.slice(deleteAt + 1).filter((r) => r.path.includes(pool.id))).toEqual([]);
});

test('a pool no device uses is deleted without typing its name', async ({ page, app, graph }) => {
  const pool = await poolWithoutDevices(graph);
  await openFromList(app, page, pool);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this pool?' });
  await expect(dialog).toContainText('No device has a profile from this pool.');
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/pools$/);
  await expect(poolsTable(page).getByRole('link', { name: pool.displayName, exact: true })).toHaveCount(0);
});

test('device status shows the counts per group that the emulator has, and filtering by Failed shows only failed and error rows', async ({ page, app, graph }) => {
  const { pool, states } = await poolWithDevices(graph);
  const expected = { Installed: 0, 'In progress': 0, Failed: 0, Removed: 0 };
  for (const s of states) expected[GROUP_OF[s.state]!]++;
  await openFromList(app, page, pool);

  const section = deviceStatus(page);
  const legend = section.getByRole('list', { name: 'Devices by status' });
  for (const [group, n] of Object.entries(expected)) {
    await expect(legend.getByRole('button', { name: new RegExp(`^${group} ${count(n)} devices?, \\d+%$`) })).toBeVisible();
  }
  await expect(section.getByRole('img', { name: /^Device status chart:/ })).toHaveAccessibleName(
    `Device status chart: Installed ${expected.Installed}, In progress ${expected['In progress']}, Failed ${expected.Failed}, Removed ${expected.Removed}, of ${count(states.length)} devices`,
  );
  const table = section.getByRole('table', { name: 'Devices with a profile from this pool' });
  await expect(table).toHaveAttribute('aria-rowcount', String(states.length + 1));

  await section.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: 'Failed' });
  await expect(page).toHaveURL(/status=failed/);
  await expect(table).toHaveAttribute('aria-rowcount', String(expected.Failed + 1));
  await expect(section.getByRole('status')).toHaveText(`${count(expected.Failed)} of ${count(states.length)} devices`);
  // Few enough failures that the virtualised table (a 520 px window + 12 rows overscan) renders all of them.
  expect(expected.Failed).toBeLessThanOrEqual(20);
  const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(expected.Failed);
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell').nth(3)).toHaveText(/^(Failed|Error)$/);
  }
  // Failed rows explain themselves: a plain title with what to do behind the info button.
  await expect(rows.first().getByRole('cell').nth(4)).not.toHaveText('—');

  // The legend button says it is the active filter; pressing it again clears it.
  const failedButton = section.getByRole('button', { name: /^Failed / });
  await expect(failedButton).toHaveAttribute('aria-pressed', 'true');
  await failedButton.click();
  await expect(table).toHaveAttribute('aria-rowcount', String(states.length + 1));
});

test('filters device status by device name', async ({ page, app, graph }) => {
  const { pool, states } = await poolWithDevices(graph);
  const target = states.find((s) => s.deviceName)!.deviceName!;
  const matching = states.filter((s) => s.deviceName?.toLowerCase().includes(target.toLowerCase()));
  await openFromList(app, page, pool);
  const section = deviceStatus(page);
  await section.getByRole('searchbox', { name: 'Filter by device, user or UICC ID' }).fill(target);
  const table = section.getByRole('table', { name: 'Devices with a profile from this pool' });
  await expect(table).toHaveAttribute('aria-rowcount', String(matching.length + 1));
  await expect(table.getByRole('row').nth(1)).toContainText(target);
});

test.describe(() => {
  test.use({ user: 'reader' });
    test('a read-only operator sees rename and delete disabled, with the reason', async ({ page, app, graph }) => {
    const { pool } = await poolWithDevices(graph);
    await openFromList(app, page, pool);
    for (const name of ['Rename', 'Delete'] as const) {
      const button = new PoolDetail(page).action(name);
      await expect(button).toHaveAttribute('aria-disabled', 'true');
      await expect(button).toHaveAccessibleDescription(/read-only access.*DeviceManagementConfiguration\.ReadWrite\.All/);
      await button.click({ force: true });
    }
    // Said once on the page; the assignments section's Edit points to the same notice.
    await expect(page.getByText(/Your account has read-only access \(DeviceManagementConfiguration\.Read\.All\)/)).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Edit assignments' })).toHaveAccessibleDescription(/read-only access.*DeviceManagementConfiguration\.ReadWrite\.All/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    // Reading still works.
    await expect(deviceStatus(page).getByRole('list', { name: 'Devices by status' })).toBeVisible();
  });
});

test('when Intune refuses a rename (a 403 naming no scope), the typed name stays and the console turns read-only for the session', async ({ page, app, emulator, graph }) => {
  const { pool } = await poolWithDevices(graph);
  await openFromList(app, page, pool);
  // The write scope is in the token; Intune's role answers 403 without naming a scope.
  await emulator.fault({ method: 'PATCH', pathRegex: `${escape(pool.id)}$`, count: 1, status: 403 });

  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename pool' });
  const input = dialog.getByRole('textbox', { name: 'Name' });
  await input.fill('Refused name');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The pool was not renamed');
  await expect(dialog.getByRole('alert')).toContainText(/Device configurations.*Policy and Profile Manager/);
  await expect(input).toHaveValue('Refused name');
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  // Said once in the dialog: the failure explains the refusal and describes the disabled Save.
  await expect(save).toHaveAccessibleDescription(/^Your Intune role does not allow changing eSIM pools/);
  await expect(dialog.getByText(/Read Only Operator can only view them/)).toHaveCount(1);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  for (const name of ['Rename', 'Delete'] as const) {
    const button = new PoolDetail(page).action(name);
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription(/Intune refused a change/);
  }
  // Once on the page: under the pool's commands; the assignments section points to it instead of repeating it.
  await expect(page.getByText('Intune refused a change', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Edit assignments' })).toHaveAccessibleDescription(/^Intune refused a change/);
  // For the rest of the session, a reload included.
  await page.reload();
  await expect(new PoolDetail(page).action('Rename')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Edit assignments' })).toHaveAttribute('aria-disabled', 'true');
  expect((await emulator.graph<PoolRow>('GET', `${POOLS}/${pool.id}?$select=displayName`)).displayName).toBe(pool.displayName);
});

test('an unknown pool id shows that the pool no longer exists, with a way back', async ({ page, app }) => {
  await app.open('/pools');
  await page.goto('/pools/00000000-0000-4000-8000-00000000dead');
  await expect(page.getByRole('heading', { level: 1, name: 'This pool no longer exists' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Device status' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to eSIM cellular profiles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'eSIM cellular profiles' })).toBeVisible();
});

test('the pool detail page and its delete dialog have no axe violations (WCAG 2.1 A/AA)', async ({ page, app, graph }) => {
  const { pool } = await poolWithDevices(graph);
  await openFromList(app, page, pool);
  await expect(deviceStatus(page).getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this pool?' });
  await expect(dialog.getByRole('textbox')).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename pool' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename.getByText('Enter a name for the pool.')).toBeVisible();
  await expectNoAxeViolations(page);
});
