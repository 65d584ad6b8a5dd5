import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeGraph } from '../../../testing/fake-graph.ts';
import { renderWithApp, type RenderWithAppOptions } from '../../../testing/render-with-app.tsx';
import { BulkAssignDialog } from './bulk-assign-dialog.tsx';

const POOLS = [
  { id: 'pool-1', displayName: 'Contoso Mobile' },
  { id: 'pool-2', displayName: 'Fabrikam Data' },
];

function renderDialog(options: RenderWithAppOptions = {}) {
  const graph = createFakeGraph();
  graph.seedGroup({ id: 'g-exec', displayName: 'Executives', memberCount: 4 });
  for (const p of POOLS) graph.seedPool(p);
  renderWithApp(<BulkAssignDialog pools={POOLS} onClose={() => {}} />, { graph, ...options });
  return { writes: () => graph.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/getByIds')) };
}

const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

async function pickExecutives(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('combobox', { name: 'Included groups' }), 'exec');
  await user.click(await screen.findByRole('option', { name: /Executives/ }, { timeout: 5_000 }));
}

describe('BulkAssignDialog: the groups to add', () => {
  it('keeps "Add to 2 pools" off until a group is picked, with the reason beside it, and sends nothing meanwhile', async () => {
    const user = userEvent.setup();
    const { writes } = renderDialog();
    const add = await screen.findByRole('button', { name: 'Add to 2 pools' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(add)).toBe('Pick a group to include or exclude first.');
    await user.click(add);
    // No run, no confirmation, no error: still choosing.
    expect(screen.getByRole('combobox', { name: 'Included groups' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(writes()).toEqual([]);

    // Replace needs a group too (its button reads Next).
    await user.click(screen.getByRole('radio', { name: /Replace their assignments/ }));
    expect(screen.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('radio', { name: /Add to their assignments/ }));

    await pickExecutives(user);
    const enabled = screen.getByRole('button', { name: 'Add to 2 pools' });
    expect(enabled.getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByText('Pick a group to include or exclude first.')).toBeNull();
    await user.click(enabled);
    await waitFor(() => expect(writes().filter((w) => w.path.endsWith('/assign'))).toHaveLength(2), { timeout: 5_000 });
  }, 20_000);

  it('for a read-only account, the button points to both reasons', async () => {
    renderDialog({ canWrite: false });
    const add = await screen.findByRole('button', { name: 'Add to 2 pools' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(add)).toMatch(/^Read-only access Your account has read-only access.* Pick a group to include or exclude first\.$/);
  });
});

describe('BulkAssignDialog: Intune refuses the run', () => {
  it('says what to ask for once: the refused pool points to the read-only notice, which alone gives the advice', async () => {
    const user = userEvent.setup();
    // A Read Only Operator in Intune: the token has the write scope, and Graph refuses the write with Intune's 403.
    renderDialog({ account: 'operator' });
    await screen.findByRole('button', { name: 'Add to 2 pools' });
    await pickExecutives(user);
    await user.click(screen.getByRole('button', { name: 'Add to 2 pools' }));
    await screen.findByText(/^Failed: Intune refused it; the notice “Intune refused a change” says why and what to ask for\./, undefined, { timeout: 5_000 });
    expect(screen.getAllByText(/Device configurations.*Policy and Profile Manager/)).toHaveLength(1);
    expect(screen.getByText('Intune refused a change')).toBeTruthy();
  }, 20_000);
});
