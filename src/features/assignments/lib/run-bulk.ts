import { CLIENT_ERROR_CODES, isGraphError } from '../../../graph/errors.ts';
import { BatchPausedError, throttlePauseFrom } from '../../../graph/retry.ts';

/**
 * Runs `worker` over `items`, at most `limit` at a time, in order of start.
 * Every item is attempted: one failing does not stop the others (the worker
 * reports its own outcome). Stops starting new items once `signal` aborts.
 */
export async function runWithConcurrency<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await worker(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/**
 * Worth repeating an idempotent request for: throttling (429) or an outage
 * (5xx, no response) that outlasted the Graph client's own retries — the
 * client never repeats a POST after a 5xx or a lost response, because a
 * repeated create could duplicate; the callers of this only repeat reads and
 * the `assign` action, which replaces the whole set and so is idempotent.
 */
export function isTransient(error: unknown): boolean {
  if (!isGraphError(error)) return false;
  if (error.status === 0) return error.code === CLIENT_ERROR_CODES.network || error.code === CLIENT_ERROR_CODES.timeout;
  return error.status === 429 || error.status === 500 || error.status === 502 || error.status === 503 || error.status === 504;
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Wait when the service named none; grows with each attempt. */
  baseDelayMs: number;
  signal?: AbortSignal;
  /** Told before each wait (for "waiting 12 s for throttling" progress). */
  onWait?: (ms: number, attempt: number) => void;
}

/**
 * Repeats an idempotent `task` after a {@link isTransient} failure, waiting as long as the service asked
 * (`Retry-After`) or a growing pause. Other errors are thrown at once. A `Retry-After` above
 * MAX_RETRY_AFTER_WAIT_MS is not waited out: it throws {@link BatchPausedError}, for the batch to pause.
 */
export async function retryTransient<T>(task: () => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      const pause = throttlePauseFrom(error);
      if (pause) throw new BatchPausedError(pause.retryAfterMs);
      if (attempt >= opts.attempts || !isTransient(error) || opts.signal?.aborted) throw error;
      const asked = isGraphError(error) ? error.retryAfterMs : undefined;
      const wait = Math.max(asked ?? 0, opts.baseDelayMs * attempt);
      opts.onWait?.(wait, attempt);
      await opts.sleep(wait, opts.signal);
    }
  }
}

/** The Graph client's abortable sleep: one timer helper for every batch. */
export { sleep } from '../../../graph/retry.ts';
