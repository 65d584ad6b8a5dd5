/**
 * Fault matrix — saving a pool's group assignments (Edit → add groups →
 * Review → Save). Each case asserts what the admin sees, that the unsaved
 * edits are kept when nothing was saved, and the assignments Graph ends with.
 */
import { expect } from './fixtures.ts';
import { AssignmentEditor } from './pages/assignment-editor.ts';
import { EXCLUSION, GROUP, POOLS, type GraphState } from './pages/graph-state.ts';
import { faultMatrix, type MatrixContext } from './pages/matrix.ts';
import { expireAccessTokens, signIn, trackTokenRefreshes } from './pages/session.ts';
import { ADMIN, type FaultRule } from './support.ts';

const ASSIGN = '/assign$';
const DRAFT = [
  { picker: 'Included groups', term: 'field eng', name: 'Field engineers EMEA' },
  { picker: 'Excluded groups', term: 'contractors', name: 'Contractors – temporary' },
] as const;

/**
 * An unassigned pool, opened as the case's user (saved session; through the UI for a case
 * with `user: null`), with the two-group draft under review (saved with the assign action).
 */
async function drafted({ page, graph, app }: MatrixContext, via: 'saved session' | 'ui' = 'saved session'): Promise<{ poolId: string; editor: AssignmentEditor }> {
  const pool = await graph.unassignedPool();
  if (via === 'ui') await signIn(page, ADMIN, `/pools/${pool.id}`);
  else await app.open(`/pools/${pool.id}`);
  const editor = new AssignmentEditor(page);
  await editor.draft([...DRAFT]);
  return { poolId: pool.id, editor };
}

async function intended(graph: GraphState): Promise<string[]> {
  return [`${GROUP} ${await graph.groupId(DRAFT[0].name)}`, `${EXCLUSION} ${await graph.groupId(DRAFT[1].name)}`].sort();
}

/** The draft of `drafted`, saved while the emulator answers the assign action with `fault`. */
async function savedUnder(ctx: MatrixContext, fault: Omit<FaultRule, 'method' | 'pathRegex'>): Promise<{ poolId: string; editor: AssignmentEditor }> {
  const drafts = await drafted(ctx);
  await ctx.emulator.fault({ method: 'POST', pathRegex: ASSIGN, ...fault });
  await drafts.editor.save();
  return drafts;
}

/** Nothing was saved: the alert says so, the draft is still under review, and saving again works. */
async function expectKeptThenSaved(ctx: MatrixContext, editor: AssignmentEditor, poolId: string): Promise<void> {
  await expect(editor.failure()).toBeVisible();
  await expect(editor.changes().getByRole('listitem')).toHaveCount(2);
  expect(await ctx.graph.assignmentsOf(poolId)).toEqual([]);
  await expect(editor.saveButton()).toBeEnabled();
  await editor.save();
  await editor.expectSaved([...DRAFT]);
  expect(await ctx.graph.targetsOf(poolId)).toEqual(await intended(ctx.graph));
}

faultMatrix('assignment save', [
  {
    fault: '429 with Retry-After',
    expects: 'waits as told and saves the intended set',
    async run(ctx) {
      const { poolId, editor } = await savedUnder(ctx, { status: 429, retryAfterSec: 1 });
      await editor.expectSaved([...DRAFT]);
      expect(await ctx.graph.targetsOf(poolId)).toEqual(await intended(ctx.graph));
    },
  },
  {
    fault: '503',
    expects: 'not saved, says so; the edits are kept and Save again stores them',
    async run(ctx) {
      const { poolId, editor } = await savedUnder(ctx, { status: 503, retryAfterSec: 0 });
      await expectKeptThenSaved(ctx, editor, poolId);
    },
  },
  {
    fault: '504 after the service saved',
    expects: 'the alert, then the pool as Graph has it: nothing left to save',
    async run(ctx) {
      const { poolId, editor } = await savedUnder(ctx, { status: 504, processed: true });
      await expect(editor.failure()).toBeVisible();
      await expect(editor.section.getByText('No changes left to save.')).toBeVisible();
      expect(await ctx.graph.targetsOf(poolId)).toEqual(await intended(ctx.graph));
    },
  },
  {
    fault: 'dropped connection',
    expects: 'not saved, says so; the edits are kept and Save again stores them',
    async run(ctx) {
      const { poolId, editor } = await savedUnder(ctx, { drop: 'before' });
      await expectKeptThenSaved(ctx, editor, poolId);
    },
  },
  {
    fault: 'stalled request',
    clock: true,
    expects: 'the client gives up after its timeout (page clock); the edits are kept and Save again stores them',
    async run(ctx) {
      const { poolId, editor } = await drafted(ctx);
      await ctx.emulator.fault({ method: 'POST', pathRegex: ASSIGN, stall: true });
      const sent = ctx.page.waitForRequest((r) => r.method() === 'POST' && /\/assign$/.test(r.url()));
      await editor.save();
      await sent;
      await ctx.page.clock.fastForward('01:05');
      await expectKeptThenSaved(ctx, editor, poolId);
    },
  },
  {
    fault: 'access token expired mid-flow',
    user: null,
    clock: true,
    expects: 'renewed silently (no popup) and saved as intended',
    async run(ctx) {
      const refreshes = trackTokenRefreshes(ctx.page);
      const { poolId, editor } = await drafted(ctx, 'ui');
      let popups = 0;
      ctx.page.on('popup', () => popups++);
      await expireAccessTokens(ctx.page);
      await editor.save();
      await editor.expectSaved([...DRAFT]);
      expect(await ctx.graph.targetsOf(poolId)).toEqual(await intended(ctx.graph));
      expect(refreshes.count()).toBeGreaterThanOrEqual(1);
      expect(popups).toBe(0);
    },
  },
  {
    fault: '404 (pool deleted by someone else meanwhile)',
    expects: 'the save fails visibly and nothing brings the pool back',
    async run(ctx) {
      const { poolId, editor } = await drafted(ctx);
      await ctx.emulator.graph('DELETE', `${POOLS}/${poolId}`);
      await editor.save();
      await expect(editor.failure().or(ctx.page.getByRole('heading', { level: 1, name: 'This pool no longer exists' }))).toBeVisible();
      expect((await ctx.graph.pools()).map((p) => p.id)).not.toContain(poolId);
    },
  },
  {
    fault: 'a concurrent change by another admin',
    expects: 'Save re-reads first: nothing sent, the change is named, the draft kept; reviewed again, both changes are saved',
    async run(ctx) {
      const { poolId, editor } = await drafted(ctx);
      const munich = await ctx.graph.groupId('Kiosks – Munich');
      await ctx.emulator.graph('POST', `${POOLS}/${poolId}/assignments`, { target: { '@odata.type': GROUP, groupId: munich } });
      await editor.save();
      const notice = editor.section.getByRole('alert').filter({ hasText: 'Nothing was saved' });
      await expect(notice).toContainText(/Another admin changed this pool’s assignments.*Kiosks – Munich/);
      await expect(editor.changes().getByRole('listitem')).toHaveCount(2);
      await expect(editor.saveButton()).toBeDisabled();
      expect(await ctx.graph.targetsOf(poolId)).toEqual([`${GROUP} ${munich}`]);
      await notice.getByRole('button', { name: 'Review again on top of the current assignments' }).click();
      await expect(notice).toHaveCount(0);
      await expect(editor.changes().getByRole('listitem')).toHaveCount(2);
      await editor.save();
      await editor.expectSaved([...DRAFT, { picker: 'Included groups', name: 'Kiosks – Munich' }]);
      expect(await ctx.graph.targetsOf(poolId)).toEqual([...(await intended(ctx.graph)), `${GROUP} ${munich}`].sort());
    },
  },
  {
    fault: 'malformed JSON',
    expects: 'an unreadable answer to one added group is checked against Graph: added once, nothing left to save',
    async run(ctx) {
      const pool = await ctx.graph.unassignedPool();
      await ctx.app.open(`/pools/${pool.id}`);
      const editor = new AssignmentEditor(ctx.page);
      await editor.draft([DRAFT[0]]);
      await ctx.emulator.fault({ method: 'POST', pathRegex: '/assignments$', malformedJson: true });
      await editor.save();
      await expect(editor.section.getByText('No changes left to save.').or(editor.table('Included groups'))).toBeVisible();
      expect(await ctx.graph.targetsOf(pool.id)).toEqual([`${GROUP} ${await ctx.graph.groupId(DRAFT[0].name)}`]);
    },
  },
  {
    fault: "403 from Intune's role",
    user: 'operator',
    expects: 'not saved, the advice said once (the page notice the failure points to); the draft stays under review, Save turns disabled with that notice',
    async run(ctx) {
      const { poolId, editor } = await drafted(ctx);
      await editor.save();
      // The failure says what was not done and who refused it, and points to the page's one read-only notice
      // (under the pool's commands), which alone gives the advice.
      await expect(editor.failure()).toContainText('Intune refused it; the notice “Intune refused a change” says why and what to ask for.');
      await expect(ctx.page.getByText(/Read Only Operator can only view them/)).toHaveCount(1);
      await expect(editor.section.getByText(/Read Only Operator can only view them/)).toHaveCount(0);
      await expect(ctx.page.getByText('Intune refused a change', { exact: true })).toHaveCount(1);
      await expect(editor.section.getByText('Intune refused a change', { exact: true })).toHaveCount(0);
      await expect(editor.changes().getByRole('listitem')).toHaveCount(2);
      await expect(editor.saveButton()).toBeDisabled();
      await expect(editor.saveButton()).toHaveAccessibleDescription(/Read Only Operator/);
      expect(await ctx.graph.assignmentsOf(poolId)).toEqual([]);
    },
  },
]);
