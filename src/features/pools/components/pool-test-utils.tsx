/**
 * Test helpers for the pool detail feature: a fake Microsoft Graph behind the
 * real GraphClient (configureGraph with a fake fetch), and the app's providers
 * (Fluent, react-query, auth, router, toaster) around a component.
 */
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AuthProvider } from '../../../auth/auth-context.tsx';
import { fakeAuth, type FakeAuth } from '../../../auth/test-support.ts';
import type { GraphError } from '../../../graph/errors.ts';
import { configureGraph } from '../../../graph/client.ts';
import { TOASTER_ID } from '../../../lib/toaster.ts';

export interface GraphCall {
  method: string;
  /** Path below /beta, without the query string. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Sent as text/plain (for $count). */
  text?: string;
}

export type FakeHandler = (call: GraphCall) => FakeResponse | undefined;

export const GRAPH_ORIGIN = 'https://graph.test';

/** Points the app-wide Graph client at `handler`; unhandled requests answer 404 and are recorded. */
export function fakeGraph(handler: FakeHandler, opts: { onWriteForbidden?: (error: GraphError) => void } = {}): { calls: GraphCall[] } {
  const calls: GraphCall[] = [];
  configureGraph({
    ...opts,
    baseUrl: GRAPH_ORIGIN,
    getToken: () => Promise.resolve('test-token'),
    maxRetries: 0,
    sleep: () => Promise.resolve(),
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const rawBody = typeof init?.body === 'string' ? init.body : undefined;
      const call: GraphCall = {
        method: init?.method ?? 'GET',
        path: decodeURIComponent(url.pathname.replace(/^\/beta/, '')),
        query: url.searchParams,
        body: rawBody === undefined ? undefined : JSON.parse(rawBody),
      };
      calls.push(call);
      const res = handler(call) ?? {
        status: 404,
        body: { error: { code: 'ResourceNotFound', message: `No fake for ${call.method} ${call.path}` } },
      };
      const headers = new Headers({ 'request-id': '00000000-0000-4000-8000-000000000000' });
      if (res.text !== undefined) {
        headers.set('Content-Type', 'text/plain');
        return new Response(res.text, { status: res.status, headers });
      }
      headers.set('Content-Type', 'application/json');
      return new Response(res.body === undefined || res.status === 204 ? null : JSON.stringify(res.body), { status: res.status, headers });
    },
  });
  return { calls };
}

export function graphError(status: number, code: string, message: string): FakeResponse {
  return { status, body: { error: { code, message, innerError: { 'request-id': '00000000-0000-4000-8000-000000000000' } } } };
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export interface RenderOptions {
  canWrite?: boolean;
  /** The initial URL; the element is served at /pools/:poolId, the list at /pools. */
  url?: string;
  queryClient?: QueryClient;
  /** Defaults to a fake whose token has the write scope when `canWrite`. */
  auth?: FakeAuth;
}

export function renderWithApp(ui: ReactNode, { canWrite = true, url = '/pools/pool-1', queryClient = createTestQueryClient(), auth = fakeAuth(canWrite) }: RenderOptions = {}) {
  const router = createMemoryRouter(
    [
      { path: '/pools', element: <h1>Pools list</h1> },
      { path: '/pools/:poolId', element: ui },
    ],
    { initialEntries: [url] },
  );
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <AuthProvider auth={auth}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
          <Toaster toasterId={TOASTER_ID} />
        </QueryClientProvider>
      </AuthProvider>
    </FluentProvider>,
  );
  return { ...result, router, queryClient };
}
