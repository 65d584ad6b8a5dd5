/**
 * The one fake of src/auth for component tests: a signed-in account of the
 * embedded tenant with its token's scopes, whose write access follows the
 * real rules (write scope, then Intune's refusals this session, through the
 * product's own createWriteRefusals). The fake Graph reads the account and
 * scopes from it, so a read-only token is refused by Graph as in the service.
 * Test-only: never imported by product code.
 */
import { SCOPE_GROUPS, SCOPE_READ, SCOPE_WRITE, USERS, type SeedUser } from '../../emulator/constants.ts';
import type { Auth, AuthSnapshot, CurrentUser } from '../auth/auth.ts';
import { OnDemandPermissions } from '../auth/on-demand-permissions.ts';
import { createWriteRefusals } from '../auth/write-access.ts';
import type { GraphError } from '../graph/errors.ts';

/**
 * The emulator's seeded users: `admin` (Megan Bowen, Intune Administrator),
 * `reader` (Adele Vance, consented read only: no write scope) and `operator`
 * (Alex Wilber, Read Only Operator in Intune with a read-write token).
 */
export type FakeAccount = 'admin' | 'reader' | 'operator';

const SEED_USER: Record<FakeAccount, string> = { admin: 'Megan Bowen', reader: 'Adele Vance', operator: 'Alex Wilber' };

export interface FakeAuthOptions {
  account?: FakeAccount;
  /**
   * Shorthand for the token's scopes: `false` drops the write scope (a
   * read-only consent), `true` keeps it. Default: as the account consented.
   */
  canWrite?: boolean;
  /** The token's scopes, exactly (overrides `canWrite`). */
  scopes?: readonly string[];
  /** Permissions asked for on demand (e.g. the history's audit-log read). Default: `fakePermissions()`, granted at the first popup. */
  permissions?: OnDemandPermissions;
}

/**
 * The real OnDemandPermissions over a fake MSAL: `popup` answers the consent popup (default:
 * granted), silent acquisition succeeds once granted.
 */
export function fakePermissions(popup?: (scopes: string[]) => Promise<{ accessToken: string; scopes: string[] }>): OnDemandPermissions {
  const msal = {
    getActiveAccount: () => ({ homeAccountId: 'fake-account', username: 'fake@contoso.example' }),
    acquireTokenPopup: (req: { scopes: string[] }) => (popup ?? ((scopes) => Promise.resolve({ accessToken: 'consented', scopes })))(req.scopes),
    acquireTokenSilent: () => Promise.resolve({ accessToken: 'silent' }),
  } as unknown as ConstructorParameters<typeof OnDemandPermissions>[0];
  return new OnDemandPermissions(msal, { 'DeviceManagementApps.Read.All': 'https://graph.microsoft.com/DeviceManagementApps.Read.All' });
}

export interface FakeAuth extends Auth {
  readonly user: CurrentUser;
  /** The emulator user behind the account (its object id and Intune role). */
  readonly seedUser: SeedUser;
  /** Scopes of the account's access token. */
  readonly scopes: readonly string[];
  /** Every error passed to markWriteRefused, in order. */
  readonly refused: GraphError[];
  /** How many access tokens were asked for. */
  readonly tokenRequests: number;
}

function seedUser(account: FakeAccount): SeedUser {
  const found = USERS.find((u) => u.name === SEED_USER[account]);
  if (!found) throw new Error(`emulator/constants.ts has no user ${SEED_USER[account]}`);
  return found;
}

export function fakeAuth({ account = 'admin', canWrite, scopes, permissions = fakePermissions() }: FakeAuthOptions = {}): FakeAuth {
  const who = seedUser(account);
  const consented = [SCOPE_READ, SCOPE_GROUPS, 'User.Read', ...(who.grantedScopes.includes(SCOPE_WRITE) ? [SCOPE_WRITE] : [])];
  const tokenScopes = scopes ?? (canWrite === undefined ? consented : canWrite ? [...new Set([...consented, SCOPE_WRITE])] : consented.filter((s) => s !== SCOPE_WRITE));
  const user: CurrentUser = { name: who.name, username: who.username, tenantId: 'tenant', homeAccountId: `${who.oid}.tenant` };
  const refusals = createWriteRefusals(undefined);
  const listeners = new Set<() => void>();
  const refused: GraphError[] = [];
  let tokenRequests = 0;
  const take = (): AuthSnapshot => {
    const reason = !tokenScopes.includes(SCOPE_WRITE) ? 'scope' : refusals.refusalFor(user.homeAccountId)?.reason;
    return { user, canWrite: !reason, ...(reason && { readOnlyReason: reason }), redirectError: null };
  };
  let snapshot = take();
  const fake: Omit<FakeAuth, 'msal' | 'renewal' | 'setRouterNavigate'> = {
    user,
    seedUser: who,
    scopes: tokenScopes,
    refused,
    permissions,
    get tokenRequests() {
      return tokenRequests;
    },
    getAccessToken: () => {
      tokenRequests++;
      return Promise.resolve(`fake-token-${tokenRequests}`);
    },
    signIn: () => Promise.resolve(),
    signOut: () => Promise.resolve(),
    currentUser: () => user,
    canWrite: () => snapshot.canWrite,
    grantedScopes: () => tokenScopes,
    redirectError: () => null,
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    markWriteRefused: (error) => {
      refused.push(error);
      if (!refusals.refuse(user.homeAccountId, error)) return;
      snapshot = take();
      listeners.forEach((l) => l());
    },
  };
  // MSAL itself (msal, renewal, the router bridge) is never reached by the components under test.
  return fake as FakeAuth;
}
