import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeGraph, graphError, type Reply } from '../../../testing/fake-graph.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { DeletePoolDialog } from './delete-pool-dialog.tsx';

const POOL = { id: 'pool-1', displayName: 'Contoso Mobile', activationCodeCount: 1 };
const BASE = '/deviceManagement/embeddedSIMActivationCodePools/pool-1';

/** Graph with the pool, `devices` device states (or the count's answer) and `assignments` group assignments. */
function setup(devices: number | Reply, assignments = 0) {
  const graph = createFakeGraph();
  const groups = Array.from({ length: assignments }, (_, i) => graph.seedGroup({ id: `g${i}`, displayName: `Group ${i}` }).id);
  graph.seedPool({
    ...POOL,
    assignments: groups.map((id) => ({ include: id })),
    deviceStates: Array.from({ length: typeof devices === 'number' ? devices : 0 }, (_, i) => ({ id: `s${i}`, state: 'installed' as const })),
  });
  if (typeof devices !== 'number') graph.on({ path: `${BASE}/deviceStates/$count` }, () => devices);
  const onConfirm = vi.fn();
  renderWithApp(<DeletePoolDialog pool={POOL} open onOpenChange={() => undefined} onConfirm={onConfirm} pending={false} error={null} />, { graph });
  const dialog = screen.getByRole('alertdialog', { name: 'Delete this pool?' });
  const deleteButton = within(dialog).getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
  return { dialog, deleteButton, onConfirm };
}

describe('DeletePoolDialog', { timeout: 20_000 }, () => {
  it('states what is lost and asks for the name when devices use the pool', async () => {
    const { dialog, deleteButton, onConfirm } = setup(1234, 1);
    expect(deleteButton.disabled).toBe(true); // still counting
    await within(dialog).findByText('1,234 devices use this pool');
    expect(dialog.textContent).toContain('1 activation code.');
    expect(dialog.textContent).toContain('cannot give them back: keep the carrier’s CSV file');
    expect(dialog.textContent).toContain('1 assignment to device groups.');
    expect(dialog.textContent).toContain('removed at their next check-in');
    expect(dialog.textContent).toContain('carrier may continue to bill');

    const name = within(dialog).getByRole('textbox', { name: /Type Contoso Mobile to confirm/ });
    expect(deleteButton.disabled).toBe(true);
    await userEvent.type(name, 'contoso mobile');
    expect(deleteButton.disabled).toBe(true);
    await userEvent.clear(name);
    await userEvent.type(name, 'Contoso Mobile');
    expect(deleteButton.disabled).toBe(false);
    await userEvent.click(deleteButton);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('needs no name when no device uses the pool', async () => {
    const { dialog, deleteButton, onConfirm } = setup(0, 3);
    await within(dialog).findByText('No device has a profile from this pool.');
    expect(dialog.textContent).toContain('3 assignments to device groups.');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(deleteButton.disabled).toBe(false);
    await userEvent.click(deleteButton);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('asks for the name when the device count cannot be read', async () => {
    const { dialog, deleteButton } = setup(graphError(500, 'InternalServerError', 'Count failed.'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Could not check which devices use this pool');
    within(dialog).getByRole('textbox', { name: /to confirm/ });
    expect(deleteButton.disabled).toBe(true);
  });
});
