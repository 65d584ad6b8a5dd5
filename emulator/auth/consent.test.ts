import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_KEY_HEADER, GRAPH_RESOURCE, SCOPE_AUDIT, SCOPE_READ, SPA_CLIENT_ID, SPA_REDIRECT_URIS, TENANT_ID, USERS } from '../constants.ts';
import { localRequest, type LocalResponse } from '../http.ts';
import { startEmulator, type RunningEmulator } from '../server.ts';

/** Incremental consent to an on-demand permission (DeviceManagementApps.Read.All), through the real provider. */
const REDIRECT = SPA_REDIRECT_URIS[0];
const ORIGIN = new URL(REDIRECT).origin;
const ADMIN = USERS.find((u) => u.mayGrantAdminConsent)!;
const USER = USERS.find((u) => !u.mayGrantAdminConsent)!;
const OIDC = 'openid profile offline_access';
const SIGN_IN = `${GRAPH_RESOURCE}/${SCOPE_READ} ${OIDC}`;
const AUDIT = `${GRAPH_RESOURCE}/${SCOPE_AUDIT} ${OIDC}`;

let emu: RunningEmulator;
let certDir: string;
let authority: string;

beforeAll(async () => {
  certDir = await mkdtemp(path.join(tmpdir(), 'emu-consent-'));
  emu = await startEmulator({ port: 0, certDir });
  authority = `${emu.origin}/${TENANT_ID}`;
});
afterAll(async () => {
  await emu.close();
  await rm(certDir, { recursive: true, force: true });
});
// A reset of the emulator withdraws the consents given on the consent page.
beforeEach(async () => {
  const res = await localRequest(`${emu.origin}/_emulator/reset`, { ca: emu.cert, method: 'POST', headers: { [CONTROL_KEY_HEADER]: emu.controlKey, 'Content-Type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(200);
});

const get = (url: string, headers: Record<string, string> = {}) => localRequest(url, { ca: emu.cert, headers });
const post = (url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  localRequest(url, { ca: emu.cert, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
const authorize = (scope: string, challenge: string, extra: Record<string, string> = {}, cookie?: string) =>
  get(
    `${authority}/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: SPA_CLIENT_ID, redirect_uri: REDIRECT, response_type: 'code', response_mode: 'fragment', scope, state: 's', code_challenge: challenge, code_challenge_method: 'S256', ...extra })}`,
    cookie ? { Cookie: cookie } : {},
  );
const form = (page: LocalResponse) => ({
  action: new URL(/<form method="post" action="([^"]+)"/.exec(page.text)![1]!, emu.origin).toString(),
  txn: /name="txn" value="([^"]+)"/.exec(page.text)![1]!,
});
const fragment = (res: LocalResponse) => new URLSearchParams(new URL(res.headers.location!).hash.slice(1));
const redeem = async (code: string, verifier: string, scope: string) =>
  (await post(`${authority}/oauth2/v2.0/token`, { client_id: SPA_CLIENT_ID, grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT, scope }, { Origin: ORIGIN })).json<{
    access_token: string;
    refresh_token: string;
    scope: string;
  }>();
const scp = (jwt: string) => String((JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { scp: string }).scp).split(' ');

/** Signs in with the sign-in scopes only: a session cookie and a refresh token. */
async function signIn(user = ADMIN) {
  const { verifier, challenge } = pkce();
  const picker = await authorize(SIGN_IN, challenge, { prompt: 'select_account' });
  const { action, txn } = form(picker);
  const chosen = await post(action, { txn, username: user.username });
  const tokens = await redeem(fragment(chosen).get('code')!, verifier, SIGN_IN);
  return { cookie: chosen.headers['set-cookie']![0]!.split(';')[0]!, tokens };
}

describe('incremental consent', () => {
  it('keeps the on-demand scope out of the sign-in token and refuses it silently until consented', async () => {
    const { cookie, tokens } = await signIn();
    expect(scp(tokens.access_token)).not.toContain(SCOPE_AUDIT);

    const refresh = await post(`${authority}/oauth2/v2.0/token`, { client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: AUDIT }, { Origin: ORIGIN });
    expect(refresh.status).toBe(400);
    expect(refresh.json()).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });

    const silent = await authorize(AUDIT, pkce().challenge, { prompt: 'none' }, cookie);
    expect(silent.status).toBe(302);
    expect(fragment(silent).get('error')).toBe('consent_required');
  });

  it('shows the consent page to an interactive request; accepting adds the scope to tokens, for the tenant', async () => {
    const { cookie } = await signIn();
    const { verifier, challenge } = pkce();
    const page = await authorize(AUDIT, challenge, { login_hint: ADMIN.username }, cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Permissions requested</h1>');
    expect(page.text).toContain(SCOPE_AUDIT);
    const { action, txn } = form(page);
    const accepted = await post(action, { txn, action: 'accept' }, { Cookie: cookie });
    const tokens = await redeem(fragment(accepted).get('code')!, verifier, AUDIT);
    expect(scp(tokens.access_token)).toEqual([SCOPE_AUDIT]);

    // Admin consent covers every user: another user's silent request now succeeds.
    const other = await signIn(USER);
    const refresh = await post(`${authority}/oauth2/v2.0/token`, { client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: other.tokens.refresh_token, scope: AUDIT }, { Origin: ORIGIN });
    expect(refresh.status).toBe(200);
    expect(scp(refresh.json<{ access_token: string }>().access_token)).toEqual([SCOPE_AUDIT]);
  });

  it('answers access_denied when the admin cancels, and grants nothing', async () => {
    const { cookie } = await signIn();
    const page = await authorize(AUDIT, pkce().challenge, { login_hint: ADMIN.username }, cookie);
    const { action, txn } = form(page);
    const cancelled = await post(action, { txn, action: 'cancel' }, { Cookie: cookie });
    expect(fragment(cancelled).get('error')).toBe('access_denied');
    expect(fragment(cancelled).get('error_description')).toMatch(/^AADSTS65004/);
    await expectNoConsent();
  });

  it('shows "Need admin approval" to a user who may not grant admin consent, and refuses an accept', async () => {
    const { cookie } = await signIn(USER);
    const page = await authorize(AUDIT, pkce().challenge, { login_hint: USER.username }, cookie);
    expect(page.text).toContain('<h1>Need admin approval</h1>');
    expect(page.text).not.toContain('value="accept"');
    const { action, txn } = form(page);
    const forced = await post(action, { txn, action: 'accept' }, { Cookie: cookie });
    expect(fragment(forced).get('error')).toBe('access_denied');
    expect(fragment(forced).get('error_description')).toMatch(/^AADSTS90094/);
    await expectNoConsent();
  });
});

/** A silent request for the scope is still refused. */
async function expectNoConsent() {
  const { tokens } = await signIn();
  const refresh = await post(`${authority}/oauth2/v2.0/token`, { client_id: SPA_CLIENT_ID, grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: AUDIT }, { Origin: ORIGIN });
  expect(refresh.json()).toMatchObject({ suberror: 'consent_required' });
}
