import PQueue from 'p-queue';

/**
 * Runs `task` over `items`, at most `limit` at a time, started in the items' order (p-queue is
 * first in, first out). Every item is attempted: `task` reports its own outcome, so one failing
 * does not stop the others, and the first error thrown is re-thrown once every started task has
 * settled. With `signal`, items not yet started when it aborts are skipped (`task` never sees
 * them); without one, `task` sees every item and decides itself (e.g. to mark it cancelled).
 */
export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  { signal }: { signal?: AbortSignal } = {},
): Promise<void> {
  const queue = new PQueue({ concurrency: Math.max(1, limit) });
  const results = await Promise.allSettled(
    items.map((item, index) =>
      queue.add(async () => {
        if (!signal?.aborted) await task(item, index);
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
