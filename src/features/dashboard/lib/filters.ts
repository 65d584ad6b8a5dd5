/**
 * The dashboard's filters, kept in the URL's search params so a reload or a
 * shared link shows the same view:
 * - `q`: pools whose name contains this text (every section);
 * - `pools=attention`: only pools with a reason to act (failures, low or no
 *   codes, a shortfall) in the urgency list;
 * - `reason`: failed devices with this reason (a reason key, see `reasonKey`).
 * Unknown or malformed values fall back to the default, never to an error.
 */

export type PoolScope = 'all' | 'attention';

export interface DashboardFilters {
  q: string;
  pools: PoolScope;
  /** A reason key, or '' for every reason. */
  reason: string;
}

export const DEFAULT_FILTERS: Readonly<DashboardFilters> = Object.freeze({ q: '', pools: 'all', reason: '' });

/** Reason keys are short words (a device's error name, lower-cased, or 'none'): anything else is ignored. */
const REASON_KEY = /^[a-z][a-z0-9]{0,63}$/;
const MAX_Q = 200;

export function readFilters(params: URLSearchParams): DashboardFilters {
  const q = (params.get('q') ?? '').slice(0, MAX_Q);
  const pools: PoolScope = params.get('pools') === 'attention' ? 'attention' : 'all';
  const rawReason = params.get('reason') ?? '';
  const reason = REASON_KEY.test(rawReason) ? rawReason : '';
  return { q, pools, reason };
}

/** The params with `changes` applied; defaults are left out so the plain URL stays `/dashboard`. */
export function writeFilters(prev: URLSearchParams, changes: Partial<DashboardFilters>): URLSearchParams {
  const next = new URLSearchParams(prev);
  const merged = { ...readFilters(prev), ...changes };
  const set = (key: keyof DashboardFilters, value: string) => {
    if (value && value !== DEFAULT_FILTERS[key]) next.set(key, value);
    else next.delete(key);
  };
  set('q', merged.q);
  set('pools', merged.pools);
  set('reason', merged.reason);
  return next;
}

/** Case- and accent-insensitive "name contains the filter text". */
export function nameMatcher(q: string): (name: string) => boolean {
  const needle = fold(q.trim());
  if (!needle) return () => true;
  return (name) => fold(name).includes(needle);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}
