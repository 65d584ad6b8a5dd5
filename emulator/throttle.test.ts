import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphEngine } from './graph/engine.ts';
import { clientOf } from './test-client.ts';
import { startEmulator, type RunningEmulator } from './server.ts';
import { DEFAULT_THROTTLE, Throttle } from './throttle.ts';

describe('Throttle (unit, fake clock)', () => {
  let now = 0;
  const clock = () => now;
  const config = { ...DEFAULT_THROTTLE, windowMs: 20_000, tenantWrites: 3, appWrites: 2, tenantAll: 5, appAll: 4 };
  beforeEach(() => {
    now = 1_000_000;
  });

  it('refuses the write over the per-app limit with the seconds until the window frees', () => {
    const t = new Throttle(config, clock);
    expect(t.admit('t', 'a', 'POST').allowed).toBe(true);
    now += 5_000;
    expect(t.admit('t', 'a', 'PATCH').allowed).toBe(true);
    now += 1_000;
    const refused = t.admit('t', 'a', 'DELETE');
    // The first write (at +0 s) leaves the window at +20 s; now is +6 s.
    expect(refused).toEqual({ allowed: false, limit: 'appWrites', retryAfterSec: 14 });
    now += 13_999;
    expect(t.admit('t', 'a', 'PUT').allowed).toBe(false);
    now += 1;
    expect(t.admit('t', 'a', 'PUT').allowed).toBe(true);
  });

  it('counts writes per tenant across apps, and reads separately from the write limits', () => {
    const t = new Throttle(config, clock);
    expect(t.admit('t', 'a', 'POST').allowed).toBe(true);
    expect(t.admit('t', 'b', 'POST').allowed).toBe(true);
    expect(t.admit('t', 'c', 'POST').allowed).toBe(true);
    expect(t.admit('t', 'd', 'POST')).toMatchObject({ allowed: false, limit: 'tenantWrites' });
    // Another tenant is unaffected, and reads still pass until the all-requests limit.
    expect(t.admit('other', 'd', 'POST').allowed).toBe(true);
    expect(t.admit('t', 'd', 'GET').allowed).toBe(true);
    expect(t.admit('t', 'd', 'GET').allowed).toBe(true);
    expect(t.admit('t', 'd', 'GET')).toMatchObject({ allowed: false, limit: 'tenantAll' });
  });

  it('does not count refused requests and never answers Retry-After below 1', () => {
    const t = new Throttle({ ...config, appAll: 1 }, clock);
    expect(t.admit('t', 'a', 'GET').allowed).toBe(true);
    for (let i = 0; i < 10; i++) expect(t.admit('t', 'a', 'GET').allowed).toBe(false);
    now += 19_999;
    expect(t.admit('t', 'a', 'GET')).toEqual({ allowed: false, limit: 'appAll', retryAfterSec: 1 });
    now += 1;
    expect(t.admit('t', 'a', 'GET').allowed).toBe(true);
  });

  it('admits everything when disabled, and validates settings', () => {
    const t = new Throttle({ ...config, appAll: 1 }, clock);
    t.setConfig({ enabled: false });
    for (let i = 0; i < 5; i++) expect(t.admit('t', 'a', 'GET').allowed).toBe(true);
    expect(() => t.setConfig({ windowMs: 0 })).toThrow(/windowMs/);
    expect(() => t.setConfig({ appAll: -1 })).toThrow(/appAll/);
    t.reset();
    expect(t.getConfig()).toMatchObject({ enabled: true, appAll: 1 });
  });
});

describe('throttling over HTTP', () => {
  let emu: RunningEmulator;
  let certDir: string;
  let engineCalls = 0;
  const engine: GraphEngine = {
    handle: () => {
      engineCalls++;
      return { status: 200, body: {} };
    },
    exportState: () => ({}),
    importState: () => undefined,
    reset: () => undefined,
  };

  beforeAll(async () => {
    certDir = await mkdtemp(path.join(tmpdir(), 'emu-throttle-'));
    emu = await startEmulator({ port: 0, certDir, engine });
  });
  afterAll(async () => {
    await emu.close();
    await rm(certDir, { recursive: true, force: true });
  });

  const call = clientOf(() => emu);
  const json = (method: string, p: string, body: unknown) =>
    call(p, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const tokenFor = async (body: Record<string, unknown> = {}) => (await json('POST', '/_emulator/token', body)).json<{ access_token: string }>().access_token;

  it('is on by default with Intune limits and configurable at runtime', async () => {
    await json('POST', '/_emulator/reset', {});
    expect((await call('/_emulator/throttle')).json()).toEqual({
      enabled: true,
      windowMs: 20_000,
      tenantWrites: 200,
      appWrites: 100,
      tenantAll: 2000,
      appAll: 1000,
    });
    const bad = await json('PUT', '/_emulator/throttle', { appWrites: 'many' });
    expect(bad.status).toBe(400);
    const unknown = await json('PUT', '/_emulator/throttle', { perUser: 1 });
    expect(unknown.status).toBe(400);
  });

  it('answers 429 with Retry-After over the write limit, serves reads meanwhile, and recovers after the window', async () => {
    const set = await json('PUT', '/_emulator/throttle', { windowMs: 1200, appWrites: 2, tenantWrites: 10, appAll: 10, tenantAll: 20 });
    expect(set.json()).toMatchObject({ enabled: true, windowMs: 1200, appWrites: 2 });
    const token = await tokenFor();
    const auth = { Authorization: `Bearer ${token}` };
    engineCalls = 0;
    expect((await call('/beta/pools', { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
    expect((await call('/beta/pools/1', { method: 'PATCH', headers: auth, body: '{}' })).status).toBe(200);
    const refused = await call('/beta/pools/1', { method: 'DELETE', headers: auth });
    expect(refused.status).toBe(429);
    // Whole seconds until the first write leaves the 1.2 s window: 2, or 1 on a slow machine.
    expect(['1', '2']).toContain(refused.headers['retry-after']);
    expect(refused.json()).toMatchObject({ error: { code: 'TooManyRequests', message: 'Too many requests' } });
    expect(refused.json<{ error: { innerError: Record<string, string> } }>().error.innerError['request-id']).toBe(refused.headers['request-id']);
    expect(engineCalls).toBe(2);

    // Reads have their own, higher limit.
    expect((await call('/beta/pools', { headers: auth })).status).toBe(200);
    // Another app of the tenant still has write quota.
    const other = await tokenFor({ clientId: '11111111-2222-4333-8444-555555555555' });
    expect((await call('/beta/pools', { method: 'POST', headers: { Authorization: `Bearer ${other}` }, body: '{}' })).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1250));
    expect((await call('/beta/pools/1', { method: 'DELETE', headers: auth })).status).toBe(200);
  });

  it('never answers 429 when disabled', async () => {
    await json('PUT', '/_emulator/throttle', { enabled: false, windowMs: 60_000, appAll: 1, appWrites: 1, tenantAll: 1, tenantWrites: 1 });
    const auth = { Authorization: `Bearer ${await tokenFor()}` };
    const statuses = await Promise.all(Array.from({ length: 6 }, () => call('/beta/pools', { method: 'POST', headers: auth, body: '{}' }).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    await json('PUT', '/_emulator/throttle', { enabled: true });
    expect((await call('/beta/pools', { headers: auth })).status).toBe(200);
    expect((await call('/beta/pools', { headers: auth })).status).toBe(429);
    // Reset restores the startup defaults.
    await json('POST', '/_emulator/reset', {});
    expect((await call('/beta/pools', { headers: auth })).status).toBe(200);
    expect((await call('/_emulator/throttle')).json()).toMatchObject({ appAll: 1000 });
  });
});
