/**
 * Fault matrix — upload: a new pool, and replacing an existing one (delete +
 * create). Each case asserts the progress the admin sees, that the dropped
 * files are still there to finish the job, and that Graph ends with exactly
 * one pool per name (no duplicate, no lost pool).
 */
import { expect } from './fixtures.ts';
import { blockPrefix, carrierFile, codes, createBody, type CarrierFile } from '../src/testing/carrier-csv.ts';
import { POOLS, GROUP, type GraphState, type PoolRow } from './pages/graph-state.ts';
import { faultMatrix, type MatrixContext } from './pages/matrix.ts';
import { expireAccessTokens, signIn, trackTokenRefreshes } from './pages/session.ts';
import { UploadPage } from './pages/upload-page.ts';
import { ADMIN, type EmulatorControl } from './support.ts';

const CREATE = 'embeddedSIMActivationCodePools$';

/** A new pool `name` from one file (the pool is named after the host's first label). */
function newFile(name: string, block: number, count = 8): CarrierFile {
  return carrierFile(`${name}.csv`, `smdp.${name}.example.com`, codes(count, { prefix: blockPrefix(block), from: 0 }));
}

/** The upload page with `file` dropped and ready, as the case's user (saved session; through the UI for a case with `user: null`). */
async function openWith({ page, app }: MatrixContext, file: CarrierFile, via: 'saved session' | 'ui' = 'saved session'): Promise<UploadPage> {
  if (via === 'ui') await signIn(page, ADMIN, '/upload');
  else await app.open('/upload');
  const upload = new UploadPage(page);
  await upload.expectOpen();
  await upload.dropReady([file]);
  return upload;
}

async function expectOnePool(graph: GraphState, name: string, count: number): Promise<PoolRow> {
  const pools = await graph.poolsNamed(name);
  expect(pools.map((p) => p.activationCodeCount), `pools named ${name}`).toEqual([count]);
  return pools[0]!;
}

async function postStatuses(emulator: EmulatorControl): Promise<number[]> {
  return (await emulator.requests()).filter((r) => r.method === 'POST' && /embeddedSIMActivationCodePools(\?|$)/.test(r.path)).map((r) => r.status);
}

// ---------------------------------------------------------------- new pool

faultMatrix('upload (new pool)', [
  {
    fault: '429 with Retry-After',
    expects: 'waits as told and creates the pool once',
    async run(ctx) {
      const { emulator, graph } = ctx;
      const upload = await openWith(ctx, newFile('throttled-new', 601));
      await emulator.fault({ method: 'POST', pathRegex: CREATE, status: 429, retryAfterSec: 1 });
      await upload.start();
      await upload.expectComplete();
      await expect(upload.row('throttled-new')).toContainText(/^(?!.*confirmed).*Created/);
      await expectOnePool(graph, 'throttled-new', 8);
      expect(await postStatuses(emulator)).toEqual([429, 201]);
    },
  },
  {
    fault: '503',
    expects: 'an ambiguous failure: re-lists by name, finds nothing, creates once',
    async run(ctx) {
      const { emulator, graph } = ctx;
      const upload = await openWith(ctx, newFile('unavailable-new', 602));
      await emulator.fault({ method: 'POST', pathRegex: CREATE, status: 503 });
      await upload.start();
      await upload.expectComplete();
      await expect(upload.row('unavailable-new')).toContainText('Created');
      await expectOnePool(graph, 'unavailable-new', 8);
      expect(await postStatuses(emulator)).toEqual([503, 201]);
    },
  },
  {
    fault: '504 after the service created the pool',
    expects: 'found by name and not created again',
    async run(ctx) {
      const { emulator, graph } = ctx;
      const upload = await openWith(ctx, newFile('gateway-new', 603));
      await emulator.fault({ method: 'POST', pathRegex: CREATE, status: 504, processed: true });
      await upload.start();
      await upload.expectComplete();
      await expect(upload.row('gateway-new')).toContainText('Created by this upload (found again after a lost response)');
      await expectOnePool(graph, 'gateway-new', 8);
      expect(await postStatuses(emulator)).toEqual([504]);
    },
  },
  {
    fault: 'dropped connection',
    expects: 're-lists by name, then creates the pool once',
    async run(ctx) {
      const { emulator, graph } = ctx;
      const upload = await openWith(ctx, newFile('dropped-new', 604));
      await emulator.fault({ method: 'POST', pathRegex: CREATE, drop: 'before' });
      await upload.start();
      await upload.expectComplete();
      await expectOnePool(graph, 'dropped-new', 8);
      expect(await postStatuses(emulator)).toEqual([0, 201]);
    },
  },
  {
    fault: 'stalled request',
    expects: 'Cancel stops it; the files stay, and uploading again creates the pool once',
    async run(ctx) {
      const { emulator, graph } = ctx;
      const upload = await openWith(ctx, newFile('stalled-new', 605));
      await emulator.fault({ method: 'POST', pathRegex: CREATE, stall: true });
      await upload.start();
      await expect(upload.row('stalled-new')).toContainText(/Creating/);
      await upload.cancel();
      await expect(upload.row('stalled-new')).toContainText(/Cancelled/);
      expect(await graph.poolsNamed('stalled-new')).toEqual([]);
      await expect(upload.card('smdp.stalled-new.example.com').getByTestId('pool-status')).toHaveText('Not created: cancelled');
      await upload.start();
      await upload.expectComplete();
      await expectOnePool(graph, 'stalled-new', 8);
    },
  },
  {
    fault: 'access token expired mid-flow',
    user: null,
    clock: true,
    expects: 'renewed silently (no popup) and the pool is created once',
    async run(ctx) {
      const { page, graph } = ctx;
      const refreshes = trackTokenRefreshes(page);
      const upload = await openWith(ctx, newFile('expired-new', 606), 'ui');
      let popups = 0;
      page.on('popup', () => popups++);
      await expireAccessTokens(page);
      await upload.start();
      await upload.expectComplete();
      await expectOnePool(graph, 'expired-new', 8);
      expect(refreshes.count()).toBeGreaterThanOrEqual(1);
      expect(popups).toBe(0);
    },
  },
  {
    fault: 'a concurrent change by another admin (a pool for the same SM-DP+ server appeared)',
    expects: 'the create is refused and explained; only the other admin’s pool exists',
    async run(ctx) {
      const { emulator, graph } = ctx;
      const file = newFile('raced-new', 607);
      const upload = await openWith(ctx, file);
      await emulator.graph('POST', POOLS, createBody('raced by another admin', carrierFile('other.csv', file.host, codes(3, { prefix: blockPrefix(608), from: 0 }))));
      await upload.start();
      await expect(upload.row('raced-new')).toContainText(/one pool per SM-DP\+ server/);
      expect(await graph.poolsNamed('raced-new')).toEqual([]);
      await expectOnePool(graph, 'raced by another admin', 3);
    },
  },
  {
    fault: 'malformed JSON',
    expects: 'an unreadable answer to a create is checked by name: created once, not twice',
    async run(ctx) {
      const { emulator, graph } = ctx;
      const upload = await openWith(ctx, newFile('garbled-new', 609));
      await emulator.fault({ method: 'POST', pathRegex: CREATE, malformedJson: true });
      await upload.start();
      await upload.expectComplete();
      await expect(upload.row('garbled-new')).toContainText('Created by this upload (found again after a lost response)');
      await expectOnePool(graph, 'garbled-new', 8);
      expect(await postStatuses(emulator)).toEqual([201]);
    },
  },
  {
    fault: "403 from Intune's role",
    user: 'operator',
    expects: 'the upload stops with the Intune-role notice, the files stay, Upload turns off, nothing is created',
    async run(ctx) {
      const { page, graph } = ctx;
      const upload = await openWith(ctx, newFile('forbidden-new', 610));
      await upload.start();
      await expect(page.getByText('Intune refused a change', { exact: true })).toBeVisible();
      await expect(upload.row('forbidden-new')).toContainText(/Read Only Operator can only view them/);
      await expect(upload.card('smdp.forbidden-new.example.com')).toBeVisible();
      await expect(upload.uploadButton).toBeDisabled();
      expect(await graph.poolsNamed('forbidden-new')).toEqual([]);
    },
  },
]);

// ---------------------------------------------------------------- replace

const HOST = 'smdp.contoso-mobile.example.com';
const NAME = 'contoso-mobile';

/** An existing pool for HOST (12 old codes) and a new file for it (20 codes): replace makes a pool of 20. */
async function arrangeReplace({ page, emulator, app }: MatrixContext, via: 'saved session' | 'ui' = 'saved session'): Promise<{ old: PoolRow; upload: UploadPage }> {
  const old = await emulator.graph<PoolRow>('POST', POOLS, createBody(NAME, carrierFile('old.csv', HOST, codes(12, { prefix: blockPrefix(650), from: 0 }))));
  if (via === 'ui') await signIn(page, ADMIN, '/upload');
  else await app.open('/upload');
  const upload = new UploadPage(page);
  await upload.expectOpen();
  await upload.drop([carrierFile('contoso-2026.csv', HOST, codes(20, { prefix: blockPrefix(651), from: 0 }))]);
  await upload.chooseReplace(HOST);
  return { old, upload };
}

/** Exactly one pool named NAME, not the old one, with the new codes. */
async function expectReplaced(graph: GraphState, old: PoolRow): Promise<PoolRow> {
  const pool = await expectOnePool(graph, NAME, 20);
  expect(pool.id).not.toBe(old.id);
  return pool;
}

faultMatrix('upload (replace)', [
  {
    fault: '429 with Retry-After on the delete',
    expects: 'waits as told, then deletes and creates: one new pool',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await ctx.emulator.fault({ method: 'DELETE', pathRegex: `${old.id}$`, status: 429, retryAfterSec: 1 });
      await upload.startReplace();
      await upload.expectComplete();
      await expectReplaced(ctx.graph, old);
    },
  },
  {
    fault: '503 on the delete',
    expects: 'the delete is repeated (it is idempotent): one new pool',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await ctx.emulator.fault({ method: 'DELETE', pathRegex: `${old.id}$`, status: 503, retryAfterSec: 0 });
      await upload.startReplace();
      await upload.expectComplete();
      await expectReplaced(ctx.graph, old);
    },
  },
  {
    fault: '504 on the create, after the service created the pool',
    expects: 'found by name, not created twice',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await ctx.emulator.fault({ method: 'POST', pathRegex: CREATE, status: 504, processed: true });
      await upload.startReplace();
      await upload.expectComplete();
      await expect(upload.row(NAME)).toContainText('Created by this upload (found again after a lost response)');
      await expectReplaced(ctx.graph, old);
    },
  },
  {
    fault: 'dropped connection after the delete was carried out',
    expects: 'the repeated delete finds the pool gone and the create follows: one new pool',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await ctx.emulator.fault({ method: 'DELETE', pathRegex: `${old.id}$`, drop: 'after' });
      await upload.startReplace();
      await upload.expectComplete();
      await expectReplaced(ctx.graph, old);
    },
  },
  {
    fault: 'stalled delete',
    expects: 'Cancel stops it before anything changed: the old pool is still there, the files too',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await ctx.emulator.fault({ method: 'DELETE', pathRegex: `${old.id}$`, stall: true });
      await upload.startReplace();
      await expect(upload.row(NAME)).toContainText(/Deleting/);
      await upload.cancel();
      await expect(upload.row(NAME)).toContainText(/Cancelled/);
      const pools = await ctx.graph.poolsNamed(NAME);
      expect(pools.map((p) => [p.id, p.activationCodeCount])).toEqual([[old.id, 12]]);
      await expect(upload.card(HOST)).toBeVisible();
    },
  },
  {
    fault: 'access token expired mid-flow',
    user: null,
    clock: true,
    expects: 'renewed silently: deleted and created, one new pool',
    async run(ctx) {
      const refreshes = trackTokenRefreshes(ctx.page);
      const { old, upload } = await arrangeReplace(ctx, 'ui');
      await expireAccessTokens(ctx.page);
      await upload.startReplace();
      await upload.expectComplete();
      await expectReplaced(ctx.graph, old);
      expect(refreshes.count()).toBeGreaterThanOrEqual(1);
    },
  },
  {
    fault: '404 (pool deleted by someone else meanwhile)',
    expects: 'a pool already gone counts as deleted: the new pool is created once',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await upload.start();
      // Deleted after the admin saw the confirmation (not while the dialog was still reading the pool).
      await upload.expectReplaceDialogReady();
      await ctx.emulator.graph('DELETE', `${POOLS}/${old.id}`);
      await upload.replaceDialog().getByRole('button', { name: /Replace and upload/ }).click();
      await upload.expectComplete();
      await expectReplaced(ctx.graph, old);
    },
  },
  {
    fault: 'a concurrent change by another admin (assignments changed after the confirmation)',
    expects: 're-read before the delete: stops, deletes nothing; confirmed again (typed name), the new pool keeps the current assignments',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      const kiosks = await ctx.graph.groupId('Kiosks – Munich');
      await upload.start();
      await upload.expectReplaceDialogReady();
      await ctx.emulator.graph('POST', `${POOLS}/${old.id}/assignments`, { target: { '@odata.type': GROUP, groupId: kiosks } });
      await upload.replaceDialog().getByRole('button', { name: /Replace and upload/ }).click();
      await expect(upload.row(NAME)).toContainText(/changed since you confirmed.*Nothing was deleted/);
      expect((await ctx.graph.poolsNamed(NAME)).map((p) => p.id)).toEqual([old.id]);
      await expect(upload.card(HOST)).toBeVisible();
      await upload.start();
      const dialog = upload.replaceDialog();
      await expect(dialog).toContainText('assigned to 1 included group');
      const typed = dialog.getByRole('textbox', { name: new RegExp(`type “${NAME}” to replace it`) });
      await typed.fill(NAME);
      await dialog.getByRole('button', { name: 'Replace and upload' }).click();
      await upload.expectComplete();
      const pool = await expectReplaced(ctx.graph, old);
      expect(await ctx.graph.targetsOf(pool.id)).toEqual([`${GROUP} ${kiosks}`]);
    },
  },
  {
    fault: 'malformed JSON on the create',
    expects: 'checked by name: the new pool once',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await ctx.emulator.fault({ method: 'POST', pathRegex: CREATE, malformedJson: true });
      await upload.startReplace();
      await upload.expectComplete();
      await expectReplaced(ctx.graph, old);
    },
  },
  {
    fault: "create failing right after the replace's delete",
    expects: 'the create is tried three times; then the row says the old pool is deleted, the files stay, and Upload again creates it once without a new confirmation',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await ctx.emulator.clearRequests();
      await ctx.emulator.fault({ method: 'POST', pathRegex: CREATE, status: 500, count: 3 });
      await upload.startReplace();
      await expect(upload.row(NAME)).toContainText('The old pool is deleted and the new one is not created yet: keep these files and upload again.');
      expect(await postStatuses(ctx.emulator)).toEqual([500, 500, 500]);
      expect(await ctx.graph.poolsNamed(NAME)).toEqual([]);
      await expect(upload.card(HOST).getByTestId('pool-status')).toHaveText('Not created: upload failed');
      await expect(upload.card(HOST).getByTestId('pool-failed')).toContainText('already deleted and this one is not created yet');
      await upload.start();
      await upload.expectComplete();
      expect(await postStatuses(ctx.emulator)).toEqual([500, 500, 500, 201]);
      await expectReplaced(ctx.graph, old);
    },
  },
  {
    fault: "403 from Intune's role",
    user: 'operator',
    expects: 'the delete is refused: the Intune-role notice, the files stay, the old pool is untouched',
    async run(ctx) {
      const { old, upload } = await arrangeReplace(ctx);
      await upload.startReplace();
      await expect(ctx.page.getByText('Intune refused a change', { exact: true })).toBeVisible();
      await expect(upload.row(NAME)).toContainText(/Read Only Operator can only view them/);
      await expect(upload.card(HOST)).toBeVisible();
      await expect(upload.uploadButton).toBeDisabled();
      expect((await ctx.graph.poolsNamed(NAME)).map((p) => [p.id, p.activationCodeCount])).toEqual([[old.id, 12]]);
    },
  },
]);
