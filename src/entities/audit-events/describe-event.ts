import type { AuditEvent, AuditProperty, AuditResource } from './types.ts';

/**
 * A pool's history from Intune's audit events. Activation codes and matching
 * IDs can appear in `modifiedProperties` (a create or replace logs the codes
 * it sent); such changes keep their property name but never their values.
 */

export interface AuditChange {
  property: string;
  old: string | null;
  new: string | null;
  /** The values were withheld because they may hold activation codes or matching IDs. */
  hidden: boolean;
}

export interface AuditEventDescription {
  id: string;
  /** `activityDateTime` as Graph sent it (ISO 8601). */
  when: string;
  /** The user, or else the app, that made the change. */
  who: string;
  /** The app the user went through, when Graph says and it differs from `who`. */
  via: string | null;
  /** "Created", "Changed", "Deleted", or the activity as Intune names it. */
  what: string;
  /** true for "Success", false for "Failure" (and similar), null when Graph doesn't say. */
  succeeded: boolean | null;
  correlationId: string | null;
  changes: AuditChange[];
}

const sameId = (a: string | null | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

/** The events that touched the pool (any resource with its id), in the order given. */
export function eventsForPool(events: readonly AuditEvent[], poolId: string): AuditEvent[] {
  return events.filter((e) => e.resources?.some((r) => sameId(r.resourceId, poolId)) ?? false);
}

/**
 * Joins pages of events: one entry per id (the first seen), newest first,
 * then by id. Merging a page twice, or pages in any order, gives the same list.
 */
export function mergePages(...pages: readonly (readonly AuditEvent[])[]): AuditEvent[] {
  const byId = new Map<string, AuditEvent>();
  for (const page of pages) for (const e of page) if (!byId.has(e.id)) byId.set(e.id, e);
  const time = (e: AuditEvent) => {
    const t = Date.parse(e.activityDateTime);
    return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
  };
  return [...byId.values()].sort((a, b) => time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const VERBS: Readonly<Record<string, string>> = { create: 'Created', patch: 'Changed', update: 'Changed', delete: 'Deleted' };

/** One event in plain terms. With `poolId`, only that pool's changes are listed. */
export function describeEvent(event: AuditEvent, poolId?: string): AuditEventDescription {
  const actor = event.actor ?? {};
  const user = actor.userPrincipalName?.trim() || null;
  const app = actor.applicationDisplayName?.trim() || actor.servicePrincipalName?.trim() || null;
  const op = event.activityOperationType?.trim() ?? '';
  const resources = (event.resources ?? []).filter((r) => poolId == null || sameId(r.resourceId, poolId));
  return {
    id: event.id,
    when: event.activityDateTime,
    who: user ?? app ?? 'Unknown',
    via: user && app ? app : null,
    what: VERBS[op.toLowerCase()] ?? (event.activity?.trim() || event.activityType?.trim() || op || 'Unknown activity'),
    succeeded: result(event.activityResult),
    correlationId: event.correlationId ?? null,
    changes: resources.flatMap(changesOf),
  };
}

function result(r: string | null | undefined): boolean | null {
  const v = r?.trim().toLowerCase();
  if (!v) return null;
  if (v === 'success' || v === 'succeeded') return true;
  if (v === 'failure' || v === 'failed' || v === 'timeout' || v === 'unknownfuturevalue') return false;
  return null;
}

function changesOf(resource: AuditResource): AuditChange[] {
  return (resource.modifiedProperties ?? []).map((p) => change(p));
}

function change(p: AuditProperty): AuditChange {
  const property = p.displayName?.trim() || '(unnamed property)';
  const old = value(p.oldValue);
  const next = value(p.newValue);
  if (isSecretName(property) || isSecretValue(old) || isSecretValue(next)) return { property, old: null, new: null, hidden: true };
  return { property, old, new: next, hidden: false };
}

/** Intune writes missing values as '', '<null>' or 'null'. */
function value(v: string | null | undefined): string | null {
  if (v == null) return null;
  const t = v.trim();
  return t === '' || t === '<null>' || t.toLowerCase() === 'null' ? null : v;
}

/**
 * Property paths such as "ActivationCodes", "ActivationCodes[0].MatchingIdentifier"
 * or "SmdpPlusServerAddress". "ActivationCodeCount" and the device's
 * "UniversalIntegratedCircuitCardIdentifier" (its eSIM chip) are not secret.
 */
export function isSecretName(name: string): boolean {
  return name
    .split(/[.[\]/]+/)
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .some(
      (s) =>
        (s.startsWith('activationcode') && s !== 'activationcodecount') ||
        s.includes('matchingid') ||
        s.includes('smdp') ||
        s.includes('confirmationcode') ||
        s === 'integratedcircuitcardidentifier' ||
        s === 'iccid',
    );
}

const SECRET_VALUE = [
  /matching[\s_-]?id/i,
  /activation[\s_-]?codes?(?![\s_-]?count)/i,
  /smdp[\s_-]?plus[\s_-]?server/i, // a code's field name; a pool named after its SM-DP+ host is not a secret
  /(?<!universal)integratedCircuitCardIdentifier/i,
  /\bLPA:1\$/i,
  /\b[0-9a-f]{5}(?:-[0-9a-f]{5}){3}\b/i, // the eUICCs CSP's matching-id shape
];

/** A value that quotes codes (a JSON list of them, an LPA string) or looks like a matching ID. */
export function isSecretValue(v: string | null): boolean {
  return v != null && SECRET_VALUE.some((re) => re.test(v));
}
