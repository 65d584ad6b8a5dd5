import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePoolAssignment, ODataCollection } from '../../graph/types.ts';
import { poolPaths } from '../pools/paths.ts';
import type { AssignmentInput } from './types.ts';

/**
 * `POST /{pool}/assign`: replaces the pool's assignments with exactly
 * `body.assignments`. Because it sets the whole list, sending the same body
 * twice leaves the same result: it is safe to repeat after an ambiguous
 * failure (timeout, 5xx, dropped connection).
 */
export async function assignPool(poolId: string, body: { assignments: AssignmentInput[] }, signal?: AbortSignal): Promise<EmbeddedSimActivationCodePoolAssignment[]> {
  const res = await graph().post<ODataCollection<EmbeddedSimActivationCodePoolAssignment> | undefined>(poolPaths.assign(poolId), body, { signal });
  return res?.value ?? [];
}
