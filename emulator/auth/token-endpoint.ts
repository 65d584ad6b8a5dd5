/**
 * `POST /{tenant}/oauth2/v2.0/token`: the authorization_code (with PKCE),
 * refresh_token (rotating) and client_credentials grants.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  DAEMON_CLIENT_ID,
  DAEMON_CLIENT_SECRET,
  DAEMON_ROLES,
  SPA_CLIENT_ID,
  USERS,
  type SeedUser,
} from '../constants.ts';
import { OAuthError, missingParameter } from './errors.ts';
import { consentRequired, consentedScopes, missingConsent } from './consent.ts';
import { ScopeError, grantDelegated, isGraphDefaultScope, parseScopes, type ParsedScope } from './scopes.ts';
import { SPA_REFRESH_LIFETIME_MS, type AuthStore } from './store.ts';
import { clientInfo, type TokenMinter } from './tokens.ts';

export interface TokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  id_token?: string;
  scope?: string;
  client_info?: string;
}

export interface TokenRequestInfo {
  form: URLSearchParams;
  /** The `Authorization` header (client_secret_basic). */
  authorization?: string;
  /** The browser's `Origin` header: Entra redeems SPA codes only cross-origin. */
  origin?: string;
  /** The tenant segment of the token URL as sent (a tenant id, a domain, `common`, `organizations`). */
  tenant?: string;
}

/** Authorities that name no tenant: fine for users, who bring one, but not for an app alone. */
const MULTI_TENANT_AUTHORITIES = new Set(['common', 'organizations', 'consumers']);

export interface TokenEndpointDeps {
  store: AuthStore;
  minter: TokenMinter;
  accessTokenLifetimeSec: number;
}

export function findUser(oid: string): SeedUser | undefined {
  return USERS.find((u) => u.oid === oid);
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function parseOrThrow(scope: string | null): ParsedScope[] {
  try {
    return parseScopes(scope);
  } catch (e) {
    if (e instanceof ScopeError) throw new OAuthError('invalid_scope', e.code, e.message);
    throw e;
  }
}

/** Client id and secret from the form (client_secret_post) or the Authorization header (client_secret_basic). */
function clientCredentials(info: TokenRequestInfo): { clientId: string | null; secret: string | null } {
  let clientId = info.form.get('client_id');
  let secret = info.form.get('client_secret');
  const auth = info.authorization;
  if (auth && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0) {
      clientId ??= decodeURIComponent(decoded.slice(0, i));
      secret ??= decodeURIComponent(decoded.slice(i + 1));
    }
  }
  return { clientId, secret };
}

export async function handleTokenRequest(info: TokenRequestInfo, deps: TokenEndpointDeps): Promise<TokenResponse> {
  const grantType = info.form.get('grant_type');
  if (!grantType) throw missingParameter('grant_type');
  const { clientId, secret } = clientCredentials(info);
  if (!clientId) throw missingParameter('client_id');
  if (clientId !== SPA_CLIENT_ID && clientId !== DAEMON_CLIENT_ID) {
    throw new OAuthError(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory 'Contoso (local)'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  if (clientId === SPA_CLIENT_ID && (secret !== null || info.form.has('client_assertion'))) {
    throw new OAuthError('invalid_client', 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.", 401);
  }

  switch (grantType) {
    case 'authorization_code':
      requireCrossOrigin(clientId, info);
      return redeemCode(info.form, clientId, deps);
    case 'refresh_token':
      requireCrossOrigin(clientId, info);
      return redeemRefreshToken(info.form, clientId, deps);
    case 'client_credentials':
      if (info.tenant !== undefined && MULTI_TENANT_AUTHORITIES.has(info.tenant.toLowerCase())) {
        // Entra's answer, before it looks at the client's credentials.
        throw new OAuthError('invalid_request', 50059, 'No tenant-identifying information found in either the request or implied by any provided credentials.');
      }
      return clientCredentialsGrant(info.form, clientId, secret, deps);
    default:
      throw new OAuthError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
  }
}

function requireCrossOrigin(clientId: string, info: TokenRequestInfo): void {
  if (clientId === SPA_CLIENT_ID && !info.origin) {
    throw new OAuthError(
      'invalid_request',
      9002327,
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    );
  }
}

async function delegatedResponse(
  deps: TokenEndpointDeps,
  opts: {
    user: SeedUser;
    clientId: string;
    scopes: ParsedScope[];
    /** Scopes the new refresh token carries: those of the sign-in, however narrow this request was. */
    refreshScope: string;
    nonce?: string;
    sid: string;
  },
): Promise<TokenResponse> {
  if (missingConsent(opts.scopes, opts.user, deps.store.tenantConsents).length > 0) throw consentRequired(opts.clientId, true);
  const grant = grantDelegated(opts.scopes, consentedScopes(opts.user, deps.store.tenantConsents));
  const { token } = await deps.minter.accessToken({
    user: opts.user,
    clientId: opts.clientId,
    scp: grant.scp,
    lifetimeSec: deps.accessTokenLifetimeSec,
  });
  const res: TokenResponse = {
    token_type: 'Bearer',
    scope: grant.scope.join(' '),
    expires_in: deps.accessTokenLifetimeSec,
    ext_expires_in: deps.accessTokenLifetimeSec,
    access_token: token,
  };
  if (grant.offlineAccess) {
    const rt = deps.store.newRefreshToken({
      clientId: opts.clientId,
      userOid: opts.user.oid,
      scope: opts.refreshScope,
      sid: opts.sid,
    });
    res.refresh_token = rt.token;
    res.refresh_token_expires_in = rt.expiresInSec;
  }
  if (grant.openid) {
    res.id_token = await deps.minter.idToken({
      user: opts.user,
      clientId: opts.clientId,
      ...(opts.nonce !== undefined ? { nonce: opts.nonce } : {}),
      sid: opts.sid,
    });
  }
  res.client_info = clientInfo(opts.user.oid);
  return res;
}

async function redeemCode(form: URLSearchParams, clientId: string, deps: TokenEndpointDeps): Promise<TokenResponse> {
  const code = form.get('code');
  if (!code) throw missingParameter('code');
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) throw missingParameter('redirect_uri');
  const grant = deps.store.codes.peek(code);
  if (!grant) throw new OAuthError('invalid_grant', 70000, "The provided value for the 'code' parameter is not valid.");
  if (grant.redeemed) {
    throw new OAuthError(
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  // Any redemption attempt uses the code up (a wrong verifier cannot be retried).
  grant.redeemed = true;
  if (grant.expiresAt <= deps.store.now()) {
    throw new OAuthError(
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
  if (grant.clientId !== clientId) {
    throw new OAuthError('invalid_grant', 70000, "The provided value for the 'code' parameter is not valid. The code was issued to a different client.");
  }
  if (grant.redirectUri !== redirectUri) {
    throw new OAuthError(
      'invalid_grant',
      500112,
      `The reply address '${redirectUri}' does not match the reply address '${grant.redirectUri}' provided when requesting Authorization code.`,
    );
  }
  const verifier = form.get('code_verifier');
  if (!verifier) throw missingParameter('code_verifier');
  if (!safeEqual(s256(verifier), grant.codeChallenge)) {
    throw new OAuthError('invalid_grant', 50148, 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.');
  }
  const user = findUser(grant.userOid);
  if (!user) throw new OAuthError('invalid_grant', 50034, 'The user account does not exist in the directory.');
  return delegatedResponse(deps, {
    user,
    clientId,
    scopes: parseOrThrow(grant.scope),
    refreshScope: grant.scope,
    ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
    sid: grant.sid,
  });
}

async function redeemRefreshToken(form: URLSearchParams, clientId: string, deps: TokenEndpointDeps): Promise<TokenResponse> {
  const token = form.get('refresh_token');
  if (!token) throw missingParameter('refresh_token');
  const grant = deps.store.refreshTokens.peek(token);
  if (!grant) throw new OAuthError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  if (grant.revokedAt !== undefined) {
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ') + 'Z';
    throw new OAuthError(
      'invalid_grant',
      50173,
      `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${iso(grant.expiresAt - SPA_REFRESH_LIFETIME_MS)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${iso(grant.revokedAt)}'.`,
    );
  }
  if (grant.used) {
    throw new OAuthError('invalid_grant', 50173, 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The refresh token was already used.');
  }
  if (grant.expiresAt <= deps.store.now()) {
    throw new OAuthError(
      'invalid_grant',
      700084,
      'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
    );
  }
  if (grant.clientId !== clientId) {
    throw new OAuthError('invalid_grant', 70000, 'The refresh token was issued to a different client.');
  }
  const user = findUser(grant.userOid);
  if (!user) throw new OAuthError('invalid_grant', 50034, 'The user account does not exist in the directory.');
  const requested = form.get('scope');
  const scopes = parseOrThrow(requested && requested.trim() ? requested : grant.scope);
  grant.used = true;
  return delegatedResponse(deps, { user, clientId, scopes, refreshScope: grant.scope, sid: grant.sid });
}

async function clientCredentialsGrant(
  form: URLSearchParams,
  clientId: string,
  secret: string | null,
  deps: TokenEndpointDeps,
): Promise<TokenResponse> {
  if (clientId !== DAEMON_CLIENT_ID) {
    throw new OAuthError('invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", 401);
  }
  if (secret === null) {
    throw new OAuthError('invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", 401);
  }
  if (!safeEqual(secret, DAEMON_CLIENT_SECRET)) {
    throw new OAuthError(
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      401,
    );
  }
  const scope = form.get('scope');
  if (!scope) throw missingParameter('scope');
  if (!isGraphDefaultScope(scope)) {
    throw new OAuthError(
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const { token } = await deps.minter.accessToken({ clientId, roles: DAEMON_ROLES, lifetimeSec: deps.accessTokenLifetimeSec });
  return {
    token_type: 'Bearer',
    expires_in: deps.accessTokenLifetimeSec,
    ext_expires_in: deps.accessTokenLifetimeSec,
    access_token: token,
  };
}
