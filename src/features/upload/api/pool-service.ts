import { assignPool } from '../../../entities/assignments/assign-pool.ts';
import { getPoolAssignments } from '../../../entities/assignments/get-pool-assignments.ts';
import { deletePool } from '../../../entities/pools/delete-pool.ts';
import { getDeviceStateCount } from '../../../entities/pools/get-device-state-count.ts';
import { getPoolSummary } from '../../../entities/pools/get-pool-summary.ts';
import { toAssignmentInputs } from '../lib/replace-steps.ts';
import type { PoolService } from '../lib/upload-runner.ts';
import { createPool } from '../../../entities/pools/create-pool.ts';
import { findPoolsByName } from '../../../entities/pools/find-pools-by-name.ts';

/** The upload runner's Graph calls, through the app's one Graph client and the shared resource layer. */
export const graphPoolService: PoolService = {
  create: (input, signal) => createPool(input, signal),
  findByName: (name, signal) => findPoolsByName(name, signal),
  get: (id, signal) => getPoolSummary(id, signal),
  // A pool already gone (404) counts as deleted.
  remove: async (id, signal) => {
    await deletePool(id, signal);
  },
  getAssignments: async (id, signal) => toAssignmentInputs(await getPoolAssignments(id, signal)),
  assign: async (id, assignments, signal) => {
    await assignPool(id, { assignments }, signal);
  },
  countDeviceStates: (id, signal) => getDeviceStateCount(id, signal),
};
