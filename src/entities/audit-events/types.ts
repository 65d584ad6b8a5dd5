/**
 * Intune audit events (`GET /deviceManagement/auditEvents`, Graph beta), as
 * far as the pool history reads them. Every field may be missing or null in
 * practice, so the shapes say so.
 */

export const AUDIT_EVENTS_PATH = '/deviceManagement/auditEvents';

export interface AuditActor {
  auditActorType?: string | null;
  userPrincipalName?: string | null;
  applicationDisplayName?: string | null;
  servicePrincipalName?: string | null;
  userId?: string | null;
  applicationId?: string | null;
  ipAddress?: string | null;
}

export interface AuditProperty {
  displayName?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
}

export interface AuditResource {
  displayName?: string | null;
  type?: string | null;
  auditResourceType?: string | null;
  resourceId?: string | null;
  modifiedProperties?: AuditProperty[] | null;
}

export interface AuditEvent {
  id: string;
  displayName?: string | null;
  componentName?: string | null;
  category?: string | null;
  activity?: string | null;
  activityType?: string | null;
  activityOperationType?: string | null;
  activityResult?: string | null;
  activityDateTime: string;
  correlationId?: string | null;
  actor?: AuditActor | null;
  resources?: AuditResource[] | null;
}

/**
 * The server-side `$filter` for a time range (UTC ms, `until` exclusive):
 * "activityDateTime ge 2026-11-06T00:00:00.000Z". Pools are matched client-side.
 */
export function auditEventsFilter(since: number, until?: number): string {
  const parts = [`activityDateTime ge ${new Date(since).toISOString()}`];
  if (until != null) parts.push(`activityDateTime lt ${new Date(until).toISOString()}`);
  return parts.join(' and ');
}
