/**
 * Intune audit events: `GET /deviceManagement/auditEvents` (and `/{id}`) over
 * the shared Intune GET pipeline, and recordAudit(), which every eSIM write
 * calls once it has succeeded. Events are stored in their wire shape
 * (`microsoft.graph.auditEvent`, with `auditActor`, `auditResource` and
 * `auditProperty` values).
 *
 * What an event records is chosen here (Graph documents the shape, not what
 * Intune writes for eSIM pools): activity `"{Create|Patch|Delete} {Type}"` or
 * `"Assign EmbeddedSIMActivationCodePool"`, category and componentName
 * `DeviceConfiguration`, and old/new values as strings. Activation codes and
 * matching IDs are never recorded: a pool create records `displayName` and
 * `activationCodeCount`, not `activationCodes` (whether Intune redacts or
 * omits them is not documented; omitting them cannot leak).
 */
import { DAEMON_CLIENT_ID, SPA_CLIENT_ID } from '../constants.ts';
import type { GraphResponse, Principal } from '../types.ts';
import { getEntity, listEntities } from './collection.ts';
import type { SetConfig } from './collection.ts';
import { intuneDate } from './context.ts';
import type { Ctx } from './context.ts';
import { notFound } from './errors.ts';
import { noCountRoute, requireAuditRead } from './fleet-permissions.ts';
import { AUDIT_EVENT_SPEC } from './schema-fleet.ts';

export type AuditOperation = 'Create' | 'Patch' | 'Delete' | 'Action';
export type AuditedType = 'EmbeddedSIMActivationCodePool' | 'EmbeddedSIMActivationCodePoolAssignment' | 'EmbeddedSIMDeviceState';

export interface AuditActor {
  type: string;
  auditActorType: string;
  userPermissions: string[];
  applicationId: string | null;
  applicationDisplayName: string | null;
  userPrincipalName: string | null;
  servicePrincipalName: string | null;
  ipAddress: string | null;
  userId: string | null;
}

export interface AuditProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface AuditResource {
  displayName: string | null;
  modifiedProperties: AuditProperty[];
  type: string;
  auditResourceType: string;
  resourceId: string;
}

export interface AuditEventRecord {
  id: string;
  displayName: string;
  componentName: string;
  actor: AuditActor;
  activity: string;
  activityDateTime: string;
  activityType: string;
  activityOperationType: AuditOperation;
  activityResult: string;
  correlationId: string;
  resources: AuditResource[];
  category: string;
}

export const AUDIT_FRAGMENT = 'deviceManagement/auditEvents';
export const AUDIT_CATEGORY = 'DeviceConfiguration';
const CONFIG: SetConfig = { spec: AUDIT_EVENT_SPEC, fragment: AUDIT_FRAGMENT };
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const APP_NAMES: Readonly<Record<string, string>> = {
  [SPA_CLIENT_ID]: 'Intune eSIM console',
  [DAEMON_CLIENT_ID]: 'eSIM automation (daemon)',
};

/** The actor of a write, from the validated token. */
export function actorOf(principal: Principal): AuditActor {
  const appName = APP_NAMES[principal.appId] ?? null;
  if (principal.kind === 'app') {
    return {
      type: 'Application',
      auditActorType: 'Application',
      userPermissions: [],
      applicationId: principal.appId,
      applicationDisplayName: appName,
      userPrincipalName: null,
      servicePrincipalName: appName ?? principal.appId,
      ipAddress: null,
      userId: null,
    };
  }
  return {
    type: 'ItPro',
    auditActorType: 'ItPro',
    userPermissions: ['*'],
    applicationId: principal.appId,
    applicationDisplayName: appName,
    userPrincipalName: principal.username ?? null,
    servicePrincipalName: null,
    ipAddress: null,
    userId: principal.oid,
  };
}

/** A value as an audit property string: strings as they are, the rest as JSON, absent as null. */
export function auditValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The properties that differ between two shapes of a record (all of `after` for a create, `before` for a delete). */
export function changes(before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>> | null, keys: readonly string[]): AuditProperty[] {
  const out: AuditProperty[] = [];
  for (const key of keys) {
    const oldValue = before === null ? null : auditValue(before[key]);
    const newValue = after === null ? null : auditValue(after[key]);
    if (oldValue !== newValue) out.push({ displayName: key, oldValue, newValue });
  }
  return out;
}

export function auditResource(type: AuditedType, resourceId: string, displayName: string | null, modifiedProperties: AuditProperty[] = []): AuditResource {
  return { displayName, modifiedProperties, type, auditResourceType: type, resourceId };
}

export interface AuditInput {
  operation: AuditOperation;
  type: AuditedType;
  /** The changed resource first; a pool's child also lists its pool, so a pool's history finds it by resourceId. */
  resources: AuditResource[];
  actor: AuditActor;
  at: number;
  correlationId: string;
  id?: string;
}

export function auditEvent(input: AuditInput): AuditEventRecord {
  const verb = input.operation === 'Action' ? 'Assign' : input.operation;
  const activity = `${verb} ${input.type}`;
  return {
    id: input.id ?? crypto.randomUUID(),
    displayName: activity,
    componentName: AUDIT_CATEGORY,
    actor: input.actor,
    activity,
    activityDateTime: intuneDate(input.at),
    activityType: activity,
    activityOperationType: input.operation,
    activityResult: 'Success',
    correlationId: input.correlationId,
    resources: input.resources,
    category: AUDIT_CATEGORY,
  };
}

/** Records a successful write by the caller of `ctx`. */
export function recordAudit(ctx: Ctx, operation: AuditOperation, type: AuditedType, resources: AuditResource[]): void {
  const clientId = ctx.req.clientRequestId;
  ctx.store.auditEvents.push(
    auditEvent({
      operation,
      type,
      resources,
      actor: actorOf(ctx.req.principal),
      at: ctx.now.getTime(),
      correlationId: clientId !== undefined && GUID_RE.test(clientId) ? clientId.toLowerCase() : crypto.randomUUID(),
    }),
  );
}

export function listAuditEvents(ctx: Ctx): GraphResponse {
  requireAuditRead(ctx.req.principal);
  return listEntities(ctx.req, ctx.store.auditEvents as unknown as readonly Record<string, unknown>[], CONFIG);
}

export function getAuditEvent(ctx: Ctx, id: string): GraphResponse {
  requireAuditRead(ctx.req.principal);
  const lower = id.toLowerCase();
  const event = ctx.store.auditEvents.find((e) => e.id.toLowerCase() === lower);
  if (!event) throw notFound(`The auditEvent with id '${id}' was not found.`);
  return getEntity(ctx.req, event as unknown as Record<string, unknown>, CONFIG);
}

export function countAuditEvents(ctx: Ctx): GraphResponse {
  requireAuditRead(ctx.req.principal);
  throw noCountRoute('/deviceManagement/auditEvents/$count');
}
