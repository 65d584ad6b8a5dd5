import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../../auth/auth-context.tsx';
import { fakeAuth } from '../../../auth/test-support.ts';
import { configureGraph } from '../../../graph/client.ts';
import { GRAPH } from '../../../graph/test-support.ts';
import { AssignmentsSection } from './assignments-section.tsx';

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  signal?: AbortSignal;
}

const GROUPS = [
  { id: 'g-field', displayName: 'Field engineers EMEA' },
  { id: 'g-fin', displayName: 'Finance devices' },
];
let seen: Seen[];

/** A tiny Graph: one pool with an include of a known group and an exclude of a deleted one; searches never answer until aborted. */
function graphFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input));
  const method = init.method ?? 'GET';
  seen.push({ method, url, headers: new Headers(init.headers), signal: init.signal ?? undefined });
  const ok = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  if (url.pathname.endsWith('/assignments')) {
    return ok({
      value: [
        { id: 'a1', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g-field' } },
        { id: 'a2', target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g-deleted' } },
      ],
    });
  }
  if (url.pathname.endsWith('/directoryObjects/getByIds')) return ok({ value: GROUPS.filter((g) => g.id === 'g-field') });
  if (url.pathname.endsWith('/members/$count')) return Promise.resolve(new Response('143', { status: 200, headers: { 'Content-Type': 'text/plain' } }));
  if (url.pathname.endsWith('/groups')) {
    return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }));
  }
  return Promise.resolve(new Response('{}', { status: 404 }));
}

function renderSection(canWrite: boolean): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrap = (children: ReactNode) => (
    <FluentProvider theme={webLightTheme}>
      <AuthProvider auth={fakeAuth(canWrite)}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AuthProvider>
    </FluentProvider>
  );
  render(wrap(<AssignmentsSection poolId="pool-1" />));
}

beforeEach(() => {
  seen = [];
  configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('t'), fetch: graphFetch as typeof fetch, sleep: () => Promise.resolve() });
});

describe('AssignmentsSection', () => {
  it('resolves names in one getByIds call, shows member counts, and shows a group that no longer resolves as Unknown group (id)', async () => {
    renderSection(true);
    const included = await screen.findByRole('table', { name: 'Included groups' });
    expect(within(included).getByText('Field engineers EMEA')).toBeTruthy();
    await waitFor(() => expect(within(included).getByText('143')).toBeTruthy());
    const excluded = screen.getByRole('table', { name: 'Excluded groups' });
    expect(within(excluded).getByText('Unknown group (g-deleted)')).toBeTruthy();

    const byIds = seen.filter((s) => s.url.pathname.endsWith('getByIds'));
    expect(byIds).toHaveLength(1);
    const count = seen.find((s) => s.url.pathname.endsWith('/members/$count'));
    expect(count?.url.pathname).toBe('/beta/groups/g-field/members/$count');
    expect(count?.headers.get('ConsistencyLevel')).toBe('eventual');
    // no count is asked for a group that does not resolve
    expect(seen.some((s) => s.url.pathname.includes('g-deleted'))).toBe(false);
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

  it('searches groups after a pause in typing, with ConsistencyLevel, and aborts the previous search on new input', async () => {
    const user = userEvent.setup();
    renderSection(true);
    await user.click(await screen.findByRole('button', { name: 'Edit assignments' }));
    const input = screen.getByRole('combobox', { name: 'Included groups' });
    expect(screen.getAllByText(/Backspace again removes it/).length).toBeGreaterThan(0);

    await user.type(input, 'fi"el');
    await waitFor(() => expect(seen.filter((s) => s.url.pathname.endsWith('/groups'))).toHaveLength(1));
    const first = seen.filter((s) => s.url.pathname.endsWith('/groups'))[0];
    expect(first?.url.searchParams.get('$search')).toBe('"displayName:fi\\"el"');
    expect(first?.url.searchParams.get('$count')).toBe('true');
    expect(first?.headers.get('ConsistencyLevel')).toBe('eventual');
    expect(first?.signal?.aborted).toBe(false);

    await user.type(input, 'd');
    await waitFor(() => expect(seen.filter((s) => s.url.pathname.endsWith('/groups'))).toHaveLength(2));
    expect(first?.signal?.aborted).toBe(true);
    expect(seen.filter((s) => s.url.pathname.endsWith('/groups'))[1]?.url.searchParams.get('$search')).toBe('"displayName:fi\\"eld"');
  }, 20_000);
});
