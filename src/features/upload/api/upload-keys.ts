import { graphKeys } from '../../../lib/query-keys.ts';

/**
 * The upload feature's reads, below `graphKeys.pools` so that invalidating
 * pools after an upload refreshes them too. Keys never hold activation codes.
 */
export const uploadKeys = {
  all: graphKeys.pools,
  /** id + displayName + activationCodeCount of every pool: the name check and the "already exists" notice. */
  poolNames: () => [...graphKeys.pools, 'names'] as const,
};
