import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeGraph, type FakeGraph } from '../../../testing/fake-graph.ts';
import { renderWithApp, type RenderWithAppOptions } from '../../../testing/render-with-app.tsx';
import { AssignmentsSection } from './assignments-section.tsx';

const INC = '#microsoft.graph.groupAssignmentTarget';
const EXC = '#microsoft.graph.exclusionGroupAssignmentTarget';
const ALL = '#microsoft.graph.allDevicesAssignmentTarget';
const ASSIGNMENTS = '/deviceManagement/embeddedSIMActivationCodePools/pool-1/assignments';

/** One pool including Field engineers; Finance devices exists too. */
function renderSection(options: RenderWithAppOptions = {}) {
  const graph = createFakeGraph();
  graph.seedGroup({ id: 'g-field', displayName: 'Field engineers EMEA', memberCount: 3 });
  graph.seedGroup({ id: 'g-fin', displayName: 'Finance devices', memberCount: 3 });
  graph.seedPool({ id: 'pool-1', displayName: 'Contoso Mobile', assignments: [{ include: 'g-field' }] });
  const view = renderWithApp(<AssignmentsSection poolId="pool-1" />, { graph, ...options });
  return { ...view, writes: () => writesTo(graph) };
}

/** Every request that changes something (getByIds only reads). */
const writesTo = (graph: FakeGraph) => graph.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/getByIds'));

/** Runs `change` once, just before the next read of the assignments (another admin's change, or a counter). */
function beforeNextRead(graph: FakeGraph, change: () => void): void {
  graph.on({ method: 'GET', path: ASSIGNMENTS, times: 1 }, () => {
    change();
    return undefined;
  });
}

/** Opens the editor, ticks "Include all devices" and goes to the review. */
async function addAllDevicesAndReview(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Edit assignments' }));
  // The editor's code loads when editing starts.
  await user.click(await screen.findByRole('checkbox', { name: 'Include all devices' }));
  await user.click(screen.getByRole('button', { name: 'Review changes' }));
  await screen.findByRole('heading', { name: 'Review changes' });
}

describe('AssignmentsEditor: another admin changed the pool meanwhile', () => {
  it('sends nothing, says what changed, and after "Review again" saves the draft on top of the current assignments', async () => {
    const user = userEvent.setup();
    const { graph, writes } = renderSection();
    await addAllDevicesAndReview(user);

    beforeNextRead(graph, () => expect(graph.send('POST', ASSIGNMENTS, { target: { '@odata.type': EXC, groupId: 'g-fin' } }).status).toBe(201));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByText(/Another admin changed this pool’s assignments since you opened the editor/);
    expect(alert.textContent).toMatch(/added (Finance devices|Unknown group \(g-fin\)) \(excluded\)/);
    expect(writes()).toEqual([]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Review again on top of the current assignments' }));
    const changes = screen.getByRole('list', { name: 'Changes' });
    expect(within(changes).getAllByRole('listitem')).toHaveLength(1);
    expect(changes.textContent).toMatch(/Added: All devices/);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes()).toHaveLength(1));
    const sent = (writes()[0]?.body as { assignments: { target: { '@odata.type': string; groupId?: string } }[] }).assignments.map((a) => a.target);
    expect(writes()[0]?.path).toBe('/deviceManagement/embeddedSIMActivationCodePools/pool-1/assign');
    // The other admin's exclusion is kept, and the admin's All devices is added.
    expect(sent).toEqual(
      expect.arrayContaining([
        { '@odata.type': ALL },
        { '@odata.type': INC, groupId: 'g-field' },
        { '@odata.type': EXC, groupId: 'g-fin' },
      ]),
    );
    expect(sent).toHaveLength(3);
    await screen.findByText('Assignments saved.');
  }, 20_000);

  it('the review says, before saving, how many targeted devices the codes left will not cover, and how that was computed', async () => {
    const user = userEvent.setup();
    const graph = createFakeGraph();
    graph.seedGroup({ id: 'g-field', displayName: 'Field engineers EMEA', memberCount: 3 });
    graph.seedPool({
      id: 'pool-1',
      displayName: 'Contoso Mobile',
      activationCodeCount: 25,
      assignments: [{ include: 'g-field' }],
      deviceStates: [{ id: 'ds-1', state: 'installed', createdDateTime: '2026-11-01T00:00:00Z' }],
    });
    // The tenant's Windows device count, as Intune answers it ($count=true, $top=1).
    graph.on({ method: 'GET', path: '/deviceManagement/managedDevices' }, () => ({ status: 200, body: { '@odata.count': 40, value: [] } }));
    renderWithApp(<AssignmentsSection poolId="pool-1" />, { graph });
    await addAllDevicesAndReview(user);
    // All 40 Windows devices, 1 already has a code, 24 codes left: 15 short.
    await screen.findByText('After this save: 15 devices may get no profile', undefined, { timeout: 5_000 });
    expect(screen.getByText(/^How computed: Targeted = all 40 Windows devices \(all-devices target\)/).textContent).toMatch(/1 device already given a code, so 39 without one, against 24 remaining codes/);
    expect(writesTo(graph)).toEqual([]);
  }, 20_000);

  it('saves at once when nothing changed in between (one read just before the write)', async () => {
    const user = userEvent.setup();
    const { graph, writes } = renderSection();
    await addAllDevicesAndReview(user);
    const reviewed = graph.requests.length;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Assignments saved.');
    expect(writes()).toHaveLength(1);
    // Between the review and the write: exactly one read of the assignments.
    const sinceReview = graph.requests.slice(reviewed);
    const write = sinceReview.findIndex((r) => r.method !== 'GET' && !r.path.endsWith('/getByIds'));
    expect(sinceReview.slice(0, write).filter((r) => r.method === 'GET' && r.path === ASSIGNMENTS)).toHaveLength(1);
  }, 20_000);
});

describe('AssignmentsEditor: Intune refuses the save', () => {
  it('keeps the draft, says what to ask for once (in the read-only notice the failure points to), and disables Save with the notice', async () => {
    const user = userEvent.setup();
    // A Read Only Operator in Intune: the token has the write scope, and Graph refuses the write with Intune's 403.
    const { auth, writes } = renderSection({ account: 'operator' });
    await addAllDevicesAndReview(user);

    await user.click(screen.getByRole('button', { name: 'Save' }));

    const failed = await screen.findByText(/Assignments were not saved/);
    // The failure says what was not done and who refused it; the advice is the notice's, said once.
    expect(failed.closest('[role="alert"]')?.textContent).toMatch(/Replacing the pool’s assignments failed\. Intune refused it; the notice “Intune refused a change” says why and what to ask for\./);
    expect(screen.getAllByText(/Device configurations.*Policy and Profile Manager/)).toHaveLength(1);
    expect(auth.getSnapshot()).toMatchObject({ canWrite: false, readOnlyReason: 'intuneRole' });
    // The draft is still there, still in review.
    expect(screen.getByRole('list', { name: 'Changes' }).textContent).toMatch(/Added: All devices/);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-disabled')).toBe('true');
    const notice = document.getElementById(save.getAttribute('aria-describedby') ?? '');
    expect(notice?.textContent).toMatch(/^Intune refused a change Your Intune role does not allow changing eSIM pools/);
    await user.click(save);
    expect(writes()).toHaveLength(1);
  }, 20_000);
});
