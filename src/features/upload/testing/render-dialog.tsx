/**
 * Test helpers for the upload feature's dialogs: a fake Microsoft Graph behind
 * the real GraphClient, and Fluent + react-query around a component.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { configureGraph } from '../../../graph/client.ts';

export interface FakeResponse {
  status: number;
  body?: unknown;
  text?: string;
}

/** Points the app-wide Graph client at `handler` (path below /beta, without the query); unhandled: 404. */
export function fakeGraph(handler: (method: string, path: string) => FakeResponse | undefined): { calls: string[] } {
  const calls: string[] = [];
  configureGraph({
    baseUrl: 'https://graph.test',
    getToken: () => Promise.resolve('test-token'),
    maxRetries: 0,
    sleep: () => Promise.resolve(),
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const method = init?.method ?? 'GET';
      const path = decodeURIComponent(url.pathname.replace(/^\/beta/, ''));
      calls.push(`${method} ${path}`);
      const res = handler(method, path) ?? { status: 404, body: { error: { code: 'ResourceNotFound', message: 'Not found' } } };
      const headers = new Headers({ 'request-id': '00000000-0000-4000-8000-000000000000' });
      if (res.text !== undefined) {
        headers.set('Content-Type', 'text/plain');
        return new Response(res.text, { status: res.status, headers });
      }
      headers.set('Content-Type', 'application/json');
      return new Response(res.body === undefined ? null : JSON.stringify(res.body), { status: res.status, headers });
    },
  });
  return { calls };
}

export function renderWithProviders(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </FluentProvider>,
  );
}
