import { describe, expect, it } from 'vitest';
import { GraphError } from './errors.ts';
import { graphError, hang, json, networkError, rejectionOf, setup, text } from './test-support.ts';

const OK = json(200, { id: 'ok' });
const throttled = (retryAfter?: string, headers: Record<string, string> = {}) =>
  graphError(429, 'TooManyRequests', 'Too many requests', retryAfter === undefined ? headers : { 'Retry-After': retryAfter, ...headers });
const unavailable = graphError(503, 'ServiceUnavailable', 'Service unavailable');

describe('Retry-After', () => {
  it('waits exactly the delta-seconds the service asks for', async () => {
    const { client, calls, sleeps } = setup([throttled('7'), OK]);
    await expect(client.get('/x')).resolves.toEqual({ id: 'ok' });
    expect(sleeps).toEqual([7_000]);
    expect(calls).toHaveLength(2);
  });

  it('waits until an HTTP-date, measured from the response Date header', async () => {
    const { client, sleeps } = setup([
      throttled('Mon, 01 Jan 2024 00:00:12 GMT', { Date: 'Mon, 01 Jan 2024 00:00:03 GMT' }),
      OK,
    ]);
    await client.get('/x');
    expect(sleeps).toEqual([9_000]);
  });

  it('measures an HTTP-date from the clock when there is no Date header', async () => {
    const now = Date.parse('2024-01-01T00:00:00.250Z');
    const { client, sleeps } = setup([throttled('Mon, 01 Jan 2024 00:00:05 GMT'), OK], { now: () => now });
    await client.get('/x');
    expect(sleeps).toEqual([4_750]);
  });

  it('gives up at once, with retryAfterMs, when asked to wait longer than maxRetryAfterMs', async () => {
    const { client, calls, sleeps } = setup([throttled('300'), OK], { maxRetryAfterMs: 120_000 });
    const err = await rejectionOf(client.get('/x'));
    expect(err).toMatchObject({ status: 429, code: 'TooManyRequests', retryAfterMs: 300_000 });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('which failures are retried', () => {
  it('retries 503 and 504 for GET with jittered backoff', async () => {
    const { client, calls, sleeps } = setup([unavailable, graphError(504, 'GatewayTimeout', 'x'), OK]);
    await expect(client.get('/x')).resolves.toEqual({ id: 'ok' });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1_000]); // random() = 0.5 of 1 s, then of 2 s
  });

  it('does not retry a POST on 503: one call, an ambiguous GraphError', async () => {
    const { client, calls, sleeps } = setup([unavailable, OK]);
    const err = await rejectionOf(client.post('/x', { a: 1 }));
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 503, ambiguous: true, method: 'POST' });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a POST on 429 (the service did not process it)', async () => {
    const { client, calls } = setup([throttled('1'), json(201, { id: 'new' })]);
    await expect(client.post('/x', { a: 1 })).resolves.toEqual({ id: 'new' });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toBe('{"a":1}');
  });

  it('retries PUT, PATCH and DELETE on 503', async () => {
    const { client, calls } = setup([unavailable, OK, unavailable, OK, unavailable, text(204, '')]);
    await client.put('/x', {});
    await client.patch('/x', {});
    await client.delete('/x');
    expect(calls.map((c) => c.method)).toEqual(['PUT', 'PUT', 'PATCH', 'PATCH', 'DELETE', 'DELETE']);
  });

  it('marks a failure after an earlier 503 of the same write as ambiguous (the first DELETE may have worked)', async () => {
    const { client } = setup([unavailable, graphError(404, 'ResourceNotFound', 'gone')]);
    await expect(client.delete('/x')).rejects.toMatchObject({ status: 404, ambiguous: true });
  });

  it('does not retry 500; a failed write is ambiguous, a failed read is not', async () => {
    const { client, calls } = setup([graphError(500, 'InternalServerError', 'x'), graphError(500, 'InternalServerError', 'x')]);
    await expect(client.get('/x')).rejects.toMatchObject({ status: 500, ambiguous: false });
    await expect(client.patch('/x', {})).rejects.toMatchObject({ status: 500, ambiguous: true });
    expect(calls).toHaveLength(2);
  });

  it('does not retry or mark ambiguous a 400', async () => {
    const { client, calls } = setup([graphError(400, 'BadRequest', 'The request is invalid')]);
    await expect(client.post('/x', {})).rejects.toMatchObject({ status: 400, ambiguous: false, message: 'The request is invalid' });
    expect(calls).toHaveLength(1);
  });

  it('stops after maxRetries retries and throws the last error', async () => {
    const { client, calls, sleeps } = setup([unavailable, unavailable, unavailable, OK], { maxRetries: 2 });
    await expect(client.get('/x')).rejects.toMatchObject({ status: 503, code: 'ServiceUnavailable' });
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('backs off exponentially with full jitter, capped at 30 s', async () => {
    const failures = Array.from({ length: 7 }, () => unavailable);
    const high = setup([...failures, OK], { maxRetries: 7, random: () => 0.999_999 });
    await high.client.get('/x');
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
    expect(high.sleeps).toHaveLength(ceilings.length);
    high.sleeps.forEach((ms, i) => {
      expect(ms).toBeLessThan(ceilings[i] as number);
      expect(ms).toBeGreaterThanOrEqual((ceilings[i] as number) * 0.99);
    });

    const low = setup([unavailable, unavailable, OK], { random: () => 0 });
    await low.client.get('/x');
    expect(low.sleeps).toEqual([0, 0]);
  });
});

describe('network failures and timeouts', () => {
  it('retries a GET after a network error', async () => {
    const { client, calls } = setup([networkError(), OK]);
    await expect(client.get('/x')).resolves.toEqual({ id: 'ok' });
    expect(calls).toHaveLength(2);
  });

  it('reports a GET that never reaches the service as NetworkError, status 0, not ambiguous', async () => {
    const { client } = setup([networkError(), networkError()], { maxRetries: 1 });
    await expect(client.get('/x')).rejects.toMatchObject({ status: 0, code: 'NetworkError', ambiguous: false });
  });

  it('does not retry a write after a network error and marks it ambiguous', async () => {
    const { client, calls } = setup([networkError(), networkError()]);
    await expect(client.post('/x', {})).rejects.toMatchObject({ status: 0, code: 'NetworkError', ambiguous: true });
    await expect(client.patch('/y', {})).rejects.toMatchObject({ code: 'NetworkError', ambiguous: true });
    expect(calls.map((c) => c.method)).toEqual(['POST', 'PATCH']);
  });

  it('times out an attempt: retried for GET, ambiguous for POST', async () => {
    const get = setup([hang(), OK], { timeoutMs: 10 });
    await expect(get.client.get('/x')).resolves.toEqual({ id: 'ok' });
    expect(get.calls).toHaveLength(2);

    const post = setup([hang(), OK], { timeoutMs: 10 });
    await expect(post.client.post('/x', {})).rejects.toMatchObject({ status: 0, code: 'Timeout', ambiguous: true });
    expect(post.calls).toHaveLength(1);
  });

  it('times out even when fetch ignores its signal', async () => {
    const never = () => new Promise<Response>(() => undefined);
    const { client } = setup([never], { timeoutMs: 10, maxRetries: 0 });
    await expect(client.get('/x')).rejects.toMatchObject({ code: 'Timeout' });
  });
});

describe('identity across retries', () => {
  it('keeps one client-request-id across the retries of a request, and a new one for the next', async () => {
    const { client, calls } = setup([throttled('1'), unavailable, OK, OK]);
    await client.get('/x');
    await client.get('/y');
    expect(calls.map((c) => c.headers.get('client-request-id'))).toEqual(['crid-1', 'crid-1', 'crid-1', 'crid-2']);
  });

  it('asks for a token before every attempt', async () => {
    const { client, calls, tokenRequests } = setup([throttled('1'), OK]);
    await client.get('/x');
    expect(tokenRequests).toHaveLength(2);
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});

describe('401', () => {
  const expired = graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');

  it('retries once with a force-refreshed token on InvalidAuthenticationToken', async () => {
    const { client, calls, tokenRequests, sleeps } = setup([expired, OK]);
    await expect(client.get('/x')).resolves.toEqual({ id: 'ok' });
    expect(tokenRequests.map((t) => t.forceRefresh ?? false)).toEqual([false, true]);
    expect(calls[1]?.headers.get('authorization')).toBe('Bearer token-2');
    expect(sleeps).toEqual([]);
  });

  it('does not refresh twice for one request', async () => {
    const { client, calls } = setup([expired, expired, OK]);
    await expect(client.get('/x')).rejects.toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(calls).toHaveLength(2);
  });

  it('does not retry another 401', async () => {
    const { client, calls } = setup([graphError(401, 'Unauthorized', 'nope'), OK]);
    await expect(client.get('/x')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });

  it('passes the claims of a claims challenge to getToken', async () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
    const challenge = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${btoa(claims)}"`;
    const { client, tokenRequests } = setup([graphError(401, 'Unauthorized', 'claims', { 'WWW-Authenticate': challenge }), OK]);
    await client.get('/x');
    expect(tokenRequests[1]).toMatchObject({ forceRefresh: true, claims });
  });

  it('passes token errors through unchanged', async () => {
    const failure = new Error('interaction_required');
    const { client, calls } = setup([OK], { getToken: () => Promise.reject(failure) });
    await expect(client.get('/x')).rejects.toBe(failure);
    expect(calls).toHaveLength(0);
  });
});
