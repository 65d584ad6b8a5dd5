import { QueryClient } from '@tanstack/react-query';

/**
 * The console's one QueryClient. The Graph client already retries what is
 * transient (429/503/504 with Retry-After), so react-query does not retry on
 * top of it: a failed query shows its error (with request-id) at once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
