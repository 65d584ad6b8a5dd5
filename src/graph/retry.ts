import { CLIENT_ERROR_CODES, isGraphError, type GraphMethod } from './errors.ts';

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

/**
 * The longest single `Retry-After` wait any batch (the upload runner, bulk
 * assign) sits out on its own, and the Graph client's default
 * `maxRetryAfterMs`. Past it, the batch pauses and says why, with *Resume*.
 */
export const MAX_RETRY_AFTER_WAIT_MS = 120_000;

function pausedMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return (
    `Microsoft Graph asked to wait ${minutes} min before more requests; the batch is paused rather than waiting that long unseen. ` +
    'Choose Resume once the wait is over: only what is not done yet is sent.'
  );
}

/** Thrown by a batch step that stops because the service asked for a wait longer than {@link MAX_RETRY_AFTER_WAIT_MS}. */
export class BatchPausedError extends Error {
  override readonly name = 'BatchPausedError';
  constructor(readonly retryAfterMs: number) {
    super(pausedMessage(retryAfterMs));
  }
}

/**
 * A pause is due when `e` is a 429 (a GraphError, or its {@link BatchPausedError})
 * whose `Retry-After` exceeds {@link MAX_RETRY_AFTER_WAIT_MS}; shorter waits are
 * for the caller to sit out.
 */
export function throttlePauseFrom(e: unknown): { retryAfterMs: number } | undefined {
  if (e instanceof BatchPausedError) return { retryAfterMs: e.retryAfterMs };
  if (!isGraphError(e) || e.status !== 429 || e.retryAfterMs === undefined) return undefined;
  return e.retryAfterMs > MAX_RETRY_AFTER_WAIT_MS ? { retryAfterMs: e.retryAfterMs } : undefined;
}

/*
 * "Worth trying again" has two meanings here, kept apart on purpose and named for what they allow.
 * Both are for requests that may be repeated (reads, and writes that replace the whole state);
 * the Graph client itself never repeats a POST that may have been carried out.
 */

/**
 * A failure that passes: throttling (429), a server outage (500, 502, 503, 504), or a request
 * that never got an answer (lost connection, timeout). An answer the client could not read is
 * not transient: asking again gets the same answer. Bulk assign repeats its reads and the
 * idempotent `assign` action on these.
 */
export function isTransient(error: unknown): boolean {
  if (!isGraphError(error)) return false;
  if (error.status === 0) return error.code === CLIENT_ERROR_CODES.network || error.code === CLIENT_ERROR_CODES.timeout;
  return error.status === 429 || error.status === 500 || error.status === 502 || error.status === 503 || error.status === 504;
}

/**
 * Anything short of a definite answer from Graph: 429, every 5xx, and every failure on the
 * client's side (status 0, an unreadable answer included). The upload runner reads a pool again
 * on these before it decides anything (is the old pool unchanged, did a create land), since
 * deciding on a missing answer could delete or duplicate a pool.
 */
export function isWorthRereading(error: unknown): boolean {
  return isGraphError(error) && (error.status === 429 || error.status === 0 || error.status >= 500);
}
