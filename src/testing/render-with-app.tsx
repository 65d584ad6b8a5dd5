/**
 * Renders a component inside the app's real providers as a test needs them:
 * Fluent (light theme) with the app's Toaster, a fresh QueryClient with
 * retries off, the auth context with a fake account, and a memory router at
 * an initial path — with the fake Graph behind the app's real GraphClient.
 * Test-only: never imported by product code.
 */
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AuthProvider } from '../auth/auth-context.tsx';
import { TOASTER_ID } from '../lib/toaster.ts';
import { fakeAuth, type FakeAuth, type FakeAuthOptions } from './fake-auth.ts';
import { createFakeGraph, type FakeGraph } from './fake-graph.ts';

/** A QueryClient as tests want it: no retries (errors show at once), nothing shared between tests. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/**
 * Renders a hook inside a QueryClientProvider (a fresh test client unless one
 * is given), counting its renders: for hooks that only need react-query.
 */
export function renderQueryHook<Props, Result>(hook: (props: Props) => Result, options: { initialProps?: Props; queryClient?: QueryClient } = {}) {
  const client = options.queryClient ?? createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  let renders = 0;
  const counted = (props: Props) => {
    renders++;
    return hook(props);
  };
  const result = renderHook(counted, { wrapper, ...('initialProps' in options && { initialProps: options.initialProps as Props }) });
  return { ...result, client, renders: () => renders };
}

export interface RenderWithAppOptions extends FakeAuthOptions {
  /** The initial URL. Default `/`. */
  path?: string;
  /** The route pattern the element is served at (so it can read its params). Default `*`. */
  route?: string;
  /** Other pages, by path, to navigate to (e.g. `{ '/pools': <h1>Pools list</h1> }`). */
  pages?: Record<string, ReactNode>;
  /** Default: a new empty fake Graph. Its requests carry the token of `auth`. */
  graph?: FakeGraph;
  /** Default: `fakeAuth({ account, canWrite, scopes })`. */
  auth?: FakeAuth;
  queryClient?: QueryClient;
}

export interface AppRenderResult extends RenderResult {
  user: ReturnType<typeof userEvent.setup>;
  auth: FakeAuth;
  graph: FakeGraph;
  queryClient: QueryClient;
  router: ReturnType<typeof createMemoryRouter>;
}

export function renderWithApp(ui: ReactNode, options: RenderWithAppOptions = {}): AppRenderResult {
  const { path = '/', route = '*', pages = {}, queryClient = createTestQueryClient(), account, canWrite, scopes } = options;
  const auth = options.auth ?? fakeAuth({ ...(account && { account }), ...(canWrite !== undefined && { canWrite }), ...(scopes && { scopes }) });
  const graph = options.graph ?? createFakeGraph();
  graph.auth = auth;
  const router = createMemoryRouter(
    [...Object.entries(pages).map(([pagePath, element]) => ({ path: pagePath, element })), { path: route, element: ui }],
    { initialEntries: [path] },
  );
  const user = userEvent.setup();
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
  return { ...result, user, auth, graph, queryClient, router };
}
