/**
 * Fault matrix — the refresh token revoked mid-flow (an admin's "Revoke
 * sessions" in Entra), with Chromium's popup blocker ON. Silent renewal fails,
 * so the console asks the admin to sign in again; the popup opens from that
 * click (a popup opened by background work would be blocked), and the work in
 * memory — a queued upload, unsaved assignment edits — carries on afterwards.
 * The cases sign in through the UI: the revocation ends every session of the
 * admin, the saved one too (the next test signs the admin in again).
 */
import { expect, test } from './fixtures.ts';
import { AssignmentEditor } from './pages/assignment-editor.ts';
import { blockPrefix, carrierFile, codes } from '../src/testing/carrier-csv.ts';
import { EXCLUSION, GROUP } from './pages/graph-state.ts';
import { faultMatrix } from './pages/matrix.ts';
import { POPUP_BLOCKING_LAUNCH, armRenewalNoticeWatch, expectNotReloaded, expireAccessTokens, markPage, renewalNotice, signIn, signInAgainFromNotice } from './pages/session.ts';
import { UploadPage } from './pages/upload-page.ts';
import { ADMIN } from './support.ts';

test.use({ launchOptions: POPUP_BLOCKING_LAUNCH });

faultMatrix('refresh token revoked (popup blocker on)', [
  {
    fault: 'refresh token revoked during an upload',
    user: null,
    clock: true,
    timeoutMs: 90_000,
    expects: 'the queued pools wait for "Sign in again"; after it every pool is created once, without a reload',
    async run({ page, emulator, graph }) {
      // The popup blocker is really on: a popup opened without a recent user gesture is refused.
      expect(await page.evaluate(() => new Promise<boolean>((r) => setTimeout(() => r(window.open('about:blank') === null), 5_500)))).toBe(true);

      await signIn(page, ADMIN, '/upload');
      const upload = new UploadPage(page);
      const files = Array.from({ length: 5 }, (_, i) => carrierFile(`revoked-${i + 1}.csv`, `smdp.revoked-${i + 1}.example.net`, codes(6, { prefix: blockPrefix(500 + i), from: 0 })));
      await upload.dropReady(files);
      await markPage(page);
      let popups = 0;
      page.on('popup', () => popups++);
      // The first four creates (concurrency 4) take a while: the fifth asks for a token well after the click.
      await emulator.fault({ method: 'POST', pathRegex: 'embeddedSIMActivationCodePools$', count: 4, latencyMs: 7_500 });
      const noticeShown = await armRenewalNoticeWatch(page);
      await upload.start();
      await emulator.revoke(ADMIN.username);
      await expireAccessTokens(page);
      // No locator calls until the notice is up (they would count as user gestures).
      const notice = await noticeShown();
      // Nothing tried a popup on its own: no failed attempt is reported.
      expect(notice).not.toMatch(/did not finish/);
      expect(popups).toBe(0);
      await expect(renewalNotice(page)).toBeVisible();
      await expect(upload.row('revoked-5')).not.toContainText(/Failed/);
      await signInAgainFromNotice(page);
      await upload.expectComplete();
      await expect(page.getByText('5 of 5 pools created.').first()).toBeVisible();
      await expectNotReloaded(page);
      for (let i = 1; i <= 5; i++) expect((await graph.poolsNamed(`revoked-${i}`)).map((p) => p.activationCodeCount), `revoked-${i}`).toEqual([6]);
    },
  },
  {
    fault: 'refresh token revoked before saving assignments',
    user: null,
    clock: true,
    expects: 'Save waits for "Sign in again"; the unsaved edits are then saved as intended',
    async run({ page, emulator, graph }) {
      const pool = await graph.unassignedPool();
      await signIn(page, ADMIN, `/pools/${pool.id}`);
      const editor = new AssignmentEditor(page);
      await editor.draft([
        { picker: 'Included groups', term: 'field eng', name: 'Field engineers EMEA' },
        { picker: 'Excluded groups', term: 'contractors', name: 'Contractors – temporary' },
      ]);
      await markPage(page);
      await emulator.revoke(ADMIN.username);
      await expireAccessTokens(page);
      await editor.save();
      await expect(renewalNotice(page)).toBeVisible({ timeout: 20_000 });
      await expect(editor.failure()).toHaveCount(0);
      await expect(editor.changes().getByRole('listitem')).toHaveCount(2);
      await signInAgainFromNotice(page);
      await editor.expectSaved([
        { picker: 'Included groups', name: 'Field engineers EMEA' },
        { picker: 'Excluded groups', name: 'Contractors – temporary' },
      ]);
      await expectNotReloaded(page);
      expect(await graph.targetsOf(pool.id)).toEqual(
        [`${GROUP} ${await graph.groupId('Field engineers EMEA')}`, `${EXCLUSION} ${await graph.groupId('Contractors – temporary')}`].sort(),
      );
    },
  },
]);
