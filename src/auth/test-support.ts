/**
 * Test-only: an Auth with just what components read (snapshot, subscribe,
 * sign-in/out, markWriteRefused), whose write access follows the same rules as
 * the real one. Never imported by product code.
 */
import type { GraphError } from '../graph/errors.ts';
import type { PublicClientApplication } from '@azure/msal-browser';
import type { Auth, AuthSnapshot } from './auth.ts';
import { OnDemandPermissions } from './on-demand-permissions.ts';
import { createWriteRefusals } from './write-access.ts';

export const TEST_USER = { name: 'Megan Bowen', username: 'megan.bowen@contoso.example', tenantId: 'tenant', homeAccountId: 'home' };

export interface FakeAuth extends Auth {
  /** Every error passed to markWriteRefused. */
  readonly refused: GraphError[];
}

/**
 * Real OnDemandPermissions over a fake MSAL: `popup` answers the consent popup
 * (default: granted), silent acquisition succeeds once granted.
 */
export function fakePermissions(popup?: (scopes: string[]) => Promise<{ accessToken: string; scopes: string[] }>): OnDemandPermissions {
  const msal = {
    getActiveAccount: () => ({ homeAccountId: TEST_USER.homeAccountId, username: TEST_USER.username }),
    acquireTokenPopup: (req: { scopes: string[] }) => (popup ?? ((scopes) => Promise.resolve({ accessToken: 'consented', scopes })))(req.scopes),
    acquireTokenSilent: () => Promise.resolve({ accessToken: 'silent' }),
  } as unknown as PublicClientApplication;
  return new OnDemandPermissions(msal, { 'DeviceManagementApps.Read.All': 'https://graph.microsoft.com/DeviceManagementApps.Read.All' });
}

/** `canWrite`: whether the token has the write scope. */
export function fakeAuth(canWrite: boolean, permissions: OnDemandPermissions = fakePermissions()): FakeAuth {
  const refusals = createWriteRefusals(undefined);
  const listeners = new Set<() => void>();
  const refused: GraphError[] = [];
  const take = (): AuthSnapshot => {
    const reason = !canWrite ? 'scope' : refusals.refusalFor(TEST_USER.homeAccountId)?.reason;
    return { user: TEST_USER, canWrite: !reason, ...(reason && { readOnlyReason: reason }), redirectError: null };
  };
  let snapshot = take();
  const partial: Pick<FakeAuth, 'getSnapshot' | 'subscribe' | 'signIn' | 'signOut' | 'markWriteRefused' | 'canWrite' | 'refused' | 'permissions'> = {
    refused,
    permissions,
    getSnapshot: () => snapshot,
    canWrite: () => snapshot.canWrite,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn: () => Promise.resolve(),
    signOut: () => Promise.resolve(),
    markWriteRefused: (error) => {
      refused.push(error);
      if (!refusals.refuse(TEST_USER.homeAccountId, error)) return;
      snapshot = take();
      listeners.forEach((l) => l());
    },
  };
  // The rest of Auth (MSAL, tokens) is never touched by the components under test.
  return partial as FakeAuth;
}
