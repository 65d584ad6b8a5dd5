/**
 * Creates activation-code pools for an upload batch: bounded concurrency,
 * cancel, throttling, and — the part that matters most — never a second pool
 * for the same job, never a pool reported "created" that this batch did not
 * create. POST is not idempotent, so after any create whose outcome is unknown
 * the runner re-lists pools by name (reconcile.ts) before it creates again.
 * A replace reads the old pool again before deleting it and carries its
 * assignments to the new pool (replace-steps.ts). A Retry-After above the cap
 * pauses the batch (throttle.ts).
 *
 * Pure orchestration: Graph is reached only through the injected
 * {@link PoolService}, time only through the injected `sleep`. Usable from
 * Node (bench/upload.ts); the one-tab lock is the page's job.
 */
import { isGraphError } from '../../../graph/errors.ts';
import { BatchPausedError, MAX_RETRY_AFTER_WAIT_MS, sleep as abortableSleep } from '../../../graph/retry.ts';
import { DEFAULT_CLOCK_SKEW_MS, DEFAULT_RECONCILE_DEADLINE_MS, reconcile, settleAfterCancel } from './reconcile.ts';
import { describeChanges, readOldPool } from './replace-steps.ts';
import {
  EmptyReplaceError,
  OldPoolChangedError,
  isAbortError,
  type JobStatus,
  type PoolSummary,
  type RunOptions,
  type RunResult,
  type UploadJob,
} from './runner-types.ts';
import { isAmbiguous, makeThrottled, withTransientRetries } from './throttle.ts';
import { forEachBounded } from '../../../lib/for-each-bounded.ts';

export * from './runner-types.ts';

/** Hint for a 400 on create of a new pool: the usual cause is a second pool for one SM-DP+ server. */
export const SECOND_POOL_HINT =
  'Intune keeps one pool per SM-DP+ server. If a pool for this provider already exists, replace it instead (choose “Replace” on the pool’s card); the new set should hold only codes the carrier confirms unused.';

export async function runUpload(jobs: readonly UploadJob[], opts: RunOptions): Promise<RunResult> {
  const { service, concurrency = 4, signal = new AbortController().signal, onUpdate, sleep = abortableSleep, now = Date.now } = opts;
  const maxAmbiguousRetries = opts.maxAmbiguousRetries ?? 3;
  const rule = { firstPlan: opts.firstPlan ?? { poolIds: [], startedAt: new Date(now()).toISOString() }, clockSkewMs: opts.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS };

  const statuses = new Map<string, JobStatus>();
  const set = (key: string, next: JobStatus) => {
    statuses.set(key, next);
    onUpdate(key, next);
  };
  const update = (key: string, patch: Partial<JobStatus>) => {
    const prev = statuses.get(key);
    if (!prev) throw new Error(`unknown job ${key}`);
    // Transient fields do not survive a phase change unless given again.
    const { phase, createState, oldPoolDeleted, poolId, outcome, carry, assignError } = prev;
    set(key, { phase, createState, oldPoolDeleted, poolId, outcome, carry, assignError, ...patch });
  };

  for (const job of jobs) {
    set(job.key, {
      phase: 'queued',
      createState: job.resume?.createState ?? 'pending',
      oldPoolDeleted: job.resume?.oldPoolDeleted ?? false,
      poolId: job.resume?.createState === 'created' ? job.resume.poolId : undefined,
      carry: job.resume?.carry,
    });
  }

  const throttled = makeThrottled({
    update,
    sleep,
    now,
    maxThrottleWaits: opts.maxThrottleWaits ?? 10,
    maxRetryAfterMs: opts.maxRetryAfterMs ?? MAX_RETRY_AFTER_WAIT_MS,
    defaultThrottleWaitMs: opts.defaultThrottleWaitMs ?? 30_000,
  });
  const reconcileDeps = { ...rule, service, throttled, sleep, signal, deadlineMs: opts.reconcileDeadlineMs ?? DEFAULT_RECONCILE_DEADLINE_MS };
  const relist = (job: UploadJob) => {
    update(job.key, { phase: 'reconciling', detail: 'Checking whether the pool was created before trying again…' });
    return reconcile(job, reconcileDeps);
  };
  const retrying = <T,>(call: () => Promise<T>) => withTransientRetries(call, sleep, signal);

  /** The pool exists: record it, then (replace) put the old pool's assignments on it. */
  async function created(job: UploadJob, pool: PoolSummary, outcome: JobStatus['outcome']): Promise<void> {
    update(job.key, { phase: 'created', createState: 'created', poolId: pool.id, outcome, detail: undefined });
    const carry = statuses.get(job.key)?.carry;
    if (!carry || carry.applied) return;
    if (carry.assignments.length === 0) {
      update(job.key, { carry: { ...carry, applied: true } });
      return;
    }
    update(job.key, { phase: 'assigning', detail: 'Assigning the new pool like the old one…' });
    try {
      await retrying(() => throttled(job.key, () => service.assign(pool.id, carry.assignments, signal), 'assigning', { signal }));
      update(job.key, { phase: 'created', carry: { ...carry, applied: true }, assignError: undefined, detail: undefined });
    } catch (e) {
      if (isAbortError(e) || signal.aborted || e instanceof BatchPausedError) throw e;
      // The pool is created; only its assignments are missing (kept on record, so a resume applies them).
      update(job.key, { phase: 'created', assignError: e, detail: undefined });
    }
  }

  /** Replace, before the delete: refuse an empty set; stop when the old pool changed since the confirmation. */
  async function deleteOldPool(job: UploadJob, oldId: string): Promise<void> {
    const key = job.key;
    update(key, { phase: 'checking', detail: 'Reading the pool being replaced again…' });
    const current = await retrying(() => throttled(key, () => readOldPool(service, oldId, signal), 'checking', { signal }));
    if (current) {
      const changes = job.confirmedOldPool ? describeChanges(job.confirmedOldPool, current) : [];
      if (changes.length > 0) throw new OldPoolChangedError(changes);
      // On record before the delete: a reload after it still puts them on the new pool.
      if (job.carryAssignments !== false) update(key, { carry: { assignments: current.assignments, applied: false } });
      update(key, { phase: 'deleting', detail: 'Deleting the pool being replaced…' });
      await retrying(() => throttled(key, () => service.remove(oldId, signal), 'deleting', { signal }));
    }
    update(key, { oldPoolDeleted: true });
  }

  async function runJob(job: UploadJob): Promise<void> {
    const key = job.key;
    if (job.mode === 'replace' && job.activationCodes.length === 0) throw new EmptyReplaceError(job.displayName);
    let status = statuses.get(key);

    // 1. Created by an earlier run: make sure it still exists.
    if (status?.createState === 'created' && status.poolId) {
      const poolId = status.poolId;
      update(key, { phase: 'verifying', detail: 'Checking the pool created earlier…' });
      const pool = await throttled(key, () => service.get(poolId, signal), 'verifying', { signal });
      if (pool) return created(job, pool, 'alreadyCreated');
      // Deleted since: create it again.
      update(key, { createState: 'pending', poolId: undefined });
    }

    // 2. A create whose outcome was never learnt (reload, closed tab, cancel): re-list first.
    status = statuses.get(key);
    // Whether an earlier create may still be carried out by the service after we stopped waiting for it.
    let earlierCreateUnknown = status?.createState === 'inFlight';
    if (earlierCreateUnknown) {
      const pool = await relist(job);
      if (pool) return created(job, pool, 'adopted');
      update(key, { createState: 'pending' });
    }

    // 3. Replace: the service allows one pool per SM-DP+ server, so the old pool goes first.
    if (job.mode === 'replace' && job.replacePoolId && !statuses.get(key)?.oldPoolDeleted) await deleteOldPool(job, job.replacePoolId);

    // 4. Create; after an ambiguous failure, re-list by name before creating again.
    for (let ambiguousFailures = 0; ; ) {
      update(key, { phase: 'creating', createState: 'inFlight', detail: undefined });
      try {
        const pool = await throttled(
          key,
          async () => {
            // A throttled create was refused, not processed: it is in flight again only once re-sent.
            update(key, { createState: 'inFlight' });
            return service.create({ displayName: job.displayName, activationCodes: job.activationCodes }, signal);
          },
          'creating',
          // 429 (not ambiguous): the service did not process it.
          { signal, refused: { createState: 'pending' } },
        );
        return created(job, pool, 'created');
      } catch (e) {
        if (isAbortError(e) || signal.aborted || e instanceof BatchPausedError) throw e;
        if (!isAmbiguous(e)) {
          // The service answered and refused: nothing was created by this request. But when an
          // earlier create's outcome was unknown, the refusal may be that create landing late
          // (Intune allows one pool per SM-DP+ server): look once more before reporting it.
          if (earlierCreateUnknown && isGraphError(e) && (e.status === 400 || e.status === 409)) {
            const pool = await relist(job).catch(() => null);
            if (pool) return created(job, pool, 'adopted');
          }
          update(key, { createState: 'pending' });
          throw e;
        }
        earlierCreateUnknown = true;
        ambiguousFailures++;
        const pool = await relist(job);
        if (pool) return created(job, pool, 'adopted');
        update(key, { createState: 'pending' });
        if (ambiguousFailures >= maxAmbiguousRetries) throw e;
      }
    }
  }

  const cancelledInFlight: UploadJob[] = [];
  let paused: RunResult['paused'];

  function pauseDetail(ms: number): string {
    return `Paused: Microsoft Graph asked to wait ${Math.ceil(ms / 60_000)} min (longer than the console waits). Resume the upload later.`;
  }

  // No signal for the queue: a job not started when the run is cancelled or paused still gets its status.
  await forEachBounded(jobs, concurrency, async (job) => {
    if (signal.aborted) {
      update(job.key, { phase: 'cancelled', detail: 'Cancelled before it started.' });
      return;
    }
    if (paused) {
      update(job.key, { phase: 'paused', detail: pauseDetail(paused.retryAfterMs) });
      return;
    }
    try {
      await runJob(job);
    } catch (e) {
      const status = statuses.get(job.key);
      if (e instanceof BatchPausedError) {
        paused ??= { retryAfterMs: e.retryAfterMs, until: now() + e.retryAfterMs };
        update(job.key, { phase: 'paused', detail: pauseDetail(e.retryAfterMs) });
      } else if (isAbortError(e) || signal.aborted) {
        if (status?.createState === 'inFlight') cancelledInFlight.push(job);
        else update(job.key, { phase: 'cancelled', detail: 'Cancelled.' });
      } else {
        update(job.key, {
          phase: 'failed',
          error: e,
          hint: job.mode === 'new' && isGraphError(e) && e.status === 400 ? SECOND_POOL_HINT : undefined,
        });
      }
    }
  });
  const unknown = 'Cancelled while the pool was being created. Before any new attempt the console checks whether it was created after all.';
  await Promise.all(
    cancelledInFlight.map(async (job) => {
      const pool = await settleAfterCancel(job, { service, ...rule }, opts.cancelReconcileTimeoutMs ?? 15_000);
      if (pool) update(job.key, { phase: 'created', createState: 'created', poolId: pool.id, outcome: 'adopted', detail: undefined });
      else update(job.key, { phase: 'cancelled', detail: unknown });
    }),
  );
  return { statuses, cancelled: signal.aborted, ...(paused && { paused }) };
}
