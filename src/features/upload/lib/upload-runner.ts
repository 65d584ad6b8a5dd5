/**
 * Creates activation-code pools for an upload batch: bounded concurrency,
 * cancel, throttling, and — the part that matters most — never a second pool
 * for the same job. POST is not idempotent, so after any create whose outcome
 * is unknown (timeout, dropped connection, 5xx, a cancel while in flight, or
 * a page reload recorded as `inFlight`) the runner re-lists pools by name
 * before it creates again. Pool names are unique within the batch and against
 * the pools that existed when the batch was planned, so a pool found under the
 * job's name with the expected code count is that job's pool.
 *
 * Pure orchestration: Graph is reached only through the injected
 * {@link PoolService}, time only through the injected `sleep`.
 */
import { isGraphError } from '../../../graph/errors.ts';
import { sleep as abortableSleep } from '../../../graph/retry.ts';
import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';

export interface PoolSummary {
  id: string;
  displayName: string;
  activationCodeCount: number;
}

/** The Graph calls the runner needs (src/features/upload/api/pool-service.ts in the app, a fake in tests). */
export interface PoolService {
  create(input: { displayName: string; activationCodes: readonly EmbeddedSimActivationCode[] }, signal: AbortSignal): Promise<PoolSummary>;
  /** Pools whose displayName equals `name` (`$filter=displayName eq '…'`). */
  findByName(name: string, signal: AbortSignal): Promise<PoolSummary[]>;
  /** The pool, or null when it does not exist (404). */
  get(id: string, signal: AbortSignal): Promise<PoolSummary | null>;
  /** Deletes the pool; a pool that is already gone counts as deleted. */
  remove(id: string, signal: AbortSignal): Promise<void>;
}

/** What is durably known about a job's create (mirrored to the resume state). */
export type CreateState =
  /** No create was sent, or one was sent and is known not to have created anything. */
  | 'pending'
  /** A create may have reached the service; its outcome is unknown until pools are re-listed by name. */
  | 'inFlight'
  | 'created';

export interface UploadJob {
  /** Stable key of the pool plan (one pool per job). */
  key: string;
  displayName: string;
  activationCodes: readonly EmbeddedSimActivationCode[];
  mode: 'new' | 'replace';
  /** For `replace`: the pool deleted before the new one is created. */
  replacePoolId?: string;
  /** Where an earlier, interrupted run left this job. Default: pending, nothing created, nothing deleted. */
  resume?: { createState: CreateState; poolId?: string; oldPoolDeleted?: boolean };
}

export type JobPhase =
  | 'queued'
  | 'verifying'
  | 'deleting'
  | 'creating'
  | 'reconciling'
  | 'waiting'
  | 'created'
  | 'failed'
  | 'cancelled';

export interface JobStatus {
  phase: JobPhase;
  createState: CreateState;
  oldPoolDeleted: boolean;
  poolId?: string;
  /** How the pool came to be: created now, found after an ambiguous failure, or created by an earlier run. */
  outcome?: 'created' | 'adopted' | 'alreadyCreated';
  /** A short, plain sentence for the progress list (no codes, no matching ids). */
  detail?: string;
  /** For `waiting`: epoch ms of the next attempt. */
  retryAt?: number;
  /** For `failed`: the error (GraphError or Error) and an optional suggestion. */
  error?: unknown;
  hint?: string;
}

export interface RunOptions {
  service: PoolService;
  /** Parallel jobs. Default 4. */
  concurrency?: number;
  /** Cancels the run: in-flight requests are aborted and no job is started after it. */
  signal?: AbortSignal;
  /** Called synchronously on every change of a job's status (persist the durable part here). */
  onUpdate: (key: string, status: JobStatus) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Waits for one job after the client gave up on throttling, before failing it. Default 10. */
  maxThrottleWaits?: number;
  /** Creates attempted after ambiguous failures (each preceded by a re-list), before failing. Default 3. */
  maxAmbiguousRetries?: number;
  /** Wait when a 429 carries no Retry-After. Default 30 s. */
  defaultThrottleWaitMs?: number;
  /** Bound for the re-list after a cancel, which runs after the run's signal has aborted. Default 15 s. */
  cancelReconcileTimeoutMs?: number;
}

export interface RunResult {
  statuses: Map<string, JobStatus>;
  cancelled: boolean;
}

/** A pool with the job's name that is not the job's pool: never adopt it, never create beside it. */
export class NameConflictError extends Error {
  override readonly name = 'NameConflictError';
  constructor(
    readonly poolName: string,
    readonly found: PoolSummary,
    readonly expectedCount: number,
  ) {
    super(
      `A pool named “${poolName}” already exists with ${found.activationCodeCount} codes, but this upload has ${expectedCount}. ` +
        'It was not created again. Check the pools list, then rename this pool or remove the other one.',
    );
  }
}

/** The outcome of a create stayed unknown (re-listing kept failing); resuming later re-lists before any create. */
export class OutcomeUnknownError extends Error {
  override readonly name = 'OutcomeUnknownError';
  constructor(cause: unknown) {
    super('Could not confirm whether this pool was created. Nothing will be created twice: try again later and the console checks first.', { cause });
  }
}

const RECONCILE_BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 20_000];

export function isAbortError(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

const isThrottle = (e: unknown) => isGraphError(e) && e.status === 429;
const isAmbiguous = (e: unknown) => isGraphError(e) && e.ambiguous;
/** Worth asking again: throttling, a transient server or network failure of a read. */
const isTransient = (e: unknown) => isGraphError(e) && (e.status === 429 || e.status === 0 || e.status >= 500);


const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Hint for a 400 on create of a new pool: the usual cause is a second pool for one SM-DP+ server. */
export const SECOND_POOL_HINT =
  'Intune keeps one pool per SM-DP+ server. If a pool for this provider already exists, replace it instead: drop its original CSV file together with the new one and choose “Replace the existing pool”.';

export async function runUpload(jobs: readonly UploadJob[], opts: RunOptions): Promise<RunResult> {
  const {
    service,
    concurrency = 4,
    signal = new AbortController().signal,
    onUpdate,
    sleep = abortableSleep,
    now = Date.now,
    maxThrottleWaits = 10,
    maxAmbiguousRetries = 3,
    defaultThrottleWaitMs = 30_000,
    cancelReconcileTimeoutMs = 15_000,
  } = opts;

  const statuses = new Map<string, JobStatus>();
  const set = (key: string, next: JobStatus) => {
    statuses.set(key, next);
    onUpdate(key, next);
  };
  const update = (key: string, patch: Partial<JobStatus>) => {
    const prev = statuses.get(key);
    if (!prev) throw new Error(`unknown job ${key}`);
    // Transient fields do not survive a phase change unless given again.
    const base: JobStatus = { phase: prev.phase, createState: prev.createState, oldPoolDeleted: prev.oldPoolDeleted, poolId: prev.poolId, outcome: prev.outcome };
    set(key, { ...base, ...patch });
  };

  for (const job of jobs) {
    set(job.key, {
      phase: 'queued',
      createState: job.resume?.createState ?? 'pending',
      oldPoolDeleted: job.resume?.oldPoolDeleted ?? false,
      poolId: job.resume?.createState === 'created' ? job.resume.poolId : undefined,
    });
  }

  /** Runs `call`, waiting out throttling the client gave up on (Retry-After too long) up to maxThrottleWaits times. */
  async function throttled<T>(key: string, call: () => Promise<T>, resumePhase: JobPhase, refused?: Partial<JobStatus>): Promise<T> {
    for (let waits = 0; ; waits++) {
      try {
        return await call();
      } catch (e) {
        if (!isThrottle(e) || waits >= maxThrottleWaits) throw e;
        const ms = (isGraphError(e) && e.retryAfterMs) || defaultThrottleWaitMs;
        update(key, {
          ...(isAmbiguous(e) ? undefined : refused),
          phase: 'waiting',
          retryAt: now() + ms,
          detail: `Microsoft Graph is throttling requests; trying again in ${Math.ceil(ms / 1000)} s.`,
        });
        await sleep(ms, signal);
        update(key, { phase: resumePhase });
      }
    }
  }

  /** Re-lists by name: the job's pool if it exists, null if no pool has the name, NameConflictError otherwise. */
  async function findExisting(job: UploadJob, s: AbortSignal): Promise<PoolSummary | null> {
    const found = (await service.findByName(job.displayName, s)).filter(
      (p) => sameName(p.displayName, job.displayName) && p.id !== job.replacePoolId,
    );
    const match = found.find((p) => p.activationCodeCount === job.activationCodes.length);
    if (match) return match;
    if (found[0]) throw new NameConflictError(job.displayName, found[0], job.activationCodes.length);
    return null;
  }

  /** findExisting, retried on transient failures; throws OutcomeUnknownError when it never gets an answer. */
  async function reconcile(job: UploadJob): Promise<PoolSummary | null> {
    update(job.key, { phase: 'reconciling', detail: 'Checking whether the pool was created before trying again…' });
    for (let attempt = 0; ; attempt++) {
      try {
        return await throttled(job.key, () => findExisting(job, signal), 'reconciling');
      } catch (e) {
        if (isAbortError(e) || signal.aborted || e instanceof NameConflictError) throw e;
        const backoff = RECONCILE_BACKOFF_MS[attempt];
        if (!isTransient(e) || backoff === undefined) throw new OutcomeUnknownError(e);
        await sleep(backoff, signal);
      }
    }
  }

  const created = (job: UploadJob, pool: PoolSummary, outcome: JobStatus['outcome']) =>
    update(job.key, { phase: 'created', createState: 'created', poolId: pool.id, outcome, detail: undefined });

  async function runJob(job: UploadJob): Promise<void> {
    const key = job.key;
    let status = statuses.get(key);

    // 1. Created by an earlier run: make sure it still exists.
    if (status?.createState === 'created' && status.poolId) {
      const poolId = status.poolId;
      update(key, { phase: 'verifying', detail: 'Checking the pool created earlier…' });
      const pool = await throttled(key, () => service.get(poolId, signal), 'verifying');
      if (pool) {
        created(job, pool, 'alreadyCreated');
        return;
      }
      // Deleted since: create it again.
      update(key, { createState: 'pending', poolId: undefined });
    }

    // 2. A create whose outcome was never learnt (reload, closed tab, cancel): re-list first.
    status = statuses.get(key);
    // Whether an earlier create may still be carried out by the service after we stopped waiting for it.
    let earlierCreateUnknown = status?.createState === 'inFlight';
    if (status?.createState === 'inFlight') {
      const pool = await reconcile(job);
      if (pool) {
        created(job, pool, 'adopted');
        return;
      }
      update(key, { createState: 'pending' });
    }

    // 3. Replace: the service allows one pool per SM-DP+ server, so the old pool goes first.
    if (job.mode === 'replace' && job.replacePoolId && !statuses.get(key)?.oldPoolDeleted) {
      const oldId = job.replacePoolId;
      update(key, { phase: 'deleting', detail: 'Deleting the pool being replaced…' });
      for (let attempt = 0; ; attempt++) {
        try {
          await throttled(key, () => service.remove(oldId, signal), 'deleting');
          break;
        } catch (e) {
          // DELETE is idempotent: repeat after a transient failure (a second try that finds it gone is success).
          const backoff = RECONCILE_BACKOFF_MS[attempt];
          if (isAbortError(e) || signal.aborted || !isTransient(e) || backoff === undefined) throw e;
          await sleep(backoff, signal);
        }
      }
      update(key, { oldPoolDeleted: true });
    }

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
          { createState: 'pending' },
        );
        created(job, pool, 'created');
        return;
      } catch (e) {
        if (isAbortError(e) || signal.aborted) throw e;
        if (!isAmbiguous(e)) {
          // The service answered and refused: nothing was created by this request. But when an
          // earlier create's outcome was unknown, the refusal may be that create landing late
          // (Intune allows one pool per SM-DP+ server): look once more before reporting it.
          if (earlierCreateUnknown && isGraphError(e) && (e.status === 400 || e.status === 409)) {
            const pool = await reconcile(job).catch(() => null);
            if (pool) {
              created(job, pool, 'adopted');
              return;
            }
          }
          update(key, { createState: 'pending' });
          throw e;
        }
        earlierCreateUnknown = true;
        ambiguousFailures++;
        const pool = await reconcile(job);
        if (pool) {
          created(job, pool, 'adopted');
          return;
        }
        update(key, { createState: 'pending' });
        if (ambiguousFailures >= maxAmbiguousRetries) throw e;
      }
    }
  }

  /**
   * After a cancel: one bounded re-list for each create that was in flight. A
   * pool found is reported as created; one not found stays `inFlight` (the
   * service may still carry out a request the browser gave up on), so the
   * next run re-lists again before it creates anything.
   */
  async function settleAfterCancel(job: UploadJob): Promise<void> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('Timed out', 'TimeoutError')), cancelReconcileTimeoutMs);
    const unknown = 'Cancelled while the pool was being created. Before any new attempt the console checks whether it was created after all.';
    try {
      const pool = await findExisting(job, timeout.signal);
      if (pool) created(job, pool, 'adopted');
      else update(job.key, { phase: 'cancelled', detail: unknown });
    } catch {
      update(job.key, { phase: 'cancelled', detail: unknown });
    } finally {
      clearTimeout(timer);
    }
  }

  const queue = [...jobs];
  const cancelledInFlight: UploadJob[] = [];

  async function worker(): Promise<void> {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (signal.aborted) {
        update(job.key, { phase: 'cancelled', detail: 'Cancelled before it started.' });
        continue;
      }
      try {
        await runJob(job);
      } catch (e) {
        const status = statuses.get(job.key);
        if (isAbortError(e) || signal.aborted) {
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
    }
  }

  const n = Math.max(1, Math.min(concurrency, jobs.length));
  await Promise.all(Array.from({ length: n }, () => worker()));
  await Promise.all(cancelledInFlight.map((job) => settleAfterCancel(job)));
  return { statuses, cancelled: signal.aborted };
}
