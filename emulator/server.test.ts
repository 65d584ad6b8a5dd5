import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAEMON_CLIENT_ID, DAEMON_ROLES, SCOPE_READ, SPA_CLIENT_ID, TENANT_ID, USERS } from './constants.ts';
import type { GraphEngine } from './graph/engine.ts';
import { GRAPH_JSON_CONTENT_TYPE } from './http.ts';
import { clientOf } from './test-client.ts';
import { startEmulator, type RunningEmulator } from './server.ts';
import type { GraphRequest, GraphResponse } from './types.ts';

/** A stand-in Graph engine that records requests and answers what the test says. */
function fakeEngine() {
  const calls: GraphRequest[] = [];
  let reply: (req: GraphRequest) => GraphResponse = () => ({ status: 200, body: { ok: true } });
  const engine: GraphEngine = {
    handle: (req) => {
      calls.push(req);
      return reply(req);
    },
    exportState: () => ({ pools: [] }),
    importState: () => undefined,
    reset: () => undefined,
  };
  return { engine, calls, answer: (fn: typeof reply) => (reply = fn) };
}

const fake = fakeEngine();
let emu: RunningEmulator;
let certDir: string;
const ADMIN = USERS[0]!;

beforeAll(async () => {
  certDir = await mkdtemp(path.join(tmpdir(), 'emu-server-'));
  emu = await startEmulator({ port: 0, certDir, engine: fake.engine, throttle: false });
});
afterAll(async () => {
  await emu.close();
  await rm(certDir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.answer(() => ({ status: 200, body: { ok: true } }));
});

const call = clientOf(() => emu);

async function mint(body: Record<string, unknown> = {}): Promise<string> {
  const res = await call('/_emulator/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json<{ access_token: string }>().access_token;
}

describe('TLS', () => {
  it('serves a certificate valid for localhost that clients can pin', async () => {
    const res = await call('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Local eSIM emulator');
    expect(res.text).toContain(`${emu.origin}/${TENANT_ID}/v2.0/.well-known/openid-configuration`);
  });
});

describe('Graph token checks', () => {
  const cases: { name: string; auth: () => Promise<string | undefined>; message: RegExp }[] = [
    { name: 'no token', auth: () => Promise.resolve(undefined), message: /^Access token is empty\.$/ },
    { name: 'empty bearer', auth: () => Promise.resolve('Bearer '), message: /^Access token is empty\.$/ },
    { name: 'garbage', auth: () => Promise.resolve('Bearer not-a-jwt'), message: /^IDX14100: JWT is not well formed/ },
    { name: 'bad signature', auth: async () => `Bearer ${await mint({ signWithForeignKey: true })}`, message: /^Access token validation failure\.$/ },
    { name: 'tampered payload', auth: async () => `Bearer ${tamper(await mint())}`, message: /^Access token validation failure\.$/ },
    { name: 'expired', auth: async () => `Bearer ${await mint({ expiresInSec: -5 })}`, message: /^Lifetime validation failed, the token is expired\.$/ },
    { name: 'wrong audience', auth: async () => `Bearer ${await mint({ audience: 'api://something-else' })}`, message: /^Access token validation failure\. Invalid audience\.$/ },
    { name: 'wrong tenant', auth: async () => `Bearer ${await mint({ tenantId: '00000000-0000-0000-0000-000000000001' })}`, message: /Invalid issuer/ },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} with a Graph-shaped 401`, async () => {
      const auth = await c.auth();
      const res = await call('/beta/me', { headers: { ...(auth !== undefined ? { Authorization: auth } : {}), 'client-request-id': 'crid-1' } });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      const body = res.json<{ error: { code: string; message: string; innerError: Record<string, string> } }>();
      expect(body.error.code).toBe('InvalidAuthenticationToken');
      expect(body.error.message).toMatch(c.message);
      expect(body.error.innerError['request-id']).toBe(res.headers['request-id']);
      expect(body.error.innerError['client-request-id']).toBe('crid-1');
      expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(res.headers['client-request-id']).toBe('crid-1');
      expect(res.headers.date).toBeTruthy();
      expect(fake.calls).toHaveLength(0);
    });
  }

  it('refuses a token with neither scp nor roles with 403', async () => {
    const res = await call('/beta/me', { headers: { Authorization: `Bearer ${await mint({ scopes: [] })}` } });
    expect(res.status).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('Forbidden');
    expect(fake.calls).toHaveLength(0);
  });

  it('passes a user principal and a parsed request to the engine', async () => {
    fake.answer((req) => ({ status: 201, headers: { Location: `${req.baseUrl}/x/1` }, body: { id: '1' } }));
    const token = await mint({ username: ADMIN.username });
    const res = await call('/beta/deviceManagement/embeddedSIMActivationCodePools/a%20b?$top=5&$filter=displayName%20eq%20%27x%27', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'client-request-id': 'abc', ConsistencyLevel: 'eventual' },
      body: JSON.stringify({ displayName: 'Pool' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe(GRAPH_JSON_CONTENT_TYPE);
    expect(res.headers.location).toBe(`${emu.origin}/beta/x/1`);
    expect(res.json()).toEqual({ id: '1' });
    const req = fake.calls[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/deviceManagement/embeddedSIMActivationCodePools/a b');
    expect(req.query.get('$top')).toBe('5');
    expect(req.query.get('$filter')).toBe("displayName eq 'x'");
    expect(req.headers.consistencylevel).toBe('eventual');
    expect(req.body).toEqual({ displayName: 'Pool' });
    expect(req.bodyError).toBeUndefined();
    expect(req.baseUrl).toBe(`${emu.origin}/beta`);
    expect(req.requestId).toBe(res.headers['request-id']);
    expect(req.clientRequestId).toBe('abc');
    expect(req.principal).toEqual({
      kind: 'user',
      oid: ADMIN.oid,
      tenantId: TENANT_ID,
      appId: SPA_CLIENT_ID,
      username: ADMIN.username,
      name: ADMIN.name,
      permissions: [...ADMIN.grantedScopes],
    });
  });

  it('passes an app principal with roles', async () => {
    await call('/beta/deviceManagement', { headers: { Authorization: `Bearer ${await mint({ app: true })}` } });
    expect(fake.calls[0]?.principal).toEqual({ kind: 'app', oid: DAEMON_CLIENT_ID, tenantId: TENANT_ID, appId: DAEMON_CLIENT_ID, permissions: [...DAEMON_ROLES] });
  });
});

describe('Graph responses', () => {
  it('hands invalid JSON to the engine as bodyError', async () => {
    fake.answer((req) => ({ status: 400, body: { error: { code: 'BadRequest', message: req.bodyError ?? 'none' } } }));
    const res = await call('/beta/x', { method: 'PATCH', headers: { Authorization: `Bearer ${await mint()}`, 'Content-Type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBe(400);
    expect(fake.calls[0]?.body).toBeUndefined();
    expect(fake.calls[0]?.bodyError).toBeTruthy();
  });

  it('sends strings as text/plain and 204 without a body', async () => {
    const token = await mint({ scopes: [SCOPE_READ] });
    fake.answer(() => ({ status: 200, body: '42' }));
    const count = await call('/beta/x/$count', { headers: { Authorization: `Bearer ${token}` } });
    expect(count.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(count.text).toBe('42');
    expect(fake.calls[0]?.path).toBe('/x/$count');
    fake.answer(() => ({ status: 204 }));
    const del = await call('/beta/x', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
  });

  it('answers a Graph-shaped 500 when the engine throws', async () => {
    fake.answer(() => {
      throw new Error('boom');
    });
    const res = await call('/beta/x', { headers: { Authorization: `Bearer ${await mint()}` } });
    expect(res.status).toBe(500);
    expect(res.json<{ error: { code: string; innerError: Record<string, string> } }>().error.innerError['request-id']).toBe(res.headers['request-id']);
  });

  it('refuses bodies over 10 MB with 413', async () => {
    const res = await call('/beta/x', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await mint()}`, 'Content-Type': 'application/json' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    expect(res.status).toBe(413);
    expect(fake.calls).toHaveLength(0);
  });

  it('answers CORS preflights for Graph with the needed headers', async () => {
    const res = await call('/beta/deviceManagement/embeddedSIMActivationCodePools', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4173', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,content-type,client-request-id,x-ms-foo' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:4173');
    expect(res.headers['access-control-allow-methods']).toContain('PATCH');
    const allowed = String(res.headers['access-control-allow-headers']).toLowerCase();
    for (const h of ['authorization', 'content-type', 'client-request-id', 'consistencylevel', 'prefer', 'if-match', 'x-ms-foo']) expect(allowed).toContain(h);
    const exposed = String(res.headers['access-control-expose-headers']).toLowerCase();
    for (const h of ['request-id', 'client-request-id', 'retry-after', 'location']) expect(exposed).toContain(h);
    expect(fake.calls).toHaveLength(0);
  });

  it('answers v1.0 with a Graph-shaped 400 and unknown paths with 404', async () => {
    const v1 = await call('/v1.0/deviceManagement/embeddedSIMActivationCodePools', { headers: { Authorization: `Bearer ${await mint()}` } });
    expect(v1.status).toBe(400);
    expect(v1.json<{ error: { message: string } }>().error.message).toContain("'embeddedSIMActivationCodePools'");
    const unknown = await call('/nothing/here');
    expect(unknown.status).toBe(404);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('NotFound');
    expect(unknown.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('control API', () => {
  it('mints tokens and validates its input', async () => {
    const bad = await call('/_emulator/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'nobody@x' }) });
    expect(bad.status).toBe(400);
    const reset = await call('/_emulator/reset', { method: 'POST', body: JSON.stringify({ seed: 'nope' }) });
    expect(reset.status).toBe(400);
    const ok = await call('/_emulator/reset', { method: 'POST', body: JSON.stringify({ seed: 'empty' }) });
    expect(ok.json()).toEqual({ seed: 'empty' });
  });

  it('exports state and logs requests without bodies or secrets', async () => {
    expect((await call('/_emulator/state')).json()).toEqual({ pools: [] });
    await call('/_emulator/requests', { method: 'DELETE' });
    const token = await mint();
    await call('/beta/deviceManagement/embeddedSIMActivationCodePools?$top=2&$filter=secret', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ activationCodes: [{ integratedCircuitCardIdentifier: '8901234567890123456' }] }),
    });
    const log = (await call('/_emulator/requests')).json<{ value: Record<string, unknown>[] }>().value;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'POST', status: 200, username: ADMIN.username, appId: SPA_CLIENT_ID, path: '/beta/deviceManagement/embeddedSIMActivationCodePools?$top=2&$filter=…' });
    expect(JSON.stringify(log)).not.toContain('8901234567890123456');
    expect(JSON.stringify(log)).not.toContain(token);
  });
});

function tamper(jwt: string): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  payload.scp = 'Everything.ReadWrite.All';
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}
