/**
 * A pool's audit events as rows an admin reads: who, when, what in plain
 * words, and old → new values. The values come from describeEvent, which
 * withholds anything that may hold activation codes or matching IDs; this
 * module only names things and summarises assignment targets.
 */
import type { AuditEvent } from '../../../entities/audit-events/types.ts';
import { describeEvent, type AuditChange } from '../../../entities/audit-events/describe-event.ts';

export interface HistoryChange {
  property: string;
  old: string | null;
  new: string | null;
  /** Withheld: the values may hold activation codes or matching IDs. */
  hidden: boolean;
}

export interface HistoryRow {
  id: string;
  when: string;
  who: string;
  via: string | null;
  action: string;
  /** false when Intune recorded a failure. */
  succeeded: boolean | null;
  changes: HistoryChange[];
}

const POOL = /^embeddedSIMActivationCodePool$/i;
const ASSIGNMENT = /^embeddedSIMActivationCodePoolAssignment$/i;
const DEVICE_STATE = /^embeddedSIMDeviceState$/i;

const ACTIONS: readonly [RegExp, Readonly<Record<string, string>>][] = [
  [POOL, { create: 'Created the pool', patch: 'Changed the pool', update: 'Changed the pool', delete: 'Deleted the pool', action: 'Assigned the pool' }],
  [ASSIGNMENT, { create: 'Added an assignment', patch: 'Changed an assignment', update: 'Changed an assignment', delete: 'Removed an assignment' }],
  [DEVICE_STATE, { create: 'Added a device state', patch: 'Changed a device state', update: 'Changed a device state', delete: 'Removed a device state' }],
];

const PROPERTY_NAMES: Readonly<Record<string, string>> = {
  displayname: 'Name',
  activationcodecount: 'Activation codes',
  assignments: 'Assignments',
  target: 'Target',
  state: 'State',
};

const TARGETS: Readonly<Record<string, string>> = {
  '#microsoft.graph.groupAssignmentTarget': 'Included group',
  '#microsoft.graph.exclusionGroupAssignmentTarget': 'Excluded group',
  '#microsoft.graph.allDevicesAssignmentTarget': 'All devices',
  '#microsoft.graph.allLicensedUsersAssignmentTarget': 'All licensed users',
  '#microsoft.graph.configurationManagerCollectionAssignmentTarget': 'Configuration Manager collection',
};

type Target = Record<string, unknown>;

function describeTarget(t: Target): string {
  const kind = TARGETS[String(t['@odata.type'])] ?? String(t['@odata.type'] ?? 'Target');
  const id = typeof t['groupId'] === 'string' ? ` ${t['groupId']}` : typeof t['collectionId'] === 'string' ? ` ${t['collectionId']}` : '';
  const filterType = t['deviceAndAppManagementAssignmentFilterType'];
  const filter = typeof t['deviceAndAppManagementAssignmentFilterId'] === 'string' && filterType && filterType !== 'none' ? ` (filter ${String(filterType)} ${String(t['deviceAndAppManagementAssignmentFilterId'])})` : '';
  return `${kind}${id}${filter}`;
}

/** Assignment targets (a JSON list, or one target) in words; any other value as Intune wrote it. */
export function formatValue(value: string | null): string | null {
  if (value == null || !/^\s*[[{]/.test(value)) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const targets = list.map((x: unknown) => (x && typeof x === 'object' && 'target' in x ? (x as { target: unknown }).target : x));
    if (!targets.every((t): t is Target => !!t && typeof t === 'object' && '@odata.type' in t)) return value;
    return targets.length === 0 ? 'none' : targets.map(describeTarget).join('; ');
  } catch {
    return value;
  }
}

const propertyName = (p: string) => PROPERTY_NAMES[p.toLowerCase()] ?? p;

function change(c: AuditChange): HistoryChange {
  if (c.hidden) return { property: propertyName(c.property), old: null, new: null, hidden: true };
  return { property: propertyName(c.property), old: formatValue(c.old), new: formatValue(c.new), hidden: false };
}

/** One row per event of the pool, in the order given (newest first from the query). */
export function historyRows(events: readonly AuditEvent[], poolId: string): HistoryRow[] {
  return events.map((event) => {
    const first = event.resources?.[0];
    const type = first?.type ?? first?.auditResourceType ?? '';
    // An assignment's or device state's event names its pool second: describe the changed object, not only the pool.
    const isPoolEvent = POOL.test(type);
    const d = describeEvent(event, isPoolEvent ? poolId : undefined);
    const op = event.activityOperationType?.trim().toLowerCase() ?? '';
    let action = ACTIONS.find(([re]) => re.test(type))?.[1][op] ?? d.what;
    if (isPoolEvent && op === 'patch' && d.changes.some((c) => c.property.toLowerCase() === 'displayname')) action = 'Renamed the pool';
    return { id: d.id, when: d.when, who: d.who, via: d.via, action, succeeded: d.succeeded, changes: d.changes.map(change) };
  });
}
