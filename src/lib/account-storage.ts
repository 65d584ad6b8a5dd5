/**
 * Small per-account records in localStorage for settings and facts that are
 * not secrets (a threshold, which pools a replace made). Keys end with the
 * signed-in account's `homeAccountId`, so another admin on the same browser
 * never reads them. Never for tokens, codes or matching IDs. Storage that
 * throws (private mode, quota, disabled) is treated as empty: these records
 * are conveniences, and the console works without them.
 */
export interface AccountRecord<T> {
  read: (accountId: string) => T;
  write: (accountId: string, value: T) => void;
  /** Calls back when another tab (or this one) changes the record. */
  subscribe: (onChange: () => void) => () => void;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function accountRecord<T>(name: string, parse: (raw: unknown) => T, storage: () => Storage | undefined = browserStorage): AccountRecord<T> {
  const listeners = new Set<() => void>();
  const key = (accountId: string) => `esim-console.${name}:${accountId}`;
  const notify = () => listeners.forEach((l) => l());
  return {
    read: (accountId) => {
      try {
        const raw = storage()?.getItem(key(accountId));
        return parse(raw == null ? null : JSON.parse(raw));
      } catch {
        return parse(null);
      }
    },
    write: (accountId, value) => {
      try {
        storage()?.setItem(key(accountId), JSON.stringify(value));
      } catch {
        // Not kept: the value still applies until the page is reloaded.
      }
      notify();
    },
    subscribe: (onChange) => {
      listeners.add(onChange);
      const onStorage = (e: StorageEvent) => {
        if (e.key?.startsWith(`esim-console.${name}:`)) onChange();
      };
      if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(onChange);
        if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
      };
    },
  };
}
