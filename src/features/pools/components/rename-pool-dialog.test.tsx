import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeGraph, type FakeGraph } from '../../../testing/fake-graph.ts';
import { renderWithApp, type RenderWithAppOptions } from '../../../testing/render-with-app.tsx';
import { renamePoolSchema } from '../lib/rename-pool-schema.ts';
import { RenamePoolDialog } from './rename-pool-dialog.tsx';

const POOL = { id: 'pool-1', displayName: 'Contoso Mobile' };

describe('renamePoolSchema', () => {
  const schema = renamePoolSchema('Contoso Mobile');
  const message = (displayName: string) => {
    const r = schema.safeParse({ displayName });
    return r.success ? null : r.error.issues[0]?.message;
  };

  it('trims the name and accepts up to 256 characters', () => {
    expect(schema.parse({ displayName: '  Fabrikam  ' })).toEqual({ displayName: 'Fabrikam' });
    expect(schema.parse({ displayName: `${'x'.repeat(256)}   ` }).displayName).toHaveLength(256);
  });

  it('refuses an empty, too long or unchanged name with a message that says what to do', () => {
    expect(message('')).toBe('Enter a name for the pool.');
    expect(message('   ')).toBe('Enter a name for the pool.');
    expect(message('x'.repeat(257))).toBe('Use 256 characters or fewer.');
    expect(message(' Contoso Mobile ')).toBe('This is already the pool’s name. Enter a different name.');
  });
});

function setup(arrange: (graph: FakeGraph) => void = () => undefined, options: RenderWithAppOptions = {}) {
  const graph = createFakeGraph();
  graph.seedPool({ ...POOL, activationCodeCount: 10 });
  arrange(graph);
  const onOpenChange = vi.fn();
  renderWithApp(<RenamePoolDialog pool={POOL} open onOpenChange={onOpenChange} />, { graph, ...options });
  const dialog = screen.getByRole('dialog', { name: 'Rename pool' });
  const input = within(dialog).getByRole('textbox', { name: /Name/ });
  return { calls: graph.requests, onOpenChange, dialog, input };
}

describe('RenamePoolDialog', { timeout: 20_000 }, () => {
  it('starts from the current name and shows validation in the field, without calling Graph', async () => {
    const { calls, dialog, input, onOpenChange } = setup();
    expect((input as HTMLInputElement).value).toBe('Contoso Mobile');
    await userEvent.clear(input);
    await userEvent.type(input, '   ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Enter a name for the pool.');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(input);
    await userEvent.paste('x'.repeat(257));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Use 256 characters or fewer.');

    await userEvent.clear(input);
    await userEvent.type(input, 'Fabrikam');
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());
    expect(calls).toEqual([]);
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('sends the trimmed name and closes', async () => {
    const { calls, dialog, input, onOpenChange } = setup();
    await userEvent.clear(input);
    await userEvent.type(input, '  Fabrikam eSIM {enter}');
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PATCH', '/deviceManagement/embeddedSIMActivationCodePools/pool-1', { displayName: 'Fabrikam eSIM' }],
    ]);
    expect(dialog.isConnected).toBe(true); // the parent closes it
  });

  it('keeps the dialog open with the service’s reason when the rename fails', async () => {
    const { dialog, input, onOpenChange } = setup((graph) => graph.fail({ method: 'PATCH', path: /pool-1$/ }, 400, 'BadRequest', 'The request is invalid.'));
    await userEvent.clear(input);
    await userEvent.type(input, 'Fabrikam');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The pool was not renamed');
    expect(alert.textContent).toContain('The request is invalid.');
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('when Intune refuses the rename: keeps the typed name, names the missing role once, and disables Save described by it', async () => {
    // A Read Only Operator in Intune: the token has the write scope, and Graph refuses the write with Intune's 403.
    const { calls, dialog, input, onOpenChange } = setup(undefined, { account: 'operator' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Fabrikam');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Device configurations');
    expect((input as HTMLInputElement).value).toBe('Fabrikam');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(save.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Your Intune role does not allow changing eSIM pools/);
    // Said once: the failure explains the refusal, no read-only notice repeats it beside it.
    expect(within(dialog).getAllByText(/Read Only Operator can only view them/)).toHaveLength(1);
    expect(within(dialog).queryByText('Intune refused a change')).toBeNull();
    await userEvent.click(save);
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(onOpenChange).not.toHaveBeenCalled();
  });
});
