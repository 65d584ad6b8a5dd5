import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import { planBulkAssign, type BulkMode, type BulkSet, type PoolBulkPlan } from '../lib/bulk-plan.ts';
import { retryTransient, sleep } from '../lib/run-bulk.ts';
import { assignPool } from '../../../entities/assignments/assign-pool.ts';
import { getPoolAssignments } from '../../../entities/assignments/get-pool-assignments.ts';
import { poolAssignmentsScope } from './save-pool-assignments.ts';

export type BulkPhase = 'reading' | 'saving' | 'throttled';

export interface BulkPoolOutcome {
  plan: PoolBulkPlan;
  /** False when the pool already had this set and nothing was sent. */
  sent: boolean;
}

export interface BulkPoolOptions {
  set: BulkSet;
  mode: BulkMode;
  /**
   * Stops waiting between attempts. A request already sent is not aborted,
   * so the outcome of every write that went out is known.
   */
  signal?: AbortSignal;
  onPhase?: (phase: BulkPhase, waitMs?: number) => void;
  /** Attempts per pool when throttled or after a transient failure (default 4). */
  attempts?: number;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * One pool of a bulk assignment: read its current assignments, merge or
 * replace, and send the complete set with `assign`. The read is made
 * immediately before this pool's write (not when the batch starts, and after
 * any other write to the pool queued in the same mutation scope): the dialog
 * never shows pools' current assignments, so reading right before writing is
 * what keeps another admin's change in *add* mode. A `Retry-After` above
 * MAX_RETRY_AFTER_WAIT_MS is not waited out: BatchPausedError, and the batch pauses. After throttling that
 * outlasts the Graph client's own Retry-After handling, or an ambiguous
 * failure (5xx, timeout, dropped connection), the whole read-plan-assign is
 * repeated: `assign` replaces the pool's assignments with the body, so sending
 * it again cannot duplicate anything, and re-reading first means the merge is
 * made against what the pool has now.
 */
export function bulkAssignPool(poolId: string, opts: BulkPoolOptions): Promise<BulkPoolOutcome> {
  const { set, mode, signal, onPhase } = opts;
  return retryTransient(
    async () => {
      onPhase?.('reading');
      const current = await getPoolAssignments(poolId);
      const plan = planBulkAssign(current, set, mode);
      if (!plan.changed) return { plan, sent: false };
      onPhase?.('saving');
      await assignPool(poolId, plan.body);
      return { plan, sent: true };
    },
    { attempts: opts.attempts ?? 4, baseDelayMs: 2_000, sleep: opts.sleep ?? sleep, signal, onWait: (ms) => onPhase?.('throttled', ms) },
  );
}

/**
 * Runs {@link bulkAssignPool} as a react-query mutation in the pool's
 * assignments scope, so it waits for (and is waited on by) any other write to
 * that pool's assignments, such as a save on its detail page.
 */
export function runBulkAssignMutation(queryClient: QueryClient, poolId: string, opts: BulkPoolOptions): Promise<BulkPoolOutcome> {
  const observer = new MutationObserver<BulkPoolOutcome, unknown, void>(queryClient, {
    mutationKey: ['bulk-assign', poolId],
    scope: poolAssignmentsScope(poolId),
    mutationFn: () => bulkAssignPool(poolId, opts),
  });
  return observer.mutate();
}
