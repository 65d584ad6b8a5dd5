import { isGraphError } from '../../../graph/errors.ts';
import { BatchPausedError, isTransient, throttlePauseFrom } from '../../../graph/retry.ts';

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
