import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeGraph, type FakeGraph } from '../../../testing/fake-graph.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { AssignmentsSection } from './assignments-section.tsx';

/** One pool with an include of a known group and an exclude of a group deleted from the directory; group searches never answer until aborted. */
function renderSection(canWrite: boolean, ui = <AssignmentsSection poolId="pool-1" />): FakeGraph {
  const graph = createFakeGraph();
  graph.seedGroup({ id: 'g-field', displayName: 'Field engineers EMEA', memberCount: 143 });
  graph.seedGroup({ id: 'g-fin', displayName: 'Finance devices', memberCount: 12 });
  graph.seedPool({ id: 'pool-1', displayName: 'Contoso Mobile', assignments: [{ include: 'g-field' }, { exclude: 'g-deleted' }] });
  graph.hang({ method: 'GET', path: '/groups' });
  renderWithApp(ui, { graph, canWrite });
  return graph;
}

describe('AssignmentsSection', () => {
  it('resolves names in one getByIds call, shows member counts, and shows a group that no longer resolves as Unknown group (id)', async () => {
    const seen = renderSection(true).requests;
    const included = await screen.findByRole('table', { name: 'Included groups' });
    expect(within(included).getByText('Field engineers EMEA')).toBeTruthy();
    await waitFor(() => expect(within(included).getByText('143')).toBeTruthy());
    const excluded = screen.getByRole('table', { name: 'Excluded groups' });
    expect(within(excluded).getByText('Unknown group (g-deleted)')).toBeTruthy();

    const byIds = seen.filter((s) => s.path.endsWith('getByIds'));
    expect(byIds).toHaveLength(1);
    const count = seen.find((s) => s.path.endsWith('/members/$count'));
    expect(new URL(count?.url ?? '').pathname).toBe('/beta/groups/g-field/members/$count');
    expect(count?.headers.get('ConsistencyLevel')).toBe('eventual');
    // no count is asked for a group that does not resolve
    expect(seen.some((s) => s.path.includes('g-deleted'))).toBe(false);
  });

  it('for a read-only account, disables editing and says why', async () => {
    renderSection(false);
    await screen.findByRole('table', { name: 'Included groups' });
    const edit = screen.getByRole('button', { name: 'Edit assignments' });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(edit.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/read-only access \(DeviceManagementConfiguration\.Read\.All\)/);
    await userEvent.click(edit);
    expect(screen.queryByRole('combobox', { name: 'Included groups' })).toBeNull();
  });

  it('on a page that already says why it is read-only, points Edit to that notice and does not repeat it', async () => {
    renderSection(
      false,
      <>
        <p id="page-notice">Your account has read-only access (page notice)</p>
        <AssignmentsSection poolId="pool-1" readOnlyNoticeId="page-notice" />
      </>,
    );
    await screen.findByRole('table', { name: 'Included groups' });
    const edit = screen.getByRole('button', { name: 'Edit assignments' });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
    expect(edit.getAttribute('aria-describedby')).toBe('page-notice');
    expect(screen.getAllByText(/Your account has read-only access/)).toHaveLength(1);
  });

  it('searches groups after a pause in typing, with ConsistencyLevel, and aborts the previous search on new input', async () => {
    // Keystrokes without a pause between them (no timer runs between two keys, however loaded the
    // machine), so only the debounce can stand between them and one search per key.
    const user = userEvent.setup({ delay: null });
    const seen = renderSection(true).requests;
    const edit = () => screen.getByRole('button', { name: 'Edit assignments' });
    await waitFor(() => expect(edit().getAttribute('aria-disabled')).toBeNull(), { timeout: 10_000 }); // once names are read
    await user.click(edit());
    const input = await screen.findByRole('combobox', { name: 'Included groups' });
    expect(screen.getAllByText(/Backspace again removes it/).length).toBeGreaterThan(0);

    await user.type(input, 'fi"el');
    await waitFor(() => expect(seen.filter((s) => s.path === '/groups')).toHaveLength(1), { timeout: 5_000 });
    const first = seen.filter((s) => s.path === '/groups')[0];
    expect(first?.query.get('$search')).toBe('"displayName:fi\\"el"');
    expect(first?.query.get('$count')).toBe('true');
    expect(first?.headers.get('ConsistencyLevel')).toBe('eventual');
    expect(first?.signal?.aborted).toBe(false);

    await user.type(input, 'd');
    await waitFor(() => expect(seen.filter((s) => s.path === '/groups')).toHaveLength(2), { timeout: 5_000 });
    expect(first?.signal?.aborted).toBe(true);
    expect(seen.filter((s) => s.path === '/groups')[1]?.query.get('$search')).toBe('"displayName:fi\\"eld"');
  }, 20_000);
});
