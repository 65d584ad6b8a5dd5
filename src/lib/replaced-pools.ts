import { useCallback, useSyncExternalStore } from 'react';
import { accountRecord } from './account-storage.ts';

/**
 * Pools this account made by a replace (delete + upload of a new set).
 * Graph keeps no link between the old pool and its successor, so the upload
 * records it here when a replace creates its pool; the capacity figure of such
 * a pool assumes the new set held only unused codes, as the replace dialog
 * asked. Known in the browsers where the replace ran.
 */
export interface ReplacedPool {
  replacedPoolId: string;
  replacedPoolName?: string;
  /** ISO time of the create. */
  at: string;
}

type Registry = Record<string, ReplacedPool>;

/** Keep the newest this many (a carrier's pool is replaced a few times a year). */
export const REPLACED_POOLS_KEPT = 500;

const isEntry = (v: unknown): v is ReplacedPool =>
  !!v && typeof v === 'object' && typeof (v as ReplacedPool).replacedPoolId === 'string' && typeof (v as ReplacedPool).at === 'string';

export const replacedPoolsRecord = accountRecord<Registry>('replaced-pools.v1', (raw) => {
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((e): e is [string, ReplacedPool] => isEntry(e[1])));
});

export function recordReplacedPool(accountId: string, poolId: string, entry: ReplacedPool): void {
  const all = { ...replacedPoolsRecord.read(accountId), [poolId]: entry };
  const kept = Object.entries(all)
    .sort((a, b) => b[1].at.localeCompare(a[1].at))
    .slice(0, REPLACED_POOLS_KEPT);
  replacedPoolsRecord.write(accountId, Object.fromEntries(kept));
}

export function replacedPoolOf(accountId: string, poolId: string): ReplacedPool | undefined {
  return replacedPoolsRecord.read(accountId)[poolId];
}

let cached: { accountId: string; raw: string; value: Registry } | null = null;
function snapshot(accountId: string): Registry {
  const value = replacedPoolsRecord.read(accountId);
  const raw = JSON.stringify(value);
  if (!cached || cached.accountId !== accountId || cached.raw !== raw) cached = { accountId, raw, value };
  return cached.value;
}

/** Pools this account made by a replace, by new pool id. */
export function useReplacedPools(accountId: string): Readonly<Registry> {
  const get = useCallback(() => snapshot(accountId), [accountId]);
  return useSyncExternalStore(replacedPoolsRecord.subscribe, get, get);
}
