/** A pool's group assignments (edit, review, save), bulk assign from the list, the overview, read-only access. */
import { expect, test, type Locator, type Page, type SignedInApp } from './fixtures.ts';
import { blockPrefix, carrierFile, codes, createBody } from '../src/testing/carrier-csv.ts';
import { AssignmentEditor } from './pages/assignment-editor.ts';
import { BulkAssign } from './pages/bulk-assign.ts';
import { EXCLUSION, GROUP, POOLS, type Assignment, type GraphState, type PoolRow } from './pages/graph-state.ts';
import { expectNoAxeViolations, type EmulatorControl } from './support.ts';

interface Group {
  id: string;
  displayName: string;
}

test.use({ user: 'admin' });

/** A group of the seed, by name. */
async function groupNamed(graph: GraphState, name: string): Promise<Group> {
  return { id: await graph.groupId(name), displayName: name };
}

function section(page: Page): Locator {
  return new AssignmentEditor(page).section;
}

/** Writes to pools in the emulator's request log (no reads, no CORS preflights, no directory lookups). */
async function poolWrites(emulator: EmulatorControl, poolId?: string): Promise<string[]> {
  return (await emulator.requests())
    .filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS' && r.path.includes('embeddedSIMActivationCodePools'))
    .map((r) => `${r.method} ${r.path.replace(/^\/beta/, '').replace(poolId ?? '\0', '{id}')} ${r.status}`);
}

test('adds an included and an excluded group by keyboard, shows the diff, saves with assign, and the reload shows them', async ({ page, app, emulator, graph }) => {
  const editor = new AssignmentEditor(page);
  const pool = await graph.unassignedPool();
  await app.open(`/pools/${pool.id}`);
  const assignments = section(page);
  await expect(assignments.getByRole('heading', { level: 2, name: 'Assignments' })).toBeVisible();
  await expect(assignments.getByText('No group is included')).toBeVisible();

  await editor.edit();
  await editor.pickGroup('Included groups', 'field eng', 'Field engineers EMEA');
  await editor.pickGroup('Excluded groups', 'contractors', 'Contractors – temporary');
  await expect(assignments.getByText('2 changes')).toBeVisible();

  await editor.review();
  const review = assignments.getByRole('list', { name: 'Changes' });
  await expect(review.getByRole('listitem')).toHaveCount(2);
  await expect(review.getByRole('listitem').filter({ hasText: 'Field engineers EMEA' })).toContainText('Added');
  await expect(review.getByRole('listitem').filter({ hasText: 'Field engineers EMEA' })).toContainText('Included');
  await expect(review.getByRole('listitem').filter({ hasText: 'Contractors – temporary' })).toContainText('Excluded');
  await expect(assignments).toContainText('replaces this pool’s assignments with the 2 targets');

  await emulator.clearRequests();
  await editor.save();
  await expect(assignments.getByRole('table', { name: 'Included groups' })).toContainText('Field engineers EMEA');
  await expect(assignments.getByRole('table', { name: 'Excluded groups' })).toContainText('Contractors – temporary');
  expect(await poolWrites(emulator, pool.id)).toEqual([`POST ${POOLS}/{id}/assign 200`]);

  const saved = await graph.assignmentsOf(pool.id);
  const emea = await groupNamed(graph, 'Field engineers EMEA');
  const contractors = await groupNamed(graph, 'Contractors – temporary');
  expect(saved.map((a) => [a.target['@odata.type'], a.target.groupId]).sort()).toEqual(
    [
      [GROUP, emea.id],
      [EXCLUSION, contractors.id],
    ].sort(),
  );

  await page.reload();
  await expect(section(page).getByRole('table', { name: 'Included groups' })).toContainText('Field engineers EMEA');
  await expect(section(page).getByRole('table', { name: 'Excluded groups' })).toContainText('Contractors – temporary');
});

test('one added group is a POST, several changes an assign that keeps filters, one moved group a PATCH', async ({ page, app, emulator, graph }) => {
  const editor = new AssignmentEditor(page);
  // The seeded pool whose one include carries an assignment filter.
  let filtered: { pool: PoolRow; assignment: Assignment } | undefined;
  for (const p of await graph.pools()) {
    const a = (await graph.assignmentsOf(p.id)).find((x) => x.target['@odata.type'] === GROUP && x.target.deviceAndAppManagementAssignmentFilterId);
    if (a) {
      filtered = { pool: p, assignment: a };
      break;
    }
  }
  expect(filtered).toBeDefined();
  const { pool, assignment } = filtered!;
  const filterId = assignment.target.deviceAndAppManagementAssignmentFilterId;
  const emea = await groupNamed(graph, 'Field engineers EMEA');
  expect(assignment.target.groupId).toBe(emea.id);

  await app.open(`/pools/${pool.id}`);
  const s = section(page);
  await expect(s.getByRole('table', { name: 'Included groups' })).toContainText('Field engineers EMEA');
  await expect(s.getByRole('table', { name: 'Included groups' })).toContainText(`Include filter ${filterId}`);

  // One added group → POST /assignments
  await editor.edit();
  await editor.pickGroup('Included groups', 'kiosks mun', 'Kiosks – Munich');
  await editor.review();
  await expect(s).toContainText('Saving adds one assignment');
  await emulator.clearRequests();
  await editor.save();
  await expect(s.getByRole('table', { name: 'Included groups' })).toContainText('Kiosks – Munich');
  expect(await poolWrites(emulator, pool.id)).toEqual([`POST ${POOLS}/{id}/assignments 201`]);

  // Two changes → assign with the full set; the filter on the untouched group is preserved
  await editor.edit();
  await editor.pickGroup('Included groups', 'kiosks lon', 'Kiosks – London');
  await editor.pickGroup('Excluded groups', 'loaner', 'Loaner laptops');
  await editor.review();
  await emulator.clearRequests();
  await editor.save();
  await expect(s.getByRole('table', { name: 'Excluded groups' })).toContainText('Loaner laptops');
  expect(await poolWrites(emulator, pool.id)).toEqual([`POST ${POOLS}/{id}/assign 200`]);
  const afterAssign = (await graph.assignmentsOf(pool.id)).find((a) => a.target.groupId === emea.id);
  expect(afterAssign?.target.deviceAndAppManagementAssignmentFilterId).toBe(filterId);

  // One moved group (chosen in the other picker) → PATCH of its assignment; an exclusion cannot keep the filter
  await editor.edit();
  await editor.pickGroup('Excluded groups', 'field engineers em', 'Field engineers EMEA');
  await expect(s.getByRole('listbox', { name: 'Included groups: chosen' })).not.toContainText('Field engineers EMEA');
  await editor.review();
  await expect(s.getByRole('list', { name: 'Changes' })).toContainText('Moved: Field engineers EMEA from included to excluded');
  await expect(s.getByRole('list', { name: 'Changes' })).toContainText('Its assignment filter is removed');
  await expect(s).toContainText('Saving changes one assignment');
  await emulator.clearRequests();
  await editor.save();
  await expect(s.getByRole('table', { name: 'Excluded groups' })).toContainText('Field engineers EMEA');
  const moved = (await graph.assignmentsOf(pool.id)).find((a) => a.target.groupId === emea.id);
  expect(await poolWrites(emulator, pool.id)).toEqual([`PATCH ${POOLS}/{id}/assignments/${moved?.id} 200`]);
  expect(moved?.target['@odata.type']).toBe(EXCLUSION);
});

test('warns about conflicts before saving and says what each means', async ({ page, app, graph }) => {
  const editor = new AssignmentEditor(page);
  const pool = await graph.unassignedPool();
  await app.open(`/pools/${pool.id}`);
  const s = section(page);
  await editor.edit();

  // An exclusion with nothing included
  await editor.pickGroup('Excluded groups', 'loaner', 'Loaner laptops');
  await expect(s.getByText('1 change · 1 warning')).toBeVisible();
  await editor.review();
  await expect(s.getByText('Exclusions without anything included')).toBeVisible();
  await expect(s).toContainText('this pool will not be assigned to any device');

  // All devices plus exclusions
  await s.getByRole('button', { name: 'Back to editing' }).click();
  await s.getByRole('checkbox', { name: 'Include all devices' }).check();
  await editor.review();
  await expect(s.getByText('Exclusions without anything included')).toHaveCount(0);
  await expect(s.getByText('All devices with excluded groups')).toBeVisible();
  await expect(s).toContainText('evaluates the exclusion on each device');
  await expectNoAxeViolations(page);
});

test('a group id that no longer resolves is shown as Unknown group (id), without breaking the page', async ({ page, app, emulator, graph }) => {
  const pool = await graph.unassignedPool();
  const kiosks = await groupNamed(graph, 'Kiosks – Berlin');
  const hr = await groupNamed(graph, 'HR devices');
  await emulator.graph('POST', `${POOLS}/${pool.id}/assign`, {
    assignments: [{ target: { '@odata.type': GROUP, groupId: kiosks.id } }, { target: { '@odata.type': EXCLUSION, groupId: hr.id } }],
  });
  // The directory no longer knows HR devices (deleted after it was assigned): getByIds leaves it out.
  await page.route('**/beta/directoryObjects/getByIds', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { value: Group[] };
    await route.fulfill({ response, json: { ...body, value: body.value.filter((g) => g.id !== hr.id) } });
  });
  await app.open(`/pools/${pool.id}`);
  await expect(section(page).getByRole('table', { name: 'Included groups' })).toContainText('Kiosks – Berlin');
  await expect(section(page).getByRole('table', { name: 'Excluded groups' })).toContainText(`Unknown group (${hr.id})`);
});

test('a failed save says what failed and shows the pool as Graph has it', async ({ page, app, emulator, graph }) => {
  const editor = new AssignmentEditor(page);
  const pool = await graph.unassignedPool();
  await app.open(`/pools/${pool.id}`);
  const s = section(page);
  await editor.edit();
  await editor.pickGroup('Included groups', 'executives', 'Executives');
  await editor.pickGroup('Included groups', 'hr', 'HR devices');
  await editor.review();
  // Graph applies the assign, then the answer is lost in a 500: an ambiguous failure.
  await emulator.fault({ method: 'POST', pathRegex: '/assign$', count: 1, status: 500, processed: true });
  await editor.save();
  const alert = s.getByRole('alert').filter({ hasText: 'Assignments were not saved' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Replacing the pool’s assignments failed.');
  // Refetched: the service did apply it, so nothing is left to save.
  await expect(s.getByText('No changes left to save.')).toBeVisible();
  await expect(s.getByRole('button', { name: 'Save' })).toBeDisabled();
});

// ---------------------------------------------------------------- bulk

/** `count` new pools "E2E bulk 01"… of three codes each, created outside the UI. */
async function createBulkPools(emulator: EmulatorControl, count: number): Promise<PoolRow[]> {
  const created: PoolRow[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    created.push(await emulator.graph<PoolRow>('POST', POOLS, createBody(`E2E bulk ${n}`, carrierFile(`bulk-${n}.csv`, `smdp${n}.e2e-bulk.example`, codes(3, { prefix: blockPrefix(700 + i), from: 0 })))));
  }
  return created;
}

test('bulk-assigns one set to 20 selected pools under throttling, and every pool gets it', async ({ page, app, emulator, graph }) => {
  test.setTimeout(180_000);
  const bulk = new BulkAssign(page);
  const created = await createBulkPools(emulator, 20);
  const pilot = await groupNamed(graph, 'Pilot – eSIM wave 2');
  const excluded = await groupNamed(graph, 'eSIM – excluded devices');
  // One pool already has a group: "add" must keep it.
  const keep = await groupNamed(graph, 'Marketing laptops');
  await emulator.graph('POST', `${POOLS}/${created[0]!.id}/assignments`, { target: { '@odata.type': GROUP, groupId: keep.id } });

  await app.open('/pools');
  await page.getByRole('searchbox', { name: 'Filter pools by name' }).fill('E2E bulk');
  const table = page.getByRole('table', { name: 'eSIM activation-code pools' });
  await expect(table.getByRole('row')).toHaveCount(21);
  await bulk.select(created);

  await emulator.throttle({ enabled: true, windowMs: 5000, appWrites: 8, tenantWrites: 16, appAll: 1000, tenantAll: 2000 });
  await bulk.open(20);
  const dialog = page.getByRole('dialog', { name: 'Assign groups to 20 pools' });
  // Nothing to add yet: the button is off and says why beside it.
  await expect(dialog.getByRole('button', { name: 'Add to 20 pools' })).toHaveAttribute('aria-disabled', 'true');
  await expect(dialog.getByRole('button', { name: 'Add to 20 pools' })).toHaveAccessibleDescription('Pick a group to include or exclude first.');
  await bulk.pickGroup('Included groups', 'wave 2', 'Pilot – eSIM wave 2', dialog);
  await bulk.pickGroup('Excluded groups', 'excluded devices', 'eSIM – excluded devices', dialog);
  await expect(dialog.getByRole('radio', { name: /Add to their assignments/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add to 20 pools' }).click();

  await expect(dialog.getByText('All 20 pools done.')).toBeVisible({ timeout: 150_000 });
  await expect(dialog.getByRole('table', { name: 'Result per pool' }).getByRole('row').filter({ hasText: /Assigned/ })).toHaveCount(20);
  const log = await emulator.requests();
  expect(log.some((r) => r.status === 429), 'throttling was exercised').toBe(true);

  await emulator.throttle({ enabled: false });
  for (const p of created) {
    const targets = (await graph.assignmentsOf(p.id)).map((a) => `${a.target['@odata.type']} ${a.target.groupId}`);
    expect(targets).toEqual(expect.arrayContaining([`${GROUP} ${pilot.id}`, `${EXCLUSION} ${excluded.id}`]));
  }
  expect((await graph.assignmentsOf(created[0]!.id)).map((a) => a.target.groupId)).toContain(keep.id);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /Assign groups to/ })).toBeHidden();
});

/** The first three pools selected in the list, and the bulk dialog open with Executives picked as an included group. */
async function bulkExecutivesToThreePools(page: Page, app: SignedInApp, graph: GraphState): Promise<{ dialog: Locator; chosen: PoolRow[]; executives: Group }> {
  const bulk = new BulkAssign(page);
  const chosen = (await graph.pools()).slice(0, 3);
  const executives = await groupNamed(graph, 'Executives');
  await app.open('/pools');
  await bulk.select(chosen);
  await bulk.open(3);
  await bulk.pickGroup('Included groups', 'executives', 'Executives');
  return { dialog: bulk.dialog, chosen, executives };
}

test('bulk replace asks for confirmation, lists failures with the reason, and "Retry failed" finishes the job', async ({ page, app, emulator, graph }) => {
  const { dialog, chosen, executives } = await bulkExecutivesToThreePools(page, app, graph);
  await dialog.getByRole('radio', { name: /Replace their assignments/ }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This removes every existing assignment of these pools');

  // The second pool refuses (not transient), the others go through.
  await emulator.fault({ method: 'POST', pathRegex: `${chosen[1]!.id}/assign$`, count: 1, status: 400 });
  await dialog.getByRole('button', { name: 'Replace assignments' }).click();
  const failedRow = dialog.getByRole('row').filter({ hasText: chosen[1]!.displayName });
  await expect(failedRow).toContainText('Failed:');
  await expect(dialog.getByText('2 pools done, 1 pool not: see the reasons below.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Retry failed (1)' }).click();
  await expect(dialog.getByText('All 3 pools done.')).toBeVisible();
  for (const p of chosen) {
    expect((await graph.assignmentsOf(p.id)).map((a) => `${a.target['@odata.type']} ${a.target.groupId}`)).toEqual([`${GROUP} ${executives.id}`]);
  }
});

test('bulk assign pauses when Graph asks to wait longer than the cap, says why, and Resume finishes only the pools not done', async ({ page, app, emulator, graph }) => {
  const { dialog, chosen, executives } = await bulkExecutivesToThreePools(page, app, graph);

  // Ten minutes is above the two-minute cap: the batch pauses instead of waiting unseen.
  await emulator.fault({ method: 'POST', pathRegex: `${chosen[0]!.id}/assign$`, count: 1, status: 429, retryAfterSec: 600 });
  await dialog.getByRole('button', { name: 'Add to 3 pools' }).click();
  await expect(dialog.getByRole('alert', { name: 'Bulk assignment paused' })).toContainText('Microsoft Graph asked to wait 10 min before more requests; the batch is paused');
  await expect(dialog.getByRole('row').filter({ hasText: chosen[0]!.displayName })).toContainText('Paused: not done yet');

  await dialog.getByRole('button', { name: 'Resume (1)' }).click();
  await expect(dialog.getByText('All 3 pools done.')).toBeVisible();
  for (const p of chosen) {
    expect((await graph.assignmentsOf(p.id)).map((a) => `${a.target['@odata.type']} ${a.target.groupId}`)).toContain(`${GROUP} ${executives.id}`);
  }
});

// ---------------------------------------------------------------- read-only, overview, accessibility

test.describe(() => {
  test.use({ user: 'reader' });
  test('a read-only user sees the editor and bulk assign disabled, with the reason', async ({ page, app, graph }) => {
    const [pool] = await graph.pools();
    await app.open(`/pools/${pool!.id}`);
    const s = section(page);
    // The pool page says it once (under its commands); the section's Edit points to that notice.
    await expect(page.getByText(/Your account has read-only access \(DeviceManagementConfiguration\.Read\.All\)/)).toHaveCount(1);
    await expect(s.getByText(/Your account has read-only access/)).toHaveCount(0);
    const edit = s.getByRole('button', { name: 'Edit assignments' });
    await expect(edit).toHaveAttribute('aria-disabled', 'true');
    await expect(edit).toHaveAccessibleDescription(/read-only access \(DeviceManagementConfiguration\.Read\.All\)/);
    await edit.click({ force: true });
    await expect(s.getByRole('combobox', { name: 'Included groups' })).toHaveCount(0);

    await page.goto('/pools');
    await page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('checkbox', { name: `Select ${pool!.displayName}` }).check();
    const bulk = page.getByRole('button', { name: 'Assign groups to 1 pool' });
    await expect(bulk).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText(/Your account has read-only access \(DeviceManagementConfiguration\.Read\.All\)/)).toBeVisible();
  });
});

test('the overview answers "which pools does this group get?" and links to each pool', async ({ page, app, graph }) => {
  const excluded = await groupNamed(graph, 'eSIM – excluded devices');
  const pilot = await groupNamed(graph, 'Pilot – eSIM');
  const including: string[] = [];
  const excluding: string[] = [];
  for (const p of await graph.pools()) {
    const a = await graph.assignmentsOf(p.id);
    if (a.some((x) => x.target.groupId === pilot.id && x.target['@odata.type'] === GROUP)) including.push(p.displayName);
    if (a.some((x) => x.target.groupId === pilot.id && x.target['@odata.type'] === EXCLUSION)) excluding.push(p.displayName);
  }
  expect(including.length).toBeGreaterThan(0);
  expect(excluding.length).toBeGreaterThan(0);

  await app.open('/assignments');
  await expect(page.getByRole('heading', { level: 1, name: 'Assignments' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Pools and their assignments' });
  await expect(table).toContainText(excluded.displayName);

  const combo = page.getByRole('combobox', { name: 'Group' });
  await combo.click();
  await combo.pressSequentially('Pilot – eSIM');
  await page.getByRole('option', { name: /^Pilot – eSIM included/ }).click();
  await expect(page).toHaveURL(new RegExp(`group=${pilot.id}`));
  const chosen = page.getByRole('region', { name: 'Chosen group' });
  await expect(chosen).toContainText(`Included in ${including.length}`);
  await expect(chosen).toContainText(`Excluded from ${excluding.length}`);
  await expect(table.getByRole('row')).toHaveCount(including.length + excluding.length + 1);
  for (const name of including) await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Included');
  for (const name of excluding) await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Excluded');
  await expectNoAxeViolations(page);

  await table.getByRole('link', { name: including[0] }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  await expect(section(page).getByRole('heading', { name: 'Assignments' })).toBeVisible();
});

test('the assignments section has no axe violations, read-only and while editing', async ({ page, app, graph }) => {
  const editor = new AssignmentEditor(page);
  const [pool] = await graph.pools();
  await app.open(`/pools/${pool!.id}`);
  const s = section(page);
  await expect(s.getByRole('button', { name: 'Edit assignments' })).toBeEnabled();
  await expect(s.getByRole('table').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await editor.edit();
  await editor.pickGroup('Included groups', 'legal', 'Legal devices');
  await editor.pickGroup('Included groups', 'finance', 'Finance devices');
  await expectNoAxeViolations(page);
  // Backspace in the empty box selects the last tag, Backspace again removes it (as the hint says).
  const input = s.getByRole('combobox', { name: 'Included groups' });
  await expect(s.getByText(/Backspace again removes it/).first()).toBeVisible();
  await input.press('Backspace');
  await expect(s.getByRole('option', { name: /Finance devices/ })).toBeFocused();
  await page.keyboard.press('Backspace');
  await expect(s.getByRole('listbox', { name: 'Included groups: chosen' })).not.toContainText('Finance devices');
  await expect(s.getByRole('listbox', { name: 'Included groups: chosen' })).toContainText('Legal devices');
  await editor.review();
  await expect(s.getByRole('list', { name: 'Changes' }).getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(page);
});
