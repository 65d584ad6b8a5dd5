import type { AssignmentTarget } from '../../graph/types.ts';

/** One assignment as Graph takes it in a write (`POST /assignments`, `PATCH`, the `assign` action). */
export interface AssignmentInput {
  target: AssignmentTarget;
}
