import { forbiddenKind, type GraphError } from '../graph/errors.ts';

/**
 * Why the console is read-only for the signed-in user:
 * - `scope`: the token lacks DeviceManagementConfiguration.ReadWrite.All (a
 *   read-only deployment, or consent for the read scope only);
 * - `intuneRole`: the token has the write scope, but Intune refused a write
 *   this session because the user's Intune role does not allow it (with admin
 *   consent every user's token carries the write scope, and Intune's roles
 *   decide — a Read Only Operator learns it only from a 403).
 */
export type ReadOnlyReason = 'scope' | 'intuneRole';

/** A write refused by the service, remembered for the rest of the session. */
export interface WriteRefusal {
  reason: ReadOnlyReason;
  /** Whose write was refused (a refusal never carries over to another account). */
  homeAccountId: string;
}

const KEY = 'esim-console.write-refused';

/**
 * "Intune refused a write this session", per account. Kept in
 * sessionStorage (gone with the tab; it is not a secret) so a reload does not
 * bring back buttons that can only fail; cleared on sign-out.
 */
export interface WriteRefusals {
  refusalFor(homeAccountId: string | undefined): WriteRefusal | null;
  /** Remembers the refusal of `error` (a 403 on a write). Returns whether anything changed. */
  refuse(homeAccountId: string, error: GraphError): boolean;
  clear(): void;
}

function read(storage: Storage | undefined): WriteRefusal | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { reason, homeAccountId } = parsed as Record<string, unknown>;
    return (reason === 'scope' || reason === 'intuneRole') && typeof homeAccountId === 'string' ? { reason, homeAccountId } : null;
  } catch {
    return null;
  }
}

export function createWriteRefusals(storage: Storage | undefined = globalThis.sessionStorage): WriteRefusals {
  let current = read(storage);
  return {
    refusalFor: (homeAccountId) => (current && homeAccountId && current.homeAccountId === homeAccountId ? current : null),
    refuse(homeAccountId, error) {
      const reason = forbiddenKind(error);
      if (!reason) return false;
      // An Intune role refusal says more than a scope one: keep it once known.
      if (current?.homeAccountId === homeAccountId && (current.reason === reason || current.reason === 'intuneRole')) return false;
      current = { reason, homeAccountId };
      try {
        storage?.setItem(KEY, JSON.stringify(current));
      } catch {
        // Memory is enough for this tab.
      }
      return true;
    },
    clear() {
      current = null;
      try {
        storage?.removeItem(KEY);
      } catch {
        // Nothing stored.
      }
    },
  };
}
