/**
 * The upload runner's vocabulary: the Graph calls it needs, its jobs, their
 * statuses, and the errors that stop a job. No message built here ever holds
 * an activation code or a matching ID (names, counts and ids only).
 */
import type { AssignmentInput } from '../../../entities/assignments/types.ts';
import type { PoolSummary } from '../../../entities/pools/types.ts';
import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';

/** What the runner reads back of a pool (the re-list adopts only pools created after the batch first started). */
export type { PoolSummary } from '../../../entities/pools/types.ts';

/** What the admin saw of a pool about to be replaced (and what is read again just before the delete). */
export interface OldPoolSnapshot {
  codeCount: number;
  /** Devices given a code of the pool (spent or pending): `deviceStates/$count`. */
  deviceStateCount: number;
  assignments: AssignmentInput[];
}

/** The Graph calls the runner needs (src/features/upload/api/pool-service.ts in the app, a fake in tests). */
export interface PoolService {
  create(input: { displayName: string; activationCodes: readonly EmbeddedSimActivationCode[] }, signal: AbortSignal): Promise<PoolSummary>;
  /** Pools whose displayName equals `name` (`$filter=displayName eq '…'`), with createdDateTime. */
  findByName(name: string, signal: AbortSignal): Promise<PoolSummary[]>;
  /** The pool, or null when it does not exist (404). */
  get(id: string, signal: AbortSignal): Promise<PoolSummary | null>;
  /** Deletes the pool; a pool that is already gone counts as deleted. */
  remove(id: string, signal: AbortSignal): Promise<void>;
  /** The pool's assignments as written back (targets with their filters). */
  getAssignments(poolId: string, signal: AbortSignal): Promise<AssignmentInput[]>;
  /** `assign`: sets exactly these assignments (idempotent). */
  assign(poolId: string, assignments: AssignmentInput[], signal: AbortSignal): Promise<void>;
  countDeviceStates(poolId: string, signal: AbortSignal): Promise<number>;
}

/** What is durably known about a job's create (mirrored to the resume state). */
export type CreateState =
  /** No create was sent, or one was sent and is known not to have created anything. */
  | 'pending'
  /** A create may have reached the service; its outcome is unknown until pools are re-listed by name. */
  | 'inFlight'
  | 'created';

/** The old pool's assignments, read just before its delete, to put on the new pool. */
export interface CarriedAssignments {
  assignments: AssignmentInput[];
  applied: boolean;
}

export interface UploadJob {
  /** Stable key of the pool plan (one pool per job). */
  key: string;
  displayName: string;
  activationCodes: readonly EmbeddedSimActivationCode[];
  mode: 'new' | 'replace';
  /** For `replace`: the pool deleted before the new one is created. */
  replacePoolId?: string;
  /** For `replace`: what the confirmation showed; the delete stops when the pool changed since. */
  confirmedOldPool?: OldPoolSnapshot;
  /** For `replace`: put the old pool's assignments on the new pool (default true). */
  carryAssignments?: boolean;
  /** Where an earlier, interrupted run left this job. Default: pending, nothing created, nothing deleted. */
  resume?: { createState: CreateState; poolId?: string; oldPoolDeleted?: boolean; carry?: CarriedAssignments };
}

export type JobPhase =
  | 'queued'
  | 'verifying'
  | 'checking'
  | 'deleting'
  | 'creating'
  | 'reconciling'
  | 'assigning'
  | 'waiting'
  | 'paused'
  | 'created'
  | 'failed'
  | 'cancelled';

export interface JobStatus {
  phase: JobPhase;
  createState: CreateState;
  oldPoolDeleted: boolean;
  poolId?: string;
  /** Replace with carry-over: the assignments read before the delete, and whether the new pool has them. */
  carry?: CarriedAssignments;
  /** How the pool came to be: created now, found after an ambiguous failure, or created by an earlier run. */
  outcome?: 'created' | 'adopted' | 'alreadyCreated';
  /** For a created pool of a replace: the assignments could not be applied (the pool itself is fine). */
  assignError?: unknown;
  /** A short, plain sentence for the progress list (no codes, no matching ids). */
  detail?: string;
  /** For `waiting`: epoch ms of the next attempt. */
  retryAt?: number;
  /** For `failed`: the error (GraphError or Error) and an optional suggestion. */
  error?: unknown;
  hint?: string;
}

export interface FirstPlan {
  /** Ids of the pools that existed when the batch was first planned. */
  poolIds: readonly string[];
  /** ISO time the batch's first run started. */
  startedAt: string;
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
  /** What the re-list judges by. Default: no known pools, started now (a pool created before is never adopted). */
  firstPlan?: FirstPlan;
  /** Tolerance between this clock and the service's createdDateTime. Default 5 min. */
  clockSkewMs?: number;
  /** Waits for one job after the client gave up on throttling, before failing it. Default 10. */
  maxThrottleWaits?: number;
  /** A single Retry-After above this pauses the batch. Default MAX_RETRY_AFTER_WAIT_MS (2 min). */
  maxRetryAfterMs?: number;
  /** Creates attempted after ambiguous failures (each preceded by a re-list), before failing. Default 3. */
  maxAmbiguousRetries?: number;
  /** Wait when a 429 carries no Retry-After. Default 30 s. */
  defaultThrottleWaitMs?: number;
  /** Overall bound of one re-list (reconcile), its retries and waits included. Default 2 min. */
  reconcileDeadlineMs?: number;
  /** Bound for the re-list after a cancel, which runs after the run's signal has aborted. Default 15 s. */
  cancelReconcileTimeoutMs?: number;
}

export interface RunResult {
  statuses: Map<string, JobStatus>;
  cancelled: boolean;
  /** Set when throttling asked for a wait above the cap: the batch stopped; resume it later. */
  paused?: { retryAfterMs: number; until: number };
}

/** A pool with the job's name that this batch did not create: never adopt it, never create beside it. */
export class NameConflictError extends Error {
  override readonly name = 'NameConflictError';
  constructor(
    readonly poolName: string,
    readonly found: PoolSummary,
    readonly expectedCount: number,
  ) {
    const why =
      found.activationCodeCount !== expectedCount
        ? `with ${found.activationCodeCount} codes, but this upload has ${expectedCount}`
        : 'that this upload did not create (it existed before the upload started, or was made by someone else)';
    super(`A pool named “${poolName}” exists ${why}. It was not created again and is not counted as created. Check the pools list, then rename this pool or remove the other one.`);
  }
}

/** The outcome of a create stayed unknown (re-listing kept failing); resuming later re-lists before any create. */
export class OutcomeUnknownError extends Error {
  override readonly name = 'OutcomeUnknownError';
  constructor(cause: unknown) {
    super('Could not confirm whether this pool was created. Nothing will be created twice: try again later and the console checks first.', { cause });
  }
}

/** A replace with no codes would delete the carrier's pool and leave none. */
export class EmptyReplaceError extends Error {
  override readonly name = 'EmptyReplaceError';
  constructor(readonly poolName: string) {
    super(`The new set holds no activation codes, so “${poolName}” was not deleted. Drop a file with the codes to keep.`);
  }
}

/** The pool to replace changed between the confirmation and the delete: nothing was deleted. */
export class OldPoolChangedError extends Error {
  override readonly name = 'OldPoolChangedError';
  constructor(readonly changes: string[]) {
    super(`The pool to replace changed since you confirmed: ${changes.join('; ')}. Nothing was deleted. Upload again to review the new numbers.`);
  }
}

export function isAbortError(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && (e.name === 'AbortError' || e.name === 'TimeoutError');
}
