import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTROL_KEY_HEADER,
  DAEMON_CLIENT_ID,
  DAEMON_CLIENT_SECRET,
  DAEMON_ROLES,
  GRAPH_RESOURCE,
  SCOPE_READ,
  SCOPE_WRITE,
  SPA_CLIENT_ID,
  SPA_REDIRECT_URIS,
  TENANT_DOMAIN,
  TENANT_ID,
  USERS,
} from '../constants.ts';
import { localRequest, type LocalResponse } from '../http.ts';
import { startEmulator, type RunningEmulator } from '../server.ts';

const REDIRECT = SPA_REDIRECT_URIS[0];
const SPA_ORIGIN = new URL(REDIRECT).origin;
const ADMIN = USERS[0]!;
const READER = USERS[1]!;
const OPERATOR = USERS.find((u) => u.intuneRole === 'Read Only Operator')!;
const GRAPH_SCOPES = `${GRAPH_RESOURCE}/${SCOPE_WRITE} ${GRAPH_RESOURCE}/${SCOPE_READ}`;
const OIDC = 'openid profile offline_access';

let emu: RunningEmulator;
let certDir: string;
let authority: string;

beforeAll(async () => {
  certDir = await mkdtemp(path.join(tmpdir(), 'emu-auth-'));
  emu = await startEmulator({ port: 0, certDir });
  authority = `${emu.origin}/${TENANT_ID}`;
});

afterAll(async () => {
  await emu.close();
  await rm(certDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => localRequest(url, { ca: emu.cert, headers });
const postForm = (url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  localRequest(url, {
    ca: emu.cert,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
const tokenRequest = (form: Record<string, string>, headers: Record<string, string> = { Origin: SPA_ORIGIN }) =>
  postForm(`${authority}/oauth2/v2.0/token?client-request-id=${crypto.randomUUID()}`, { 'x-client-SKU': 'msal.js.browser', 'x-client-VER': '5.30.0', ...form }, headers);

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>): string {
  const q = new URLSearchParams({
    client_id: SPA_CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${GRAPH_SCOPES} ${OIDC}`,
    state: 'st-123',
    nonce: 'n-456',
    code_challenge_method: 'S256',
    ...params,
  });
  return `${authority}/oauth2/v2.0/authorize?${q.toString()}`;
}

function cookieOf(res: LocalResponse): string | undefined {
  const set = res.headers['set-cookie']?.[0];
  return set?.split(';')[0];
}

/** Drives the account picker: GET authorize → POST the chosen user → parse the redirect. */
async function signIn(user = ADMIN, params: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const page = await get(authorizeUrl({ code_challenge: challenge, prompt: 'select_account', ...params }));
  expect(page.status).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
  const txn = /name="txn" value="([^"]+)"/.exec(page.text)?.[1];
  expect(action).toBeTruthy();
  expect(txn).toBeTruthy();
  const chosen = await postForm(new URL(action!, emu.origin).toString(), { txn: txn!, username: user.username });
  expect(chosen.status).toBe(302);
  const location = new URL(chosen.headers.location!);
  const fragment = new URLSearchParams(location.hash.slice(1));
  return { location, fragment, verifier, cookie: cookieOf(chosen) };
}

async function redeem(code: string, verifier: string, extra: Record<string, string> = {}) {
  return tokenRequest({
    client_id: SPA_CLIENT_ID,
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT,
    scope: `${GRAPH_SCOPES} ${OIDC}`,
    client_info: '1',
    ...extra,
  });
}

async function verifyJwt(token: string, audience: string): Promise<JWTPayload> {
  const jwks = (await get(`${authority}/discovery/v2.0/keys`)).json<JSONWebKeySet>();
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: `${emu.origin}/${TENANT_ID}/v2.0`, audience });
  return payload;
}

describe('discovery', () => {
  it('serves Entra-shaped openid-configuration with CORS and exact endpoint paths', async () => {
    for (const tenant of [TENANT_ID, 'organizations', 'common', TENANT_DOMAIN]) {
      const res = await get(`${emu.origin}/${tenant}/v2.0/.well-known/openid-configuration`, { Origin: SPA_ORIGIN });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const doc = res.json<Record<string, unknown>>();
      expect(doc).toMatchObject({
        issuer: `${emu.origin}/${TENANT_ID}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
      expect(doc.response_types_supported).toContain('code');
      expect(doc.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'offline_access']));
    }
  });

  it('rejects an unknown tenant like Entra', async () => {
    const res = await get(`${emu.origin}/not-a-tenant/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(400);
    expect(res.json<{ error_codes: number[] }>().error_codes).toEqual([90002]);
  });

  it('publishes an RS256 JWKS with a kid', async () => {
    const res = await get(`${authority}/discovery/v2.0/keys`);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const { keys } = res.json<JSONWebKeySet>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', e: 'AQAB' });
    expect(keys[0]?.kid).toMatch(/\S{20,}/);
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('authorization code + PKCE', () => {
  it('shows an accessible account picker listing the seeded users', async () => {
    const { challenge } = pkce();
    const res = await get(authorizeUrl({ code_challenge: challenge, prompt: 'select_account' }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('<title>Sign in to Contoso (local)</title>');
    expect(res.text).toMatch(/<h1>Sign in to Contoso \(local\)<\/h1>/);
    expect(res.text).toContain('<legend>Choose an account</legend>');
    for (const u of USERS) {
      expect(res.text).toContain(u.name);
      expect(res.text).toContain(`value="${u.username}"`);
      expect(res.text).toContain(u.description);
    }
    // The PKCE challenge and state stay on the server, not in the page.
    expect(res.text).not.toContain(challenge);
  });

  it('issues a code in the fragment and redeems it for Entra-shaped tokens', async () => {
    const { fragment, verifier, cookie } = await signIn();
    expect(fragment.get('state')).toBe('st-123');
    expect(fragment.get('session_state')).toBeTruthy();
    expect(JSON.parse(Buffer.from(fragment.get('client_info')!, 'base64url').toString())).toEqual({ uid: ADMIN.oid, utid: TENANT_ID });
    expect(cookie).toMatch(/^esim_emulator_session_\d+=/);

    const res = await redeem(fragment.get('code')!, verifier);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(SPA_ORIGIN);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, scope: `${GRAPH_SCOPES} ${OIDC}` });
    expect(typeof body.refresh_token).toBe('string');
    expect(typeof body.client_info).toBe('string');

    const id = await verifyJwt(body.id_token as string, SPA_CLIENT_ID);
    expect(id).toMatchObject({ nonce: 'n-456', oid: ADMIN.oid, tid: TENANT_ID, preferred_username: ADMIN.username, name: ADMIN.name, ver: '2.0' });
    expect(typeof id.sub).toBe('string');
    expect(id.exp! - id.iat!).toBe(3600);

    const at = await verifyJwt(body.access_token as string, GRAPH_RESOURCE);
    expect(at).toMatchObject({ oid: ADMIN.oid, tid: TENANT_ID, azp: SPA_CLIENT_ID, appid: SPA_CLIENT_ID, ver: '2.0', preferred_username: ADMIN.username, name: ADMIN.name });
    expect((at.scp as string).split(' ').sort()).toEqual([SCOPE_READ, SCOPE_WRITE].sort());
    expect(at.roles).toBeUndefined();
    expect(at.exp! - at.nbf!).toBe(3600);
    expect(typeof at.uti).toBe('string');
  });

  it('delivers the code in the query with response_mode=query', async () => {
    const { location } = await signIn(ADMIN, { response_mode: 'query' });
    expect(location.hash).toBe('');
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('st-123');
  });

  it('refuses a wrong code_verifier with invalid_grant and burns the code', async () => {
    const { fragment, verifier } = await signIn();
    const wrong = await redeem(fragment.get('code')!, pkce().verifier);
    expect(wrong.status).toBe(400);
    const err = wrong.json<Record<string, unknown>>();
    expect(err).toMatchObject({ error: 'invalid_grant', error_codes: [50148] });
    expect(err.error_description).toMatch(/^AADSTS50148: /);
    expect(err).toHaveProperty('trace_id');
    expect(err).toHaveProperty('correlation_id');
    expect(err).toHaveProperty('timestamp');
    expect((await redeem(fragment.get('code')!, verifier)).json<{ error: string }>().error).toBe('invalid_grant');
  });

  it('refuses a code redeemed twice', async () => {
    const { fragment, verifier } = await signIn();
    expect((await redeem(fragment.get('code')!, verifier)).status).toBe(200);
    const again = await redeem(fragment.get('code')!, verifier);
    expect(again.status).toBe(400);
    expect(again.json()).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });

  it('refuses a code redeemed with another redirect_uri or without Origin', async () => {
    const a = await signIn();
    const r1 = await redeem(a.fragment.get('code')!, a.verifier, { redirect_uri: SPA_REDIRECT_URIS[1] });
    expect(r1.json()).toMatchObject({ error: 'invalid_grant' });
    const b = await signIn();
    const r2 = await tokenRequest(
      { client_id: SPA_CLIENT_ID, grant_type: 'authorization_code', code: b.fragment.get('code')!, code_verifier: b.verifier, redirect_uri: REDIRECT },
      {},
    );
    expect(r2.status).toBe(400);
    expect(r2.json()).toMatchObject({ error: 'invalid_request', error_codes: [9002327] });
  });

  it('does not redirect to an unregistered redirect_uri', async () => {
    const { challenge } = pkce();
    const res = await get(authorizeUrl({ code_challenge: challenge, redirect_uri: 'https://evil.example/cb' }));
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('AADSTS50011');
    expect(res.text).toContain('https://evil.example/cb');
    expect(res.text).not.toContain('<script');
  });

  it('accepts the redirect URIs it was started with instead of the default registration (a console on another port)', async () => {
    const other = 'http://localhost:4174/redirect.html';
    const dir = await mkdtemp(path.join(tmpdir(), 'emu-auth-redirect-'));
    const second = await startEmulator({ port: 0, certDir: dir, redirectUris: [other] });
    try {
      const { challenge } = pkce();
      const at = (redirectUri: string) =>
        localRequest(authorizeUrl({ code_challenge: challenge, redirect_uri: redirectUri }).replace(authority, `${second.origin}/${TENANT_ID}`), { ca: second.cert });
      const accepted = await at(other);
      expect(accepted.status).toBe(200);
      expect(accepted.text).toContain(ADMIN.name);
      const refused = await at(REDIRECT);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('AADSTS50011');
      // The token endpoint answers CORS for the registered console's origin only.
      const token = (origin: string) =>
        localRequest(`${second.origin}/${TENANT_ID}/oauth2/v2.0/token`, { ca: second.cert, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin }, body: 'grant_type=refresh_token&client_id=x' });
      expect((await token('http://localhost:4174')).headers['access-control-allow-origin']).toBe('http://localhost:4174');
      expect((await token(SPA_ORIGIN)).headers['access-control-allow-origin']).toBe('*');
    } finally {
      await second.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('redirects OAuth errors once the redirect_uri is valid (missing PKCE)', async () => {
    const res = await get(authorizeUrl({}));
    expect(res.status).toBe(302);
    const f = new URLSearchParams(new URL(res.headers.location!).hash.slice(1));
    expect(f.get('error')).toBe('invalid_request');
    expect(f.get('error_description')).toMatch(/^AADSTS9002325/);
    expect(f.get('state')).toBe('st-123');
  });

  it('answers access_denied with error_subcode=cancel when the user cancels', async () => {
    const { challenge } = pkce();
    const page = await get(authorizeUrl({ code_challenge: challenge }));
    const txn = /name="txn" value="([^"]+)"/.exec(page.text)![1]!;
    const res = await postForm(`${authority}/login`, { txn, action: 'cancel' });
    const f = new URLSearchParams(new URL(res.headers.location!).hash.slice(1));
    expect(f.get('error')).toBe('access_denied');
    expect(f.get('error_subcode')).toBe('cancel');
    // The transaction is single use.
    expect((await postForm(`${authority}/login`, { txn, username: ADMIN.username })).status).toBe(400);
  });

  it('grants a read-only user only the Read scope', async () => {
    const { fragment, verifier } = await signIn(READER);
    const body = (await redeem(fragment.get('code')!, verifier)).json<{ scope: string; access_token: string }>();
    expect(body.scope).toBe(`${GRAPH_RESOURCE}/${SCOPE_READ} ${OIDC}`);
    const at = await verifyJwt(body.access_token, GRAPH_RESOURCE);
    expect(at.scp).toBe(SCOPE_READ);
  });

  it('grants the Intune Read Only Operator the write scope: consent is read-write, Intune’s role decides', async () => {
    expect(OPERATOR).toMatchObject({ name: 'Alex Wilber', description: 'Read Only Operator in Intune; consented read-write' });
    const { fragment, verifier } = await signIn(OPERATOR);
    const body = (await redeem(fragment.get('code')!, verifier)).json<{ scope: string; access_token: string }>();
    expect(body.scope).toBe(`${GRAPH_SCOPES} ${OIDC}`);
    const at = await verifyJwt(body.access_token, GRAPH_RESOURCE);
    expect((at.scp as string).split(' ')).toContain(SCOPE_WRITE);
    expect(at.oid).toBe(OPERATOR.oid);

    // Over HTTP, with that token: reads are served, writes get Intune's role 403.
    const pools = `${emu.origin}/beta/deviceManagement/embeddedSIMActivationCodePools`;
    const auth = { Authorization: `Bearer ${body.access_token}`, 'client-request-id': 'op-crid-1' };
    expect((await get(`${pools}?$top=1`, auth)).status).toBe(200);
    const write = await localRequest(pools, {
      ca: emu.cert,
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'nope', activationCodes: [] }),
    });
    expect(write.status).toBe(403);
    const error = write.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('Forbidden');
    expect(error.message).not.toMatch(/scope/i);
    expect((JSON.parse(error.message) as { Message: string }).Message).toContain('An error has occurred - Operation ID (for customer support): ');
    expect(error.message).toContain('Activity ID: op-crid-1 ');
  });

  it('issues a Graph User.Read token when only OIDC scopes were asked for', async () => {
    const { fragment, verifier } = await signIn(ADMIN, { scope: OIDC });
    const body = (await redeem(fragment.get('code')!, verifier, { scope: OIDC })).json<{ scope: string; access_token: string }>();
    expect(body.scope).toBe(`${GRAPH_RESOURCE}/User.Read ${OIDC}`);
    expect((await verifyJwt(body.access_token, GRAPH_RESOURCE)).scp).toBe('User.Read');
  });

  it('grants all of the user consent for .default', async () => {
    const { fragment, verifier } = await signIn(READER, { scope: `${GRAPH_RESOURCE}/.default ${OIDC}` });
    const body = (await redeem(fragment.get('code')!, verifier)).json<{ scope: string; access_token: string }>();
    expect(body.scope).toBe(`${GRAPH_RESOURCE}/.default ${OIDC}`);
    expect(((await verifyJwt(body.access_token, GRAPH_RESOURCE)).scp as string).split(' ').sort()).toEqual([...READER.grantedScopes].sort());
  });
});

describe('sessions', () => {
  it('prompt=none issues a code with a session cookie and login_required without one', async () => {
    const { cookie } = await signIn();
    const { challenge } = pkce();
    const silent = await get(authorizeUrl({ code_challenge: challenge, prompt: 'none' }), { Cookie: cookie! });
    expect(silent.status).toBe(302);
    expect(new URLSearchParams(new URL(silent.headers.location!).hash.slice(1)).get('code')).toBeTruthy();

    const anonymous = await get(authorizeUrl({ code_challenge: challenge, prompt: 'none' }));
    const f = new URLSearchParams(new URL(anonymous.headers.location!).hash.slice(1));
    expect(f.get('error')).toBe('login_required');
    expect(f.get('error_description')).toMatch(/^AADSTS50058/);
    expect(f.get('code')).toBeNull();

    const otherUser = await get(authorizeUrl({ code_challenge: challenge, prompt: 'none', login_hint: READER.username }), { Cookie: cookie! });
    expect(new URLSearchParams(new URL(otherUser.headers.location!).hash.slice(1)).get('error')).toBe('login_required');
  });

  it('login_hint signs the hinted user in without UI unless prompt asks for it', async () => {
    const { challenge } = pkce();
    const auto = await get(authorizeUrl({ code_challenge: challenge, login_hint: READER.username }));
    expect(auto.status).toBe(302);
    expect(JSON.parse(Buffer.from(new URLSearchParams(new URL(auto.headers.location!).hash.slice(1)).get('client_info')!, 'base64url').toString()).uid).toBe(READER.oid);
    const picker = await get(authorizeUrl({ code_challenge: challenge, login_hint: READER.username, prompt: 'login' }));
    expect(picker.status).toBe(200);
    expect(picker.text).toContain('Adele Vance (suggested)');
  });

  it('logout clears the session and redirects only to a registered origin', async () => {
    const { cookie } = await signIn();
    const out = await get(`${authority}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(`${SPA_ORIGIN}/`)}`, { Cookie: cookie! });
    expect(out.status).toBe(302);
    expect(out.headers.location).toBe(`${SPA_ORIGIN}/`);
    expect(out.headers['set-cookie']?.[0]).toMatch(/Max-Age=0/);
    const { challenge } = pkce();
    const silent = await get(authorizeUrl({ code_challenge: challenge, prompt: 'none' }), { Cookie: cookie! });
    expect(new URLSearchParams(new URL(silent.headers.location!).hash.slice(1)).get('error')).toBe('login_required');

    const foreign = await get(`${authority}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`);
    expect(foreign.status).toBe(200);
    expect(foreign.headers.location).toBeUndefined();
    expect(foreign.text).toContain("You're signed out");
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=None', async () => {
    const { challenge } = pkce();
    const page = await get(authorizeUrl({ code_challenge: challenge }));
    const txn = /name="txn" value="([^"]+)"/.exec(page.text)![1]!;
    const res = await postForm(`${authority}/login`, { txn, username: ADMIN.username });
    const set = res.headers['set-cookie']?.[0] ?? '';
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=None/);
  });
});

describe('token endpoint', () => {
  it('answers the CORS preflight for SPA origins', async () => {
    const res = await localRequest(`${authority}/oauth2/v2.0/token`, {
      ca: emu.cert,
      method: 'OPTIONS',
      headers: { Origin: SPA_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(SPA_ORIGIN);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
  });

  it('rotates refresh tokens and refuses a used one', async () => {
    const { fragment, verifier } = await signIn();
    const first = (await redeem(fragment.get('code')!, verifier)).json<{ refresh_token: string }>();
    const refreshed = await tokenRequest({ client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: `${GRAPH_RESOURCE}/${SCOPE_READ} ${OIDC}` });
    expect(refreshed.status).toBe(200);
    const second = refreshed.json<{ refresh_token: string; access_token: string; scope: string; id_token: string }>();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe(`${GRAPH_RESOURCE}/${SCOPE_READ} ${OIDC}`);
    const at = await verifyJwt(second.access_token, GRAPH_RESOURCE);
    expect(at.oid).toBe(ADMIN.oid);
    expect(at.scp).toBe(SCOPE_READ);
    expect((await verifyJwt(second.id_token, SPA_CLIENT_ID)).oid).toBe(ADMIN.oid);

    const reused = await tokenRequest({ client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect(reused.json()).toMatchObject({ error: 'invalid_grant' });
    const unknown = await tokenRequest({ client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'nope' });
    expect(unknown.json()).toMatchObject({ error: 'invalid_grant' });
    // Without a scope the refresh keeps the original scopes.
    const kept = await tokenRequest({ client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: second.refresh_token });
    expect(kept.json<{ scope: string }>().scope).toBe(`${GRAPH_SCOPES} ${OIDC}`);
  });

  it('POST /_emulator/reset replaces tenant data only: sessions, tokens and the signing key carry on (the e2e suite signs in once per run)', async () => {
    const { fragment, verifier, cookie } = await signIn();
    const tokens = (await redeem(fragment.get('code')!, verifier)).json<{ refresh_token: string; access_token: string }>();
    const keysBefore = (await get(`${authority}/discovery/v2.0/keys`)).json<JSONWebKeySet>();
    const reset = await localRequest(`${emu.origin}/_emulator/reset`, {
      ca: emu.cert,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CONTROL_KEY_HEADER]: emu.controlKey },
      body: JSON.stringify({ seed: 'empty' }),
    });
    expect(reset.status).toBe(200);
    expect((await get(`${authority}/discovery/v2.0/keys`)).json<JSONWebKeySet>()).toEqual(keysBefore);
    // The access token issued before the reset still reads Graph (now the empty tenant).
    const me = await get(`${emu.origin}/beta/me`, { Authorization: `Bearer ${tokens.access_token}` });
    expect(me.status).toBe(200);
    // The refresh token still redeems, and the sign-in session still signs in silently.
    const refreshed = await tokenRequest({ client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const silent = await get(authorizeUrl({ code_challenge: pkce().challenge, prompt: 'none', login_hint: ADMIN.username }), { Cookie: cookie! });
    expect(new URLSearchParams(new URL(silent.headers.location!).hash.slice(1)).get('code')).toBeTruthy();
  });

  it('POST /_emulator/revoke: the user\'s refresh tokens get invalid_grant (AADSTS50173) and silent sign-in needs interaction', async () => {
    const { fragment, verifier, cookie } = await signIn();
    const tokens = (await redeem(fragment.get('code')!, verifier)).json<{ refresh_token: string }>();
    // Another user's session is untouched.
    const other = await signIn(READER);
    const otherTokens = (await redeem(other.fragment.get('code')!, other.verifier)).json<{ refresh_token: string }>();

    const revoke = (body: unknown) =>
      localRequest(`${emu.origin}/_emulator/revoke`, {
        ca: emu.cert,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [CONTROL_KEY_HEADER]: emu.controlKey },
        body: JSON.stringify(body),
      });
    const res = await revoke({ username: ADMIN.username });
    expect(res.status).toBe(200);
    // Earlier tests signed the admin in too: at least this sign-in's token and session.
    const { username, revoked } = res.json<{ username: string; revoked: { refreshTokens: number; sessions: number } }>();
    expect(username).toBe(ADMIN.username);
    expect(revoked.refreshTokens).toBeGreaterThanOrEqual(1);
    expect(revoked.sessions).toBeGreaterThanOrEqual(1);
    expect((await revoke({ username: ADMIN.username })).json()).toEqual({ username: ADMIN.username, revoked: { refreshTokens: 0, sessions: 0 } });
    expect((await revoke({ username: 'nobody@contoso.example' })).status).toBe(400);
    expect((await revoke({})).status).toBe(400);

    const refreshed = await tokenRequest({ client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(400);
    const body = refreshed.json<{ error: string; error_codes: number[]; error_description: string }>();
    expect(body.error).toBe('invalid_grant');
    expect(body.error_codes).toEqual([50173]);
    expect(body.error_description).toMatch(/^AADSTS50173: The provided grant has expired due to it being revoked/);

    const { challenge } = pkce();
    const silent = await get(authorizeUrl({ code_challenge: challenge, prompt: 'none' }), { Cookie: cookie! });
    expect(new URLSearchParams(new URL(silent.headers.location!).hash.slice(1)).get('error')).toBe('login_required');

    const otherRefresh = await tokenRequest({ client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: otherTokens.refresh_token });
    expect(otherRefresh.status).toBe(200);
    // Signing in interactively again works.
    const again = await signIn();
    expect((await redeem(again.fragment.get('code')!, again.verifier)).status).toBe(200);
  });

  it('issues app tokens with roles for client_credentials and refuses a wrong secret', async () => {
    const ok = await tokenRequest(
      { client_id: DAEMON_CLIENT_ID, client_secret: DAEMON_CLIENT_SECRET, grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/.default` },
      {},
    );
    expect(ok.status).toBe(200);
    const body = ok.json<Record<string, unknown>>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(body.refresh_token).toBeUndefined();
    expect(body.id_token).toBeUndefined();
    const at = await verifyJwt(body.access_token as string, GRAPH_RESOURCE);
    expect(at.roles).toEqual([...DAEMON_ROLES]);
    expect(at.scp).toBeUndefined();
    expect(at.appid).toBe(DAEMON_CLIENT_ID);

    const basic = await tokenRequest(
      { grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/.default` },
      { Authorization: `Basic ${Buffer.from(`${DAEMON_CLIENT_ID}:${DAEMON_CLIENT_SECRET}`).toString('base64')}` },
    );
    expect(basic.status).toBe(200);

    const bad = await tokenRequest({ client_id: DAEMON_CLIENT_ID, client_secret: 'wrong', grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/.default` }, {});
    expect(bad.status).toBe(401);
    expect(bad.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });

    const badScope = await tokenRequest(
      { client_id: DAEMON_CLIENT_ID, client_secret: DAEMON_CLIENT_SECRET, grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/${SCOPE_READ}` },
      {},
    );
    expect(badScope.status).toBe(400);
    expect(badScope.json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
  });

  it('refuses client_credentials on /common, /organizations and /consumers with Entra’s error, and serves it on the tenant id or domain', async () => {
    const form = { client_id: DAEMON_CLIENT_ID, client_secret: DAEMON_CLIENT_SECRET, grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/.default` };
    for (const tenant of ['common', 'organizations', 'Organizations']) {
      const crid = crypto.randomUUID();
      const res = await postForm(`${emu.origin}/${tenant}/oauth2/v2.0/token?client-request-id=${crid}`, form);
      expect(res.status, tenant).toBe(400);
      const body = res.json<Record<string, unknown>>();
      expect(Object.keys(body).sort()).toEqual(['correlation_id', 'error', 'error_codes', 'error_description', 'error_uri', 'timestamp', 'trace_id']);
      expect(body).toMatchObject({ error: 'invalid_request', error_codes: [50059], correlation_id: crid, trace_id: res.headers['request-id'] });
      expect(body.error_description).toMatch(/^AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials\. Trace ID: /);
      expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    }
    const consumers = await postForm(`${emu.origin}/consumers/oauth2/v2.0/token`, form);
    expect(consumers.status).toBe(400);
    expect(consumers.json()).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    for (const tenant of [TENANT_ID, TENANT_DOMAIN]) {
      const ok = await postForm(`${emu.origin}/${tenant}/oauth2/v2.0/token`, form);
      expect(ok.status, tenant).toBe(200);
      expect((await verifyJwt(ok.json<{ access_token: string }>().access_token, GRAPH_RESOURCE)).tid).toBe(TENANT_ID);
    }
  });

  it('echoes client-request-id as correlation_id and refuses unknown grants and clients', async () => {
    const crid = crypto.randomUUID();
    const res = await postForm(`${authority}/oauth2/v2.0/token?client-request-id=${crid}`, { client_id: SPA_CLIENT_ID, grant_type: 'password' }, { Origin: SPA_ORIGIN });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'unsupported_grant_type', correlation_id: crid });
    expect(res.headers['client-request-id']).toBe(crid);
    const unknownClient = await tokenRequest({ client_id: crypto.randomUUID(), grant_type: 'client_credentials' });
    expect(unknownClient.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });
});
