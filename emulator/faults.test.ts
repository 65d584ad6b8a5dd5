import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TENANT_ID } from './constants.ts';
import { Faults, applyFault, parseFaultRule, type FaultRule } from './faults.ts';
import type { GraphEngine } from './graph/engine.ts';
import { clientOf } from './test-client.ts';
import { startEmulator, type RunningEmulator } from './server.ts';
import type { GraphRequest } from './types.ts';

describe('fault rules (unit)', () => {
  it('applies the first matching rule in order and consumes it', () => {
    const f = new Faults();
    f.add(parseFaultRule({ method: 'post', pathRegex: 'Pools$', status: 503, count: 2 }));
    f.add(parseFaultRule({ latencyMs: 10 }));
    expect(f.take('GET', '/deviceManagement/embeddedSIMActivationCodePools', '/beta/deviceManagement/embeddedSIMActivationCodePools')?.latencyMs).toBe(10);
    expect(f.take('POST', '/x/embeddedSIMActivationCodePools', '/beta/x/embeddedSIMActivationCodePools')?.status).toBe(503);
    expect(f.take('POST', '/x/embeddedSIMActivationCodePools', '/beta/x/embeddedSIMActivationCodePools')?.status).toBe(503);
    expect(f.take('POST', '/x/embeddedSIMActivationCodePools', '/beta/x/embeddedSIMActivationCodePools')).toBeUndefined();
    expect(f.list()).toEqual([]);
  });

  it('matches pathRegex against the Graph path and the full path', () => {
    const f = new Faults();
    f.add(parseFaultRule({ pathRegex: '^/beta/deviceManagement', status: 500 }));
    f.add(parseFaultRule({ pathRegex: '^/deviceManagement', status: 502 }));
    expect(f.take('GET', '/deviceManagement/x', '/beta/deviceManagement/x')?.status).toBe(500);
    expect(f.take('GET', '/deviceManagement/x', '/beta/deviceManagement/x')?.status).toBe(502);
  });

  it('refuses malformed rules', () => {
    expect(() => parseFaultRule({ status: 200 })).toThrow(/status/);
    expect(() => parseFaultRule({ pathRegex: '(' })).toThrow(/pathRegex/);
    expect(() => parseFaultRule({ drop: 'sometimes' })).toThrow(/drop/);
    expect(() => parseFaultRule({ drop: 'after', status: 500 })).toThrow(/either/);
    expect(() => parseFaultRule({ processed: true })).toThrow(/processed/);
    expect(() => parseFaultRule({ count: 2 })).toThrow(/effect/);
    expect(() => parseFaultRule({ status: 500, colour: 'red' })).toThrow(/colour/);
    expect(() => parseFaultRule({ stall: 'yes' })).toThrow(/stall/);
    expect(() => parseFaultRule({ stall: true, status: 503 })).toThrow(/one effect/);
    expect(() => parseFaultRule({ malformedJson: true, drop: 'after' })).toThrow(/one effect/);
    expect(parseFaultRule({ stall: true })).toEqual({ stall: true });
    expect(parseFaultRule({ malformedJson: true, latencyMs: 5 })).toEqual({ malformedJson: true, latencyMs: 5 });
    expect(parseFaultRule({ stall: true, processed: true })).toEqual({ stall: true, processed: true });
    expect(() => parseFaultRule({ drop: 'before', processed: true })).toThrow(/processed/);
  });
});

describe('applyFault: how a request ends (one decision for the server and the in-process fake Graph)', () => {
  const run = async (rule?: Omit<FaultRule, 'id' | 'count'>) => {
    const steps: string[] = [];
    const outcome = await applyFault(rule && { id: 'f', count: 1, ...rule }, {
      delay: async (ms) => steps.push(`delay ${ms}`),
      handle: async () => {
        steps.push('engine');
        return 'response';
      },
    });
    return { outcome, steps };
  };

  it.each([
    ['no rule', undefined, { kind: 'answer', response: 'response', malformedJson: false }, ['engine']],
    ['status', { status: 429, retryAfterSec: 4 }, { kind: 'error', status: 429, code: 'TooManyRequests', message: 'Too many requests', retryAfterSec: 4 }, []],
    ['status after the engine ran', { status: 503, processed: true }, { kind: 'error', status: 503, code: 'ServiceUnavailable', message: expect.stringMatching(/unavailable/) }, ['engine']],
    ['drop before', { drop: 'before' as const }, { kind: 'noAnswer', how: 'before' }, []],
    ['drop after', { drop: 'after' as const }, { kind: 'noAnswer', how: 'after' }, ['engine']],
    ['stall', { stall: true }, { kind: 'noAnswer', how: 'stalled' }, []],
    ['stall after the engine ran', { stall: true, processed: true }, { kind: 'noAnswer', how: 'stalled' }, ['engine']],
    ['malformed JSON, with latency', { malformedJson: true, latencyMs: 7 }, { kind: 'answer', response: 'response', malformedJson: true }, ['delay 7', 'engine']],
  ])('%s', async (_name, rule, outcome, steps) => {
    expect(await run(rule)).toEqual({ outcome, steps });
  });
});

describe('fault injection over HTTP', () => {
  let emu: RunningEmulator;
  let certDir: string;
  let token: string;
  const calls: GraphRequest[] = [];
  const engine: GraphEngine = {
    handle: (req) => {
      calls.push(req);
      return { status: req.method === 'POST' ? 201 : 200, body: { id: String(calls.length) } };
    },
    exportState: () => ({}),
    importState: () => undefined,
    reset: () => undefined,
  };

  const call = clientOf(() => emu);
  const json = (method: string, p: string, body?: unknown) =>
    call(p, { method, headers: { 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const graph = (method: string, p: string) =>
    call(`/beta${p}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
  const addFault = async (rule: Record<string, unknown>) => {
    const res = await json('POST', '/_emulator/faults', rule);
    expect(res.status).toBe(200);
    return res.json<{ id: string }>();
  };

  beforeAll(async () => {
    certDir = await mkdtemp(path.join(tmpdir(), 'emu-faults-'));
    emu = await startEmulator({ port: 0, certDir, engine, throttle: false });
    token = (await json('POST', '/_emulator/token', {})).json<{ access_token: string }>().access_token;
  });
  afterAll(async () => {
    await emu.close();
    await rm(certDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await json('DELETE', '/_emulator/faults');
    calls.length = 0;
  });

  it('answers the status for the next N matching requests, then serves normally', async () => {
    const rule = await addFault({ method: 'GET', pathRegex: 'embeddedSIMActivationCodePools$', status: 503, retryAfterSec: 7, count: 2 });
    expect(rule.id).toMatch(/\S/);
    expect((await json('GET', '/_emulator/faults')).json()).toEqual({ value: [expect.objectContaining({ id: rule.id, count: 2, status: 503 })] });
    const p = '/deviceManagement/embeddedSIMActivationCodePools';
    const first = await graph('GET', p);
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('7');
    expect(first.json()).toMatchObject({ error: { code: 'ServiceUnavailable' } });
    expect((await graph('POST', p)).status).toBe(201); // method does not match
    expect((await graph('GET', p)).status).toBe(503);
    expect((await graph('GET', p)).status).toBe(200);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'GET']);
    expect((await json('GET', '/_emulator/faults')).json()).toEqual({ value: [] });
  });

  it('answers the status after the engine ran when processed is true', async () => {
    await addFault({ method: 'POST', status: 500, processed: true });
    const res = await graph('POST', '/pools');
    expect(res.status).toBe(500);
    expect(calls).toHaveLength(1);
  });

  it('drops the connection before the engine runs', async () => {
    await addFault({ method: 'POST', drop: 'before' });
    await expect(graph('POST', '/pools')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(calls).toHaveLength(0);
    const log = (await json('GET', '/_emulator/requests')).json<{ value: { dropped?: string; status: number }[] }>().value;
    expect(log.at(-1)).toMatchObject({ dropped: 'before', status: 0 });
  });

  it('drops the connection after the engine processed the request (ambiguous failure)', async () => {
    await addFault({ method: 'POST', drop: 'after' });
    await expect(graph('POST', '/pools')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('POST');
    // The next request is served normally.
    expect((await graph('POST', '/pools')).status).toBe(201);
  });

  it('closes connections while drop rules are armed, so browsers cannot silently resend', async () => {
    const keepAlive = () => call('/beta/pools', { headers: { Authorization: `Bearer ${token}`, Connection: 'keep-alive' } });
    expect((await keepAlive()).headers.connection).toBe('keep-alive');
    await addFault({ method: 'DELETE', drop: 'after' });
    expect((await keepAlive()).headers.connection).toBe('close');
    await json('DELETE', '/_emulator/faults');
    expect((await keepAlive()).headers.connection).toBe('keep-alive');
  });

  /** A POST the client aborts on demand, and the request log's last entry. */
  const abortablePost = () => {
    const controller = new AbortController();
    const pending = call('/beta/pools', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}', signal: controller.signal });
    pending.catch(() => undefined);
    return { abort: () => controller.abort(), pending };
  };
  const lastLogged = async () => (await json('GET', '/_emulator/requests')).json<{ value: { method: string; dropped?: string }[] }>().value.at(-1);

  it('stalls a request until the client gives up; the engine never runs', async () => {
    await addFault({ method: 'POST', stall: true });
    await json('DELETE', '/_emulator/requests');
    const post = abortablePost();
    // Held: the request log shows nothing finished while it waits.
    await new Promise((r) => setTimeout(r, 200));
    expect((await json('GET', '/_emulator/requests')).json<{ value: unknown[] }>().value).toEqual([]);
    post.abort();
    await expect(post.pending).rejects.toThrow(/abort/i);
    await expect.poll(lastLogged).toMatchObject({ method: 'POST', dropped: 'stalled' });
    expect(calls).toHaveLength(0);
    expect((await graph('POST', '/pools')).status).toBe(201);
  });

  it('stall with processed: the engine carries the request out, the answer never comes', async () => {
    await addFault({ method: 'POST', stall: true, processed: true });
    const post = abortablePost();
    await expect.poll(() => calls.length).toBe(1);
    post.abort();
    await expect(post.pending).rejects.toThrow(/abort/i);
    await expect.poll(lastLogged).toMatchObject({ method: 'POST', dropped: 'stalled' });
    expect(calls[0]?.method).toBe('POST');
  });

  it('answers the engine\'s status with the JSON body cut short (malformed JSON) after the engine ran', async () => {
    await addFault({ method: 'POST', malformedJson: true });
    const res = await graph('POST', '/pools');
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(() => res.json()).toThrow(SyntaxError);
    expect(res.text.length).toBeGreaterThan(0);
    expect(calls).toHaveLength(1);
    expect((await graph('POST', '/pools')).json()).toEqual({ id: '2' });
  });

  it('target token: the token endpoint answers an Entra-shaped error; Graph rules never touch it', async () => {
    const tokenUrl = `/${TENANT_ID}/oauth2/v2.0/token`;
    const redeem = () =>
      call(tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:4173' }, body: 'grant_type=refresh_token&client_id=x' });
    await addFault({ method: 'POST', status: 503 }); // a Graph rule: not for sign-in
    await addFault({ target: 'token', status: 503, retryAfterSec: 2 });
    const failed = await redeem();
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('2');
    expect(failed.headers['access-control-allow-origin']).toBe('http://localhost:4173');
    expect(failed.json()).toMatchObject({ error: 'server_error', error_codes: [90033] });
    // Next: the real endpoint (which refuses the unknown client), while the Graph rule is still armed.
    expect((await redeem()).json()).toMatchObject({ error: 'unauthorized_client' });
    expect((await graph('POST', '/pools')).status).toBe(503);
    expect(() => parseFaultRule({ target: 'token', malformedJson: true })).toThrow(/token-endpoint/);
    expect(() => parseFaultRule({ target: 'elsewhere', status: 500 })).toThrow(/target/);
  });

  it('adds latency', async () => {
    await addFault({ latencyMs: 300 });
    const started = Date.now();
    expect((await graph('GET', '/pools')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const fast = Date.now();
    await graph('GET', '/pools');
    expect(Date.now() - fast).toBeLessThan(300);
  });

  it('refuses invalid rules with 400 and can delete one rule', async () => {
    expect((await json('POST', '/_emulator/faults', { status: 99 })).status).toBe(400);
    const rule = await addFault({ status: 500, count: 5 });
    expect((await json('DELETE', `/_emulator/faults/${rule.id}`)).status).toBe(204);
    expect((await json('DELETE', `/_emulator/faults/${rule.id}`)).status).toBe(404);
    expect((await graph('GET', '/pools')).status).toBe(200);
  });

  it('is cleared by reset', async () => {
    await addFault({ status: 500, count: 5 });
    await json('POST', '/_emulator/reset', {});
    expect((await graph('GET', '/pools')).status).toBe(200);
  });
});
