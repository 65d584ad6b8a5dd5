import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordReplacedPool } from '../../../lib/replaced-pools.ts';
import { PoolCapacitySection } from './pool-capacity-section.tsx';
import { fakeGraph, renderWithApp } from './pool-test-utils.tsx';

const DAY = 86_400_000;
const POOL = { id: 'pool-1', displayName: 'Carrier A', activationCodeCount: 30, createdDateTime: '2025-01-01T00:00:00Z', modifiedDateTime: '2025-01-01T00:00:00Z' };
const BASE = '/deviceManagement/embeddedSIMActivationCodePools/pool-1';
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const row = (i: number, state: string, created: string) => ({ id: `s${i}`, deviceName: `D${i}`, userName: null, universalIntegratedCircuitCardIdentifier: null, state, stateDetails: null, lastSyncDateTime: null, createdDateTime: created });

function graph(groupDevices = '40') {
  return fakeGraph((call) => {
    if (call.path === `${BASE}/deviceStates`) {
      return { status: 200, body: { value: [row(1, 'installed', ago(200)), row(2, 'installed', ago(100)), row(3, 'failed', ago(90)), row(4, 'notEvaluated', ago(10)), row(5, 'installing', ago(3))] } };
    }
    if (call.path === `${BASE}/assignments`) return { status: 200, body: { value: [{ id: 'a', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g1' } }] } };
    if (call.path === '/groups/g1/transitiveMembers/microsoft.graph.device/$count') return { status: 200, text: groupDevices };
    return undefined;
  });
}

const figure = (name: string) => screen.findByRole('group', { name });

beforeEach(() => window.localStorage.clear());

describe('PoolCapacitySection', { timeout: 20_000 }, () => {
  it('shows remaining, given out, shortfall and burn rate, each with how it was computed', async () => {
    const { calls } = graph();
    renderWithApp(<PoolCapacitySection pool={POOL} enabled />);
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
    expect(calls.filter((c) => c.path === `${BASE}/deviceStates`)).toHaveLength(1);
  });

  it('a pool made by a replace says its figure assumes the new set held only unused codes', async () => {
    recordReplacedPool('home', 'pool-1', { replacedPoolId: 'old', at: new Date().toISOString() });
    graph();
    renderWithApp(<PoolCapacitySection pool={POOL} enabled />);
    const remaining = await figure('Codes remaining');
    expect(remaining.textContent).toContain('made by a replace, so the figure assumes the new set held only unused codes');
  });

  it('marks a low pool with the Low badge', async () => {
    graph('0');
    renderWithApp(<PoolCapacitySection pool={{ ...POOL, activationCodeCount: 24 }} enabled />);
    expect((await figure('Codes remaining')).textContent).toContain('19 of 24Low');
  });
});
