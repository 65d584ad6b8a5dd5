/**
 * Which pool a pool replaced, as far as Intune's audit events tell. Graph
 * keeps no link between two pools, and the console's own resume record is
 * removed when the replace finishes, so the link is inferred: a replace in
 * this console deletes the old pool and then creates the new one, by the same
 * admin, within minutes (the create is retried for at most a few minutes
 * after the delete). A pool delete by the same actor in the 15 minutes before
 * this pool's create is reported as the pool it most likely replaced.
 */
import type { AuditEvent, AuditResource } from './types.ts';

export const REPLACE_WINDOW_MS = 15 * 60_000;

export interface ReplacedPool {
  poolId: string;
  /** The old pool's name as the delete event recorded it. */
  displayName: string | null;
  deletedAt: string;
  /** Seconds between the delete and this pool's create. */
  secondsBefore: number;
  /** The admin (or app) who did both. */
  by: string;
}

const POOL_TYPE = /^embeddedSIMActivationCodePool$/i;
const isPoolResource = (r: AuditResource) => POOL_TYPE.test(r.type ?? r.auditResourceType ?? '');
const sameId = (a: string | null | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();
const op = (e: AuditEvent) => e.activityOperationType?.trim().toLowerCase() ?? '';
const actorOf = (e: AuditEvent) => e.actor?.userPrincipalName?.trim() || e.actor?.applicationDisplayName?.trim() || e.actor?.servicePrincipalName?.trim() || null;
const succeeded = (e: AuditEvent) => (e.activityResult?.trim().toLowerCase() ?? 'success') === 'success';

/** The pool's create event (the earliest successful one), if the events hold it. */
export function createEventOf(events: readonly AuditEvent[], poolId: string): AuditEvent | undefined {
  return events
    .filter((e) => op(e) === 'create' && succeeded(e) && e.resources?.some((r) => isPoolResource(r) && sameId(r.resourceId, poolId)))
    .sort((a, b) => Date.parse(a.activityDateTime) - Date.parse(b.activityDateTime))[0];
}

/** Pools deleted by the creator of `poolId` in the window before its create, nearest first. */
export function replacedPools(events: readonly AuditEvent[], poolId: string): ReplacedPool[] {
  const create = createEventOf(events, poolId);
  const by = create && actorOf(create);
  if (!create || !by) return [];
  const createdAt = Date.parse(create.activityDateTime);
  const out: ReplacedPool[] = [];
  for (const e of events) {
    if (op(e) !== 'delete' || !succeeded(e) || actorOf(e) !== by) continue;
    const at = Date.parse(e.activityDateTime);
    if (!(at <= createdAt && createdAt - at <= REPLACE_WINDOW_MS)) continue;
    const old = e.resources?.find((r) => isPoolResource(r) && r.resourceId && !sameId(r.resourceId, poolId));
    if (!old?.resourceId) continue;
    out.push({ poolId: old.resourceId, displayName: old.displayName ?? null, deletedAt: e.activityDateTime, secondsBefore: Math.round((createdAt - at) / 1000), by });
  }
  return out.sort((a, b) => a.secondsBefore - b.secondsBefore);
}
