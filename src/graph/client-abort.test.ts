import { describe, expect, it } from 'vitest';
import { isGraphError } from './errors.ts';
import { sleep } from './retry.ts';
import { graphError, hang, json, rejectionOf, setup, type Responder } from './test-support.ts';

/** A responder that never answers, and a promise for the moment fetch was called. */
function inFlight(): { responder: Responder; started: Promise<void> } {
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    started,
    responder: (call) => {
      markStarted();
      return hang()(call);
    },
  };
}

describe('AbortSignal', () => {
  it('aborts a request in flight with the signal reason (not a GraphError)', async () => {
    const controller = new AbortController();
    const { responder, started } = inFlight();
    const { client, calls } = setup([responder]);
    const pending = client.get('/x', { signal: controller.signal });
    await started;
    controller.abort();
    const err = await rejectionOf(pending);
    expect(isGraphError(err)).toBe(false);
    expect(err).toMatchObject({ name: 'AbortError' }); // a DOMException (jsdom's own class here)
    expect(calls).toHaveLength(1);
  });

  it('rejects with a custom abort reason as given', async () => {
    const controller = new AbortController();
    const reason = new Error('page left');
    const { responder, started } = inFlight();
    const { client } = setup([responder]);
    const pending = client.get('/x', { signal: controller.signal });
    await started;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('aborts during a retry wait and sends nothing more', async () => {
    const controller = new AbortController();
    const waits: number[] = [];
    const { client, calls } = setup([graphError(429, 'TooManyRequests', 'slow down', { 'Retry-After': '30' }), json(200, {})], {
      sleep: (ms, signal) => {
        waits.push(ms);
        queueMicrotask(() => controller.abort());
        return sleep(ms, signal); // the real timer: only an abort ends this within the test timeout
      },
    });
    const started = Date.now();
    const err = await rejectionOf(client.get('/x', { signal: controller.signal }));
    expect((err as DOMException).name).toBe('AbortError');
    expect(waits).toEqual([30_000]);
    expect(calls).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops waiting even if an injected sleep ignores the signal', async () => {
    const controller = new AbortController();
    const { client } = setup([graphError(503, 'ServiceUnavailable', 'x'), json(200, {})], {
      sleep: () => {
        queueMicrotask(() => controller.abort());
        return new Promise(() => undefined);
      },
    });
    await expect(client.get('/x', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does not call fetch when the signal is already aborted', async () => {
    const { client, calls, tokenRequests } = setup([json(200, {})]);
    await expect(client.get('/x', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(0);
    expect(tokenRequests).toHaveLength(0);
  });

  it('passes the signal to getToken and stops waiting for it on abort', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const { client, calls } = setup([json(200, {})], {
      getToken: ({ signal }) => {
        seen = signal;
        return new Promise(() => undefined);
      },
    });
    const pending = client.get('/x', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBe(controller.signal);
    expect(calls).toHaveLength(0);
  });
});
