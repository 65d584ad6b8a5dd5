import { graph } from '../../../graph/client.ts';
import { isGraphError } from '../../../graph/errors.ts';
import { graphPath } from '../../../graph/odata.ts';
import { POOLS_PATH } from '../../../graph/types.ts';
import type { PoolSummary } from '../lib/upload-runner.ts';

/** `GET /{id}`, or null on 404: does a pool created by an interrupted batch still exist? Not cached. */
export async function getPoolIfExists(id: string, signal?: AbortSignal): Promise<PoolSummary | null> {
  try {
    return await graph().get<PoolSummary>(POOLS_PATH + graphPath`/${id}`, { query: { select: ['id', 'displayName', 'activationCodeCount'] }, signal });
  } catch (e) {
    if (isGraphError(e) && e.status === 404) return null;
    throw e;
  }
}
