import { useCallback, useSyncExternalStore } from 'react';
import { useAuthState } from '../auth/auth-context.tsx';
import { DEFAULT_LOW_THRESHOLD, normaliseThreshold, type LowThreshold } from '../entities/fleet/capacity.ts';
import { accountRecord } from './account-storage.ts';

/**
 * When a pool counts as low on codes, per signed-in account (default: under
 * 10 % or under 20 codes), kept in localStorage: a preference, not a secret.
 */
export const lowThresholdRecord = accountRecord<LowThreshold>('low-threshold.v1', (raw) =>
  raw && typeof raw === 'object' ? normaliseThreshold(raw as Partial<LowThreshold>) : { ...DEFAULT_LOW_THRESHOLD },
);

// useSyncExternalStore needs the same object until the setting changes.
let cached: { accountId: string; value: LowThreshold; raw: string } | null = null;
function snapshot(accountId: string): LowThreshold {
  const value = lowThresholdRecord.read(accountId);
  const raw = JSON.stringify(value);
  if (!cached || cached.accountId !== accountId || cached.raw !== raw) cached = { accountId, value, raw };
  return cached.value;
}

/** The signed-in account's low threshold and a setter (which keeps it for next time). */
export function useLowThreshold(): [LowThreshold, (next: LowThreshold) => void] {
  const { user } = useAuthState();
  const accountId = user?.homeAccountId ?? 'anonymous';
  const get = useCallback(() => snapshot(accountId), [accountId]);
  const threshold = useSyncExternalStore(lowThresholdRecord.subscribe, get, get);
  const set = useCallback((next: LowThreshold) => lowThresholdRecord.write(accountId, normaliseThreshold(next)), [accountId]);
  return [threshold, set];
}
