/**
 * Incremental consent, Entra style, for the permissions the console asks for
 * only when an admin opens the feature that needs them (ON_DEMAND_SCOPES:
 * `DeviceManagementApps.Read.All` for a pool's history). The tenant starts
 * without that consent, so:
 * - a silent request for such a scope (prompt=none, or a refresh token)
 *   fails with AADSTS65001 `consent_required`, which MSAL reads as
 *   "interaction required";
 * - an interactive request shows the consent page; an admin who may grant
 *   admin consent accepts for the organisation (tenant-wide, so every user's
 *   next token may carry it), anyone else sees "Need admin approval";
 * - the scope reaches a token only after that consent.
 * Other scopes a user's consent lacks are left out of the token, as before.
 */
import { ON_DEMAND_SCOPES, SPA_CLIENT_ID, type SeedUser } from '../constants.ts';
import { OAuthError } from './errors.ts';
import type { ParsedScope } from './scopes.ts';

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What the user's token may carry: their consent plus what an admin consented to for the tenant. */
export function consentedScopes(user: SeedUser, tenantConsents: ReadonlySet<string>): string[] {
  return [...user.grantedScopes, ...[...tenantConsents].filter((s) => !user.grantedScopes.some((g) => eq(g, s)))];
}

/** The on-demand scopes a request names that nobody has consented to yet (short names). */
export function missingConsent(requested: readonly ParsedScope[], user: SeedUser, tenantConsents: ReadonlySet<string>): string[] {
  const have = consentedScopes(user, tenantConsents);
  const missing: string[] = [];
  for (const s of requested) {
    if (s.kind !== 'graph') continue;
    const onDemand = ON_DEMAND_SCOPES.find((o) => eq(o, s.name));
    if (onDemand && !have.some((h) => eq(h, onDemand)) && !missing.includes(onDemand)) missing.push(onDemand);
  }
  return missing;
}

/** Entra's answer to a silent request for a scope without consent (the token endpoint adds `suberror`). */
export function consentRequired(clientId: string, tokenEndpoint: boolean): OAuthError {
  const description = `The user or administrator has not consented to use the application with ID '${clientId}' named '${clientId === SPA_CLIENT_ID ? 'Intune eSIM console' : clientId}'. Send an interactive authorization request for this user and resource.`;
  return tokenEndpoint
    ? new OAuthError('invalid_grant', 65001, description, 400, { suberror: 'consent_required' })
    : new OAuthError('consent_required', 65001, description);
}

/** The user declined on the consent page. */
export const consentDeclined = (): OAuthError => new OAuthError('access_denied', 65004, 'User declined to consent to access the app.', 400, { error_subcode: 'cancel' });

/** A user who may not grant admin consent went back from "Need admin approval". */
export const adminConsentRequired = (): OAuthError =>
  new OAuthError('access_denied', 90094, 'Admin consent is required for the permissions requested by this application. An administrator can grant it for the organisation.', 400, { error_subcode: 'cancel' });

/** Plain names of the permissions on the consent page (Graph's own display strings). */
export const PERMISSION_TITLES: Readonly<Record<string, string>> = {
  'DeviceManagementApps.Read.All': 'Read Microsoft Intune apps',
};
