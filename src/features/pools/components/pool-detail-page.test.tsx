import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { poolKeys } from '../../../entities/pools/keys.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import type { DeviceStateRow } from '../../../entities/pools/get-device-states.ts';
import { createFakeGraph, graphError, type FakeGraph } from '../../../testing/fake-graph.ts';
import { createTestQueryClient, renderWithApp, type RenderWithAppOptions } from '../../../testing/render-with-app.tsx';
import { PoolDetailPage } from './pool-detail-page.tsx';

const POOL = {
  id: 'pool-1',
  displayName: 'Contoso Mobile – Field devices',
  activationCodeCount: 1000,
  createdDateTime: '2026-01-05T10:00:00Z',
  modifiedDateTime: '2026-02-01T12:30:00Z',
};
const BASE = '/deviceManagement/embeddedSIMActivationCodePools/pool-1';

const state = (i: number, s: DeviceStateRow['state'], stateDetails: string | null = null): DeviceStateRow => ({
  id: `st-${i}`,
  deviceName: `LAPTOP-${i}`,
  userName: `user${i}@contoso.example`,
  universalIntegratedCircuitCardIdentifier: `8901000000000000${String(i).padStart(3, '0')}1`,
  state: s,
  stateDetails,
  lastSyncDateTime: '2026-02-02T08:00:00Z',
});

/** Graph with the pool (unless null), its device states and `assignments` group assignments. */
function graphFor({
  pool = POOL,
  states = [state(1, 'installed'), state(2, 'failed', 'ProfileNotReleasedByOperator'), state(3, 'installed')],
  assignments = 2,
}: {
  pool?: typeof POOL | null;
  states?: DeviceStateRow[];
  assignments?: number;
} = {}): FakeGraph {
  const graph = createFakeGraph();
  const groups = Array.from({ length: assignments }, (_, i) => graph.seedGroup({ id: `g${i}`, displayName: `Group ${i}` }).id);
  if (pool) graph.seedPool({ ...pool, assignments: groups.map((id) => ({ include: id })), deviceStates: states });
  return graph;
}

/** The page at /pools/pool-1, with the list it goes back to at /pools. */
const renderPage = (ui: ReactNode, options: RenderWithAppOptions = {}) =>
  renderWithApp(ui, { path: '/pools/pool-1', pages: { '/pools': <h1>Pools list</h1> }, ...options });

describe('PoolDetailPage', { timeout: 20_000 }, () => {
  it('shows the pool properties, the assignments slot and device status', async () => {
    const graph = graphFor();
    renderPage(<PoolDetailPage poolId="pool-1" assignmentsSlot={<h2>Assignments</h2>} />, { graph });
    await screen.findByRole('heading', { level: 1, name: POOL.displayName });
    const essentials = screen.getByRole('region', { name: 'Essentials' });
    within(essentials).getByText('1,000');
    within(essentials).getByText('pool-1');
    within(essentials).getByRole('button', { name: 'Copy pool ID' });
    expect(screen.getByRole('navigation', { name: 'Breadcrumb' }).textContent).toContain('eSIM cellular profiles');
    screen.getByRole('heading', { level: 2, name: 'Assignments' });
    const status = screen.getByRole('region', { name: 'Device status' });
    await within(status).findByRole('button', { name: /^Installed 2 devices/ });
    within(status).getByRole('button', { name: /^Failed 1 device/ });
    expect(document.title).toBe(`${POOL.displayName} – eSIM cellular profiles`);
  });

  it('shows a not-found state with a link back when the pool does not exist', async () => {
    const graph = graphFor({ pool: null });
    renderPage(<PoolDetailPage poolId="pool-1" assignmentsSlot={<h2>Assignments</h2>} />, { graph });
    await screen.findByRole('heading', { level: 1, name: 'This pool no longer exists' });
    expect(screen.getByRole('link', { name: 'Back to eSIM cellular profiles' }).getAttribute('href')).toBe('/pools');
    expect(screen.queryByRole('heading', { name: 'Assignments' })).toBeNull();
  });

  it('shows other load errors with the service message and a retry', async () => {
    let fail = true;
    const graph = graphFor();
    graph.on({ path: BASE }, () => (fail ? graphError(500, 'InternalServerError', 'Something broke.') : undefined));
    renderPage(<PoolDetailPage poolId="pool-1" />, { graph });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This pool could not be loaded');
    expect(alert.textContent).toContain('Something broke.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { level: 1, name: POOL.displayName });
  });

  it('disables rename and delete for a read-only user and says why', async () => {
    const graph = graphFor();
    renderPage(<PoolDetailPage poolId="pool-1" />, { graph, canWrite: false });
    const rename = await screen.findByRole('button', { name: 'Rename' });
    const del = screen.getByRole('button', { name: 'Delete' });
    for (const b of [rename, del]) {
      expect(b.getAttribute('aria-disabled')).toBe('true');
      const reason = document.getElementById(b.getAttribute('aria-describedby') ?? '');
      expect(reason?.textContent).toMatch(/read-only access.*DeviceManagementConfiguration\.ReadWrite\.All/);
    }
    await userEvent.click(rename);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says once why the page is read-only, and the assignments slot points its write buttons to that notice', async () => {
    const graph = graphFor();
    renderPage(
      <PoolDetailPage
        poolId="pool-1"
        assignmentsSlot={(noticeId) => (
          <button type="button" aria-disabled="true" aria-describedby={noticeId}>
            Edit assignments
          </button>
        )}
      />,
      { graph, canWrite: false },
    );
    const edit = await screen.findByRole('button', { name: 'Edit assignments' });
    expect(document.getElementById(edit.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/read-only access/);
    expect(edit.getAttribute('aria-describedby')).toBe(screen.getByRole('button', { name: 'Rename' }).getAttribute('aria-describedby'));
    expect(screen.getAllByText(/Your account has read-only access/)).toHaveLength(1);
  });

  it('renames: the new name shows at once, in the list cache too, with a toast', async () => {
    const graph = graphFor();
    const calls = graph.requests;
    const queryClient = createTestQueryClient();
    queryClient.setQueryData<PoolProperties[]>(poolKeys.list({ view: 'table' }), [POOL, { ...POOL, id: 'pool-2', displayName: 'Other' }]);
    renderPage(<PoolDetailPage poolId="pool-1" />, { graph, queryClient });
    await userEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    // The dialog's code loads when it opens (the first time in a test run, a cold transform).
    const dialog = await screen.findByRole('dialog', { name: 'Rename pool' }, { timeout: 10_000 });
    const input = within(dialog).getByRole('textbox', { name: /Name/ });
    await userEvent.clear(input);
    await userEvent.type(input, '  Fabrikam eSIM  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 1, name: 'Fabrikam eSIM' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await screen.findByText('Pool renamed to “Fabrikam eSIM”');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ displayName: 'Fabrikam eSIM' });
    expect(queryClient.getQueryData<PoolProperties[]>(poolKeys.list({ view: 'table' }))?.map((p) => p.displayName)).toEqual(['Fabrikam eSIM', 'Other']);
  });

  it('deletes after typing the name when devices use the pool, then opens the list with a toast', async () => {
    const graph = graphFor();
    const calls = graph.requests;
    const queryClient = createTestQueryClient();
    queryClient.setQueryData<PoolProperties[]>(poolKeys.list({ view: 'table' }), [POOL, { ...POOL, id: 'pool-2', displayName: 'Other' }]);
    const { router } = renderPage(<PoolDetailPage poolId="pool-1" />, { graph, queryClient });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this pool?' }, { timeout: 10_000 });
    await within(dialog).findByText('3 devices use this pool');
    expect(dialog.textContent).toContain('1,000 activation codes.');
    expect(dialog.textContent).toContain('2 assignments to device groups.');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), POOL.displayName);
    await userEvent.click(confirm);
    await screen.findByRole('heading', { level: 1, name: 'Pools list' });
    expect(router.state.location.pathname).toBe('/pools');
    await screen.findByText('Pool deleted');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([BASE]);
    // Nothing read the deleted pool again, and the list no longer has it.
    const deleteIndex = calls.findIndex((c) => c.method === 'DELETE');
    expect(calls.slice(deleteIndex + 1).filter((c) => c.path.startsWith(BASE))).toEqual([]);
    expect(queryClient.getQueryData<PoolProperties[]>(poolKeys.list({ view: 'table' }))?.map((p) => p.id)).toEqual(['pool-2']);
    expect(queryClient.getQueryData(poolKeys.detail('pool-1'))).toBeUndefined();
  });

  it('keeps the dialog open with the reason when the delete is refused', async () => {
    const graph = graphFor();
    graph.fail({ method: 'DELETE', path: BASE }, 403, 'Forbidden', 'Application must have one of the following scopes: DeviceManagementConfiguration.ReadWrite.All');
    const { router } = renderPage(<PoolDetailPage poolId="pool-1" />, { graph });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.type(await within(dialog).findByRole('textbox', { name: /to confirm/ }), POOL.displayName);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The pool was not deleted');
    expect(alert.textContent).toContain('needs the DeviceManagementConfiguration.ReadWrite.All permission');
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    expect(router.state.location.pathname).toBe('/pools/pool-1');
  });

  it('when Intune refuses a delete: keeps the typed name, names the missing role once, and turns every write button off with the page’s one notice', async () => {
    // A Read Only Operator in Intune: the token has the write scope, and Graph refuses the write with Intune's 403.
    const graph = graphFor();
    const calls = graph.requests;
    renderPage(<PoolDetailPage poolId="pool-1" />, { graph, account: 'operator' });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog');
    const name = await within(dialog).findByRole('textbox', { name: /to confirm/ });
    await userEvent.type(name, POOL.displayName);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/Read Only Operator.*Device configurations.*Policy and Profile Manager/);
    expect((name as HTMLInputElement).value).toBe(POOL.displayName);
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    // Said once in the dialog: the failure explains the refusal and describes the disabled Delete.
    expect(document.getElementById(confirm.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Your Intune role does not allow changing eSIM pools/);
    expect(within(dialog).getAllByText(/Read Only Operator can only view them/)).toHaveLength(1);
    await userEvent.click(confirm);
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    for (const b of [await screen.findByRole('button', { name: 'Rename' }), await screen.findByRole('button', { name: 'Delete' })]) {
      expect(b.getAttribute('aria-disabled')).toBe('true');
      expect(document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Intune refused a change Your Intune role does not allow changing eSIM pools/);
    }
    // And once on the page.
    expect(screen.getAllByText(/Read Only Operator can only view them/)).toHaveLength(1);
  });
});
