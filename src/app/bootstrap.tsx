import { createRoot } from 'react-dom/client';
import { createAuth } from '../auth/auth.ts';
import { isMicrosoftLoginOrigin } from '../config/clouds.ts';
import { loadConfig } from '../config/config.ts';
import type { AppConfig } from '../config/config.ts';
import { configureGraph } from '../graph/client.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { App } from './app.tsx';
import { StandaloneProviders } from './providers.tsx';
import { prefetchRouteData, preloadRouteCode } from './route-preload.ts';

function authSettings(config: AppConfig) {
  return {
    clientId: config.clientId,
    authority: config.authority,
    knownAuthorities: config.knownAuthorities,
    customAuthority: !isMicrosoftLoginOrigin(new URL(config.authority).origin),
    redirectUri: config.redirectUri,
    postLogoutRedirectUri: config.postLogoutRedirectUri,
    // Read and write both: a read-only operator is granted only the read scope.
    scopes: config.scopes.all,
    writeScope: config.scopes.write,
    onDemandScopes: config.scopes.onDemand,
  };
}

/**
 * Start-up order matters: config is read and validated, MSAL is initialised
 * (completing a redirect sign-in if one is pending), the Graph client is
 * wired to MSAL's tokens, and only then does React render. Meanwhile the
 * first page's code loads, and its Graph data is asked for before the render.
 */
export async function bootstrap(container: HTMLElement): Promise<void> {
  preloadRouteCode(window.location.pathname);
  const root = createRoot(container);
  const result = await loadConfig();
  // The error page is rare: load it only when needed.
  const showErrors = async (issues: { field: string; message: string }[]) => {
    const { ConfigErrorPage } = await import('./config-error-page.tsx');
    root.render(
      <StandaloneProviders>
        <ConfigErrorPage issues={issues} />
      </StandaloneProviders>,
    );
  };
  if (!result.ok) {
    await showErrors(result.issues);
    return;
  }
  const config = result.config;
  try {
    const auth = await createAuth(authSettings(config));
    configureGraph({
      baseUrl: config.graphBaseUrl,
      getToken: (opts) => auth.getAccessToken(opts),
      // A refused write turns the console read-only for the session, whatever the scopes said.
      onWriteForbidden: (error) => auth.markWriteRefused(error),
    });
    const queryClient = createQueryClient();
    if (auth.currentUser()) prefetchRouteData(window.location.pathname, queryClient);
    root.render(<App auth={auth} config={config} queryClient={queryClient} />);
  } catch (error) {
    await showErrors([{ field: 'sign-in', message: error instanceof Error ? error.message : String(error) }]);
  }
}
