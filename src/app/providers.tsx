import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { MsalProvider } from '@azure/msal-react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import type { Auth } from '../auth/auth.ts';
import { AuthProvider } from '../auth/auth-context.tsx';
import { TOASTER_ID } from '../lib/toaster.ts';
import type { ResolvedTheme } from './theme/theme-choice.ts';
import { useTheme } from './theme/theme-store.ts';

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

/** Fluent's own themes: web light and dark, and Teams' high contrast (opt-in, or when the system asks for contrast). */
const THEMES: Readonly<Record<ResolvedTheme, Theme>> = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme };

/**
 * The page around the provider follows the theme too: the browser's colour
 * scheme (scrollbars, form controls) and the body's colours, from the theme's
 * tokens, so no white shows past the provider in dark or high contrast.
 */
function usePageColours(resolved: ResolvedTheme, theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    root.style.colorScheme = resolved === 'light' ? 'light' : 'dark';
    root.dataset['theme'] = resolved;
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    document.body.style.color = theme.colorNeutralForeground1;
  }, [resolved, theme]);
}

/** Theme root only: for pages shown before sign-in is possible (config errors). */
export function StandaloneProviders({ children }: { children: ReactNode }) {
  const { resolved } = useTheme();
  const theme = THEMES[resolved];
  usePageColours(resolved, theme);
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
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
