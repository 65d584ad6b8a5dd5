import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AuthProvider } from '../../../auth/auth-context.tsx';
import { fakeAuth } from '../../../auth/test-support.ts';
import { DEFAULT_READ_PACE, setReadPace } from '../../../entities/fleet/read-pacer.ts';
import { configureGraph } from '../../../graph/client.ts';
import type { DeviceStateWording } from '../lib/wording.ts';
import { DashboardPage } from './dashboard-page.tsx';

const POOLS = '/deviceManagement/embeddedSIMActivationCodePools';

const pools = [
  { id: 'p-fine', displayName: 'Fine Mobile', activationCodeCount: 1000, createdDateTime: '2026-01-01T00:00:00Z', modifiedDateTime: '2026-01-01T00:00:00Z', assignments: [] },
  { id: 'p-fail', displayName: 'Failing Telecom', activationCodeCount: 100, createdDateTime: '2026-01-01T00:00:00Z', modifiedDateTime: '2026-01-01T00:00:00Z', assignments: [] },
];
const states: Record<string, { id: string; state: string; stateDetails: string | null; deviceName: string; createdDateTime: string; modifiedDateTime: string }[]> = {
  'p-fine': [{ id: 's1', state: 'installed', stateDetails: null, deviceName: 'PC-1', createdDateTime: '2026-11-01T00:00:00Z', modifiedDateTime: '2026-11-01T00:00:00Z' }],
  'p-fail': [
    { id: 's2', state: 'installed', stateDetails: null, deviceName: 'PC-2', createdDateTime: '2026-11-01T00:00:00Z', modifiedDateTime: '2026-11-01T00:00:00Z' },
    { id: 's3', state: 'failed', stateDetails: 'NotEnoughSpace', deviceName: 'PC-3', createdDateTime: '2026-11-01T00:00:00Z', modifiedDateTime: '2026-11-02T00:00:00Z' },
  ],
};

const wording: DeviceStateWording = {
  stateLabel: { notEvaluated: 'Waiting', installing: 'Installing', installed: 'Installed', failed: 'Failed', error: 'Error', deleting: 'Removing', deleted: 'Removed', removedByUser: 'Removed by user' },
  reason: (d) => (d.stateDetails === 'NotEnoughSpace' ? 'No room for another eSIM profile' : 'No details'),
  advice: () => 'Free some room',
};

let requests: string[];

beforeEach(() => {
  requests = [];
  setReadPace({ concurrency: 4, perSecond: 1000 });
  configureGraph({
    baseUrl: 'https://graph.test',
    getToken: () => Promise.resolve('t'),
    maxRetries: 0,
    sleep: () => Promise.resolve(),
    fetch: (input) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const path = decodeURIComponent(url.pathname.replace(/^\/beta/, ''));
      requests.push(`${path}?${decodeURIComponent(url.search.slice(1))}`);
      const ok = (value: unknown[]) => Promise.resolve(new Response(JSON.stringify({ value }), { status: 200, headers: { 'content-type': 'application/json' } }));
      if (path === POOLS) return ok(pools);
      const m = /^\/deviceManagement\/embeddedSIMActivationCodePools\/([^/]+)\/deviceStates$/.exec(path);
      if (m) {
        const rows = states[m[1]!] ?? [];
        return ok(url.searchParams.get('$filter') ? rows.filter((r) => r.state === 'failed' || r.state === 'error') : rows);
      }
      return Promise.resolve(new Response(JSON.stringify({ error: { code: 'NotFound', message: path } }), { status: 404, headers: { 'content-type': 'application/json' } }));
    },
  });
});
afterEach(() => setReadPace(DEFAULT_READ_PACE));

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/dashboard', element: <DashboardPage wording={wording} /> }], { initialEntries: [url] });
  render(
    <FluentProvider theme={webLightTheme}>
      <AuthProvider auth={fakeAuth(true)}>
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AuthProvider>
    </FluentProvider>,
  );
  return router;
}

describe('DashboardPage', () => {
  it('reads every pool, puts the failing pool first and lists its failed device with the reason', { timeout: 15_000 }, async () => {
    renderAt('/dashboard');
    expect(await screen.findByText('Read all 2 pools', {}, { timeout: 10_000 })).toBeTruthy();
    const urgency = screen.getByRole('table', { name: 'Pools by urgency' });
    expect(within(urgency).getAllByRole('row')[1]?.textContent).toContain('Failing Telecom');
    const failed = await screen.findByRole('table', { name: 'Failed devices' });
    expect(within(failed).getByText('No room for another eSIM profile')).toBeTruthy();
    expect(within(failed).getByRole('link', { name: 'Failing Telecom' }).getAttribute('href')).toBe('/pools/p-fail');
    // The failed devices are read only for the pool whose counts show failures.
    const failedReads = requests.filter((r) => r.includes('$filter='));
    expect(failedReads).toEqual([expect.stringContaining('/p-fail/deviceStates?')]);
  });

  it('applies the filters in the URL to every section', { timeout: 15_000 }, async () => {
    renderAt('/dashboard?q=fine');
    expect(await screen.findByText('Read all 2 pools', {}, { timeout: 10_000 })).toBeTruthy();
    expect((screen.getByRole('searchbox', { name: 'Filter pools by name' }) as HTMLInputElement).value).toBe('fine');
    const urgency = screen.getByRole('table', { name: 'Pools by urgency' });
    expect(within(urgency).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByRole('table', { name: 'Failed devices' })).toBeNull();
    expect(screen.getByRole('button', { name: /Export 0 to CSV/ }).hasAttribute('disabled')).toBe(true);
  });
});
