import { describe, expect, it } from 'vitest';
import { batchLockName, withBatchLock } from './batch-lock.ts';

/** A LockManager double with `ifAvailable` semantics: a held name is not granted again. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    request: (async (name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) => {
      if (options.ifAvailable && held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name, mode: 'exclusive' } as Lock);
      } finally {
        held.delete(name);
      }
    }) as unknown as LockManager['request'],
  };
}

describe('withBatchLock', () => {
  it('runs in the first tab and refuses a second tab with the same account and batch while the first runs', async () => {
    const locks = fakeLocks();
    const name = batchLockName('acc', ['b', 'a']);
    expect(name).toBe(batchLockName('acc', ['a', 'b']));
    let release!: () => void;
    const first = withBatchLock(name, () => new Promise<string>((r) => (release = () => r('done'))), locks);
    await Promise.resolve();
    let secondRan = false;
    const second = await withBatchLock(name, async () => (secondRan = true), locks);
    expect(second).toEqual({ ran: false });
    expect(secondRan).toBe(false);
    // Another account's batch is not blocked.
    expect(await withBatchLock(batchLockName('other', ['a', 'b']), async () => 1, locks)).toEqual({ ran: true, value: 1 });
    release();
    expect(await first).toEqual({ ran: true, value: 'done' });
    expect(locks.held.size).toBe(0);
  });

  it('runs without a lock where the Web Locks API is missing', async () => {
    expect(await withBatchLock('x', async () => 42, null)).toEqual({ ran: true, value: 42 });
  });
});
