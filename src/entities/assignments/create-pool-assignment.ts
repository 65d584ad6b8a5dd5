import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../graph/types.ts';
import { poolPaths } from '../pools/paths.ts';
import type { AssignmentInput } from './types.ts';

/**
 * `POST /{pool}/assignments`: adds one assignment, leaving the others as they
 * are. Not idempotent — after an ambiguous failure re-read before repeating.
 */
export function createPoolAssignment(poolId: string, body: AssignmentInput): Promise<EmbeddedSimActivationCodePoolAssignment> {
  return graph().post<EmbeddedSimActivationCodePoolAssignment>(poolPaths.assignments(poolId), body);
}
