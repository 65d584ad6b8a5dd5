import { graphKeys } from '../../lib/query-keys.ts';

/**
 * The one query-key factory of the pool resource, built level on level:
 * every key starts with `poolKeys.all`, so invalidating it (any pool write)
 * refreshes every pool read; a pool's own reads sit below `detail(id)`, so
 * removing a deleted pool's reads (keys holding its id) removes them all.
 * Keys never hold activation codes.
 */
export const poolKeys = {
  all: graphKeys.pools,
  lists: () => [...poolKeys.all, 'list'] as const,
  /**
   * One list of every pool, per view: `table` (the streamed `$select` list),
   * `names` (the never-stale name lookup), `withAssignments` (the
   * `$expand=assignments` overview). Each view caches its own shape.
   */
  list: (filters: { view: 'table' | 'names' | 'withAssignments' }) => [...poolKeys.lists(), filters] as const,
  details: () => [...poolKeys.all, 'detail'] as const,
  detail: (poolId: string) => [...poolKeys.details(), poolId] as const,
  summary: (poolId: string) => [...poolKeys.detail(poolId), 'summary'] as const,
  assignments: (poolId: string) => [...poolKeys.detail(poolId), 'assignments', 'list'] as const,
  assignmentCount: (poolId: string) => [...poolKeys.detail(poolId), 'assignments', 'count'] as const,
  deviceStates: (poolId: string) => [...poolKeys.detail(poolId), 'deviceStates'] as const,
  deviceStateCount: (poolId: string) => [...poolKeys.detail(poolId), 'deviceStates', 'count'] as const,
  /**
   * The fleet view's background read: device-state counts by state and their `createdDateTime`s, and with
   * `failedDevices` (pools of up to 1,000 codes) the failed devices' details too (see get-pool-usage.ts).
   */
  usage: (poolId: string, read: { failedDevices: boolean }) => [...poolKeys.detail(poolId), 'usage', read] as const,
  /** The dashboard's read of a pool's failed and errored device states, with their details (see get-pool-failed-devices.ts). */
  failedDevices: (poolId: string) => [...poolKeys.detail(poolId), 'deviceStates', 'failed'] as const,
  /**
   * The pool's audit history read since `since` (ISO): below the pool, so a pool write
   * (rename, assign) refreshes an open history and removing a deleted pool's reads removes it.
   */
  history: (poolId: string, since: string) => [...poolKeys.detail(poolId), 'history', { since }] as const,
};
