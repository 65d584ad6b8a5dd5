import { graph } from '../../../graph/client.ts';
import { isGraphError } from '../../../graph/errors.ts';
import { graphPath } from '../../../graph/odata.ts';
import { POOLS_PATH } from '../../../graph/types.ts';

/** `DELETE /{id}` of the pool being replaced; a pool already gone (404) counts as deleted. */
export async function deletePool(id: string, signal?: AbortSignal): Promise<void> {
  try {
    await graph().delete(POOLS_PATH + graphPath`/${id}`, { signal });
  } catch (e) {
    if (isGraphError(e) && e.status === 404) return;
    throw e;
  }
}
