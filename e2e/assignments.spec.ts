import { expect, test, type Locator, type Page } from './fixtures.ts';
import { ADMIN, EmulatorControl, READER, expectNoAxeViolations, signIn } from './support.ts';
import { withCheckDigit } from '../src/testing/carrier-csv.ts';

const POOLS = '/deviceManagement/embeddedSIMActivationCodePools';
const GROUP = '#microsoft.graph.groupAssignmentTarget';
const EXCLUSION = '#microsoft.graph.exclusionGroupAssignmentTarget';

interface Pool {
  id: string;
  displayName: string;
}
interface Assignment {
  id: string;
  target: { '@odata.type': string; groupId?: string; deviceAndAppManagementAssignmentFilterId?: string | null };
}
interface Group {
  id: string;
  displayName: string;
}

let emulator: EmulatorControl;

test.beforeAll(async () => {
  emulator = await EmulatorControl.create();
});
test.afterAll(async () => {
  await emulator.dispose();
});
test.beforeEach(async () => {
  await emulator.reset('default');
  await emulator.throttle({ enabled: false });
  await emulator.clearFaults();
});

async function pools(): Promise<Pool[]> {
  const r = await emulator.graph<{ value: Pool[] }>('GET', `${POOLS}?$select=id,displayName&$top=999`);
  return r.value;
}

async function assignmentsOf(poolId: string): Promise<Assignment[]> {
  return (await emulator.graph<{ value: Assignment[] }>('GET', `${POOLS}/${poolId}/assignments`)).value;
}

async function groupNamed(name: string): Promise<Group> {
  const r = await emulator.graph<{ value: Group[] }>('GET', `/groups?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`);
  const g = r.value[0];
  if (!g) throw new Error(`no group ${name}`);
  return g;
}

/** A seeded pool with no assignments at all. */
async function unassignedPool(): Promise<Pool> {
  for (const p of await pools()) {
    if ((await assignmentsOf(p.id)).length === 0) return p;
  }
  throw new Error('the default seed has no unassigned pool');
}

function section(page: Page): Locator {
  return page.getByRole('region', { name: 'Assignments' });
}

/** Keyboard only: type, arrow down to the option, Enter. `scope` holds the picker (the section or the bulk dialog). */
async function pickGroup(page: Page, picker: 'Included groups' | 'Excluded groups', term: string, name: string, scope: Locator = section(page)): Promise<void> {
  const input = scope.getByRole('combobox', { name: picker });
  await input.click();
  await input.pressSequentially(term);
  // The popup list, not the chosen tags (which are options too).
  await expect(input).toHaveAttribute('aria-controls', /.+/);
  const list = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
  const option = list.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(option).toBeVisible();
  const optionId = await option.getAttribute('id');
  // Arrow keys move the active option until it is the one we want.
  for (let i = 0; i < 25 && (await input.getAttribute('aria-activedescendant')) !== optionId; i++) {
    await input.press('ArrowDown');
  }
  await expect(input).toHaveAttribute('aria-activedescendant', optionId!);
  await input.press('Enter');
  await expect(scope.getByRole('listbox', { name: `${picker}: chosen` }).getByRole('option', { name: new RegExp(name) })).toBeVisible();
}

/** Writes to pools in the emulator's request log (no reads, no CORS preflights, no directory lookups). */
async function poolWrites(poolId?: string): Promise<string[]> {
  return (await emulator.requests())
    .filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS' && r.path.includes('embeddedSIMActivationCodePools'))
    .map((r) => `${r.method} ${r.path.replace(/^\/beta/, '').replace(poolId ?? '\0', '{id}')} ${r.status}`);
}

test('adds an included and an excluded group by keyboard, shows the diff, saves with assign, and the reload shows them', async ({ page }) => {
  const pool = await unassignedPool();
  await signIn(page, ADMIN, `/pools/${pool.id}`);
  const assignments = section(page);
  await expect(assignments.getByRole('heading', { level: 2, name: 'Assignments' })).toBeVisible();
  await expect(assignments.getByText('No group is included')).toBeVisible();

  await assignments.getByRole('button', { name: 'Edit assignments' }).click();
  await pickGroup(page, 'Included groups', 'field eng', 'Field engineers EMEA');
  await pickGroup(page, 'Excluded groups', 'contractors', 'Contractors – temporary');
  await expect(assignments.getByText('2 changes')).toBeVisible();

  await assignments.getByRole('button', { name: 'Review changes' }).click();
  const review = assignments.getByRole('list', { name: 'Changes' });
  await expect(review.getByRole('listitem')).toHaveCount(2);
  await expect(review.getByRole('listitem').filter({ hasText: 'Field engineers EMEA' })).toContainText('Added');
  await expect(review.getByRole('listitem').filter({ hasText: 'Field engineers EMEA' })).toContainText('Included');
  await expect(review.getByRole('listitem').filter({ hasText: 'Contractors – temporary' })).toContainText('Excluded');
  await expect(assignments).toContainText('replaces this pool’s assignments with the 2 targets');

  await emulator.clearRequests();
  await assignments.getByRole('button', { name: 'Save' }).click();
  await expect(assignments.getByRole('table', { name: 'Included groups' })).toContainText('Field engineers EMEA');
  await expect(assignments.getByRole('table', { name: 'Excluded groups' })).toContainText('Contractors – temporary');
  expect(await poolWrites(pool.id)).toEqual([`POST ${POOLS}/{id}/assign 200`]);

  const saved = await assignmentsOf(pool.id);
  const emea = await groupNamed('Field engineers EMEA');
  const contractors = await groupNamed('Contractors – temporary');
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

test('one added group is a POST, several changes an assign that keeps filters, one moved group a PATCH', async ({ page }) => {
  // The seeded pool whose one include carries an assignment filter.
  let filtered: { pool: Pool; assignment: Assignment } | undefined;
  for (const p of await pools()) {
    const a = (await assignmentsOf(p.id)).find((x) => x.target['@odata.type'] === GROUP && x.target.deviceAndAppManagementAssignmentFilterId);
    if (a) {
      filtered = { pool: p, assignment: a };
      break;
    }
  }
  expect(filtered).toBeDefined();
  const { pool, assignment } = filtered!;
  const filterId = assignment.target.deviceAndAppManagementAssignmentFilterId;
  const emea = await groupNamed('Field engineers EMEA');
  expect(assignment.target.groupId).toBe(emea.id);

  await signIn(page, ADMIN, `/pools/${pool.id}`);
  const s = section(page);
  await expect(s.getByRole('table', { name: 'Included groups' })).toContainText('Field engineers EMEA');
  await expect(s.getByRole('table', { name: 'Included groups' })).toContainText(`Include filter ${filterId}`);

  // One added group → POST /assignments
  await s.getByRole('button', { name: 'Edit assignments' }).click();
  await pickGroup(page, 'Included groups', 'kiosks mun', 'Kiosks – Munich');
  await s.getByRole('button', { name: 'Review changes' }).click();
  await expect(s).toContainText('Saving adds one assignment');
  await emulator.clearRequests();
  await s.getByRole('button', { name: 'Save' }).click();
  await expect(s.getByRole('table', { name: 'Included groups' })).toContainText('Kiosks – Munich');
  expect(await poolWrites(pool.id)).toEqual([`POST ${POOLS}/{id}/assignments 201`]);

  // Two changes → assign with the full set; the filter on the untouched group is preserved
  await s.getByRole('button', { name: 'Edit assignments' }).click();
  await pickGroup(page, 'Included groups', 'kiosks lon', 'Kiosks – London');
  await pickGroup(page, 'Excluded groups', 'loaner', 'Loaner laptops');
  await s.getByRole('button', { name: 'Review changes' }).click();
  await emulator.clearRequests();
  await s.getByRole('button', { name: 'Save' }).click();
  await expect(s.getByRole('table', { name: 'Excluded groups' })).toContainText('Loaner laptops');
  expect(await poolWrites(pool.id)).toEqual([`POST ${POOLS}/{id}/assign 200`]);
  const afterAssign = (await assignmentsOf(pool.id)).find((a) => a.target.groupId === emea.id);
  expect(afterAssign?.target.deviceAndAppManagementAssignmentFilterId).toBe(filterId);

  // One moved group (chosen in the other picker) → PATCH of its assignment; an exclusion cannot keep the filter
  await s.getByRole('button', { name: 'Edit assignments' }).click();
  await pickGroup(page, 'Excluded groups', 'field engineers em', 'Field engineers EMEA');
  await expect(s.getByRole('listbox', { name: 'Included groups: chosen' })).not.toContainText('Field engineers EMEA');
  await s.getByRole('button', { name: 'Review changes' }).click();
  await expect(s.getByRole('list', { name: 'Changes' })).toContainText('Moved: Field engineers EMEA from included to excluded');
  await expect(s.getByRole('list', { name: 'Changes' })).toContainText('Its assignment filter is removed');
  await expect(s).toContainText('Saving changes one assignment');
  await emulator.clearRequests();
  await s.getByRole('button', { name: 'Save' }).click();
  await expect(s.getByRole('table', { name: 'Excluded groups' })).toContainText('Field engineers EMEA');
  const moved = (await assignmentsOf(pool.id)).find((a) => a.target.groupId === emea.id);
  expect(await poolWrites(pool.id)).toEqual([`PATCH ${POOLS}/{id}/assignments/${moved?.id} 200`]);
  expect(moved?.target['@odata.type']).toBe(EXCLUSION);
});

test('warns about conflicts before saving and says what each means', async ({ page }) => {
  const pool = await unassignedPool();
  await signIn(page, ADMIN, `/pools/${pool.id}`);
  const s = section(page);
  await s.getByRole('button', { name: 'Edit assignments' }).click();

  // An exclusion with nothing included
  await pickGroup(page, 'Excluded groups', 'loaner', 'Loaner laptops');
  await expect(s.getByText('1 change · 1 warning')).toBeVisible();
  await s.getByRole('button', { name: 'Review changes' }).click();
  await expect(s.getByText('Exclusions without anything included')).toBeVisible();
  await expect(s).toContainText('this pool will not be assigned to any device');

  // All devices plus exclusions
  await s.getByRole('button', { name: 'Back to editing' }).click();
  await s.getByRole('checkbox', { name: 'Include all devices' }).check();
  await s.getByRole('button', { name: 'Review changes' }).click();
  await expect(s.getByText('Exclusions without anything included')).toHaveCount(0);
  await expect(s.getByText('All devices with excluded groups')).toBeVisible();
  await expect(s).toContainText('evaluates the exclusion on each device');
  await expectNoAxeViolations(page);
});

test('a group id that no longer resolves is shown as Unknown group (id), without breaking the page', async ({ page }) => {
  const pool = await unassignedPool();
  const kiosks = await groupNamed('Kiosks – Berlin');
  const hr = await groupNamed('HR devices');
  await emulator.graph('POST', `${POOLS}/${pool.id}/assign`, {
    assignments: [{ target: { '@odata.type': GROUP, groupId: kiosks.id } }, { target: { '@odata.type': EXCLUSION, groupId: hr.id } }],
  });
  // The directory no longer knows HR devices (deleted after it was assigned): getByIds leaves it out.
  await page.route('**/beta/directoryObjects/getByIds', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { value: Group[] };
    await route.fulfill({ response, json: { ...body, value: body.value.filter((g) => g.id !== hr.id) } });
  });
  await signIn(page, ADMIN, `/pools/${pool.id}`);
  await expect(section(page).getByRole('table', { name: 'Included groups' })).toContainText('Kiosks – Berlin');
  await expect(section(page).getByRole('table', { name: 'Excluded groups' })).toContainText(`Unknown group (${hr.id})`);
});

test('a failed save says what failed and shows the pool as Graph has it', async ({ page }) => {
  const pool = await unassignedPool();
  await signIn(page, ADMIN, `/pools/${pool.id}`);
  const s = section(page);
  await s.getByRole('button', { name: 'Edit assignments' }).click();
  await pickGroup(page, 'Included groups', 'executives', 'Executives');
  await pickGroup(page, 'Included groups', 'hr', 'HR devices');
  await s.getByRole('button', { name: 'Review changes' }).click();
  // Graph applies the assign, then the answer is lost in a 500: an ambiguous failure.
  await emulator.fault({ method: 'POST', pathRegex: '/assign$', count: 1, status: 500, processed: true });
  await s.getByRole('button', { name: 'Save' }).click();
  const alert = s.getByRole('alert').filter({ hasText: 'Assignments were not saved' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Replacing the pool’s assignments failed.');
  // Refetched: the service did apply it, so nothing is left to save.
  await expect(s.getByText('No changes left to save.')).toBeVisible();
  await expect(s.getByRole('button', { name: 'Save' })).toBeDisabled();
});

// ---------------------------------------------------------------- bulk

async function createBulkPools(count: number): Promise<Pool[]> {
  const created: Pool[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const host = `smdp${n}.e2e-bulk.example`;
    const activationCodes = Array.from({ length: 3 }, (_, j) => {
      const body = `8949${String(700 + i).padStart(4, '0')}${String(j).padStart(10, '0')}`; // 18 digits + 1 check = 19
      return { integratedCircuitCardIdentifier: withCheckDigit(body), matchingIdentifier: `E2E-${n}-${j}`, smdpPlusServerAddress: host };
    });
    created.push(await emulator.graph<Pool>('POST', POOLS, { displayName: `E2E bulk ${n}`, activationCodes }));
  }
  return created;
}

test('bulk-assigns one set to 20 selected pools under throttling, and every pool gets it', async ({ page }) => {
  test.setTimeout(180_000);
  const bulk = await createBulkPools(20);
  const pilot = await groupNamed('Pilot – eSIM wave 2');
  const excluded = await groupNamed('eSIM – excluded devices');
  // One pool already has a group: "add" must keep it.
  const keep = await groupNamed('Marketing laptops');
  await emulator.graph('POST', `${POOLS}/${bulk[0]!.id}/assignments`, { target: { '@odata.type': GROUP, groupId: keep.id } });

  await signIn(page, ADMIN, '/pools');
  await page.getByRole('searchbox', { name: 'Filter pools by name' }).fill('E2E bulk');
  const table = page.getByRole('table', { name: 'eSIM activation-code pools' });
  await expect(table.getByRole('row')).toHaveCount(21);
  for (const p of bulk) await table.getByRole('checkbox', { name: `Select ${p.displayName}` }).check();

  await emulator.throttle({ enabled: true, windowMs: 5000, appWrites: 8, tenantWrites: 16, appAll: 1000, tenantAll: 2000 });
  await page.getByRole('button', { name: 'Assign groups to 20 pools' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign groups to 20 pools' });
  await pickGroup(page, 'Included groups', 'wave 2', 'Pilot – eSIM wave 2', dialog);
  await pickGroup(page, 'Excluded groups', 'excluded devices', 'eSIM – excluded devices', dialog);
  await expect(dialog.getByRole('radio', { name: /Add to their assignments/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add to 20 pools' }).click();

  await expect(dialog.getByText('All 20 pools done.')).toBeVisible({ timeout: 150_000 });
  await expect(dialog.getByRole('table', { name: 'Result per pool' }).getByRole('row').filter({ hasText: /Assigned/ })).toHaveCount(20);
  const log = await emulator.requests();
  expect(log.some((r) => r.status === 429), 'throttling was exercised').toBe(true);

  await emulator.throttle({ enabled: false });
  for (const p of bulk) {
    const targets = (await assignmentsOf(p.id)).map((a) => `${a.target['@odata.type']} ${a.target.groupId}`);
    expect(targets).toEqual(expect.arrayContaining([`${GROUP} ${pilot.id}`, `${EXCLUSION} ${excluded.id}`]));
  }
  expect((await assignmentsOf(bulk[0]!.id)).map((a) => a.target.groupId)).toContain(keep.id);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /Assign groups to/ })).toBeHidden();
});

test('bulk replace asks for confirmation, lists failures with the reason, and "Retry failed" finishes the job', async ({ page }) => {
  const all = await pools();
  const chosen = all.slice(0, 3);
  const executives = await groupNamed('Executives');
  await signIn(page, ADMIN, '/pools');
  const table = page.getByRole('table', { name: 'eSIM activation-code pools' });
  for (const p of chosen) await table.getByRole('checkbox', { name: `Select ${p.displayName}` }).check();
  await page.getByRole('button', { name: 'Assign groups to 3 pools' }).click();
  const dialog = page.getByRole('dialog');
  await pickGroup(page, 'Included groups', 'executives', 'Executives', dialog);
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
    expect((await assignmentsOf(p.id)).map((a) => `${a.target['@odata.type']} ${a.target.groupId}`)).toEqual([`${GROUP} ${executives.id}`]);
  }
});

test('bulk assign pauses when Graph asks to wait longer than the cap, says why, and Resume finishes only the pools not done', async ({ page }) => {
  const all = await pools();
  const chosen = all.slice(0, 3);
  const executives = await groupNamed('Executives');
  await signIn(page, ADMIN, '/pools');
  const table = page.getByRole('table', { name: 'eSIM activation-code pools' });
  for (const p of chosen) await table.getByRole('checkbox', { name: `Select ${p.displayName}` }).check();
  await page.getByRole('button', { name: 'Assign groups to 3 pools' }).click();
  const dialog = page.getByRole('dialog');
  await pickGroup(page, 'Included groups', 'executives', 'Executives', dialog);

  // Ten minutes is above the two-minute cap: the batch pauses instead of waiting unseen.
  await emulator.fault({ method: 'POST', pathRegex: `${chosen[0]!.id}/assign$`, count: 1, status: 429, retryAfterSec: 600 });
  await dialog.getByRole('button', { name: 'Add to 3 pools' }).click();
  await expect(dialog.getByRole('alert', { name: 'Bulk assignment paused' })).toContainText('Microsoft Graph asked to wait 10 min before more requests; the batch is paused');
  await expect(dialog.getByRole('row').filter({ hasText: chosen[0]!.displayName })).toContainText('Paused: not done yet');

  await dialog.getByRole('button', { name: 'Resume (1)' }).click();
  await expect(dialog.getByText('All 3 pools done.')).toBeVisible();
  for (const p of chosen) {
    expect((await assignmentsOf(p.id)).map((a) => `${a.target['@odata.type']} ${a.target.groupId}`)).toContain(`${GROUP} ${executives.id}`);
  }
});

// ---------------------------------------------------------------- read-only, overview, accessibility

test('a read-only user sees the editor and bulk assign disabled, with the reason', async ({ page }) => {
  const [pool] = await pools();
  await signIn(page, READER, `/pools/${pool!.id}`);
  const s = section(page);
  await expect(s.getByText(/Your account has read-only access \(DeviceManagementConfiguration\.Read\.All\)/)).toBeVisible();
  const edit = s.getByRole('button', { name: 'Edit assignments' });
  await expect(edit).toHaveAttribute('aria-disabled', 'true');
  await expect(edit).toHaveAccessibleDescription(/read-only access/);
  await edit.click({ force: true });
  await expect(s.getByRole('combobox', { name: 'Included groups' })).toHaveCount(0);

  await page.goto('/pools');
  await page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('checkbox', { name: `Select ${pool!.displayName}` }).check();
  const bulk = page.getByRole('button', { name: 'Assign groups to 1 pool' });
  await expect(bulk).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText(/Your account has read-only access \(DeviceManagementConfiguration\.Read\.All\)/)).toBeVisible();
});

test('the overview answers "which pools does this group get?" and links to each pool', async ({ page }) => {
  const excluded = await groupNamed('eSIM – excluded devices');
  const pilot = await groupNamed('Pilot – eSIM');
  const including: string[] = [];
  const excluding: string[] = [];
  for (const p of await pools()) {
    const a = await assignmentsOf(p.id);
    if (a.some((x) => x.target.groupId === pilot.id && x.target['@odata.type'] === GROUP)) including.push(p.displayName);
    if (a.some((x) => x.target.groupId === pilot.id && x.target['@odata.type'] === EXCLUSION)) excluding.push(p.displayName);
  }
  expect(including.length).toBeGreaterThan(0);
  expect(excluding.length).toBeGreaterThan(0);

  await signIn(page, ADMIN, '/assignments');
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

test('the assignments section has no axe violations, read-only and while editing', async ({ page }) => {
  const [pool] = await pools();
  await signIn(page, ADMIN, `/pools/${pool!.id}`);
  const s = section(page);
  await expect(s.getByRole('button', { name: 'Edit assignments' })).toBeEnabled();
  await expect(s.getByRole('table').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await s.getByRole('button', { name: 'Edit assignments' }).click();
  await pickGroup(page, 'Included groups', 'legal', 'Legal devices');
  await pickGroup(page, 'Included groups', 'finance', 'Finance devices');
  await expectNoAxeViolations(page);
  // Backspace in the empty box selects the last tag, Backspace again removes it (as the hint says).
  const input = s.getByRole('combobox', { name: 'Included groups' });
  await expect(s.getByText(/Backspace again removes it/).first()).toBeVisible();
  await input.press('Backspace');
  await expect(s.getByRole('option', { name: /Finance devices/ })).toBeFocused();
  await page.keyboard.press('Backspace');
  await expect(s.getByRole('listbox', { name: 'Included groups: chosen' })).not.toContainText('Finance devices');
  await expect(s.getByRole('listbox', { name: 'Included groups: chosen' })).toContainText('Legal devices');
  await s.getByRole('button', { name: 'Review changes' }).click();
  await expect(s.getByRole('list', { name: 'Changes' }).getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(page);
});
