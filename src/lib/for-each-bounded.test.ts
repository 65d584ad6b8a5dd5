import { describe, expect, it } from 'vitest';
import { forEachBounded } from './for-each-bounded.ts';

describe('forEachBounded', () => {
  it('never runs more than the limit at once, starts items in order and runs every item', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const done: number[] = [];
    await forEachBounded(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async (i) => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        running--;
        done.push(i);
      },
    );
    expect(peak).toBe(4);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('starts no new item once the signal aborts', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await forEachBounded(
      [1, 2, 3, 4, 5],
      1,
      async (i) => {
        started.push(i);
        if (i === 2) controller.abort();
      },
      { signal: controller.signal },
    );
    expect(started).toEqual([1, 2]);
  });

  it('runs the other items when one throws, then throws its error', async () => {
    const done: number[] = [];
    const boom = new Error('boom');
    await expect(
      forEachBounded([1, 2, 3], 2, async (i) => {
        if (i === 1) throw boom;
        done.push(i);
      }),
    ).rejects.toBe(boom);
    expect(done).toEqual([2, 3]);
  });
});
