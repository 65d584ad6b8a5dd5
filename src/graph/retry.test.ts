import { describe, expect, it } from 'vitest';
import { GraphError } from './errors.ts';
import { BACKOFF_CAP_MS, BatchPausedError, MAX_RETRY_AFTER_WAIT_MS, backoffDelay, isAmbiguousStatus, isRetryableStatus, parseRetryAfter, sleep, throttlePauseFrom } from './retry.ts';

const h = (init: Record<string, string>) => new Headers(init);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter(h({ 'Retry-After': '0' }), 0)).toBe(0);
    expect(parseRetryAfter(h({ 'Retry-After': ' 120 ' }), 0)).toBe(120_000);
  });

  it('reads an HTTP-date against the Date header, else the clock, never below 0', () => {
    const at = 'Wed, 21 Oct 2015 07:28:30 GMT';
    expect(parseRetryAfter(h({ 'Retry-After': at, Date: 'Wed, 21 Oct 2015 07:28:00 GMT' }), 0)).toBe(30_000);
    expect(parseRetryAfter(h({ 'Retry-After': at }), Date.parse('2015-10-21T07:28:29Z'))).toBe(1_000);
    expect(parseRetryAfter(h({ 'Retry-After': at }), Date.parse('2016-01-01T00:00:00Z'))).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    expect(parseRetryAfter(h({}), 0)).toBeUndefined();
    expect(parseRetryAfter(h({ 'Retry-After': '1.5' }), 0)).toBeUndefined();
    expect(parseRetryAfter(h({ 'Retry-After': 'soon' }), 0)).toBeUndefined();
    expect(parseRetryAfter(h({ 'Retry-After': '-3' }), 0)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('is random() × min(30 s, 1 s × 2^n)', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, () => 0.5))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect(backoffDelay(20, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });

  it('stays within bounds even for a faulty random()', () => {
    expect(backoffDelay(0, () => 7)).toBe(1_000);
    expect(backoffDelay(0, () => -1)).toBe(0);
  });
});

describe('retry policy', () => {
  it('retries 429 for every method, 503/504 for all but POST, nothing else', () => {
    expect(isRetryableStatus('POST', 429)).toBe(true);
    expect(isRetryableStatus('POST', 503)).toBe(false);
    expect(isRetryableStatus('POST', 504)).toBe(false);
    for (const m of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect(isRetryableStatus(m, 503)).toBe(true);
      expect(isRetryableStatus(m, 504)).toBe(true);
      expect(isRetryableStatus(m, 500)).toBe(false);
    }
    expect([500, 502, 503, 504, 400, 429].map(isAmbiguousStatus)).toEqual([true, true, true, true, false, false]);
  });
});

describe('sleep', () => {
  it('resolves after the delay and rejects with the abort reason', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(sleep(10, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});

describe('throttlePauseFrom / BatchPausedError', () => {
  const throttled = (retryAfterMs?: number, status = 429) =>
    new GraphError({ status, code: 'TooManyRequests', message: 'Too many requests', method: 'POST', path: '/p', retryAfterMs });

  it('pauses for a 429 whose Retry-After is above the cap, and only then', () => {
    expect(MAX_RETRY_AFTER_WAIT_MS).toBe(120_000);
    expect(throttlePauseFrom(throttled(300_000))).toEqual({ retryAfterMs: 300_000 });
    expect(throttlePauseFrom(throttled(MAX_RETRY_AFTER_WAIT_MS))).toBeUndefined();
    expect(throttlePauseFrom(throttled(5_000))).toBeUndefined();
    expect(throttlePauseFrom(throttled(undefined))).toBeUndefined();
    expect(throttlePauseFrom(throttled(300_000, 503))).toBeUndefined();
    expect(throttlePauseFrom(new Error('x'))).toBeUndefined();
  });

  it('says how long in minutes, and is itself recognised as a pause', () => {
    const e = new BatchPausedError(300_000);
    expect(e.message).toMatch(/^Microsoft Graph asked to wait 5 min before more requests; the batch is paused/);
    expect(e.message).toMatch(/Resume/);
    expect(throttlePauseFrom(e)).toEqual({ retryAfterMs: 300_000 });
  });
});
