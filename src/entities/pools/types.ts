import type { EmbeddedSimActivationCodePool } from '../../graph/types.ts';

/** A pool's properties as the list and the detail page read them (activation codes are write-only, never read). */
export type PoolProperties = Pick<
  EmbeddedSimActivationCodePool,
  'id' | 'displayName' | 'activationCodeCount' | 'createdDateTime' | 'modifiedDateTime'
>;

/** The `$select` of a `PoolProperties` read. */
export const POOL_PROPERTIES_SELECT = ['id', 'displayName', 'activationCodeCount', 'createdDateTime', 'modifiedDateTime'];

/** id, name and code count: the upload's name check and "already exists" notice. */
export type PoolName = Pick<EmbeddedSimActivationCodePool, 'id' | 'displayName' | 'activationCodeCount'>;

/** id, name, code count and (when read) creation time: what the upload runner reads back and re-lists by name. */
export type PoolSummary = PoolName & Partial<Pick<EmbeddedSimActivationCodePool, 'createdDateTime'>>;
