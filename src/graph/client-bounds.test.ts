/**
 * How long one request may take: the per-attempt timeout and the deadline of
 * the whole request, on fake timers (the client's real sleep and exchange
 * timers run on them, so elapsed fake time is what a user would wait).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS } from './client.ts';
import type { GraphClientOptions } from './client.ts';
import { GraphError } from './errors.ts';
import { sleep } from './retry.ts';
import { graphError, hang, json, rejectionOf, setup, type Responder } from './test-support.ts';

const OK = json(200, { id: 'ok' });
const throttled = (seconds: number) => graphError(429, 'TooManyRequests', 'Too many requests', { 'Retry-After': String(seconds) });

let t0 = 0;
const elapsed = () => Date.now() - t0;

beforeEach(() => {
  vi.useFakeTimers();
  t0 = Date.now();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A client on fake timers (real sleep, default bounds unless overridden) that records when each attempt started. */
function timedSetup(responders: Responder[], overrides: Partial<GraphClientOptions> = {}) {
  const starts: number[] = [];
  const recorded = responders.map<Responder>((respond) => (call) => {
    starts.push(elapsed());
    return respond(call);
  });
  return { ...setup(recorded, { sleep, ...overrides }), starts };
}

/** Runs the fake clock until `promise` settles; resolves with its rejection. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  const rejection = rejectionOf(promise);
  await vi.runAllTimersAsync();
  return rejection;
}

const stalls = (n: number) => Array.from({ length: n }, () => hang());

describe('defaults', () => {
  it('are 30 s per attempt and 90 s per request', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(DEFAULT_DEADLINE_MS).toBe(90_000);
  });
});

describe('a stalled GET', () => {
  it('is cut after 30 s, tried again once, and given up within the deadline (not 5 × 60 s)', async () => {
    const { client, starts } = timedSetup(stalls(5));
    const err = await failureOf(client.get('/x'));
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 0, code: 'Timeout', ambiguous: false, method: 'GET' });
    expect((err as GraphError).message).toContain('within 30 s');
    // 30 s, backoff 0.5 s, 30 s; a third attempt (after a ≤ 2 s backoff) would end past 90 s.
    expect(starts).toEqual([0, 30_500]);
    expect(elapsed()).toBe(60_500);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gets as many attempts as fit the deadline, and never more than maxRetries allows', async () => {
    const deadlineBound = timedSetup(stalls(6), { timeoutMs: 20_000 });
    await failureOf(deadlineBound.client.get('/x'));
    expect(deadlineBound.starts).toEqual([0, 20_500, 41_500, 63_500]); // a 5th would end at 107.5 s
    expect(elapsed()).toBe(83_500);

    t0 = Date.now();
    const retryBound = timedSetup(stalls(6), { timeoutMs: 5_000, maxRetries: 2 });
    await failureOf(retryBound.client.get('/x'));
    expect(retryBound.starts).toEqual([0, 5_500, 11_500]);
    expect(elapsed()).toBe(16_500);
  });

  it('is answered when a retry gets through', async () => {
    const { client, starts } = timedSetup([hang(), OK]);
    const result = client.get('/x');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ id: 'ok' });
    expect(starts).toEqual([0, 30_500]);
  });

  it('does not count the time spent getting a token (it may be an interactive sign-in)', async () => {
    const slowToken = () => new Promise<string>((resolve) => setTimeout(() => resolve('t'), 100_000));
    const { client, starts } = timedSetup([hang(), OK], { getToken: slowToken });
    const result = client.get('/x');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ id: 'ok' });
    expect(starts).toEqual([100_000, 230_500]);
  });
});

describe('a stalled write', () => {
  it.each(['POST', 'PATCH', 'DELETE'] as const)('%s is cut once at 30 s and thrown as ambiguous, not retried', async (method) => {
    const { client, calls } = timedSetup([hang(), OK]);
    const err = await failureOf(method === 'DELETE' ? client.delete('/x') : client.request(method, '/x', { body: { a: 1 } }));
    expect(err).toMatchObject({ status: 0, code: 'Timeout', ambiguous: true, method });
    expect((err as GraphError).message).toMatch(/may or may not have been made/);
    expect(calls).toHaveLength(1);
    expect(elapsed()).toBe(30_000);
  });
});

describe('Retry-After and the deadline', () => {
  it('does not sleep a Retry-After that would end past the deadline: throws the 429 with retryAfterMs at once', async () => {
    const { client, calls, starts } = timedSetup([hang(), throttled(45), OK]);
    const err = await failureOf(client.get('/x'));
    expect(err).toMatchObject({ status: 429, code: 'TooManyRequests', retryAfterMs: 45_000 });
    expect(calls).toHaveLength(2);
    expect(starts).toEqual([0, 30_500]);
    expect(elapsed()).toBe(30_500); // 30.5 + 45 + a 30 s attempt > 90 s
  });

  it('sleeps a Retry-After that still leaves room for a whole attempt', async () => {
    const { client, starts } = timedSetup([hang(), throttled(29), OK]);
    const result = client.get('/x');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ id: 'ok' });
    expect(starts).toEqual([0, 30_500, 59_500]);
  });

  it('retries a throttled POST while it fits, then hands the 429 back (not ambiguous) for the caller to pause', async () => {
    const { client, starts } = timedSetup([throttled(20), throttled(20), throttled(20), throttled(20), OK]);
    const err = await failureOf(client.post('/x', {}));
    expect(err).toMatchObject({ status: 429, ambiguous: false, retryAfterMs: 20_000 });
    expect(starts).toEqual([0, 20_000, 40_000, 60_000]); // a 4th wait would leave no room for a 30 s attempt
  });

  it('still gives up at once when the service asks for more than maxRetryAfterMs', async () => {
    const { client, calls } = timedSetup([throttled(300), OK], { deadlineMs: 1_000_000 });
    const err = await failureOf(client.get('/x'));
    expect(err).toMatchObject({ status: 429, retryAfterMs: 300_000 });
    expect(calls).toHaveLength(1);
    expect(elapsed()).toBe(0);
  });
});

describe('abort during a stall', () => {
  it('rejects with the signal reason at once, sends nothing more and leaves no timer behind', async () => {
    const controller = new AbortController();
    const { client, calls } = timedSetup(stalls(3));
    const rejection = rejectionOf(client.get('/x', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10_000);
    const reason = new Error('page left');
    controller.abort(reason);
    await expect(rejection).resolves.toBe(reason);
    expect(calls).toHaveLength(1);
    expect(elapsed()).toBe(10_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborting a stalled POST is the caller’s cancellation, not a GraphError', async () => {
    const controller = new AbortController();
    const { client } = timedSetup([hang()]);
    const rejection = rejectionOf(client.post('/x', {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(29_000);
    controller.abort();
    const err = await rejection;
    expect(err).not.toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ name: 'AbortError' });
  });
});
