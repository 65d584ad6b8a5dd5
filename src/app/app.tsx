import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter, useNavigate } from 'react-router';
import type { Auth } from '../auth/auth.ts';
import type { AppConfig } from '../config/config.ts';
import { AppProviders } from './providers.tsx';
import { usePrefetchOnLinkIntent } from './link-prefetch.ts';
import { AppRoutes } from './router.tsx';

/** Lets MSAL navigate inside the SPA (after sign-in) instead of reloading the page. */
function MsalRouterBridge({ auth }: { auth: Auth }) {
  const navigate = useNavigate();
  useEffect(() => auth.setRouterNavigate((url, replace) => void navigate(url, { replace })), [auth, navigate]);
  return null;
}

/** Pages and their data start loading when the admin is about to follow a link. */
function LinkPrefetch() {
  usePrefetchOnLinkIntent();
  return null;
}

export function App({ auth, config, queryClient }: { auth: Auth; config: AppConfig; queryClient: QueryClient }) {
  return (
    <AppProviders auth={auth} queryClient={queryClient}>
      <BrowserRouter>
        <MsalRouterBridge auth={auth} />
        <LinkPrefetch />
        <AppRoutes config={config} />
      </BrowserRouter>
    </AppProviders>
  );
}
