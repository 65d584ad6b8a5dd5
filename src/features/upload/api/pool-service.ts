import type { PoolService } from '../lib/upload-runner.ts';
import { createPool } from './create-pool.ts';
import { deletePool } from './delete-pool.ts';
import { findPoolsByName } from './find-pools-by-name.ts';
import { getPoolIfExists } from './get-pool-if-exists.ts';

/** The upload runner's Graph calls, through the app's one Graph client. */
export const graphPoolService: PoolService = {
  create: (input, signal) => createPool(input, signal),
  findByName: (name, signal) => findPoolsByName(name, signal),
  get: (id, signal) => getPoolIfExists(id, signal),
  remove: (id, signal) => deletePool(id, signal),
};
