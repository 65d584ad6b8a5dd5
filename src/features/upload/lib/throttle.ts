/**
 * Throttling as the runner handles it: a 429 the Graph client gave up on is
 * waited out (bounded in number), but a single Retry-After above the cap is
 * never waited: the call throws {@link BatchPausedError} and the batch pauses.
 */
import { isGraphError } from '../../../graph/errors.ts';
import { BatchPausedError, isWorthRereading } from '../../../graph/retry.ts';
import type { JobPhase, JobStatus } from './runner-types.ts';

export interface ThrottleDeps {
  update: (key: string, patch: Partial<JobStatus>) => void;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  maxThrottleWaits: number;
  maxRetryAfterMs: number;
  defaultThrottleWaitMs: number;
}

export const isThrottle = (e: unknown) => isGraphError(e) && e.status === 429;
export const isAmbiguous = (e: unknown) => isGraphError(e) && e.ambiguous;

export type Throttled = <T>(
  key: string,
  call: () => Promise<T>,
  resumePhase: JobPhase,
  opts: { signal: AbortSignal; refused?: Partial<JobStatus> },
) => Promise<T>;

/** Runs `call`, waiting out throttling up to maxThrottleWaits times; a wait above the cap pauses instead. */
export function makeThrottled(deps: ThrottleDeps): Throttled {
  return async function throttled(key, call, resumePhase, { signal, refused }) {
    for (let waits = 0; ; waits++) {
      try {
        return await call();
      } catch (e) {
        if (!isThrottle(e) || waits >= deps.maxThrottleWaits) throw e;
        const ms = (isGraphError(e) && e.retryAfterMs) || deps.defaultThrottleWaitMs;
        const patch = isAmbiguous(e) ? undefined : refused;
        if (ms > deps.maxRetryAfterMs) {
          // The request was refused (429), so it is not in flight: record that before pausing.
          if (patch) deps.update(key, patch);
          throw new BatchPausedError(ms);
        }
        deps.update(key, {
          ...patch,
          phase: 'waiting',
          retryAt: deps.now() + ms,
          detail: `Microsoft Graph is throttling requests; trying again in ${Math.ceil(ms / 1000)} s.`,
        });
        await deps.sleep(ms, signal);
        deps.update(key, { phase: resumePhase });
      }
    }
  };
}

/**
 * Repeats an idempotent call (DELETE, GET, `assign`) after transient failures
 * with a short backoff; throttling is handled inside by `throttled`.
 */
export async function withTransientRetries<T>(
  call: () => Promise<T>,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  backoffs: readonly number[] = [1_000, 2_000, 5_000, 10_000, 20_000],
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const backoff = backoffs[attempt];
      if (e instanceof BatchPausedError || signal.aborted || !isWorthRereading(e) || backoff === undefined) throw e;
      await sleep(backoff, signal);
    }
  }
}
