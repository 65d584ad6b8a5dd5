/**
 * One batch, one tab: a Web Lock per account and batch, held for the run. A
 * second tab with the same batch does not run it (and does not fail later
 * with a misleading message): it says the batch runs in another tab.
 */
export const BATCH_LOCK_PREFIX = 'esim-console.upload-batch';

/** Lock name from the account and the files of the run (SHA-256 hashes: not secrets). */
export function batchLockName(accountId: string, fileHashes: readonly string[]): string {
  return `${BATCH_LOCK_PREFIX}:${accountId}:${[...fileHashes].sort().join(',')}`;
}

type Locks = Pick<LockManager, 'request'>;

export type LockedRun<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `run` holding the lock `name`, or not at all when another tab holds it.
 * Where the Web Locks API is missing (old browsers, Node), runs without a lock:
 * the resume record then has no guard against a second tab.
 */
export async function withBatchLock<T>(name: string, run: () => Promise<T>, lockManager?: Locks | null): Promise<LockedRun<T>> {
  const locks = lockManager === undefined ? globalThis.navigator?.locks : lockManager;
  if (!locks || typeof locks.request !== 'function') return { ran: true, value: await run() };
  let result: LockedRun<T> = { ran: false };
  await locks.request(name, { ifAvailable: true }, async (lock) => {
    if (!lock) return;
    result = { ran: true, value: await run() };
  });
  return result;
}
