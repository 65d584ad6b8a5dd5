import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../graph/types.ts';
import { poolPaths } from '../pools/paths.ts';
import type { AssignmentInput } from './types.ts';

/**
 * `PATCH /{pool}/assignments/{id}`: replaces one assignment's target (a group
 * moved between include and exclude, its filter kept). Graph may answer 200
 * with the assignment or 204 without a body.
 */
export function updatePoolAssignment(
  poolId: string,
  assignmentId: string,
  body: AssignmentInput,
): Promise<EmbeddedSimActivationCodePoolAssignment | undefined> {
  return graph().patch<EmbeddedSimActivationCodePoolAssignment | undefined>(poolPaths.assignment(poolId, assignmentId), body);
}
