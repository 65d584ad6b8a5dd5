import { queryOptions, useQuery } from '@tanstack/react-query';
import { AUDIT_PERMISSION } from '../../config/permissions.ts';
import { graph } from '../../graph/client.ts';
import { AUDIT_EVENTS_PATH, auditEventsFilter, type AuditEvent } from './types.ts';
import { eventsForPool, mergePages } from './describe-event.ts';
import { poolKeys } from '../pools/keys.ts';
import { REPLACE_WINDOW_MS, replacedPools, type ReplacedPool } from './replaced-pool.ts';

/** Intune keeps audit events for one year: the widest window worth asking for. */
export const AUDIT_RETENTION_MS = 365 * 24 * 3600_000;

export interface PoolHistory {
  /** The events that name the pool in their resources, newest first. */
  events: AuditEvent[];
  /** Pools its creator deleted just before creating it (see replaced-pool.ts), nearest first. */
  replaced: ReplacedPool[];
  /** The start of the window read (ISO). */
  since: string;
}

/** Where a pool's history starts: shortly before its creation (to see a replace's delete), or a year back when unknown. */
export function historySince(createdDateTime: string | null | undefined, now = Date.now()): string {
  const created = createdDateTime ? Date.parse(createdDateTime) : NaN;
  const since = Number.isFinite(created) ? Math.max(created - REPLACE_WINDOW_MS, now - AUDIT_RETENTION_MS) : now - AUDIT_RETENTION_MS;
  return new Date(since).toISOString();
}

/**
 * `GET /deviceManagement/auditEvents?$filter=activityDateTime ge {since}`, every page
 * (`@odata.nextLink`), matched to the pool by its id in `resources` here: Graph cannot
 * filter on a resource id. Needs DeviceManagementApps.Read.All, asked for on demand.
 */
export async function getPoolHistory(poolId: string, since: string, signal?: AbortSignal): Promise<PoolHistory> {
  const pages: AuditEvent[][] = [];
  const opts = { query: { filter: auditEventsFilter(Date.parse(since)) }, permission: AUDIT_PERMISSION, signal };
  for await (const page of graph().pages<AuditEvent>(AUDIT_EVENTS_PATH, opts)) pages.push(page.value);
  const all = mergePages(...pages);
  return { events: eventsForPool(all, poolId), replaced: replacedPools(all, poolId), since };
}

export const poolHistoryQueryOptions = (poolId: string, since: string) =>
  queryOptions({
    queryKey: poolKeys.history(poolId, since),
    queryFn: ({ signal }) => getPoolHistory(poolId, since, signal),
    // A refusal (403) or a missing consent is not fixed by asking again.
    retry: false,
  });

/** Enabled only once the admin opened the history (the permission is asked for from that click). */
export function usePoolHistory(poolId: string, since: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...poolHistoryQueryOptions(poolId, since), enabled });
}
