import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimDeviceStateValue } from '../../graph/types.ts';
import { countStates } from '../fleet/capacity.ts';
import { pacedPages, READ_PRIORITY } from '../fleet/read-pacer.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

/**
 * What the fleet view needs of a pool's device states: how many are in each
 * state (capacity: given out, spent, pending) and when each was created (burn
 * rate). One paged read, `GET /{id}/deviceStates?$select=state,createdDateTime
 * &$top=1000`, is the cheapest faithful way: one request for a pool with up
 * to 1,000 device states (Intune's page limit), where `$count` per state
 * would take eight requests and still not give the dates.
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
}

/** Intune's largest page. */
export const USAGE_PAGE_SIZE = 1000;
const SELECT = ['state', 'createdDateTime'];

type UsageRow = { state: string; createdDateTime?: string | null };

/** Usage from device-state rows, however they were read (the list's paced read, or the detail page's full one). */
export function usageFromStates(rows: readonly UsageRow[], asOf: number): PoolUsage {
  const createdDateTimes: string[] = [];
  for (const r of rows) if (r.createdDateTime) createdDateTimes.push(r.createdDateTime);
  return { counts: countStates(rows), deviceStates: rows.length, createdDateTimes, asOf };
}

export interface PoolUsageReadOptions {
  signal?: AbortSignal;
  /** Queue priority (see read-pacer.ts): visible rows first. */
  priority?: number;
  now?: () => number;
}

/** Reads a pool's usage through the shared paced queue, one queued request per page. */
export async function getPoolUsage(poolId: string, { signal, priority = READ_PRIORITY.background, now = Date.now }: PoolUsageReadOptions = {}): Promise<PoolUsage> {
  const pages = graph().pages<UsageRow>(poolPaths.deviceStates(poolId), { query: { select: SELECT, top: USAGE_PAGE_SIZE }, signal });
  const rows = await pacedPages(pages, { signal, priority });
  return usageFromStates(rows, now());
}

/** Counts move slowly (devices get codes over days): five minutes fresh, kept half an hour for the dashboard and list. */
export const USAGE_STALE_MS = 5 * 60_000;
export const USAGE_GC_MS = 30 * 60_000;

/** The queue priority a caller put in the query's `meta` (scheduling only: the answer is the same whatever it is). */
export const priorityMeta = (priority: number) => ({ priority });
const metaPriority = (meta: Record<string, unknown> | undefined) => (typeof meta?.priority === 'number' ? meta.priority : READ_PRIORITY.background);

export const poolUsageQueryOptions = (poolId: string, priority: number = READ_PRIORITY.background) =>
  queryOptions({
    queryKey: poolKeys.usage(poolId),
    queryFn: ({ signal, meta }) => getPoolUsage(poolId, { signal, priority: metaPriority(meta) }),
    meta: priorityMeta(priority),
    staleTime: USAGE_STALE_MS,
    gcTime: USAGE_GC_MS,
  });

/** One pool's usage (the detail page reads its device states itself; this is for single-pool views elsewhere). */
export function usePoolUsage(poolId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...poolUsageQueryOptions(poolId, READ_PRIORITY.visible), enabled });
}
