import type { AccountInfo } from '@azure/msal-browser';
import type { ReadOnlyReason } from './write-access.ts';

/** Signed-in user as the console shows it. */
export interface CurrentUser {
  name: string;
  username: string;
  tenantId: string;
  homeAccountId: string;
}

export interface AuthSnapshot {
  user: CurrentUser | null;
  /** The one answer to "may this user write": scopes and Intune's refusals this session. */
  canWrite: boolean;
  /** Why not, when `canWrite` is false. */
  readOnlyReason?: ReadOnlyReason;
  redirectError: Error | null;
}

export function toUser(account: AccountInfo): CurrentUser {
  return {
    name: account.name ?? account.username,
    username: account.username,
    tenantId: account.tenantId,
    homeAccountId: account.homeAccountId,
  };
}

const sameUser = (a: CurrentUser | null, b: CurrentUser | null) =>
  a === b || (!!a && !!b && a.homeAccountId === b.homeAccountId && a.name === b.name && a.username === b.username && a.tenantId === b.tenantId);

/**
 * Whether two snapshots show the same thing. Every silent token (one per Graph call) raises
 * ACQUIRE_TOKEN_SUCCESS; telling subscribers only about a real change keeps every useAuthState
 * component from re-rendering synchronously, mid-upload.
 */
export function sameSnapshot(a: AuthSnapshot, b: AuthSnapshot): boolean {
  return sameUser(a.user, b.user) && a.canWrite === b.canWrite && a.readOnlyReason === b.readOnlyReason && a.redirectError === b.redirectError;
}
