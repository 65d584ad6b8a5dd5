import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_READ_PACE, setReadPace } from '../../../entities/fleet/read-pacer.ts';
import { createFakeGraph, type FakeGraph } from '../../../testing/fake-graph.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import type { DeviceStateWording } from '../lib/wording.ts';
import { DashboardPage } from './dashboard-page.tsx';

const CREATED = '2026-11-01T00:00:00Z';

const wording: DeviceStateWording = {
  stateLabel: { notEvaluated: 'Waiting', installing: 'Installing', installed: 'Installed', failed: 'Failed', error: 'Error', deleting: 'Removing', deleted: 'Removed', removedByUser: 'Removed by user' },
  reason: (d) => (d.stateDetails === 'NotEnoughSpace' ? 'No room for another eSIM profile' : 'No details'),
  advice: () => 'Free some room',
};

let graph: FakeGraph;
/** The Graph requests made, as `path?query` (decoded). */
const requests = () => graph.requests.map((r) => `${r.path}?${decodeURIComponent(r.query.toString())}`);

beforeEach(() => {
  setReadPace({ concurrency: 4, perSecond: 1000 });
  graph = createFakeGraph();
  graph.seedPool({ id: 'p-fine', displayName: 'Fine Mobile', activationCodeCount: 1000, deviceStates: [{ id: 's1', state: 'installed', deviceName: 'PC-1', createdDateTime: CREATED }] });
  graph.seedPool({
    id: 'p-fail',
    displayName: 'Failing Telecom',
    activationCodeCount: 100,
    deviceStates: [
      { id: 's2', state: 'installed', deviceName: 'PC-2', createdDateTime: CREATED },
      { id: 's3', state: 'failed', stateDetails: 'NotEnoughSpace', deviceName: 'PC-3', createdDateTime: CREATED },
    ],
  });
});
afterEach(() => setReadPace(DEFAULT_READ_PACE));

function renderAt(url: string) {
  return renderWithApp(<DashboardPage wording={wording} />, { path: url, route: '/dashboard', graph }).router;
}

describe('DashboardPage', () => {
  it('reads every pool, puts the failing pool first and lists its failed device with the reason', { timeout: 15_000 }, async () => {
    renderAt('/dashboard');
    expect(await screen.findByText('Read all 2 pools', {}, { timeout: 10_000 })).toBeTruthy();
    const urgency = screen.getByRole('table', { name: 'Pools by urgency' });
    expect(within(urgency).getAllByRole('row')[1]?.textContent).toContain('Failing Telecom');
    const failed = await screen.findByRole('table', { name: 'Failed devices' });
    expect(within(failed).getByText('No room for another eSIM profile')).toBeTruthy();
    expect(within(failed).getByRole('link', { name: 'Failing Telecom' }).getAttribute('href')).toBe('/pools/p-fail');
    // Pools of up to 1,000 codes: one read each gives the counts and the failed devices.
    expect(requests().filter((r) => r.includes('/deviceStates?'))).toHaveLength(2);
    expect(requests().filter((r) => r.includes('$filter='))).toEqual([]);
  });

  it('reads the failed devices of a pool of over 1,000 codes on their own, and only when its counts show failures', { timeout: 15_000 }, async () => {
    graph.seedPool({
      id: 'p-big',
      displayName: 'Big Carrier',
      activationCodeCount: 5000,
      deviceStates: [{ id: 's4', state: 'error', stateDetails: 'NotEnoughSpace', deviceName: 'PC-4', createdDateTime: CREATED }],
    });
    graph.seedPool({ id: 'p-big-fine', displayName: 'Big Fine', activationCodeCount: 5000, deviceStates: [{ id: 's5', state: 'installed', deviceName: 'PC-5', createdDateTime: CREATED }] });
    renderAt('/dashboard');
    expect(await screen.findByText('Read all 4 pools', {}, { timeout: 10_000 })).toBeTruthy();
    const failed = await screen.findByRole('table', { name: 'Failed devices' });
    expect(within(failed).getByRole('link', { name: 'Big Carrier' })).toBeTruthy();
    expect(within(failed).getByRole('link', { name: 'Failing Telecom' })).toBeTruthy();
    expect(requests().filter((r) => r.includes('$filter='))).toEqual([expect.stringContaining('/p-big/deviceStates?')]);
  });

  it('applies the filters in the URL to every section', { timeout: 15_000 }, async () => {
    renderAt('/dashboard?q=fine');
    expect(await screen.findByText('Read all 2 pools', {}, { timeout: 10_000 })).toBeTruthy();
    expect((screen.getByRole('searchbox', { name: 'Filter pools by name' }) as HTMLInputElement).value).toBe('fine');
    const urgency = screen.getByRole('table', { name: 'Pools by urgency' });
    expect(within(urgency).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByRole('table', { name: 'Failed devices' })).toBeNull();
    expect(screen.getByRole('button', { name: /Export 0 to CSV/ }).hasAttribute('disabled')).toBe(true);
  });
});
