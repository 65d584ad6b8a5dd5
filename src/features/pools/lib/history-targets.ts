/**
 * Assignment targets in audit values, in words. Intune records a pool's
 * `assignments` (a JSON list of targets, or of assignments holding one) and an
 * assignment's `target` (one target) in Graph's shape:
 * `{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":…}`.
 * Groups are named from a getByIds answer the caller passes in; until it
 * arrives, or when it failed, a group reads by its id.
 */

import { EXCLUSION_GROUP_TARGET, GROUP_TARGET, NAMED_OTHER_TARGETS, describeOtherTarget } from '../../../entities/assignments/targets.ts';

/** What is known of the group names for the history's group ids. */
export interface GroupNames {
  /** `loaded`: the answer covers every id asked for, so a group it lacks no longer exists. */
  status: 'loading' | 'loaded' | 'failed';
  /** The groups Graph returned, by id (may be an earlier answer while a new one loads). */
  groups?: ReadonlyMap<string, { displayName: string | null }>;
}

export const NAMES_NOT_LOADED: GroupNames = { status: 'loading' };

type Target = Record<string, unknown>;

const GROUP_KINDS: Readonly<Record<string, readonly [string, string]>> = {
  [GROUP_TARGET]: ['Included group', 'Included deleted group'],
  [EXCLUSION_GROUP_TARGET]: ['Excluded group', 'Excluded deleted group'],
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The targets a value holds, or null when it is not a target list (then it is shown as Intune wrote it). */
export function parseTargets(value: string | null): Target[] | null {
  if (value == null || !/^\s*[[{]/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    const list: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    const targets = list.map((x) => (x && typeof x === 'object' && 'target' in x ? (x as { target: unknown }).target : x));
    return targets.every((t): t is Target => !!t && typeof t === 'object' && '@odata.type' in t) ? targets : null;
  } catch {
    return null;
  }
}

/** The group ids a value's targets name (included and excluded groups). */
export function groupIdsOf(value: string | null): string[] {
  return (parseTargets(value) ?? []).flatMap((t) => {
    const id = text(t['groupId']);
    return id && String(t['@odata.type']) in GROUP_KINDS ? [id] : [];
  });
}

/** Graph answers with the ids as it stores them; Intune's log may write them in another case. */
function lookup(names: GroupNames): (id: string) => { displayName: string | null } | undefined {
  const byId = new Map([...(names.groups ?? [])].map(([id, g]) => [id.toLowerCase(), g] as const));
  return (id) => byId.get(id.toLowerCase());
}

function describeTarget(t: Target, nameOf: ReturnType<typeof lookup>, status: GroupNames['status']): string {
  const type = String(t['@odata.type']);
  const groupId = text(t['groupId']);
  let kind: string;
  const group = GROUP_KINDS[type];
  if (group && groupId) {
    const name = text(nameOf(groupId)?.displayName);
    if (name) kind = `${group[0]} “${name}”`;
    else if (status === 'loaded' && !nameOf(groupId)) kind = `${group[1]} (id ${groupId})`;
    else kind = `${group[0]} ${groupId}`;
  } else if (!group && NAMED_OTHER_TARGETS.has(type)) {
    // The assignment editor's words for the same targets.
    kind = describeOtherTarget(t);
  } else {
    const collection = text(t['collectionId']);
    kind = `${group?.[0] ?? (type || 'Target')}${collection ? ` ${collection}` : ''}`;
  }
  const filterType = t['deviceAndAppManagementAssignmentFilterType'];
  const filterId = text(t['deviceAndAppManagementAssignmentFilterId']);
  const filter = filterId && filterType && filterType !== 'none' ? ` (filter ${String(filterType)} ${filterId})` : '';
  return `${kind}${filter}`;
}

/** Describes values with one set of names: assignment targets (a JSON list, or one target) in words; any other value as Intune wrote it. */
export function valueFormatter(names: GroupNames = NAMES_NOT_LOADED): (value: string | null) => string | null {
  const nameOf = lookup(names);
  return (value) => {
    const targets = parseTargets(value);
    if (targets == null) return value;
    return targets.length === 0 ? 'none' : targets.map((t) => describeTarget(t, nameOf, names.status)).join('; ');
  };
}

export const formatValue = (value: string | null, names?: GroupNames): string | null => valueFormatter(names)(value);
