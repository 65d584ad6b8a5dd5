import { graphPath } from '../../graph/odata.ts';
import { POOLS_PATH } from '../../graph/types.ts';

/**
 * Every Graph path of the eSIM pool resource and what it contains, built in
 * one place (features declare no Graph paths of their own). Ids are
 * percent-encoded by `graphPath`.
 */
export const poolPaths = {
  collection: POOLS_PATH,
  pool: (poolId: string) => POOLS_PATH + graphPath`/${poolId}`,
  assignments: (poolId: string) => POOLS_PATH + graphPath`/${poolId}/assignments`,
  assignment: (poolId: string, assignmentId: string) => POOLS_PATH + graphPath`/${poolId}/assignments/${assignmentId}`,
  assign: (poolId: string) => POOLS_PATH + graphPath`/${poolId}/assign`,
  deviceStates: (poolId: string) => POOLS_PATH + graphPath`/${poolId}/deviceStates`,
};
