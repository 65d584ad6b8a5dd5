import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAuthState } from '../auth/auth-context.tsx';
import { watchLinkIntent } from './link-intent.ts';
import { prefetchRouteData, preloadRouteCode } from './route-preload.ts';

/**
 * A link the admin rests the pointer on (or tabs to) starts its page's code and Graph reads, as
 * start-up does for the first page: the page then opens with its data in hand or on the way. The
 * same query options as the page, so react-query joins a read in flight and does not read again
 * while the data is fresh (a second hover, or the click that follows, sends nothing).
 */
export function usePrefetchOnLinkIntent(): void {
  const queryClient = useQueryClient();
  const signedIn = useAuthState().user !== null;
  useEffect(() => {
    if (!signedIn) return undefined;
    return watchLinkIntent(document, (pathname) => {
      void preloadRouteCode(pathname);
      prefetchRouteData(pathname, queryClient);
    });
  }, [queryClient, signedIn]);
}
