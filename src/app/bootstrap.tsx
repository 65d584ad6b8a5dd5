import { createRoot } from 'react-dom/client';
import { createAuth } from '../auth/auth.ts';
import { loadConfig } from '../config/config.ts';
import type { AppConfig } from '../config/config.ts';
import { configureGraph } from '../graph/client.ts';
import { App } from './app.tsx';
import { ConfigErrorPage } from './config-error-page.tsx';
import { StandaloneProviders } from './providers.tsx';

function authSettings(config: AppConfig) {
  const loginHosts = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn'];
  return {
    clientId: config.clientId,
    authority: config.authority,
    knownAuthorities: config.knownAuthorities,
    customAuthority: !loginHosts.includes(new URL(config.authority).host),
    redirectUri: config.redirectUri,
    postLogoutRedirectUri: config.postLogoutRedirectUri,
    scopes: [config.scopes.write, config.scopes.groups],
    writeScope: config.scopes.write,
  };
}

/**
 * Start-up order matters: config is read and validated, MSAL is initialised
 * (completing a redirect sign-in if one is pending), the Graph client is
 * wired to MSAL's tokens, and only then does React render.
 */
export async function bootstrap(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const result = await loadConfig();
  if (!result.ok) {
    root.render(
      <StandaloneProviders>
        <ConfigErrorPage issues={result.issues} />
      </StandaloneProviders>,
    );
    return;
  }
  const config = result.config;
  try {
    const auth = await createAuth(authSettings(config));
    configureGraph({ baseUrl: config.graphBaseUrl, getToken: (opts) => auth.getAccessToken(opts) });
    root.render(<App auth={auth} config={config} />);
  } catch (error) {
    root.render(
      <StandaloneProviders>
        <ConfigErrorPage
          issues={[{ field: 'sign-in', message: error instanceof Error ? error.message : String(error) }]}
        />
      </StandaloneProviders>,
    );
  }
}
