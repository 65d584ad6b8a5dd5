import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../../auth/auth-context.tsx';
import { fakeAuth, type FakeAuth } from '../../../auth/test-support.ts';
import { configureGraph } from '../../../graph/client.ts';
import { GRAPH } from '../../../graph/test-support.ts';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { AssignmentsSection } from './assignments-section.tsx';

const INC = '#microsoft.graph.groupAssignmentTarget';
const EXC = '#microsoft.graph.exclusionGroupAssignmentTarget';
const ALL = '#microsoft.graph.allDevicesAssignmentTarget';
const GROUPS: Record<string, string> = { 'g-field': 'Field engineers EMEA', 'g-fin': 'Finance devices' };
const ROLE_403 = { error: { code: 'Forbidden', message: 'The caller does not have the Intune permission for this operation.', innerError: {} } };

interface Write {
  method: string;
  path: string;
  body: unknown;
}

let assignments: EmbeddedSimActivationCodePoolAssignment[];
let writes: Write[];
/** Runs before the next assignments read (another admin's change). */
let beforeNextRead: (() => void) | undefined;
let writeAnswer: { status: number; body: unknown } | undefined;

function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** One pool's assignments, group names, member counts; writes are recorded and applied unless `writeAnswer` says otherwise. */
async function graphFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input));
  const method = init.method ?? 'GET';
  const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
  const path = url.pathname.replace(/^\/beta/, '');
  if (path.endsWith('/assignments') && method === 'GET') {
    beforeNextRead?.();
    beforeNextRead = undefined;
    return respond(200, { value: assignments });
  }
  if (path.endsWith('/directoryObjects/getByIds')) {
    const ids = (body as { ids: string[] }).ids;
    return respond(200, { value: ids.filter((id) => GROUPS[id]).map((id) => ({ id, displayName: GROUPS[id] })) });
  }
  if (path.endsWith('/members/$count') || path.endsWith('/microsoft.graph.device/$count')) return new Response('3', { status: 200, headers: { 'Content-Type': 'text/plain' } });
  // The review's shortfall line: the pool, its device states, the Windows device count.
  if (method === 'GET' && path.endsWith('/deviceStates')) return respond(200, { value: [{ state: 'installed', createdDateTime: '2026-11-01T00:00:00Z' }] });
  if (method === 'GET' && path.endsWith('/managedDevices')) return respond(200, { '@odata.count': 40, value: [] });
  if (method === 'GET' && path.endsWith('/pool-1')) return respond(200, { id: 'pool-1', displayName: 'Pool', activationCodeCount: 25, createdDateTime: '2026-01-01T00:00:00Z', modifiedDateTime: '2026-01-01T00:00:00Z' });
  writes.push({ method, path, body });
  if (writeAnswer) return respond(writeAnswer.status, writeAnswer.body);
  if (path.endsWith('/assign')) {
    assignments = (body as { assignments: { target: EmbeddedSimActivationCodePoolAssignment['target'] }[] }).assignments.map((a, i) => ({ id: `n${i}`, target: a.target }));
    return respond(200, { value: assignments });
  }
  return respond(404, { error: { code: 'NotFound', message: `no fake for ${method} ${path}` } });
}

function renderSection(auth: FakeAuth): void {
  configureGraph({
    baseUrl: GRAPH,
    getToken: () => Promise.resolve('t'),
    fetch: graphFetch as typeof fetch,
    sleep: () => Promise.resolve(),
    maxRetries: 0,
    onWriteForbidden: (e) => auth.markWriteRefused(e),
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <FluentProvider theme={webLightTheme}>
      <AuthProvider auth={auth}>
        <QueryClientProvider client={client}>
          <AssignmentsSection poolId="pool-1" />
        </QueryClientProvider>
      </AuthProvider>
    </FluentProvider>,
  );
}

/** Opens the editor, ticks "Include all devices" and goes to the review. */
async function addAllDevicesAndReview(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Edit assignments' }));
  await user.click(screen.getByRole('checkbox', { name: 'Include all devices' }));
  await user.click(screen.getByRole('button', { name: 'Review changes' }));
  await screen.findByRole('heading', { name: 'Review changes' });
}

beforeEach(() => {
  assignments = [{ id: 'a1', target: { '@odata.type': INC, groupId: 'g-field' } }];
  writes = [];
  beforeNextRead = undefined;
  writeAnswer = undefined;
});

describe('AssignmentsEditor: another admin changed the pool meanwhile', () => {
  it('sends nothing, says what changed, and after "Review again" saves the draft on top of the current assignments', async () => {
    const user = userEvent.setup();
    renderSection(fakeAuth(true));
    await addAllDevicesAndReview(user);

    beforeNextRead = () => assignments.push({ id: 'a2', target: { '@odata.type': EXC, groupId: 'g-fin' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByText(/Another admin changed this pool’s assignments since you opened the editor/);
    expect(alert.textContent).toMatch(/added (Finance devices|Unknown group \(g-fin\)) \(excluded\)/);
    expect(writes).toEqual([]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Review again on top of the current assignments' }));
    const changes = screen.getByRole('list', { name: 'Changes' });
    expect(within(changes).getAllByRole('listitem')).toHaveLength(1);
    expect(changes.textContent).toMatch(/Added: All devices/);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    const sent = (writes[0]?.body as { assignments: { target: { '@odata.type': string; groupId?: string } }[] }).assignments.map((a) => a.target);
    expect(writes[0]?.path).toBe('/deviceManagement/embeddedSIMActivationCodePools/pool-1/assign');
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
    renderSection(fakeAuth(true));
    await addAllDevicesAndReview(user);
    // All 40 Windows devices, 1 already has a code, 24 codes left: 15 short.
    await screen.findByText('After this save: 15 devices may get no profile', undefined, { timeout: 5_000 });
    expect(screen.getByText(/^How computed: Targeted = all 40 Windows devices \(all-devices target\)/).textContent).toMatch(/1 device already given a code, so 39 without one, against 24 remaining codes/);
    expect(writes).toEqual([]);
  }, 20_000);

  it('saves at once when nothing changed in between (one read just before the write)', async () => {
    const user = userEvent.setup();
    renderSection(fakeAuth(true));
    await addAllDevicesAndReview(user);
    let reads = 0;
    beforeNextRead = () => reads++;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Assignments saved.');
    expect(reads).toBe(1);
    expect(writes).toHaveLength(1);
  }, 20_000);
});

describe('AssignmentsEditor: Intune refuses the save', () => {
  it('keeps the draft, names the missing Intune role, and disables Save with the notice', async () => {
    const user = userEvent.setup();
    const auth = fakeAuth(true);
    renderSection(auth);
    await addAllDevicesAndReview(user);
    writeAnswer = { status: 403, body: ROLE_403 };

    await user.click(screen.getByRole('button', { name: 'Save' }));

    const failed = await screen.findByText(/Assignments were not saved/);
    expect(failed.closest('[role="alert"]')?.textContent).toMatch(/Device configurations.*Policy and Profile Manager/);
    expect(auth.getSnapshot()).toMatchObject({ canWrite: false, readOnlyReason: 'intuneRole' });
    // The draft is still there, still in review.
    expect(screen.getByRole('list', { name: 'Changes' }).textContent).toMatch(/Added: All devices/);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-disabled')).toBe('true');
    const notice = document.getElementById(save.getAttribute('aria-describedby') ?? '');
    expect(notice?.textContent).toMatch(/^Intune refused a change: your Intune role does not allow changing eSIM pools/);
    await user.click(save);
    expect(writes).toHaveLength(1);
  }, 20_000);
});
