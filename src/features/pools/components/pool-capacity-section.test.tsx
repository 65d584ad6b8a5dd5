import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedSimDeviceStateValue } from '../../../graph/types.ts';
import { recordReplacedPool } from '../../../lib/replaced-pools.ts';
import { PoolCapacitySection } from './pool-capacity-section.tsx';
import { createFakeGraph } from '../../../testing/fake-graph.ts';
import { fakeAuth } from '../../../testing/fake-auth.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';

const DAY = 86_400_000;
const POOL = { id: 'pool-1', displayName: 'Carrier A', activationCodeCount: 30, createdDateTime: '2025-01-01T00:00:00Z', modifiedDateTime: '2025-01-01T00:00:00Z' };
const BASE = '/deviceManagement/embeddedSIMActivationCodePools/pool-1';
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const row = (i: number, state: EmbeddedSimDeviceStateValue, created: string) => ({ id: `s${i}`, deviceName: `D${i}`, state, createdDateTime: created });

/** Pool 1 (30 codes, five devices given a code over 200 days), assigned to g1 with `groupDevices` device members. */
function graph(groupDevices = 40) {
  const fake = createFakeGraph();
  fake.seedGroup({ id: 'g1', displayName: 'Field devices', deviceMemberCount: groupDevices });
  fake.seedPool({
    ...POOL,
    assignments: [{ include: 'g1' }],
    deviceStates: [row(1, 'installed', ago(200)), row(2, 'installed', ago(100)), row(3, 'failed', ago(90)), row(4, 'notEvaluated', ago(10)), row(5, 'installing', ago(3))],
  });
  return fake;
}

const figure = (name: string) => screen.findByRole('group', { name });

beforeEach(() => window.localStorage.clear());

describe('PoolCapacitySection', { timeout: 20_000 }, () => {
  it('shows remaining, given out, shortfall and burn rate, each with how it was computed', async () => {
    const fake = graph();
    renderWithApp(<PoolCapacitySection pool={POOL} enabled />, { graph: fake });
    const remaining = await figure('Codes remaining');
    expect(remaining.textContent).toContain('25 of 30');
    expect(within(remaining).getByText(/^How computed: Remaining = 30 codes − 5 devices given a code/)).toBeTruthy();
    expect(remaining.textContent).not.toContain('Low');

    expect((await figure('Given out')).textContent).toContain('5 (4 spent, 1 pending)');

    const shortfall = await figure('Shortfall');
    await within(shortfall).findByText('10 devices may get no profile');
    expect(shortfall.textContent).toMatch(/How computed: Targeted = the included group's 40 device members; 5 devices already given a code, so 35 without one, against 25 remaining codes/);

    const burn = await figure('Burn rate and run-out');
    expect(burn.textContent).toMatch(/0\.5 codes per week; runs out about/);
    expect(burn.textContent).toMatch(/How computed: 2 devices given a code in the last 30 days = 0\.5 per week/);
    // The same device-state read as the device table; the pacer reads the group count.
    expect(fake.requests.filter((c) => c.method === 'GET' && c.path === `${BASE}/deviceStates`)).toHaveLength(1);
  });

  it('a pool made by a replace says its figure assumes the new set held only unused codes', async () => {
    const auth = fakeAuth();
    recordReplacedPool(auth.user.homeAccountId, 'pool-1', { replacedPoolId: 'old', at: new Date().toISOString() });
    renderWithApp(<PoolCapacitySection pool={POOL} enabled />, { graph: graph(), auth });
    const remaining = await figure('Codes remaining');
    expect(remaining.textContent).toContain('made by a replace, so the figure assumes the new set held only unused codes');
  });

  it('marks a low pool with the Low badge', async () => {
    renderWithApp(<PoolCapacitySection pool={{ ...POOL, activationCodeCount: 24 }} enabled />, { graph: graph(0) });
    expect((await figure('Codes remaining')).textContent).toContain('19 of 24Low');
  });
});
