import type { EmbeddedSimActivationCodePoolAssignment } from '../../../graph/types.ts';
import { describeOtherTarget, toModel, type GroupMode } from './model.ts';

export interface OverviewPool {
  id: string;
  displayName: string;
  activationCodeCount: number | null;
  included: string[];
  excluded: string[];
  allDevices: boolean;
  /** Read-only words for other targets (all licensed users, ConfigMgr collections). */
  other: string[];
}

/**
 * Name order for lists (numbers in names in numeric order, case ignored). One
 * collator for all comparisons: `localeCompare` with options builds a new one
 * per call, which takes seconds when sorting 10,000 pools.
 */
export const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

export interface OverviewGroup {
  id: string;
  includedIn: number;
  excludedFrom: number;
}

export function toOverviewPool(p: { id: string; displayName: string; activationCodeCount?: number | null; assignments?: EmbeddedSimActivationCodePoolAssignment[] }): OverviewPool {
  const model = toModel(p.assignments ?? []);
  const ids = (mode: GroupMode) => [...new Set(model.groups.filter((g) => g.mode === mode).map((g) => g.groupId))];
  return {
    id: p.id,
    displayName: p.displayName,
    activationCodeCount: p.activationCodeCount ?? null,
    included: ids('include'),
    excluded: ids('exclude'),
    allDevices: !!model.allDevices,
    other: model.other.map((a) => describeOtherTarget(a.target)),
  };
}

/** Every group that appears in any pool's assignments, with how many pools include and exclude it. */
export function groupsInAssignments(pools: readonly OverviewPool[]): OverviewGroup[] {
  const byId = new Map<string, OverviewGroup>();
  const get = (id: string) => {
    let g = byId.get(id);
    if (!g) byId.set(id, (g = { id, includedIn: 0, excludedFrom: 0 }));
    return g;
  };
  for (const p of pools) {
    for (const id of p.included) get(id).includedIn++;
    for (const id of p.excluded) get(id).excludedFrom++;
  }
  return [...byId.values()];
}

export interface OverviewFilter {
  groupId?: string;
  text?: string;
}

/**
 * The pools to list: with a group chosen, only pools that include or exclude
 * it (including first); with text, pools whose name or any group's name
 * contains it (case-insensitive).
 */
export function filterOverview(pools: readonly OverviewPool[], filter: OverviewFilter, nameOf: (groupId: string) => string): OverviewPool[] {
  const needle = filter.text?.trim().toLocaleLowerCase() ?? '';
  let rows = pools as OverviewPool[];
  if (filter.groupId) {
    const id = filter.groupId;
    rows = [...rows.filter((p) => p.included.includes(id)), ...rows.filter((p) => !p.included.includes(id) && p.excluded.includes(id))];
  }
  if (needle) {
    rows = rows.filter(
      (p) =>
        p.displayName.toLocaleLowerCase().includes(needle) ||
        p.included.some((id) => nameOf(id).toLocaleLowerCase().includes(needle)) ||
        p.excluded.some((id) => nameOf(id).toLocaleLowerCase().includes(needle)),
    );
  }
  return rows;
}
