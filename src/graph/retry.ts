import { GraphError, type GraphMethod } from './errors.ts';

/** Exponential backoff with full jitter: the n-th retry waits random() × min(cap, base × 2ⁿ). */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;

/**
 * Whether a response status is worth repeating for this method.
 * - 429: the service says it did not process the request, so even POST is safe.
 * - 503/504: the request may have been carried out; repeat only methods whose
 *   repetition cannot create a second object (POST is left to the caller,
 *   who must re-list first — see GraphError.ambiguous).
 */
export function isRetryableStatus(method: GraphMethod, status: number): boolean {
  if (status === 429) return true;
  return (status === 503 || status === 504) && method !== 'POST';
}

/** A write that failed with this status may still have been carried out. */
export function isAmbiguousStatus(status: number): boolean {
  return status === 500 || status === 502 || status === 503 || status === 504;
}

/** Delay before retry number `retry` (0 for the first retry), in whole ms. */
export function backoffDelay(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

const HTTP_DATE = /^[A-Za-z]{3,9},? /; // IMF-fixdate, RFC 850 and asctime all start with a day name

/**
 * `Retry-After` in ms: delta-seconds, or an HTTP-date measured from the
 * response's own `Date` header when present (so a skewed client clock does not
 * matter), else from `now`. Undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  if (!HTTP_DATE.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const served = Date.parse(headers.get('date') ?? '');
  return Math.max(0, at - (Number.isNaN(served) ? now : served));
}

/** setTimeout as a promise; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The longest single `Retry-After` a batch waits out; above it the batch pauses and says why. */
export const MAX_RETRY_AFTER_WAIT_MS = 120_000;

/** A 429 whose Retry-After exceeds {@link MAX_RETRY_AFTER_WAIT_MS}: the wait it asks for, else undefined. */
export function throttlePauseFrom(e: unknown): { retryAfterMs: number } | undefined {
  if (!(e instanceof GraphError) || e.status !== 429 || e.retryAfterMs === undefined) return undefined;
  return e.retryAfterMs > MAX_RETRY_AFTER_WAIT_MS ? { retryAfterMs: e.retryAfterMs } : undefined;
}

/** Thrown to pause a batch instead of waiting out a Retry-After above the cap. */
export class BatchPausedError extends Error {
  override readonly name = 'BatchPausedError';
  constructor(readonly retryAfterMs: number) {
    super(`Microsoft Graph asked to wait ${Math.ceil(retryAfterMs / 60_000)} min before the next request, so the batch is paused.`);
  }
}
