/**
 * The local Entra-shaped sign-in provider: `/{tenant}/…` routes for OIDC
 * discovery, JWKS, authorize (account picker, SSO session, prompt=none),
 * token and logout. See /work/shared/entra-shape.md for what MSAL expects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DAEMON_CLIENT_ID,
  SPA_CLIENT_ID,
  SPA_REDIRECT_URIS,
  TENANT_DOMAIN,
  TENANT_ID,
  USERS,
  type SeedUser,
} from '../constants.ts';
import {
  header,
  parseCookies,
  readBody,
  redirect,
  sendHtml,
  sendJson,
  type RequestContext,
} from '../http.ts';
import { OAuthError, entraErrorBody, missingParameter } from './errors.ts';
import type { KeySet } from './keys.ts';
import { PERMISSION_TITLES, adminConsentRequired, consentDeclined, consentRequired, missingConsent } from './consent.ts';
import { consentPage, errorPage, signInPage, signedOutPage } from './pages.ts';
import { ScopeError, parseScopes } from './scopes.ts';
import { SESSION_LIFETIME_MS, type AuthStore, type AuthorizeParams, type Session } from './store.ts';
import { handleTokenRequest } from './token-endpoint.ts';
import { clientInfo, issuerFor, type TokenMinter } from './tokens.ts';

const TENANT_ALIASES = new Set([TENANT_ID, TENANT_DOMAIN, 'organizations', 'common'].map((t) => t.toLowerCase()));
const PROMPTS = new Set(['none', 'login', 'select_account', 'consent', 'create']);
const FORM_LIMIT = 1024 * 1024;

export interface AuthProviderDeps {
  origin: string;
  port: number;
  keys: KeySet;
  minter: TokenMinter;
  store: AuthStore;
  accessTokenLifetimeSec: number;
  /** The console app's registered SPA redirect URIs (Entra: app registration → Authentication); default SPA_REDIRECT_URIS. */
  redirectUris?: readonly string[];
}

export interface AuthProvider {
  /** Serves the request when its path is a sign-in route; returns false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RequestContext): Promise<boolean>;
  readonly store: AuthStore;
}

type Route = 'discovery' | 'keys' | 'authorize' | 'login' | 'consent' | 'token' | 'logout';

const ROUTES: Record<string, Route> = {
  'v2.0/.well-known/openid-configuration': 'discovery',
  'discovery/v2.0/keys': 'keys',
  'discovery/keys': 'keys',
  'oauth2/v2.0/authorize': 'authorize',
  login: 'login',
  consent: 'consent',
  'oauth2/v2.0/token': 'token',
  'oauth2/v2.0/logout': 'logout',
};

export function createAuthProvider(deps: AuthProviderDeps): AuthProvider {
  const { origin, store } = deps;
  const redirectUris: readonly string[] = deps.redirectUris ?? SPA_REDIRECT_URIS;
  const SPA_ORIGINS = new Set(redirectUris.map((u) => new URL(u).origin));
  const cookieName = `esim_emulator_session_${deps.port}`;
  const base = `${origin}/${TENANT_ID}`;

  const discovery = () => ({
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(origin),
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    frontchannel_logout_supported: false,
    http_logout_supported: true,
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'nonce', 'name', 'oid', 'tid', 'preferred_username', 'ver', 'sid'],
    tenant_region_scope: null,
    cloud_instance_name: new URL(origin).host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  });

  const corsAny = { 'Access-Control-Allow-Origin': '*' };

  const tokenCors = (req: IncomingMessage): Record<string, string> => {
    const o = header(req, 'origin');
    return { 'Access-Control-Allow-Origin': o && SPA_ORIGINS.has(o) ? o : '*', Vary: 'Origin' };
  };

  const sendOAuthJson = (res: ServerResponse, err: OAuthError, ctx: RequestContext, headers: Record<string, string>) => {
    const body = entraErrorBody(err, { traceId: ctx.requestId, ...(ctx.clientRequestId ? { correlationId: ctx.clientRequestId } : {}) }, origin);
    sendJson(res, err.status, body, { ...headers, 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  };

  const unknownTenant = (tenant: string) =>
    new OAuthError(
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );

  // ---- sessions ------------------------------------------------------------

  const currentSession = (req: IncomingMessage): { cookie: string; session: Session; user: SeedUser } | null => {
    const cookie = parseCookies(req).get(cookieName);
    if (!cookie) return null;
    const session = store.sessions.get(cookie);
    const user = session && USERS.find((u) => u.oid === session.userOid);
    return session && user ? { cookie, session, user } : null;
  };

  const sessionCookie = (value: string, clear = false) =>
    `${cookieName}=${clear ? '' : value}; Path=/; HttpOnly; Secure; SameSite=None${clear ? '; Max-Age=0' : `; Max-Age=${SESSION_LIFETIME_MS / 1000}`}`;

  // ---- authorize -----------------------------------------------------------

  const responseUrl = (p: Pick<AuthorizeParams, 'redirectUri' | 'responseMode'>, params: Record<string, string | undefined>): string => {
    const url = new URL(p.redirectUri);
    const target = p.responseMode === 'query' ? url.searchParams : new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) target.set(k, v);
    if (p.responseMode === 'fragment') url.hash = target.toString();
    return url.toString();
  };

  const redirectError = (res: ServerResponse, p: Pick<AuthorizeParams, 'redirectUri' | 'responseMode' | 'state'>, err: OAuthError, ctx: RequestContext) => {
    const body = entraErrorBody(err, { traceId: ctx.requestId, ...(ctx.clientRequestId ? { correlationId: ctx.clientRequestId } : {}) }, origin);
    redirect(
      res,
      responseUrl(p, {
        error: err.error,
        error_description: body.error_description,
        error_uri: body.error_uri,
        ...err.extra,
        state: p.state,
      }),
    );
  };

  /** Issues a code for `user` and redirects, starting a session unless one for this user exists. */
  const issueCode = (req: IncomingMessage, res: ServerResponse, p: AuthorizeParams, user: SeedUser) => {
    const existing = currentSession(req);
    let sid: string;
    const headers: Record<string, string | string[]> = {};
    if (existing && existing.user.oid === user.oid) {
      sid = existing.session.sid;
    } else {
      if (existing) store.sessions.delete(existing.cookie);
      const created = store.newSession(user.oid);
      sid = created.session.sid;
      headers['Set-Cookie'] = sessionCookie(created.cookie);
    }
    const code = store.newCode({
      clientId: p.clientId,
      redirectUri: p.redirectUri,
      codeChallenge: p.codeChallenge,
      userOid: user.oid,
      scope: p.scope,
      sid,
      ...(p.nonce !== undefined ? { nonce: p.nonce } : {}),
    });
    redirect(res, responseUrl(p, { code, client_info: clientInfo(user.oid), state: p.state, session_state: sid }), headers);
  };

  /**
   * Issues the code once the account is known, unless the request names an
   * on-demand permission nobody consented to yet: then a silent request fails
   * with consent_required and an interactive one shows the consent page.
   */
  const continueAs = (req: IncomingMessage, res: ServerResponse, tenant: string, p: AuthorizeParams, user: SeedUser, ctx: RequestContext, silent = false) => {
    const missing = missingConsent(parseScopes(p.scope), user, store.tenantConsents);
    if (missing.length === 0) return issueCode(req, res, p, user);
    if (silent) return redirectError(res, p, consentRequired(p.clientId, false), ctx);
    const txn = store.newTransaction({ ...p, userOid: user.oid });
    sendHtml(
      res,
      200,
      consentPage({
        action: `/${encodeURIComponent(tenant)}/consent`,
        transactionId: txn,
        user,
        appName: p.clientId === SPA_CLIENT_ID ? 'Intune eSIM console' : p.clientId,
        permissions: missing.map((name) => ({ name, title: PERMISSION_TITLES[name] ?? name })),
      }),
    );
  };

  const consent = async (req: IncomingMessage, res: ServerResponse, ctx: RequestContext) => {
    const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
    const txnId = form.get('txn') ?? '';
    const p = store.transactions.get(txnId);
    const user = p?.userOid ? USERS.find((u) => u.oid === p.userOid) : undefined;
    if (!p || !user) {
      return sendHtml(res, 400, errorPage('Your sign-in request expired', 'AADSTS50132', 'The consent request expired or was already used. Start again from the application.'));
    }
    store.transactions.delete(txnId);
    if (form.get('action') !== 'accept') return redirectError(res, p, user.mayGrantAdminConsent ? consentDeclined() : adminConsentRequired(), ctx);
    if (!user.mayGrantAdminConsent) return redirectError(res, p, adminConsentRequired(), ctx);
    for (const scope of missingConsent(parseScopes(p.scope), user, store.tenantConsents)) store.tenantConsents.add(scope);
    issueCode(req, res, p, user);
  };

  const showPicker = (res: ServerResponse, tenant: string, p: AuthorizeParams, suggested?: string) => {
    const txn = store.newTransaction(p);
    sendHtml(
      res,
      200,
      signInPage({ action: `/${encodeURIComponent(tenant)}/login`, transactionId: txn, users: USERS, ...(suggested ? { suggested } : {}) }),
    );
  };

  const findUserByHint = (hint: string | undefined): SeedUser | undefined => {
    if (!hint) return undefined;
    const h = hint.toLowerCase();
    return USERS.find((u) => u.username.toLowerCase() === h || u.oid === h);
  };

  const authorize = (req: IncomingMessage, res: ServerResponse, tenant: string, q: URLSearchParams, ctx: RequestContext) => {
    // Errors before the redirect URI is known to be registered must not redirect.
    const page = (status: number, err: OAuthError) =>
      sendHtml(res, status, errorPage('Sorry, but we’re having trouble signing you in.', `AADSTS${err.aadsts}`, err.description));
    if (!TENANT_ALIASES.has(tenant.toLowerCase())) return page(400, unknownTenant(tenant));
    const clientId = q.get('client_id');
    if (!clientId) return page(400, missingParameter('client_id'));
    if (clientId !== SPA_CLIENT_ID && clientId !== DAEMON_CLIENT_ID) {
      return page(
        400,
        new OAuthError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory 'Contoso (local)'.`),
      );
    }
    const redirectUri = q.get('redirect_uri');
    if (clientId === DAEMON_CLIENT_ID) {
      return page(400, new OAuthError('invalid_request', 500113, 'No reply address is registered for the application.'));
    }
    if (!redirectUri) return page(400, missingParameter('redirect_uri'));
    if (!redirectUris.includes(redirectUri)) {
      return page(
        400,
        new OAuthError(
          'invalid_request',
          50011,
          `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
        ),
      );
    }
    const state = q.get('state') ?? undefined;
    const mode = q.get('response_mode') ?? 'fragment';
    const responseMode = mode === 'query' ? 'query' : 'fragment';
    const fail = (err: OAuthError) => redirectError(res, { redirectUri, responseMode, ...(state !== undefined ? { state } : {}) }, err, ctx);
    // From here on the redirect URI is trusted: every failure, even an unexpected one, goes back to it.
    try {
      if (mode !== 'fragment' && mode !== 'query') {
        return fail(new OAuthError('invalid_request', 900144, `The response_mode '${mode}' is not supported; use 'fragment' or 'query'.`));
      }
      const responseType = q.get('response_type');
      if (!responseType) return fail(missingParameter('response_type'));
      if (responseType !== 'code') {
        return fail(new OAuthError('unsupported_response_type', 700054, `response_type '${responseType}' is not enabled for the application.`));
      }
      const scope = q.get('scope');
      if (!scope || !scope.trim()) return fail(missingParameter('scope'));
      try {
        parseScopes(scope);
      } catch (e) {
        if (e instanceof ScopeError) return fail(new OAuthError(e.error, e.code, e.message));
        throw e;
      }
      const codeChallenge = q.get('code_challenge');
      if (!codeChallenge) {
        return fail(new OAuthError('invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.'));
      }
      if (q.get('code_challenge_method') !== 'S256') {
        return fail(new OAuthError('invalid_request', 5000, `The code_challenge_method '${q.get('code_challenge_method') ?? ''}' is not supported; use S256.`));
      }
      if (!/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
        return fail(new OAuthError('invalid_request', 501491, 'Invalid size of Code_Challenge parameter.'));
      }
      const prompt = q.get('prompt') ?? undefined;
      if (prompt !== undefined && !PROMPTS.has(prompt)) {
        return fail(new OAuthError('invalid_request', 90023, `Invalid prompt parameter '${prompt}'.`));
      }
      const nonce = q.get('nonce') ?? undefined;
      const loginHint = q.get('login_hint') ?? undefined;
      const params: AuthorizeParams = {
        clientId,
        redirectUri,
        responseMode,
        scope,
        codeChallenge,
        ...(state !== undefined ? { state } : {}),
        ...(nonce !== undefined ? { nonce } : {}),
        ...(loginHint !== undefined ? { loginHint } : {}),
      };
      const session = currentSession(req);
      const hinted = findUserByHint(loginHint);

      if (prompt === 'none') {
        if (!session) return fail(new OAuthError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'));
        if (loginHint && hinted?.oid !== session.user.oid) {
          return fail(
            new OAuthError('login_required', 50058, 'A silent sign-in request was sent but none of the currently signed in user(s) match the requested login hint.'),
          );
        }
        return continueAs(req, res, tenant, params, session.user, ctx, true);
      }
      if (prompt === 'login' || prompt === 'select_account' || prompt === 'consent' || prompt === 'create') {
        return showPicker(res, tenant, params, hinted?.username ?? session?.user.username);
      }
      if (hinted) return continueAs(req, res, tenant, params, hinted, ctx);
      if (session && !loginHint) return continueAs(req, res, tenant, params, session.user, ctx);
      return showPicker(res, tenant, params, loginHint);
    } catch (e) {
      if (e instanceof OAuthError) return fail(e);
      return fail(new OAuthError('server_error', 90000, 'The sign-in service hit an unexpected error. Try again.', 500));
    }
  };

  const login = async (req: IncomingMessage, res: ServerResponse, tenant: string, ctx: RequestContext) => {
    const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
    const txnId = form.get('txn') ?? '';
    const p = store.transactions.get(txnId);
    if (!p) {
      return sendHtml(
        res,
        400,
        errorPage('Your sign-in request expired', 'AADSTS50132', 'The sign-in request expired or was already used. Start again from the application.'),
      );
    }
    store.transactions.delete(txnId);
    if (form.get('action') === 'cancel') {
      return redirectError(res, p, new OAuthError('access_denied', 65004, 'User declined to consent to access the app.', 400, { error_subcode: 'cancel' }), ctx);
    }
    const user = findUserByHint(form.get('username') ?? undefined);
    if (!user) {
      return sendHtml(res, 400, errorPage('Unknown account', 'AADSTS50034', 'The user account does not exist in the Contoso (local) directory.'));
    }
    continueAs(req, res, tenant, p, user, ctx);
  };

  // ---- logout --------------------------------------------------------------

  const logout = (req: IncomingMessage, res: ServerResponse, q: URLSearchParams) => {
    const s = currentSession(req);
    if (s) store.sessions.delete(s.cookie);
    const clear = { 'Set-Cookie': sessionCookie('', true) };
    const target = q.get('post_logout_redirect_uri');
    let allowed: URL | null = null;
    if (target) {
      try {
        const u = new URL(target);
        if (SPA_ORIGINS.has(u.origin)) allowed = u;
      } catch {
        allowed = null;
      }
    }
    if (allowed) {
      const state = q.get('state');
      if (state) allowed.searchParams.set('state', state);
      return redirect(res, allowed.toString(), clear);
    }
    sendHtml(res, 200, signedOutPage(), clear);
  };

  // ---- token ---------------------------------------------------------------

  const token = async (
    req: IncomingMessage,
    res: ServerResponse,
    tenant: string,
    knownTenant: boolean,
    cors: Record<string, string>,
    ctx: RequestContext,
  ) => {
    const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
    try {
      if (!knownTenant) throw unknownTenant(tenant);
      const o = header(req, 'origin');
      const auth = header(req, 'authorization');
      const body = await handleTokenRequest({ form, tenant, ...(o ? { origin: o } : {}), ...(auth ? { authorization: auth } : {}) }, deps);
      sendJson(res, 200, body, { ...cors, 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      sendOAuthJson(res, e, ctx, cors);
    }
  };

  // ---- dispatch ------------------------------------------------------------

  return {
    store,
    async handle(req, res, url, ctx) {
      const segments = url.pathname.split('/').slice(1);
      const tenant = safeDecode(segments[0] ?? '');
      const route = ROUTES[segments.slice(1).join('/')];
      if (!tenant || !route) return false;
      const method = req.method ?? 'GET';
      const knownTenant = TENANT_ALIASES.has(tenant.toLowerCase());

      switch (route) {
        case 'discovery':
        case 'keys': {
          if (method === 'OPTIONS') preflight(res, corsAny, 'GET, OPTIONS', req);
          else if (method !== 'GET' && method !== 'HEAD') methodNotAllowed(res, 'GET');
          else if (!knownTenant) sendOAuthJson(res, unknownTenant(tenant), ctx, corsAny);
          else sendJson(res, 200, route === 'discovery' ? discovery() : deps.keys.jwks(), { ...corsAny, 'Cache-Control': 'max-age=86400, private' });
          return true;
        }
        case 'authorize':
          if (method !== 'GET') methodNotAllowed(res, 'GET');
          else authorize(req, res, tenant, url.searchParams, ctx);
          return true;
        case 'login':
          if (method !== 'POST') methodNotAllowed(res, 'POST');
          else await login(req, res, tenant, ctx);
          return true;
        case 'consent':
          if (method !== 'POST') methodNotAllowed(res, 'POST');
          else await consent(req, res, ctx);
          return true;
        case 'logout':
          if (method !== 'GET' && method !== 'POST') methodNotAllowed(res, 'GET');
          else logout(req, res, url.searchParams);
          return true;
        case 'token': {
          const cors = tokenCors(req);
          if (method === 'OPTIONS') preflight(res, cors, 'POST, OPTIONS', req);
          else if (method !== 'POST') methodNotAllowed(res, 'POST');
          else await token(req, res, tenant, knownTenant, cors, ctx);
          return true;
        }
      }
    },
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function preflight(res: ServerResponse, cors: Record<string, string>, methods: string, req: IncomingMessage): void {
  res.writeHead(204, {
    ...cors,
    'Access-Control-Allow-Methods': methods,
    'Access-Control-Allow-Headers': header(req, 'access-control-request-headers') ?? 'Content-Type',
    'Access-Control-Max-Age': '86400',
    'Content-Length': 0,
  });
  res.end();
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendHtml(res, 405, errorPage('Method not allowed', 'HTTP 405', `Use ${allow} for this endpoint.`), { Allow: allow });
}
