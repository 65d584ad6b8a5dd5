import {
  BrowserCacheLocation,
  EventType,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AuthenticationResult,
  type EventMessage,
  type INavigationClient,
} from '@azure/msal-browser';
import type { GraphError } from '../graph/errors.ts';
import { sameSnapshot, toUser, type AuthSnapshot, type CurrentUser } from './auth-snapshot.ts';
import { GRANTED_KEY, grantedOf, readGranted, saveGranted } from './granted-scopes.ts';
import { InteractiveRenewal } from './interactive-renewal.ts';
import { OnDemandPermissions } from './on-demand-permissions.ts';
import { entraMetadataFor, type AuthSettings } from './settings.ts';
import { RouterNavigationClient } from './navigation-client.ts';
import { createWriteRefusals, type ReadOnlyReason } from './write-access.ts';

export type { AuthSnapshot, CurrentUser, ReadOnlyReason };

export class NotSignedInError extends Error {
  constructor() {
    super('You are signed out. Sign in again to continue.');
    this.name = 'NotSignedInError';
  }
}

export interface Auth {
  readonly msal: PublicClientApplication;
  /** Interactive sign-in when silent renewal fails, started from the user's click (see interactive-renewal.ts). */
  readonly renewal: InteractiveRenewal;
  /** Permissions asked for only when a feature needs them (the pool history), from the admin's click. */
  readonly permissions: OnDemandPermissions;
  /** `permission`: a token for that on-demand permission instead of the sign-in scopes. */
  getAccessToken(opts?: { forceRefresh?: boolean; signal?: AbortSignal; claims?: string; permission?: string }): Promise<string>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  currentUser(): CurrentUser | null;
  /** Whether the signed-in user may write: the token has the write scope and Intune refused no write this session. */
  canWrite(): boolean;
  /**
   * A write got a 403 (the Graph client's `onWriteForbidden`): the console
   * turns read-only for this account for the rest of the session, with the
   * reason (a missing scope, or an Intune role that does not allow it).
   */
  markWriteRefused(error: GraphError): void;
  /** Scopes granted by the service at the last token response (full URIs as requested). */
  grantedScopes(): readonly string[];
  setRouterNavigate(navigate: (url: string, replace: boolean) => void): void;
  /** Error returned by the last redirect sign-in, shown on the sign-in page. */
  redirectError(): Error | null;
  /** A stable snapshot for useSyncExternalStore; a new object after every change. */
  getSnapshot(): AuthSnapshot;
  subscribe(listener: () => void): () => void;
}

/**
 * Creates the one PublicClientApplication of the console, initialises it and
 * completes a pending redirect sign-in. Call once, before the first render.
 */
export async function createAuth(settings: AuthSettings): Promise<Auth> {
  const navigationClient = new RouterNavigationClient();
  const msal = new PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      knownAuthorities: settings.knownAuthorities,
      ...(settings.customAuthority ? { authorityMetadata: entraMetadataFor(settings.authority) } : {}),
      redirectUri: settings.redirectUri,
      postLogoutRedirectUri: settings.postLogoutRedirectUri,
    },
    // Tokens live only as long as the tab: never in localStorage.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    system: { navigationClient: navigationClient as INavigationClient },
  });
  await msal.initialize();

  const listeners = new Set<() => void>();
  let granted: string[] = readGranted() ?? [...settings.scopes];
  let lastRedirectError: Error | null = null;
  const refusals = createWriteRefusals();
  const takeSnapshot = (): AuthSnapshot => {
    const account = msal.getActiveAccount();
    const hasScope = granted.some((s) => s.toLowerCase() === settings.writeScope.toLowerCase());
    const refused = refusals.refusalFor(account?.homeAccountId);
    const readOnlyReason = !hasScope ? 'scope' : refused?.reason;
    return {
      user: account ? toUser(account) : null,
      canWrite: !readOnlyReason,
      ...(readOnlyReason && { readOnlyReason }),
      redirectError: lastRedirectError,
    };
  };
  let snapshot = takeSnapshot();
  /** Tells subscribers only about a real change (see sameSnapshot). */
  const notify = () => {
    const next = takeSnapshot();
    if (sameSnapshot(next, snapshot)) return;
    snapshot = next;
    listeners.forEach((l) => l());
  };

  const remember = (result: AuthenticationResult) => {
    // The service may grant fewer scopes than asked (a read-only operator): see granted-scopes.ts.
    const graphScopes = grantedOf(settings.scopes, result.scopes);
    if (graphScopes.length > 0 && graphScopes.join(' ') !== granted.join(' ')) {
      granted = graphScopes;
      saveGranted(granted);
    }
  };

  msal.addEventCallback((event: EventMessage) => {
    if (
      (event.eventType === EventType.LOGIN_SUCCESS || event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) &&
      event.payload &&
      'account' in event.payload
    ) {
      const result = event.payload as AuthenticationResult;
      if (result.account && result.account.homeAccountId !== msal.getActiveAccount()?.homeAccountId) msal.setActiveAccount(result.account);
      remember(result);
      notify();
    }
    if (event.eventType === EventType.ACTIVE_ACCOUNT_CHANGED || event.eventType === EventType.LOGOUT_SUCCESS) notify();
  });

  try {
    const result = await msal.handleRedirectPromise();
    if (result?.account) {
      msal.setActiveAccount(result.account);
      remember(result);
    }
  } catch (error) {
    lastRedirectError = error instanceof Error ? error : new Error(String(error));
  }
  if (!msal.getActiveAccount()) {
    const [first, ...rest] = msal.getAllAccounts();
    // Only pick an account automatically when there is exactly one.
    if (first && rest.length === 0) msal.setActiveAccount(first);
  }
  snapshot = takeSnapshot();

  const request = () => ({ scopes: granted });
  // One interactive fallback at a time, shared by every caller that needs it. A popup keeps the
  // page (and any upload in memory) alive, where a redirect would not; it opens from a click.
  const renewal = new InteractiveRenewal(async (claims) => {
    const account = msal.getActiveAccount();
    const result = await msal.acquireTokenPopup({ ...request(), ...(account ? { account } : {}), ...(claims ? { claims } : {}) });
    return result.accessToken;
  });

  const permissions = new OnDemandPermissions(msal, settings.onDemandScopes);

  const auth: Auth = {
    msal,
    renewal,
    permissions,
    async getAccessToken(opts = {}) {
      const account = msal.getActiveAccount();
      if (!account) throw new NotSignedInError();
      if (opts.permission) return permissions.token(opts.permission, opts);
      const silent = async () => {
        const result = await msal.acquireTokenSilent({
          ...request(),
          account,
          // A claims challenge from Graph (Conditional Access) must reach the token service.
          forceRefresh: (opts.forceRefresh ?? false) || !!opts.claims,
          ...(opts.claims ? { claims: opts.claims } : {}),
        });
        return result.accessToken;
      };
      return renewal.token(silent, (error) => error instanceof InteractionRequiredAuthError, opts.claims);
    },
    async signIn() {
      lastRedirectError = null;
      notify();
      await msal.loginRedirect({ scopes: [...settings.scopes], prompt: 'select_account' });
    },
    async signOut() {
      const account = msal.getActiveAccount();
      window.sessionStorage.removeItem(GRANTED_KEY);
      permissions.clear();
      refusals.clear();
      await msal.logoutRedirect({ account: account ?? undefined, postLogoutRedirectUri: settings.postLogoutRedirectUri });
    },
    currentUser: () => snapshot.user,
    canWrite: () => snapshot.canWrite,
    markWriteRefused(error) {
      const account = msal.getActiveAccount();
      if (account && refusals.refuse(account.homeAccountId, error)) notify();
    },
    getSnapshot: () => snapshot,
    grantedScopes: () => granted,
    setRouterNavigate(navigate) {
      navigationClient.navigate = navigate;
    },
    redirectError: () => lastRedirectError,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return auth;
}
