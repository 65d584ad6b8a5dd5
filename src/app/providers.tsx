import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { MsalProvider } from '@azure/msal-react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useSyncExternalStore, type ReactNode } from 'react';
import type { Auth } from '../auth/auth.ts';
import { AuthProvider } from '../auth/auth-context.tsx';
import { TOASTER_ID } from '../lib/toaster.ts';

// Toasts follow user actions, so the toaster can arrive just after the first render.
const Toaster = lazy(() => import('@fluentui/react-toast').then((m) => ({ default: m.Toaster })));


const darkQuery = typeof window !== 'undefined' ? window.matchMedia?.('(prefers-color-scheme: dark)') : undefined;

function usePrefersDark(): boolean {
  return useSyncExternalStore(
    (cb) => {
      darkQuery?.addEventListener('change', cb);
      return () => darkQuery?.removeEventListener('change', cb);
    },
    () => darkQuery?.matches ?? false,
  );
}

/** Theme root only: for pages shown before sign-in is possible (config errors). */
export function StandaloneProviders({ children }: { children: ReactNode }) {
  const dark = usePrefersDark();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      {children}
    </FluentProvider>
  );
}

export function AppProviders({ auth, queryClient, children }: { auth: Auth; queryClient: QueryClient; children: ReactNode }) {
  return (
    <StandaloneProviders>
      <MsalProvider instance={auth.msal}>
        <AuthProvider auth={auth}>
          <QueryClientProvider client={queryClient}>
            {children}
            <Suspense fallback={null}>
              <Toaster toasterId={TOASTER_ID} position="top-end" pauseOnHover pauseOnWindowBlur />
            </Suspense>
          </QueryClientProvider>
        </AuthProvider>
      </MsalProvider>
    </StandaloneProviders>
  );
}
