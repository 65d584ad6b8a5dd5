/**
 * The re-list after a create whose outcome is unknown, and the rule for
 * adopting what it finds. A pool is the job's own only when
 * - it has the job's name and code count,
 * - its id was not among the pools seen when the batch was first planned, and
 * - it was created after the batch's first run started (minus clock skew).
 * Both facts come from the first plan (kept in the resume record), so a
 * resumed batch judges by the first plan too. Any other pool with the name is
 * a named conflict ({@link NameConflictError}), never "created".
 */
import { BatchPausedError, isWorthRereading } from '../../../graph/retry.ts';
import { NameConflictError, OutcomeUnknownError, type FirstPlan, type PoolService, type PoolSummary, type UploadJob } from './runner-types.ts';
import type { Throttled } from './throttle.ts';

const RECONCILE_BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 20_000];
export const DEFAULT_CLOCK_SKEW_MS = 5 * 60_000;
export const DEFAULT_RECONCILE_DEADLINE_MS = 120_000;

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export interface AdoptRule {
  firstPlan: FirstPlan;
  clockSkewMs: number;
}

/** Whether `pool` may be this batch's own: unknown at the first plan and created after the first start. */
export function createdByThisBatch(pool: PoolSummary, rule: AdoptRule): boolean {
  if (rule.firstPlan.poolIds.includes(pool.id)) return false;
  const created = Date.parse(pool.createdDateTime ?? '');
  const started = Date.parse(rule.firstPlan.startedAt);
  if (Number.isNaN(created) || Number.isNaN(started)) return false;
  return created >= started - rule.clockSkewMs;
}

/** The job's pool among `found`, null when no pool has the name, NameConflictError otherwise. */
export function judgeFound(job: Pick<UploadJob, 'displayName' | 'activationCodes' | 'replacePoolId'>, found: readonly PoolSummary[], rule: AdoptRule): PoolSummary | null {
  const named = found.filter((p) => sameName(p.displayName, job.displayName) && p.id !== job.replacePoolId);
  const expected = job.activationCodes.length;
  const own = named.find((p) => p.activationCodeCount === expected && createdByThisBatch(p, rule));
  if (own) return own;
  if (named[0]) throw new NameConflictError(job.displayName, named[0], expected);
  return null;
}

export interface ReconcileDeps extends AdoptRule {
  service: PoolService;
  throttled: Throttled;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  deadlineMs: number;
}

/**
 * Re-lists by name, retrying transient failures, within an overall deadline
 * (waits included); past it, or out of retries, the outcome stays unknown
 * ({@link OutcomeUnknownError}) and nothing is created.
 */
export async function reconcile(job: UploadJob, deps: ReconcileDeps): Promise<PoolSummary | null> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException('The re-list took too long', 'TimeoutError')), deps.deadlineMs);
  const signal = AbortSignal.any([deps.signal, deadline.signal]);
  const unknown = (e: unknown) => {
    if (deps.signal.aborted) return e;
    return new OutcomeUnknownError(e);
  };
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const found = await deps.throttled(job.key, () => deps.service.findByName(job.displayName, signal), 'reconciling', { signal });
        return judgeFound(job, found, deps);
      } catch (e) {
        if (deps.signal.aborted || e instanceof NameConflictError || e instanceof BatchPausedError) throw e;
        const backoff = RECONCILE_BACKOFF_MS[attempt];
        if (deadline.signal.aborted || !isWorthRereading(e) || backoff === undefined) throw new OutcomeUnknownError(e);
        try {
          await deps.sleep(backoff, signal);
        } catch {
          throw unknown(e);
        }
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/** One bounded re-list after a cancel (the run's signal has aborted): the job's pool, or null when unknown. */
export async function settleAfterCancel(job: UploadJob, deps: Pick<ReconcileDeps, 'service' | 'firstPlan' | 'clockSkewMs'>, timeoutMs: number): Promise<PoolSummary | null> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new DOMException('Timed out', 'TimeoutError')), timeoutMs);
  try {
    return judgeFound(job, await deps.service.findByName(job.displayName, timeout.signal), deps);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
