/** renderWithApp with the fake Graph and auth: the example in README (Architecture → Tests). */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RenamePoolDialog } from '../features/pools/components/rename-pool-dialog.tsx';
import { createFakeGraph } from './fake-graph.ts';
import { renderWithApp } from './render-with-app.tsx';

describe('renderWithApp', { timeout: 20_000 }, () => {
  it('renders in the app providers over the fake Graph: what the admin sees, and what was sent', async () => {
    const graph = createFakeGraph();
    graph.seedPool({ id: 'pool-1', displayName: 'Contoso Mobile' });
    graph.fail({ method: 'PATCH', path: /pool-1$/ }, 500, 'InternalServerError', 'Something broke.');
    const onOpenChange = vi.fn();
    const { user, auth } = renderWithApp(<RenamePoolDialog pool={{ id: 'pool-1', displayName: 'Contoso Mobile' }} open onOpenChange={onOpenChange} />, { graph });
    await user.type(screen.getByRole('textbox', { name: /Name/ }), ' EMEA{enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Something broke.');
    expect(graph.calls({ method: 'PATCH' }).map((r) => r.body)).toEqual([{ displayName: 'Contoso Mobile EMEA' }]);
    expect(graph.pool('pool-1')?.displayName).toBe('Contoso Mobile');
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(auth.getSnapshot()).toMatchObject({ canWrite: true, user: { name: 'Megan Bowen' } });
  });

  it('starts at `path`, serves other `pages`, and gives a read-only account a read-only app', async () => {
    const { router, auth } = renderWithApp(<h1>Pool page</h1>, { path: '/pools/pool-1?status=failed', route: '/pools/:poolId', pages: { '/pools': <h1>Pools list</h1> }, canWrite: false });
    await screen.findByRole('heading', { name: 'Pool page' });
    expect(router.state.location.search).toBe('?status=failed');
    await router.navigate('/pools');
    await screen.findByRole('heading', { name: 'Pools list' });
    expect(auth.getSnapshot()).toMatchObject({ canWrite: false, readOnlyReason: 'scope' });
  });
});
