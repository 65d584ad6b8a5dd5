/**
 * The console's GraphClient against the real emulator, with the emulator's
 * fault injection holding requests unanswered (`stall`, until the client
 * closes the connection) or answering late (`latencyMs`). The client's own
 * timer cuts each attempt; nothing here races a stall against a timeout of
 * similar length, so the outcome does not depend on how loaded the machine
 * is. The fake-timer tests of the default bounds are in
 * src/graph/client-bounds.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient, type GraphClientOptions } from '../src/graph/client.ts';
import { isGraphError } from '../src/graph/errors.ts';
import { codes, POOLS } from './graph/test-support.ts';
import { startEmulator, type RunningEmulator } from './server.ts';
import { clientOf } from './test-client.ts';

/** fetch over node:https that trusts the emulator's certificate only, and honours the abort signal. */
function pinnedFetch(ca: string): typeof fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      const req = httpsRequest(
        String(input),
        { method: init.method ?? 'GET', headers, ca, agent: false, signal: init.signal ?? undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
            const status = res.statusCode ?? 0;
            resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers: out }));
          });
        },
      );
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

let emu: RunningEmulator;
let certDir: string;
let token: string;

const emulatorRequest = clientOf(() => emu);
const control = async (method: string, p: string, body?: unknown) =>
  emulatorRequest(p, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

function client(overrides: Partial<GraphClientOptions> = {}): GraphClient {
  return new GraphClient({ baseUrl: emu.origin, fetch: pinnedFetch(emu.cert), getToken: () => Promise.resolve(token), random: () => 0, ...overrides });
}

/** Graph requests the emulator saw, oldest first (method and status only). */
async function requestLog(): Promise<{ method: string; status: number }[]> {
  const log = (await control('GET', '/_emulator/requests')).json<{ value: { method: string; status: number; path: string }[] }>().value;
  return log.filter((r) => r.path.startsWith('/beta/')).map(({ method, status }) => ({ method, status }));
}

beforeAll(async () => {
  certDir = await mkdtemp(path.join(tmpdir(), 'emu-client-bounds-'));
  emu = await startEmulator({ port: 0, certDir, seed: 'empty', throttle: false });
  token = (await control('POST', '/_emulator/token', {})).json<{ access_token: string }>().access_token;
});
afterAll(async () => {
  await emu.close();
  await rm(certDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await control('POST', '/_emulator/reset', { seed: 'empty' });
  await control('DELETE', '/_emulator/requests');
});

/** A fetch that counts its calls. */
function counting(): { fetch: typeof fetch; attempts: () => number } {
  const pinned = pinnedFetch(emu.cert);
  let attempts = 0;
  return {
    fetch: (input, init) => {
      attempts++;
      return pinned(input, init);
    },
    attempts: () => attempts,
  };
}

describe('GraphClient against the emulator’s stalls', () => {
  it('cuts a stalled GET at its timeout and gets the answer from the retry', async () => {
    expect((await control('POST', '/_emulator/faults', { method: 'GET', pathRegex: 'embeddedSIMActivationCodePools$', stall: true })).status).toBe(200);
    const net = counting();
    const started = Date.now();
    const pools = await client({ timeoutMs: 1_000, deadlineMs: 10_000, fetch: net.fetch }).getAll(POOLS);
    expect(pools).toEqual([]);
    expect(net.attempts()).toBe(2); // the stalled one, cut; the retry, answered
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(Date.now() - started).toBeLessThan(15_000); // not the stall's 120 s
  });

  it('gives up on a GET that stalls every time within its deadline', async () => {
    expect((await control('POST', '/_emulator/faults', { method: 'GET', stall: true, count: 10 })).status).toBe(200);
    const net = counting();
    // The deadline is kept on the client's clock (`now`). Here that clock moves by exactly the
    // timeout each time an attempt is cut, so the count of attempts is the deadline's arithmetic
    // and not the machine's load; the cuts themselves are the client's real timer.
    let clock = 0;
    const cutAt200: typeof fetch = (input, init) => {
      init?.signal?.addEventListener('abort', () => (clock += 200), { once: true });
      return net.fetch(input, init);
    };
    const started = Date.now();
    const err = await client({ timeoutMs: 200, deadlineMs: 500, fetch: cutAt200, now: () => clock }).get(POOLS).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'Timeout', ambiguous: false });
    expect(net.attempts()).toBe(2); // 200 ms, no backoff (random 0), 200 ms; a third would end past 500 ms
    expect(clock).toBe(400);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(15_000); // not the stall's 120 s
  });

  it('cuts a stalled POST once and reports it as ambiguous: the service did create the pool', async () => {
    expect((await control('POST', '/_emulator/faults', { method: 'POST', latencyMs: 2_000 })).status).toBe(200);
    const graph = client({ timeoutMs: 500 });
    const err = await graph.post(POOLS, { displayName: 'Stalled create', activationCodes: codes(2) }).catch((e: unknown) => e);
    expect(isGraphError(err)).toBe(true);
    expect(err).toMatchObject({ status: 0, code: 'Timeout', ambiguous: true, method: 'POST' });
    // The create was sent once, and lands after the client gave up: why a caller re-lists before creating again.
    await expect.poll(async () => (await graph.getAll<{ displayName: string }>(POOLS)).map((p) => p.displayName), { timeout: 10_000 }).toEqual(['Stalled create']);
    expect((await requestLog()).filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
