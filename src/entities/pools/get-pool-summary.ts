import { queryOptions, useQueries } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { isGraphError } from '../../graph/errors.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';
import type { PoolSummary } from './types.ts';

/** `GET /{id}` (id, name, code count, created), or null on 404. */
export async function getPoolSummary(poolId: string, signal?: AbortSignal): Promise<PoolSummary | null> {
  try {
    return await graph().get<PoolSummary>(poolPaths.pool(poolId), {
      query: { select: ['id', 'displayName', 'activationCodeCount', 'createdDateTime'] },
      signal,
    });
  } catch (e) {
    if (isGraphError(e) && e.status === 404) return null;
    throw e;
  }
}

export const poolSummaryQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: poolKeys.summary(poolId),
    queryFn: ({ signal }) => getPoolSummary(poolId, signal),
    // Read before a destructive write: always from the service.
    staleTime: 0,
  });

export function usePoolSummaries(poolIds: readonly string[], { enabled = true }: { enabled?: boolean } = {}) {
  return useQueries({ queries: poolIds.map((id) => ({ ...poolSummaryQueryOptions(id), enabled })) });
}
