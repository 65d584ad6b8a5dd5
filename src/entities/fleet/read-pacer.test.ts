import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_READ_PACE, paced, pacedPages, READ_PRIORITY, readQueue, setReadPace } from './read-pacer.ts';

afterEach(() => {
  vi.useRealTimers();
  setReadPace(DEFAULT_READ_PACE);
});

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('read pacer', () => {
  it('keeps under Intune’s per-app budget by default with a tenth left for other requests: 45 a second is 900 in 20 s', () => {
    expect(DEFAULT_READ_PACE.perSecond * 20).toBeLessThanOrEqual(900);
    expect(DEFAULT_READ_PACE.perSecond * 20).toBeGreaterThanOrEqual(800);
    expect(DEFAULT_READ_PACE.concurrency).toBeGreaterThan(1);
  });

  it('runs at most `concurrency` requests at once', async () => {
    setReadPace({ concurrency: 2, perSecond: 100 });
    const gates = Array.from({ length: 5 }, deferred);
    let running = 0;
    let most = 0;
    const all = gates.map((g) =>
      paced(async () => {
        running++;
        most = Math.max(most, running);
        await g.promise;
        running--;
      }),
    );
    await vi.waitFor(() => expect(running).toBe(2));
    gates.forEach((g) => g.resolve());
    await Promise.all(all);
    expect(most).toBe(2);
  });

  it('starts no more than `perSecond` requests in any rolling second', async () => {
    vi.useFakeTimers();
    setReadPace({ concurrency: 10, perSecond: 3 });
    const starts: number[] = [];
    const all = Array.from({ length: 7 }, () => paced(() => Promise.resolve(starts.push(Date.now()))));
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(starts).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(all);
    for (let i = 3; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 3] ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('runs what the admin looks at before the background', async () => {
    setReadPace({ concurrency: 1, perSecond: 100 });
    const gate = deferred();
    const order: string[] = [];
    const first = paced(() => gate.promise);
    const later = [
      paced(() => Promise.resolve(order.push('background'))),
      paced(() => Promise.resolve(order.push('visible')), { priority: READ_PRIORITY.visible }),
    ];
    gate.resolve();
    await Promise.all([first, ...later]);
    expect(order).toEqual(['visible', 'background']);
  });

  it('drops a waiting request whose signal aborts: it never reaches Graph', async () => {
    setReadPace({ concurrency: 1, perSecond: 100 });
    const gate = deferred();
    const first = paced(() => gate.promise);
    const controller = new AbortController();
    const request = vi.fn(() => Promise.resolve(1));
    const waiting = paced(request, { signal: controller.signal });
    expect(readQueue().size).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    gate.resolve();
    await first;
    expect(request).not.toHaveBeenCalled();
    expect(readQueue().size).toBe(0);
  });

  it('queues each page of a paged read as its own request, and closes the pager', async () => {
    setReadPace({ concurrency: 1, perSecond: 100 });
    const events: string[] = [];
    async function* pages() {
      try {
        events.push('page 1');
        yield { value: [1, 2], '@odata.nextLink': 'https://graph.test/beta/next' };
        events.push('page 2');
        yield { value: [3] };
      } finally {
        events.push('closed');
      }
    }
    const spy = vi.spyOn(readQueue(), 'add');
    await expect(pacedPages(pages())).resolves.toEqual([1, 2, 3]);
    expect(spy).toHaveBeenCalledTimes(2); // two pages; the last has no nextLink, so nothing more is queued
    expect(spy.mock.calls.map((c) => c[1]?.priority)).toEqual([READ_PRIORITY.background, READ_PRIORITY.background + 1]);
    expect(events).toEqual(['page 1', 'page 2', 'closed']);
  });
});
