/** Uploading carrier CSV files: checks by line, throttling, lost responses, resume after a reload, replace, read-only, cancel. */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page, type SignedInApp } from './fixtures.ts';
import { badLuhnIccid, blockPrefix, carrierFile, codes, createBody, iccid } from '../src/testing/carrier-csv.ts';
import { POOLS, type PoolRow } from './pages/graph-state.ts';
import { UploadPage } from './pages/upload-page.ts';
import { expectNoAxeViolations, type EmulatorControl } from './support.ts';

async function successfulCreates(emulator: EmulatorControl): Promise<number> {
  const log = await emulator.requests();
  return log.filter((e) => e.method === 'POST' && /embeddedSIMActivationCodePools(\?|$)/.test(e.path) && e.status === 201).length;
}

/** The upload page, signed in as the test's user. */
async function openUpload(app: SignedInApp, page: Page): Promise<UploadPage> {
  await app.open('/upload');
  const upload = new UploadPage(page);
  await upload.expectOpen();
  return upload;
}

test.use({ user: 'admin' });

// ---------------------------------------------------------------- tests

test('drops valid, invalid and warning files; shows errors by line; removing the bad file and confirming the warning lets the pools upload', async ({ page, app, graph }) => {
  const upload = await openUpload(app, page);
  await expectNoAxeViolations(page);

  const good = carrierFile('alpha-2026.csv', 'smdp.alpha-mobile.example.com', codes(12, { prefix: blockPrefix(1), from: 0 }));
  const bad = carrierFile('broken.csv', 'rsp.broken-carrier.example.net', codes(3, { prefix: blockPrefix(2), from: 0 }), ['12345,ABCD-EFGH', `${iccid(9, blockPrefix(2))},`]);
  const luhnBad = badLuhnIccid(4, blockPrefix(3));
  const warn = carrierFile('beta.csv', 'smdp.beta-telecom.example.org', [...codes(4, { prefix: blockPrefix(3), from: 0 }), { iccid: luhnBad, matchingId: 'WARN-0001-AAAA' }]);
  await upload.drop([good, bad, warn]);

  // Errors against the right file, with line numbers.
  const brokenCard = upload.card('rsp.broken-carrier.example.net');
  await expect(brokenCard.getByTestId('pool-status')).toHaveText('Has errors');
  const problems = brokenCard.getByRole('table', { name: 'Problems in broken.csv' });
  await expect(problems.getByRole('row').filter({ hasText: /^5/ })).toContainText('ICCID');
  await expect(problems.getByRole('row').filter({ hasText: /^6/ })).toContainText('Error');
  const warnCard = upload.card('smdp.beta-telecom.example.org');
  await expect(warnCard.getByTestId('pool-status')).toHaveText('Confirm warnings');
  await expect(warnCard.getByRole('table', { name: 'Problems in beta.csv' }).getByRole('row').filter({ hasText: /^6/ })).toContainText('Warning');
  // Preview: ICCID and masked matching id, never the matching id itself.
  const preview = upload.card('smdp.alpha-mobile.example.com').getByRole('table', { name: 'First rows of alpha-2026.csv' });
  await expect(preview.getByRole('row').nth(1)).toContainText(iccid(0, blockPrefix(1)));
  await expect(preview).not.toContainText(codes(1, { prefix: blockPrefix(1), from: 0 })[0]!.matchingId);
  await expect(upload.uploadButton).toBeDisabled();
  await expect(page.getByTestId('upload-blockers')).toContainText('cannot be uploaded yet');

  await expectNoAxeViolations(page);
  if (process.env['DOCS_SCREENSHOTS']) {
    // DOCS_SCREENSHOTS=1 npx playwright test e2e/upload.spec.ts refreshes README's picture.
    mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: 'docs/upload.png', fullPage: true });
  }

  await brokenCard.getByRole('button', { name: 'Remove broken.csv' }).click();
  await expect(brokenCard).toHaveCount(0);
  await expect(upload.uploadButton).toBeDisabled();
  await warnCard.getByRole('checkbox', { name: /I have reviewed the 1 warning in beta\.csv/ }).check();
  await expect(upload.uploadButton).toHaveText('Upload 2 pools');
  await upload.uploadButton.click();

  await expect(page.getByText('Upload complete')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Upload finished. 2 of 2 pools created.' })).toBeAttached();
  const progress = page.getByRole('table', { name: 'Upload progress by pool' });
  await expect(progress.getByRole('link', { name: 'alpha-mobile' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The pools list shows the new pools with their counts.
  await page.getByRole('link', { name: 'pools list' }).click();
  const table = page.getByRole('table', { name: 'eSIM activation-code pools' });
  await expect(table.getByRole('row').filter({ hasText: 'alpha-mobile' })).toContainText('12');
  await expect(table.getByRole('row').filter({ hasText: 'beta-telecom' })).toContainText('5');
  expect((await graph.poolsNamed('alpha-mobile')).map((p) => p.activationCodeCount)).toEqual([12]);
  expect((await graph.poolsNamed('beta-telecom')).map((p) => p.activationCodeCount)).toEqual([5]);
});

test('uploads 30 files under Intune throttling: all 30 created, none twice', async ({ page, app, emulator, graph }) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const upload = await openUpload(app, page);
  const since = await page.evaluate(() => performance.now());
  const files = Array.from({ length: 30 }, (_, i) => carrierFile(`carrier-${i + 1}.csv`, `smdp.throttle-${String(i + 1).padStart(2, '0')}.example.com`, codes(40, { prefix: blockPrefix(100 + i), from: 0 })));
  // The file picker path (keyboard users) rather than a drop.
  await upload.fileInput.setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.content) })));
  await expect(upload.uploadButton).toHaveText('Upload 30 pools', { timeout: 30_000 });
  await expect(upload.uploadButton).toBeEnabled();

  await emulator.clearRequests();
  await emulator.throttle({ enabled: true, windowMs: 5000, appWrites: 10, tenantWrites: 20, appAll: 1000, tenantAll: 2000 });
  await upload.uploadButton.click();
  await expect(page.getByText('Upload complete')).toBeVisible({ timeout: 200_000 });
  await expect(page.getByText('30 of 30 pools created.').first()).toBeVisible();

  const longTasks = await page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((e) => e.start >= t), since);
  console.log('long tasks while validating and uploading 30 files:', JSON.stringify(longTasks.map((e) => Math.round(e.duration))));

  const log = await emulator.requests();
  expect(log.some((e) => e.status === 429), 'the emulator throttled the upload').toBe(true);
  expect(await successfulCreates(emulator)).toBe(30);
  const created = (await graph.pools()).filter((p) => p.displayName.startsWith('throttle-'));
  expect(created).toHaveLength(30);
  expect(new Set(created.map((p) => p.displayName)).size).toBe(30);
  expect(created.every((p) => p.activationCodeCount === 40)).toBe(true);
});

test('a connection dropped after the service created the pool: found by name, not created again', async ({ page, app, emulator, graph }) => {
  const upload = await openUpload(app, page);
  await upload.drop([carrierFile('gamma.csv', 'smdp.gamma-wireless.example.com', codes(20, { prefix: blockPrefix(7), from: 0 }))]);
  await expect(upload.uploadButton).toBeEnabled();
  await emulator.clearRequests();
  await emulator.fault({ method: 'POST', pathRegex: 'embeddedSIMActivationCodePools$', count: 1, drop: 'after' });
  await upload.uploadButton.click();
  await expect(page.getByText('Upload complete')).toBeVisible({ timeout: 30_000 });
  const row = page.getByRole('table', { name: 'Upload progress by pool' }).getByRole('row').filter({ hasText: 'gamma-wireless' });
  await expect(row).toContainText('Created by this upload (found again after a lost response)');
  const pools = await graph.poolsNamed('gamma-wireless');
  expect(pools.map((p) => p.activationCodeCount)).toEqual([20]);
  const log = await emulator.requests();
  const posts = log.filter((e) => e.method === 'POST' && /embeddedSIMActivationCodePools(\?|$)/.test(e.path));
  expect(posts, 'one create only: the lost response led to a re-list, not a second POST').toHaveLength(1);
  expect(log.some((e) => e.method === 'GET' && /embeddedSIMActivationCodePools\?/.test(e.path) && /filter/i.test(e.path))).toBe(true);
});

test('an upload interrupted by a reload is finished by dropping the same files again, creating none twice', async ({ page, app, emulator, graph }) => {
  test.setTimeout(120_000);
  const upload = await openUpload(app, page);
  const files = Array.from({ length: 6 }, (_, i) => carrierFile(`resume-${i + 1}.csv`, `smdp.resume-${i + 1}.example.net`, codes(15, { prefix: blockPrefix(200 + i), from: 0 })));
  await upload.drop(files);
  await expect(upload.uploadButton).toHaveText('Upload 6 pools');
  await emulator.fault({ method: 'POST', pathRegex: 'embeddedSIMActivationCodePools$', count: 6, latencyMs: 2500 });
  await upload.uploadButton.click();
  // The first four (concurrency 4) finish together; the last two are then in flight.
  await expect(page.getByText('4 of 6 pools created.').first()).toBeVisible({ timeout: 20_000 });
  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: 'Upload carrier CSV files' })).toBeVisible();
  const banner = page.getByTestId('resume-banner');
  await expect(banner).toContainText(/An upload was interrupted: [4-6] of 6 pools created\./);
  await expect(banner).toContainText('Drop the same files again to finish it');
  await expectNoAxeViolations(page);

  await upload.drop(files);
  await expect(upload.card('smdp.resume-1.example.net').getByTestId('pool-status')).toHaveText('Created');
  await expect(page.getByRole('button', { name: /^Upload \d remaining pools?$/ })).toBeEnabled();
  await page.getByRole('button', { name: /^Upload \d remaining pools?$/ }).click();
  await expect(page.getByText('Upload complete')).toBeVisible({ timeout: 30_000 });
  await expect(banner).toHaveCount(0);

  for (let i = 1; i <= 6; i++) {
    expect((await graph.poolsNamed(`resume-${i}`)).map((p) => p.activationCodeCount), `resume-${i}`).toEqual([15]);
  }
  // Nothing left to resume after another reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Upload carrier CSV files' })).toBeVisible();
  await expect(page.getByTestId('resume-banner')).toHaveCount(0);
});

test('replace: a same-name pool is detected, the admin chooses to replace it, the old and new files are merged', async ({ page, app, emulator, graph }) => {
  const host = 'smdp.contoso-mobile.example.com';
  const old = codes(25, { prefix: blockPrefix(9), from: 0 });
  const seeded = await emulator.graph<PoolRow>('POST', POOLS, createBody('contoso-mobile', carrierFile('contoso-old.csv', host, old)));
  const upload = await openUpload(app, page);
  // The provider's earlier file and the new one (5 codes in both): one pool of 45 codes.
  await upload.drop([carrierFile('contoso-2025.csv', host, old), carrierFile('contoso-2026.csv', host, codes(25, { prefix: blockPrefix(9), from: 20 }))]);
  const card = upload.card(host);
  await expect(card.getByText('A pool named “contoso-mobile” already exists')).toBeVisible();
  await expect(card.getByTestId('pool-status')).toHaveText('Choose an option');
  // Replace (the likely intent) first; nothing chosen for the admin, so nothing can be sent yet.
  await expect(card.getByRole('radio')).toHaveCount(2);
  await expect(card.getByRole('radio').first()).toHaveAccessibleName(/^Replace “contoso-mobile” with these files/);
  await expect(card.getByRole('radio').nth(1)).toHaveAccessibleName(/^Keep “contoso-mobile” and upload these files as a new pool/);
  await expect(card.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(card).toContainText('5 codes that are in more than one file are uploaded once');
  await expect(upload.uploadButton).toBeDisabled();
  await card.getByRole('radio', { name: /^Replace “contoso-mobile”/ }).check();
  await expect(card.getByRole('textbox', { name: 'Pool name' })).toHaveValue('contoso-mobile');
  await upload.uploadButton.click();

  const dialog = page.getByRole('alertdialog', { name: 'Replace “contoso-mobile”?' });
  await expect(dialog.getByTestId('replace-summary')).toContainText('created with 45 codes');
  await expect(dialog.getByTestId('replace-summary')).toContainText('Old pool “contoso-mobile”: 25 codes');
  await expect(dialog.getByTestId('replace-given')).toHaveText('Given to devices (spent or pending): 0 codes.');
  await expect(dialog).toContainText('only codes the carrier confirms are unused, plus the new ones');
  await expect(dialog).toContainText('not in the new set are gone');
  await expect(dialog).toContainText('“contoso-mobile” has no assignments.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Replace and upload' }).click();

  await expect(page.getByText('Upload complete')).toBeVisible({ timeout: 30_000 });
  const after = await graph.poolsNamed('contoso-mobile');
  expect(after).toHaveLength(1);
  expect(after[0]!.id).not.toBe(seeded.id);
  expect(after[0]!.activationCodeCount).toBe(45);
});

test('replacing a pool that devices use warns with the device count and needs its name typed; cancelling deletes nothing', async ({ page, app, emulator, graph }) => {
  // A seeded pool still named after its host (Intune's default), with devices.
  let target: { pool: PoolRow; devices: number } | undefined;
  for (const p of (await graph.pools()).filter((x) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(x.displayName))) {
    const r = await emulator.graph<{ value: unknown[] }>('GET', `${POOLS}/${p.id}/deviceStates?$select=id&$top=999`);
    if (r.value.length > 0) {
      target = { pool: p, devices: r.value.length };
      break;
    }
  }
  expect(target, 'the default seed has a default-named pool with devices').toBeDefined();
  const { pool, devices } = target!;
  const upload = await openUpload(app, page);
  const host = `smdp.${pool.displayName}.example.com`;
  await upload.drop([carrierFile('next.csv', host, codes(10, { prefix: blockPrefix(11), from: 0 }))]);
  const card = upload.card(host);
  await expect(card.getByTestId('pool-status')).toHaveText('Choose an option');
  await card.getByRole('radio', { name: /^Replace/ }).check();
  await upload.uploadButton.click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`${devices.toLocaleString('en-US')} device${devices === 1 ? ' uses' : 's use'} “${pool.displayName}”`);
  await expect(dialog.getByTestId('replace-given')).toHaveText(`Given to devices (spent or pending): ${devices.toLocaleString('en-US')} code${devices === 1 ? '' : 's'}.`);
  const replaceButton = dialog.getByRole('button', { name: 'Replace and upload' });
  const name = dialog.getByRole('textbox', { name: `Devices use this pool: type “${pool.displayName}” to replace it` });
  await expect(name).toBeVisible();
  await expect(replaceButton).toBeDisabled();
  await name.fill(`${pool.displayName}x`);
  await expect(replaceButton).toBeDisabled();
  await name.fill(pool.displayName);
  await expect(replaceButton).toBeEnabled();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await graph.pools()).some((p) => p.id === pool.id)).toBe(true);
});

interface AssignmentRow {
  id: string;
  target: Record<string, unknown>;
}

const targetKey = (t: Record<string, unknown>) =>
  [t['@odata.type'], t['groupId'] ?? '', t['deviceAndAppManagementAssignmentFilterId'] ?? '', t['deviceAndAppManagementAssignmentFilterType'] ?? 'none'].join('|');

test('replace carries the old pool’s assignments (include, exclude, filters) to the new pool', async ({ page, app, emulator, graph }) => {
  const host = 'smdp.contoso-mobile.example.com';
  const old = codes(6, { prefix: blockPrefix(13), from: 0 });
  const seeded = await emulator.graph<PoolRow>('POST', POOLS, createBody('contoso-mobile', carrierFile('contoso-old.csv', host, old)));
  // Targets taken from the seed: an include with an assignment filter, and an exclude of another group.
  const withAssignments = await emulator.graph<{ value: (PoolRow & { assignments: AssignmentRow[] })[] }>('GET', `${POOLS}?$expand=assignments&$top=999`);
  const seededTargets = withAssignments.value.flatMap((p) => p.assignments.map((a) => a.target));
  const filtered = seededTargets.find((t) => t['@odata.type'] === '#microsoft.graph.groupAssignmentTarget' && t['deviceAndAppManagementAssignmentFilterId']);
  const excluded = seededTargets.find((t) => t['@odata.type'] === '#microsoft.graph.exclusionGroupAssignmentTarget' && t['groupId'] !== filtered?.['groupId']);
  expect(filtered, 'the default seed has an include with a filter').toBeDefined();
  expect(excluded, 'the default seed has an exclude').toBeDefined();
  const targets = [{ target: filtered! }, { target: excluded! }];
  await emulator.graph('POST', `${POOLS}/${seeded.id}/assign`, { assignments: targets });

  const upload = await openUpload(app, page);
  await upload.drop([carrierFile('contoso-unused.csv', host, codes(8, { prefix: blockPrefix(13), from: 100 }))]);
  const card = upload.card(host);
  await card.getByRole('radio', { name: /^Replace “contoso-mobile”/ }).check();
  await upload.uploadButton.click();
  const dialog = page.getByRole('alertdialog', { name: 'Replace “contoso-mobile”?' });
  await expect(dialog.getByRole('radio', { name: /Assign the new pool the same way/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Keep the new pool unassigned/ })).toBeVisible();
  await expect(dialog).toContainText('assigned to 1 included group, 1 excluded group, 1 filter');
  // The emulator gives devices of assigned groups a state in the pool: then its name must be typed.
  const name = dialog.getByRole('textbox', { name: /type “contoso-mobile” to replace it/ });
  if ((await name.count()) > 0) await name.fill('contoso-mobile');
  await dialog.getByRole('button', { name: 'Replace and upload' }).click();

  await expect(page.getByText('Upload complete')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('carried-assignments')).toContainText(`Assigned like the old pool (${targets.length} assignments)`);
  const after = await graph.poolsNamed('contoso-mobile');
  expect(after).toHaveLength(1);
  expect(after[0]!.id).not.toBe(seeded.id);
  const carried = await emulator.graph<{ value: AssignmentRow[] }>('GET', `${POOLS}/${after[0]!.id}/assignments`);
  expect(carried.value.map((a) => targetKey(a.target)).sort()).toEqual(targets.map((a) => targetKey(a.target)).sort());
});

test('replace is refused for an empty set: a file with only the SM-DP+ address deletes nothing', async ({ page, app, emulator, graph }) => {
  const host = 'smdp.contoso-mobile.example.com';
  const seeded = await emulator.graph<PoolRow>('POST', POOLS, createBody('contoso-mobile', carrierFile('contoso-old.csv', host, codes(4, { prefix: blockPrefix(14), from: 0 }))));
  const upload = await openUpload(app, page);
  await upload.drop([carrierFile('contoso-empty.csv', host, [])]);
  const card = upload.card(host);
  const replace = card.getByRole('radio', { name: /^Replace “contoso-mobile”/ });
  // However the file check judges such a file, it never reaches an upload that replaces the pool.
  if (await replace.isVisible()) await replace.check();
  await expect(card.getByTestId('pool-status')).not.toHaveText('Ready to upload');
  await expect(upload.uploadButton).toBeDisabled();
  await expect(page.getByTestId('upload-blockers')).toBeVisible();
  expect((await graph.pools()).some((p) => p.id === seeded.id)).toBe(true);
});

test.describe(() => {
  test.use({ user: 'reader' });
  test('a read-only operator can check files, but the upload is disabled with the reason', async ({ page, app }) => {
    const upload = await openUpload(app, page);
    await expect(page.getByText('Read-only access').first()).toBeVisible();
    await upload.drop([carrierFile('delta.csv', 'smdp.delta-mobile.example.com', codes(5, { prefix: blockPrefix(12), from: 0 }))]);
    await expect(upload.card('smdp.delta-mobile.example.com').getByTestId('pool-status')).toHaveText('Ready to upload');
    await expect(upload.uploadButton).toBeDisabled();
    await expect(page.getByTestId('upload-blockers')).toContainText('read-only access');
    await expectNoAxeViolations(page);
  });
});

test('a create Intune refuses: the card says it was not created, why and what to do; uploading again sends only that pool', async ({ page, app, emulator, graph }) => {
  const upload = await openUpload(app, page);
  const host = 'smdp.refused-mobile.example.com';
  await upload.dropReady([
    carrierFile('refused.csv', host, codes(6, { prefix: blockPrefix(320), from: 0 })),
    carrierFile('fine.csv', 'smdp.fine-mobile.example.com', codes(4, { prefix: blockPrefix(321), from: 0 })),
  ]);
  await emulator.fault({ method: 'POST', pathRegex: 'embeddedSIMActivationCodePools$', status: 400, count: 1 });
  await upload.start();
  await expect(page.getByText('Some pools were not created')).toBeVisible({ timeout: 30_000 });

  // Exactly one of the two creates met the fault (they run in parallel): that card, and only that card, says so.
  const refusedFirst = (await graph.poolsNamed('refused-mobile')).length === 0;
  const [failedHost, okHost, failedName] = refusedFirst
    ? [host, 'smdp.fine-mobile.example.com', 'refused-mobile']
    : ['smdp.fine-mobile.example.com', host, 'fine-mobile'];
  const card = upload.card(failedHost);
  await expect(card.getByTestId('pool-status')).toHaveText('Not created: upload failed');
  await expect(card.getByTestId('pool-failed')).toContainText('Not created: Microsoft Graph refused the request');
  await expect(card.getByTestId('pool-failed')).toContainText('retrying it unchanged fails again');
  await expect(card.getByTestId('pool-failed')).toContainText('pools already created are not sent again');
  await expect(upload.card(okHost).getByTestId('pool-status')).toHaveText('Created');
  await expect(page.getByTestId('upload-retry')).toContainText('1 pool was not created');
  await expect(page.getByTestId('upload-retry')).toContainText('no pool is created twice');
  // With the pointer on a result row: a row highlight under the rows' own grey text failed contrast in high contrast.
  await page.getByTestId('upload-row').first().hover();
  await expectNoAxeViolations(page);

  await expect(upload.uploadButton).toHaveText('Upload 1 remaining pool');
  await upload.start();
  await upload.expectComplete();
  await expect(card.getByTestId('pool-status')).toHaveText('Created');
  await expect(card.getByTestId('pool-failed')).toHaveCount(0);
  expect((await graph.poolsNamed(failedName)).length).toBe(1);
});

test('cancel stops the upload; a create cut off by the cancel is checked, never duplicated', async ({ page, app, emulator, graph }) => {
  const upload = await openUpload(app, page);
  const files = Array.from({ length: 8 }, (_, i) => carrierFile(`cancel-${i + 1}.csv`, `smdp.cancel-${i + 1}.example.org`, codes(10, { prefix: blockPrefix(300 + i), from: 0 })));
  await upload.drop(files);
  await expect(upload.uploadButton).toHaveText('Upload 8 pools');
  await emulator.fault({ method: 'POST', pathRegex: 'embeddedSIMActivationCodePools$', count: 8, latencyMs: 2000 });
  await upload.uploadButton.click();
  await expect(page.getByRole('button', { name: 'Cancel upload' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByText(/Upload cancelled|Some pools were not created/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Cancelled/).first()).toBeVisible();
  // Whatever the service did with the cut-off creates, finishing the batch creates each pool exactly once.
  await emulator.clearFaults();
  await page.getByRole('button', { name: /^Upload \d+ (remaining )?pools?$/ }).click();
  await expect(page.getByText('Upload complete')).toBeVisible({ timeout: 30_000 });
  for (let i = 1; i <= 8; i++) expect((await graph.poolsNamed(`cancel-${i}`)).length, `cancel-${i}`).toBe(1);
});
