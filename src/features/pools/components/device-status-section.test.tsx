import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { createFakeGraph, graphError } from '../../../testing/fake-graph.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { DeviceStatusSection } from './device-status-section.tsx';

const PATH = '/deviceManagement/embeddedSIMActivationCodePools/pool-1/deviceStates';

const row = (i: number, state: DeviceStateRow['state'], extra: Partial<DeviceStateRow> = {}): DeviceStateRow => ({
  id: `s${i}`,
  deviceName: `LAPTOP-${String(i).padStart(2, '0')}`,
  userName: `user${i}@contoso.example`,
  universalIntegratedCircuitCardIdentifier: `89010000000000000${String(i).padStart(2, '0')}1`,
  state,
  stateDetails: null,
  lastSyncDateTime: '2026-02-02T08:00:00Z',
  ...extra,
});

const ROWS = [
  row(1, 'installed'),
  row(2, 'installed', { userName: 'adele.vance@contoso.example' }),
  row(3, 'installing'),
  row(4, 'notEvaluated', { universalIntegratedCircuitCardIdentifier: null, lastSyncDateTime: null }),
  row(5, 'failed', { stateDetails: 'ProfileNotReleasedByOperator' }),
  row(6, 'error', { stateDetails: 'ProfileNotReleasedByOperator' }),
  row(7, 'failed', { stateDetails: 'NotEnoughSpace' }),
  row(8, 'deleted'),
];

/** Graph with pool-1 and its device states. */
function setup(states: DeviceStateRow[], path = '/pools/pool-1') {
  const graph = createFakeGraph();
  graph.seedPool({ id: 'pool-1', displayName: 'Contoso Mobile', activationCodeCount: 20, deviceStates: states });
  const view = renderWithApp(<DeviceStatusSection poolId="pool-1" />, { graph, path });
  const section = screen.getByRole('region', { name: 'Device status' });
  return { ...view, calls: graph.requests, section };
}

const tableRows = (section: HTMLElement) => within(within(section).getByRole('table')).getAllByRole('row').slice(1);

describe('DeviceStatusSection', { timeout: 20_000 }, () => {
  it('summarises devices per group, in words and as a chart, and says why devices failed', async () => {
    const { section } = setup(ROWS);
    const legend = await within(section).findByRole('list', { name: 'Devices by status' });
    const names = within(legend).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['Installed 2 devices, 25%', 'In progress 2 devices, 25%', 'Failed 3 devices, 38%', 'Removed 1 device, 12%']);
    expect(within(section).getByRole('img').getAttribute('aria-label')).toBe(
      'Device status chart: Installed 2, In progress 2, Failed 3, Removed 1, of 8 devices',
    );
    // The figures say how they are computed, next to them.
    expect(within(section).getByTestId('device-status-how').textContent).toMatch(/^How computed: .*failed = failed or error.*percentages are of all 8 devices, rounded to add up to 100\.$/);
    const why = within(section).getByRole('heading', { name: 'Why 3 devices failed' }).parentElement;
    const reasons = within(why as HTMLElement).getAllByRole('listitem').map((li) => li.textContent);
    expect(reasons).toEqual([
      expect.stringMatching(/^The carrier has not released this profile \(2 devices\).*What to do: Ask the carrier to release the pool’s profiles.*Reported as ProfileNotReleasedByOperator$/),
      expect.stringMatching(/^No room for another eSIM profile \(1 device\).*Remove unused eSIM profiles.*Reported as NotEnoughSpace$/),
    ]);
    // auto-refresh is announced while devices are in progress
    expect(section.textContent).toContain('Refreshing every 15 seconds while devices are in progress');
    expect(tableRows(section)).toHaveLength(8);
  });

  it('filters by status group (chart buttons and dropdown) and by device or user text', async () => {
    const { section, router } = setup(ROWS);
    const failed = await within(section).findByRole('button', { name: /^Failed/ });
    await userEvent.click(failed);
    expect(failed.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(tableRows(section)).toHaveLength(3));
    expect(tableRows(section).map((r) => r.textContent)).toEqual([
      expect.stringContaining('Failed'),
      expect.stringContaining('Error'),
      expect.stringContaining('Failed'),
    ]);
    expect(router.state.location.search).toBe('?status=failed');
    expect(within(section).getByRole('status').textContent).toBe('3 of 8 devices');

    await userEvent.selectOptions(within(section).getByRole('combobox', { name: 'Filter by status' }), 'Installed');
    await waitFor(() => expect(tableRows(section)).toHaveLength(2));

    await userEvent.type(within(section).getByRole('searchbox', { name: 'Filter by device, user or UICC ID' }), 'adele');
    await waitFor(() => expect(tableRows(section)).toHaveLength(1));
    expect(tableRows(section)[0]?.textContent).toContain('LAPTOP-02');

    await userEvent.click(within(section).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(tableRows(section)).toHaveLength(8));
  });

  it('shows friendly labels and details in the table, and sorts by status', async () => {
    const { section } = setup(ROWS);
    await within(section).findByRole('table');
    const byDevice = (name: string) => tableRows(section).find((r) => r.textContent?.includes(name));
    expect(byDevice('LAPTOP-04')?.textContent).toContain('Waiting for check-in');
    expect(byDevice('LAPTOP-04')?.textContent).toContain('Not assigned yet');
    expect(byDevice('LAPTOP-05')?.textContent).toContain('The carrier has not released this profile · ProfileNotReleasedByOperator');
    expect(byDevice('LAPTOP-08')?.textContent).toContain('—');
    await userEvent.click(within(section).getByRole('columnheader', { name: 'Status' }));
    expect(tableRows(section).map((r) => r.textContent?.match(/LAPTOP-\d+/)?.[0])).toEqual([
      'LAPTOP-01', 'LAPTOP-02', 'LAPTOP-04', 'LAPTOP-03', 'LAPTOP-05', 'LAPTOP-07', 'LAPTOP-06', 'LAPTOP-08',
    ]);
  });

  it('starts filtered from the URL', async () => {
    const { section } = setup(ROWS, '/pools/pool-1?status=removed');
    await within(section).findByRole('table');
    expect(tableRows(section)).toHaveLength(1);
    expect(within(section).getByRole('button', { name: /^Removed/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says how to get devices when none has a state yet, and does not poll', async () => {
    const { section } = setup([]);
    await within(section).findByText('No device has received a profile from this pool yet. Assign the pool to device groups.');
    expect(section.textContent).not.toContain('Refreshing every');
  });

  it('shows a load error with retry, and refreshes on demand', async () => {
    let failing = true;
    const { section, calls, graph } = setup([row(1, 'installed')]);
    graph.on({ path: PATH }, () => (failing ? graphError(503, 'ServiceUnavailable', 'Try later.') : undefined));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('Device status could not be loaded');
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await within(section).findByRole('table');
    expect(section.textContent).not.toContain('Refreshing every');
    const before = calls.length;
    await userEvent.click(within(section).getByRole('button', { name: 'Refresh device status' }));
    await waitFor(() => expect(calls.length).toBe(before + 1));
  });
});
