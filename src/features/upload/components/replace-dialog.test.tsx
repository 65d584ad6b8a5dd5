import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';
import type { PoolPlan } from '../lib/plan-batch.ts';
import { createFakeGraph, type SeedPool } from '../../../testing/fake-graph.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { ReplaceDialog } from './replace-dialog.tsx';

const ASSIGNMENTS: SeedPool['assignments'] = [{ id: 'a1', include: 'g-sales', filterId: 'f-1', filterType: 'include' }, { id: 'a2', exclude: 'g-kiosk' }];
/** The old pool's assignments as Graph returns them (every target property, null or `none` when unset). */
const AS_GRAPH_RETURNS = [
  { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g-sales', deviceAndAppManagementAssignmentFilterId: 'f-1', deviceAndAppManagementAssignmentFilterType: 'include' } },
  { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g-kiosk', deviceAndAppManagementAssignmentFilterId: null, deviceAndAppManagementAssignmentFilterType: 'none' } },
];

function plan(codeCount: number): PoolPlan {
  const codes: EmbeddedSimActivationCode[] = Array.from({ length: codeCount }, (_, i) => ({
    integratedCircuitCardIdentifier: `89${i}`,
    matchingIdentifier: `M${i}`,
    smdpPlusServerAddress: 'smdp.contoso-mobile.example.com',
  }));
  // Only what the dialog reads of a plan.
  return {
    key: 'h1',
    name: 'contoso-mobile',
    codes,
    codeCount,
    files: [{ file: { id: 'f1', name: 'contoso-new.csv', size: 1 } }],
    choice: { mode: 'replace', poolId: 'old-1', poolName: 'contoso-mobile', poolCodeCount: 40 },
  } as unknown as PoolPlan;
}

function setup({ devices = 0, assignments = ASSIGNMENTS, codes = 25 } = {}) {
  const graph = createFakeGraph();
  graph.seedGroup({ id: 'g-sales', displayName: 'Sales devices' });
  graph.seedGroup({ id: 'g-kiosk', displayName: 'Kiosks' });
  graph.seedPool({
    id: 'old-1',
    displayName: 'contoso-mobile',
    activationCodeCount: 40,
    assignments,
    deviceStates: Array.from({ length: devices }, (_, i) => ({ id: `s${i}`, state: 'installed' as const })),
  });
  const onConfirm = vi.fn();
  renderWithApp(<ReplaceDialog open pools={[plan(codes)]} newCount={0} onConfirm={onConfirm} onCancel={() => undefined} />, { graph });
  const dialog = screen.getByRole('alertdialog', { name: 'Replace “contoso-mobile”?' });
  const confirm = within(dialog).getByRole('button', { name: 'Replace and upload' }) as HTMLButtonElement;
  return { dialog, confirm, onConfirm };
}

describe('ReplaceDialog', { timeout: 20_000 }, () => {
  it('shows the old count, the codes given to devices, the new count and the one-time-use warning; asks for the name when devices use the pool', async () => {
    const { dialog, confirm, onConfirm } = setup({ devices: 20 });
    expect(confirm.disabled).toBe(true);
    await within(dialog).findByText(/20 devices use “contoso-mobile”/);
    const text = dialog.textContent ?? '';
    expect(text).toContain('Old pool “contoso-mobile”: 40 codes; deleted first.');
    expect(text).toContain('Given to devices (spent or pending): 20 codes.');
    expect(text).toContain('New pool “contoso-mobile”: created with 25 codes from contoso-new.csv.');
    expect(text).toContain('Microsoft Graph does not say which ones were spent');
    expect(text).toContain('only codes the carrier confirms are unused, plus the new ones');
    expect(text).toContain('hands spent codes out again, and they fail at the carrier');

    const name = within(dialog).getByRole('textbox', { name: /type “contoso-mobile” to replace it/ });
    expect(confirm.disabled).toBe(true);
    await userEvent.type(name, 'contoso');
    expect(confirm.disabled).toBe(true);
    await userEvent.type(name, '-mobile');
    expect(confirm.disabled).toBe(false);
    await userEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith({
      h1: {
        carryAssignments: true,
        confirmedOldPool: { codeCount: 40, deviceStateCount: 20, assignments: AS_GRAPH_RETURNS },
      },
    });
  });

  it('carries the assignments by default and offers keeping the new pool unassigned; no name needed without devices', async () => {
    const { dialog, confirm, onConfirm } = setup();
    const carry = await within(dialog).findByRole('radio', { name: /Assign the new pool the same way/ });
    expect(dialog.textContent).toContain('assigned to 1 included group, 1 excluded group, 1 filter');
    expect((carry as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await userEvent.click(within(dialog).getByRole('radio', { name: /Keep the new pool unassigned/ }));
    await userEvent.click(confirm);
    expect(onConfirm.mock.calls[0]?.[0].h1.carryAssignments).toBe(false);
  });

  it('refuses an empty new set', async () => {
    const { dialog, confirm } = setup({ codes: 0 });
    await within(dialog).findByText(/The new set holds no codes/);
    await within(dialog).findByRole('radio', { name: /Assign the new pool the same way/ });
    expect(within(dialog).getByTestId('replace-given').textContent).toBe('Given to devices (spent or pending): 0 codes.');
    expect(confirm.disabled).toBe(true);
  });
});
