/**
 * Fault matrix — device install status on a pool's page (first load, then
 * "Refresh device status"). Reads only: each case asserts what the admin sees
 * and that the rows already shown are not lost to a failed refresh.
 */
import { expect } from './fixtures.ts';
import { DeviceStatus } from './pages/device-status.ts';
import { POOLS } from './pages/graph-state.ts';
import { faultMatrix, type MatrixContext } from './pages/matrix.ts';
import { expireAccessTokens, signIn, trackTokenRefreshes } from './pages/session.ts';
import { ADMIN } from './support.ts';

const STATES = 'deviceStates$';

/** The admin on a pool with devices, its device status loaded; signed in from the saved session, or through the UI for a case with `user: null`. */
async function opened({ page, graph, app }: MatrixContext, via: 'saved session' | 'ui' = 'saved session'): Promise<{ poolId: string; status: DeviceStatus }> {
  const pool = await graph.poolWithDevices();
  if (via === 'ui') await signIn(page, ADMIN, `/pools/${pool.id}`);
  else await app.open(`/pools/${pool.id}`);
  const status = new DeviceStatus(page);
  await status.expectLoaded();
  return { poolId: pool.id, status };
}

faultMatrix('device status', [
  {
    fault: '429 with Retry-After',
    expects: 'the refresh waits as told and shows the devices, no error',
    async run(ctx) {
      const { status } = await opened(ctx);
      await ctx.emulator.clearRequests();
      await ctx.emulator.fault({ method: 'GET', pathRegex: STATES, status: 429, retryAfterSec: 1 });
      await status.refresh();
      await expect.poll(async () => (await ctx.emulator.requests()).filter((r) => /deviceStates/.test(r.path)).map((r) => r.status)).toEqual([429, 200]);
      await status.expectLoaded();
      await expect(status.error()).toHaveCount(0);
    },
  },
  {
    fault: '503 (persistent)',
    expects: 'the devices shown stay, an error says the refresh failed, and Retry recovers',
    async run(ctx) {
      const { status } = await opened(ctx);
      await ctx.emulator.fault({ method: 'GET', pathRegex: STATES, status: 503, retryAfterSec: 0, count: 5 });
      await status.refresh();
      await expect(status.error()).toContainText('Device status could not be refreshed');
      await expect(status.table).toBeVisible();
      await status.error().getByRole('button', { name: 'Retry' }).click();
      await expect(status.error()).toHaveCount(0);
      await status.expectLoaded();
    },
  },
  {
    fault: '504',
    expects: 'retried: the refresh shows the devices without an error',
    async run(ctx) {
      const { status } = await opened(ctx);
      await ctx.emulator.clearRequests();
      await ctx.emulator.fault({ method: 'GET', pathRegex: STATES, status: 504, retryAfterSec: 0 });
      await status.refresh();
      await expect.poll(async () => (await ctx.emulator.requests()).filter((r) => /deviceStates/.test(r.path)).map((r) => r.status)).toEqual([504, 200]);
      await expect(status.error()).toHaveCount(0);
    },
  },
  {
    fault: 'dropped connection',
    expects: 'the read is repeated: no error',
    async run(ctx) {
      const { status } = await opened(ctx);
      await ctx.emulator.clearRequests();
      await ctx.emulator.fault({ method: 'GET', pathRegex: STATES, drop: 'before' });
      await status.refresh();
      await expect.poll(async () => (await ctx.emulator.requests()).filter((r) => /deviceStates/.test(r.path)).map((r) => r.status)).toEqual([0, 200]);
      await expect(status.error()).toHaveCount(0);
    },
  },
  {
    fault: 'stalled request',
    clock: true,
    expects: 'the client gives up after its timeout (page clock) and the repeated read shows the devices',
    async run(ctx) {
      const { status } = await opened(ctx);
      await ctx.emulator.clearRequests();
      await ctx.emulator.fault({ method: 'GET', pathRegex: STATES, stall: true });
      await status.refresh();
      // Past the 30 s per attempt, with room left in the 90 s deadline for the repeated read.
      await ctx.page.clock.fastForward('00:31');
      await expect.poll(async () => (await ctx.emulator.requests()).some((r) => r.dropped === 'stalled')).toBe(true);
      await expect.poll(async () => (await ctx.emulator.requests()).some((r) => /deviceStates/.test(r.path) && r.status === 200)).toBe(true);
      await expect(status.error()).toHaveCount(0);
      await status.expectLoaded();
    },
  },
  {
    fault: 'access token expired mid-flow',
    user: null,
    clock: true,
    expects: 'renewed silently: the refresh shows the devices',
    async run(ctx) {
      const refreshes = trackTokenRefreshes(ctx.page);
      const { status } = await opened(ctx, 'ui');
      await expireAccessTokens(ctx.page);
      await ctx.emulator.clearRequests();
      await status.refresh();
      await expect.poll(async () => (await ctx.emulator.requests()).some((r) => /deviceStates/.test(r.path) && r.status === 200)).toBe(true);
      await expect(status.error()).toHaveCount(0);
      expect(refreshes.count()).toBeGreaterThanOrEqual(1);
    },
  },
  {
    fault: '404 (pool deleted by someone else meanwhile)',
    expects: 'the page says so instead of showing stale devices as current',
    async run(ctx) {
      const { poolId, status } = await opened(ctx);
      await ctx.emulator.graph('DELETE', `${POOLS}/${poolId}`);
      await status.refresh();
      await expect(status.error().or(ctx.page.getByRole('heading', { level: 1, name: 'This pool no longer exists' }))).toBeVisible();
    },
  },
  {
    fault: 'malformed JSON',
    expects: 'an error, the devices shown stay, and Retry recovers',
    async run(ctx) {
      const { status } = await opened(ctx);
      await ctx.emulator.fault({ method: 'GET', pathRegex: STATES, malformedJson: true });
      await status.refresh();
      await expect(status.error()).toBeVisible();
      await expect(status.table).toBeVisible();
      await status.error().getByRole('button', { name: 'Retry' }).click();
      await expect(status.error()).toHaveCount(0);
    },
  },
]);
