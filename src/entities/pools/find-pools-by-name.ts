import { graph } from '../../graph/client.ts';
import { eq } from '../../graph/odata.ts';
import { poolPaths } from './paths.ts';
import type { PoolSummary } from './types.ts';

/**
 * `GET …/embeddedSIMActivationCodePools?$filter=displayName eq '<name>'`: the
 * re-list after an ambiguous create. Not cached (it must see the service's
 * state now), so it has no query options or hook.
 */
export function findPoolsByName(name: string, signal?: AbortSignal): Promise<PoolSummary[]> {
  return graph().getAll<PoolSummary>(poolPaths.collection, {
    query: { filter: eq('displayName', name), select: ['id', 'displayName', 'activationCodeCount', 'createdDateTime'] },
    signal,
  });
}
