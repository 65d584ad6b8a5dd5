/**
 * A pool's audit events as rows an admin reads: who, when, what in plain
 * words, and old → new values. The values come from describeEvent, which
 * withholds anything that may hold activation codes or matching IDs; this
 * module only names things and summarises assignment targets (groups by
 * name once the caller has them, see history-targets.ts).
 */
import type { AuditEvent } from '../../../entities/audit-events/types.ts';
import { describeEvent, type AuditChange, type AuditEventDescription } from '../../../entities/audit-events/describe-event.ts';
import { groupIdsOf, NAMES_NOT_LOADED, valueFormatter, type GroupNames } from './history-targets.ts';

export { formatValue, type GroupNames } from './history-targets.ts';

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

const propertyName = (p: string) => PROPERTY_NAMES[p.toLowerCase()] ?? p;

function change(c: AuditChange, format: (v: string | null) => string | null): HistoryChange {
  if (c.hidden) return { property: propertyName(c.property), old: null, new: null, hidden: true };
  return { property: propertyName(c.property), old: format(c.old), new: format(c.new), hidden: false };
}

const typeOf = (event: AuditEvent) => {
  const first = event.resources?.[0];
  return first?.type ?? first?.auditResourceType ?? '';
};

// An assignment's or device state's event names its pool second: describe the changed object, not only the pool.
const describe = (event: AuditEvent, poolId: string): AuditEventDescription => describeEvent(event, POOL.test(typeOf(event)) ? poolId : undefined);

/** The group ids the rows' shown values name (never a withheld value's), each once, lower-cased, in first-seen order. */
export function historyGroupIds(events: readonly AuditEvent[], poolId: string): string[] {
  const ids = events.flatMap((e) => describe(e, poolId).changes.flatMap((c) => (c.hidden ? [] : [...groupIdsOf(c.old), ...groupIdsOf(c.new)])));
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** One row per event of the pool, in the order given (newest first from the query); groups named from `names`. */
export function historyRows(events: readonly AuditEvent[], poolId: string, names: GroupNames = NAMES_NOT_LOADED): HistoryRow[] {
  const format = valueFormatter(names);
  return events.map((event) => {
    const type = typeOf(event);
    const isPoolEvent = POOL.test(type);
    const d = describe(event, poolId);
    const op = event.activityOperationType?.trim().toLowerCase() ?? '';
    let action = ACTIONS.find(([re]) => re.test(type))?.[1][op] ?? d.what;
    if (isPoolEvent && op === 'patch' && d.changes.some((c) => c.property.toLowerCase() === 'displayname')) action = 'Renamed the pool';
    return { id: d.id, when: d.when, who: d.who, via: d.via, action, succeeded: d.succeeded, changes: d.changes.map((c) => change(c, format)) };
  });
}
