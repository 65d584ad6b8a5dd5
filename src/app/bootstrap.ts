import { createAuth } from '../auth/auth.ts';
import { isMicrosoftLoginOrigin } from '../config/clouds.ts';
import { loadConfig } from '../config/config.ts';
import type { AppConfig } from '../config/config.ts';
import { configureGraph } from '../graph/client.ts';
import { createQueryClient } from '../lib/query-client.ts';
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
 * first page's code and React + Fluent (render-app.tsx, a chunk of its own)
 * load, and the first page's Graph data is asked for before they have run:
 * the token and the request no longer wait for the UI code to be evaluated.
 */
export async function bootstrap(container: HTMLElement): Promise<void> {
  const ui = import('./render-app.tsx');
  const firstPage = preloadRouteCode(window.location.pathname);
  const result = await loadConfig();
  const showErrors = async (issues: { field: string; message: string }[]) => {
    const { createAppRoot, renderConfigErrors } = await ui;
    await renderConfigErrors(createAppRoot(container), issues);
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
    // With the first page's code in hand, the first render shows the page, not a fallback.
    const [{ createAppRoot, renderApp }] = await Promise.all([ui, firstPage]);
    renderApp(createAppRoot(container), auth, config, queryClient);
  } catch (error) {
    await showErrors([{ field: 'sign-in', message: error instanceof Error ? error.message : String(error) }]);
  }
}
