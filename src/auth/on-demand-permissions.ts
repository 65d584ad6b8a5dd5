/**
 * Delegated permissions the console asks for only when an admin opens the
 * feature that needs them (incremental consent), never at sign-in.
 *
 * The consent popup opens from the admin's click, through the same
 * InteractiveRenewal as "Sign in again" (browsers block popups opened
 * without a gesture). A request that needs the permission gets its token
 * silently once consent exists; when silent acquisition needs interaction
 * (consent withdrawn, session ended), it waits for that click, as renewal does.
 * Whether this tab already holds the permission is kept in sessionStorage
 * (permission names only), so opening the feature again does not pop up.
 */
import { InteractionRequiredAuthError, type PublicClientApplication } from '@azure/msal-browser';
import { InteractiveRenewal, type RenewalSnapshot } from './interactive-renewal.ts';

const GRANTED_KEY = 'esim-console.on-demand-permissions';

/** The sign-in service answered the consent popup with a token that lacks the permission. */
export class PermissionNotGrantedError extends Error {
  constructor(readonly permission: string) {
    super(`Microsoft Entra ID did not grant ${permission} to the console.`);
    this.name = 'PermissionNotGrantedError';
  }
}

export interface PermissionSnapshot extends RenewalSnapshot {
  /** This tab holds a token with the permission (or did, and silent renewal is expected to work). */
  granted: boolean;
}

function readGranted(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(GRANTED_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

export class OnDemandPermissions {
  private readonly consents = new Map<string, InteractiveRenewal>();
  private readonly snapshots = new Map<string, PermissionSnapshot>();
  private readonly listeners = new Set<() => void>();
  private granted = readGranted();

  /** `scopes`: permission name → the cloud's full scope URI (config `scopes.onDemand`). */
  constructor(
    private readonly msal: PublicClientApplication,
    private readonly scopes: Readonly<Record<string, string>>,
  ) {}

  private scopeOf(permission: string): string {
    const scope = this.scopes[permission];
    if (!scope) throw new Error(`The console does not ask for the permission ${permission} on demand (config scopes.onDemand).`);
    return scope;
  }

  /** The consent of one permission: its `start` opens the popup and must be called from the click. */
  consent(permission: string): InteractiveRenewal {
    let renewal = this.consents.get(permission);
    if (!renewal) {
      const scope = this.scopeOf(permission);
      renewal = new InteractiveRenewal(async (claims) => {
        const account = this.msal.getActiveAccount();
        const result = await this.msal.acquireTokenPopup({ scopes: [scope], ...(account ? { account } : {}), ...(claims ? { claims } : {}) });
        const short = permission.toLowerCase();
        if (!result.scopes.some((s) => s.toLowerCase() === scope.toLowerCase() || s.toLowerCase() === short)) {
          throw new PermissionNotGrantedError(permission);
        }
        this.setGranted(permission, true);
        return result.accessToken;
      });
      renewal.subscribe(() => this.changed(permission));
      this.consents.set(permission, renewal);
    }
    return renewal;
  }

  /** A token with the permission: silent, else (consent missing or session ended) it waits for the admin's click. */
  async token(permission: string, opts: { forceRefresh?: boolean; claims?: string } = {}): Promise<string> {
    const account = this.msal.getActiveAccount();
    const consent = this.consent(permission);
    if (!account) return consent.waitForSignIn(opts.claims);
    try {
      const result = await this.msal.acquireTokenSilent({
        scopes: [this.scopeOf(permission)],
        account,
        forceRefresh: (opts.forceRefresh ?? false) || !!opts.claims,
        ...(opts.claims ? { claims: opts.claims } : {}),
      });
      this.setGranted(permission, true);
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      this.setGranted(permission, false);
      return consent.waitForSignIn(opts.claims);
    }
  }

  readonly getSnapshot = (permission: string): PermissionSnapshot => {
    let snapshot = this.snapshots.get(permission);
    if (!snapshot) {
      snapshot = { ...this.consent(permission).getSnapshot(), granted: this.granted.has(permission) };
      this.snapshots.set(permission, snapshot);
    }
    return snapshot;
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Sign-out: this tab holds none of them any more. */
  clear(): void {
    this.granted = new Set();
    window.sessionStorage.removeItem(GRANTED_KEY);
    for (const permission of this.consents.keys()) this.changed(permission);
  }

  private setGranted(permission: string, granted: boolean): void {
    if (this.granted.has(permission) === granted) return;
    if (granted) this.granted.add(permission);
    else this.granted.delete(permission);
    window.sessionStorage.setItem(GRANTED_KEY, JSON.stringify([...this.granted]));
    this.changed(permission);
  }

  private changed(permission: string): void {
    this.snapshots.delete(permission);
    this.listeners.forEach((l) => l());
  }
}

/** Why a consent popup failed, in the terms the admin can act on. */
export type ConsentFailure = 'declined' | 'adminConsentRequired' | 'notGranted' | 'closed' | 'blocked' | 'other';

export function consentFailure(error: unknown): ConsentFailure {
  if (error instanceof PermissionNotGrantedError) return 'notGranted';
  const e = error as { errorCode?: unknown; errorMessage?: unknown } | null;
  const code = typeof e?.errorCode === 'string' ? e.errorCode : '';
  const message = typeof e?.errorMessage === 'string' ? e.errorMessage : error instanceof Error ? error.message : '';
  if (code === 'user_cancelled') return 'closed';
  if (code === 'popup_window_error' || code === 'empty_window_error') return 'blocked';
  // AADSTS90094 / 90008 / 65005: only an admin can grant it; 65004: the user said no.
  if (/AADSTS(90094|90008|65005)\b/.test(message)) return 'adminConsentRequired';
  if (code === 'access_denied' || code === 'consent_required' || /AADSTS65004\b/.test(message)) return 'declined';
  return 'other';
}
