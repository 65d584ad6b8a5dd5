import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { MsalProvider } from '@azure/msal-react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Auth } from '../auth/auth.ts';
import { AuthProvider } from '../auth/auth-context.tsx';
import { TOASTER_ID } from '../lib/toaster.ts';

// Toasts follow user actions, so the toaster can arrive once the first page is up: its chunks
// (shared with pages the user has not opened) are not fetched and parsed while that page loads.
const Toaster = lazy(() => import('@fluentui/react-toast').then((m) => ({ default: m.Toaster })));

/** True once the browser has been idle after the first render (at the latest after `timeoutMs`). */
function useAfterFirstPage(timeoutMs = 1500): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setReady(true), { timeout: timeoutMs });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => setReady(true), 200);
    return () => window.clearTimeout(id);
  }, [timeoutMs]);
  return ready;
}


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
  const toaster = useAfterFirstPage();
  return (
    <StandaloneProviders>
      <MsalProvider instance={auth.msal}>
        <AuthProvider auth={auth}>
          <QueryClientProvider client={queryClient}>
            {children}
            {toaster && (
              <Suspense fallback={null}>
                <Toaster toasterId={TOASTER_ID} position="top-end" pauseOnHover pauseOnWindowBlur />
              </Suspense>
            )}
          </QueryClientProvider>
        </AuthProvider>
      </MsalProvider>
    </StandaloneProviders>
  );
}
