import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimDeviceState, EmbeddedSimDeviceStateValue } from '../../graph/types.ts';
import { countStates } from '../fleet/capacity.ts';
import { isFailed } from '../fleet/failed-devices.ts';
import { pacedPages, READ_PRIORITY } from '../fleet/read-pacer.ts';
import { FAILED_DEVICE_SELECT } from './get-pool-failed-devices.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

/**
 * What the fleet view needs of a pool's device states: how many are in each
 * state (capacity: given out, spent, pending) and when each was created (burn
 * rate). One paged read, `GET /{id}/deviceStates?$select=state,createdDateTime
 * &$top=1000`, is the cheapest faithful way: one request for a pool with up
 * to 1,000 device states (Intune's page limit), where `$count` per state
 * would take eight requests and still not give the dates.
 *
 * A pool of at most 1,000 codes (at most 1,000 device states: one page
 * whatever it selects) is read with the failed-devices list's fields too, so
 * the same request gives its failed devices and the dashboard needs no second
 * one (a tenant of 10,000 such pools: 10,000 requests instead of 14,500). The
 * rows are about 3× larger (≈410–460 bytes of JSON instead of ≈120–150), which on a
 * page of at most 1,000 rows costs less than a second request; a larger pool
 * keeps the lean read, and the dashboard reads its failed devices with a
 * filtered read (get-pool-failed-devices.ts) only when it has some.
 */
export interface PoolUsage {
  /** Device states by state (every state present, 0 when none). */
  counts: Record<EmbeddedSimDeviceStateValue, number>;
  /** Device states read (all states). */
  deviceStates: number;
  /** Each device state's `createdDateTime` (when its device was given a code), as Graph sent it. */
  createdDateTimes: string[];
  /** When the read finished (UTC ms): the figures are "as of" this time. */
  asOf: number;
  /** The failed and errored device states with the failed list's fields, when the read selected them (pools of ≤ 1,000 codes). */
  failedDevices?: EmbeddedSimDeviceState[];
}

/** The pool as the usage read needs it: its code count (when known) decides what the read selects. */
export interface UsagePool {
  id: string;
  activationCodeCount?: number;
}

/** Intune's largest page. */
export const USAGE_PAGE_SIZE = 1000;
const SELECT = ['state', 'createdDateTime'];
const SELECT_WITH_FAILED = [...new Set([...SELECT, ...FAILED_DEVICE_SELECT])];

/** Whether a pool's usage read also selects its failed devices' details: it has at most one page of codes. */
export function usageReadsFailedDevices(pool: UsagePool): boolean {
  return pool.activationCodeCount !== undefined && pool.activationCodeCount <= USAGE_PAGE_SIZE;
}

type UsageRow = { state: string; createdDateTime?: string | null };

/** Usage from device-state rows, however they were read (the list's paced read, or the detail page's full one). */
export function usageFromStates(rows: readonly UsageRow[], asOf: number): PoolUsage {
  const createdDateTimes: string[] = [];
  for (const r of rows) if (r.createdDateTime) createdDateTimes.push(r.createdDateTime);
  return { counts: countStates(rows), deviceStates: rows.length, createdDateTimes, asOf };
}

/** Usage and the failed devices, from rows read with the failed list's fields. */
function usageWithFailed(rows: readonly EmbeddedSimDeviceState[], asOf: number): PoolUsage {
  return { ...usageFromStates(rows, asOf), failedDevices: rows.filter((r) => isFailed(r.state)) };
}

export interface PoolUsageReadOptions {
  /** Also select the failed list's fields and give `failedDevices` (see `usageReadsFailedDevices`). */
  failedDevices?: boolean;
  signal?: AbortSignal;
  /** Queue priority (see read-pacer.ts): visible rows first. */
  priority?: number;
  now?: () => number;
}

/** Reads a pool's usage through the shared paced queue, one queued request per page. */
export async function getPoolUsage(
  poolId: string,
  { failedDevices = false, signal, priority = READ_PRIORITY.background, now = Date.now }: PoolUsageReadOptions = {},
): Promise<PoolUsage> {
  const select = failedDevices ? SELECT_WITH_FAILED : SELECT;
  const pages = graph().pages<EmbeddedSimDeviceState>(poolPaths.deviceStates(poolId), { query: { select, top: USAGE_PAGE_SIZE }, signal });
  const rows = await pacedPages(pages, { signal, priority });
  return failedDevices ? usageWithFailed(rows, now()) : usageFromStates(rows, now());
}

/** Counts move slowly (devices get codes over days): five minutes fresh, kept half an hour for the dashboard and list. */
export const USAGE_STALE_MS = 5 * 60_000;
export const USAGE_GC_MS = 30 * 60_000;

/** The queue priority a caller put in the query's `meta` (scheduling only: the answer is the same whatever it is). */
export const priorityMeta = (priority: number) => ({ priority });
const metaPriority = (meta: Record<string, unknown> | undefined) => (typeof meta?.priority === 'number' ? meta.priority : READ_PRIORITY.background);

/** The lean read and the one with failed devices are cached apart (their data differs), both below the pool. */
export const poolUsageQueryOptions = (pool: UsagePool, priority: number = READ_PRIORITY.background) => {
  const failedDevices = usageReadsFailedDevices(pool);
  return queryOptions({
    queryKey: poolKeys.usage(pool.id, { failedDevices }),
    queryFn: ({ signal, meta }) => getPoolUsage(pool.id, { failedDevices, signal, priority: metaPriority(meta) }),
    meta: priorityMeta(priority),
    staleTime: USAGE_STALE_MS,
    gcTime: USAGE_GC_MS,
  });
};

/** One pool's usage (the detail page reads its device states itself; this is for single-pool views elsewhere). */
export function usePoolUsage(pool: UsagePool, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...poolUsageQueryOptions(pool, READ_PRIORITY.visible), enabled });
}
