import { graph } from '../../../graph/client.ts';
import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import type { AssignmentInput } from '../lib/save-plan.ts';
import { poolAssignmentsPath } from './get-pool-assignments.ts';

/**
 * `POST /{pool}/assignments`: adds one assignment, leaving the others as they
 * are. Not idempotent — after an ambiguous failure re-read before repeating.
 * Used through {@link useSavePoolAssignments} when exactly one group is added.
 */
export function createPoolAssignment(poolId: string, body: AssignmentInput): Promise<EmbeddedSimActivationCodePoolAssignment> {
  return graph().post<EmbeddedSimActivationCodePoolAssignment>(poolAssignmentsPath(poolId), body);
}
