import type { QueryClient } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import type { Auth } from '../auth/auth.ts';
import type { AppConfig } from '../config/config.ts';
import { App } from './app.tsx';
import { StandaloneProviders } from './providers.tsx';

/**
 * React, Fluent and the shell: loaded by bootstrap in parallel with config.json, MSAL and the
 * first page's Graph request, so none of them waits for this code to be parsed and run.
 */
export function createAppRoot(container: HTMLElement): Root {
  return createRoot(container);
}

export function renderApp(root: Root, auth: Auth, config: AppConfig, queryClient: QueryClient): void {
  root.render(<App auth={auth} config={config} queryClient={queryClient} />);
}

export async function renderConfigErrors(root: Root, issues: { field: string; message: string }[]): Promise<void> {
  // The error page is rare: load it only when needed.
  const { ConfigErrorPage } = await import('./config-error-page.tsx');
  root.render(
    <StandaloneProviders>
      <ConfigErrorPage issues={issues} />
    </StandaloneProviders>,
  );
}
