import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/errors.ts';
import { BatchPausedError, isTransient } from '../../../graph/retry.ts';
import { retryTransient } from './run-bulk.ts';

const graphError = (status: number, extra: Partial<ConstructorParameters<typeof GraphError>[0]> = {}) =>
  new GraphError({ status, code: status === 429 ? 'TooManyRequests' : 'Error', message: 'x', method: 'POST', path: '/p', ...extra });

describe('retryTransient', () => {
  it('waits as long as Retry-After asked, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryTransient(
      async () => {
        calls++;
        if (calls < 3) throw graphError(429, { retryAfterMs: 7_000 });
        return 'ok';
      },
      { attempts: 4, baseDelayMs: 1_000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([7_000, 7_000]);
  });

  it('backs off without Retry-After, and gives up after the attempts', async () => {
    const waits: number[] = [];
    const error = graphError(503);
    await expect(retryTransient(() => Promise.reject(error), { attempts: 3, baseDelayMs: 1_000, sleep: async (ms) => void waits.push(ms) })).rejects.toBe(error);
    expect(waits).toEqual([1_000, 2_000]);
  });

  it('does not repeat a request the service refused (403, 400)', async () => {
    let calls = 0;
    await expect(
      retryTransient(
        () => {
          calls++;
          return Promise.reject(graphError(403));
        },
        { attempts: 4, baseDelayMs: 1, sleep: async () => {} },
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect(calls).toBe(1);
  });

  it('does not wait out a Retry-After above the cap: it throws BatchPausedError at once', async () => {
    const waits: number[] = [];
    let calls = 0;
    const err = await retryTransient(
      () => {
        calls++;
        return Promise.reject(graphError(429, { retryAfterMs: 600_000 }));
      },
      { attempts: 4, baseDelayMs: 1_000, sleep: async (ms) => void waits.push(ms) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchPausedError);
    expect((err as BatchPausedError).retryAfterMs).toBe(600_000);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('waits out a Retry-After of exactly the cap', async () => {
    const waits: number[] = [];
    let calls = 0;
    await retryTransient(
      async () => {
        if (calls++ === 0) throw graphError(429, { retryAfterMs: 120_000 });
        return 'ok';
      },
      { attempts: 4, baseDelayMs: 1_000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([120_000]);
  });

  it('treats throttling, 5xx and lost responses as transient', () => {
    expect(isTransient(graphError(429))).toBe(true);
    expect(isTransient(graphError(504))).toBe(true);
    expect(isTransient(graphError(0, { code: 'NetworkError' }))).toBe(true);
    expect(isTransient(graphError(0, { code: 'InvalidResponse' }))).toBe(false);
    expect(isTransient(graphError(404))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
  });
});
