import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { forbiddenKind } from '../../../graph/errors.ts';
import { throttlePauseFrom } from '../../../graph/retry.ts';
import { poolKeys } from '../../../entities/pools/keys.ts';
import { runBulkAssignMutation, type BulkPoolOutcome } from '../api/bulk-assign-pool.ts';
import type { BulkMode, BulkSet } from '../lib/bulk-plan.ts';
import { BULK_CONCURRENCY } from '../lib/limits.ts';
import { forEachBounded } from '../../../lib/for-each-bounded.ts';

export type PoolStatus =
  | { state: 'queued' }
  | { state: 'reading' }
  | { state: 'saving' }
  | { state: 'throttled'; waitMs: number }
  | { state: 'succeeded'; outcome: BulkPoolOutcome }
  | { state: 'failed'; error: unknown }
  /** Not done: the admin stopped the batch, or Intune refused writes. */
  | { state: 'stopped'; why: 'stop' | 'refused' }
  /** Not done: the batch paused for a long Retry-After. */
  | { state: 'paused' };

/** Why the batch stopped starting pools by itself. */
export type BulkHalt =
  /** Microsoft Graph asked for a wait above MAX_RETRY_AFTER_WAIT_MS: *Resume* when it is over. */
  | { kind: 'paused'; retryAfterMs: number; resumeAfter: number }
  /** Intune refused a write (403): every other pool would be refused too. */
  | { kind: 'refused' };

export interface BulkPool {
  id: string;
  displayName: string;
}

export const isFinished = (s: PoolStatus | undefined) => s?.state === 'succeeded' || s?.state === 'failed' || s?.state === 'stopped';
export const isNotDone = (s: PoolStatus | undefined) => s?.state === 'failed' || s?.state === 'stopped' || s?.state === 'paused';

/**
 * Runs a bulk assignment over pools, {@link BULK_CONCURRENCY} at a time, and
 * keeps each pool's status. The batch stops starting new pools when the admin
 * stops it, when Microsoft Graph asks for a wait longer than the cap (the rest
 * are *paused*: {@link BulkHalt}), or when Intune refuses a write. `again`
 * (Retry failed / Resume) runs only the pools not done yet.
 */
export function useBulkAssignRun(pools: readonly BulkPool[], now: () => number = Date.now) {
  const queryClient = useQueryClient();
  const [statuses, setStatuses] = useState<Record<string, PoolStatus>>({});
  const [running, setRunning] = useState(false);
  const [halt, setHalt] = useState<BulkHalt | null>(null);
  const [last, setLast] = useState<{ set: BulkSet; mode: BulkMode } | null>(null);
  const controller = useRef<AbortController | null>(null);

  const update = (poolId: string, status: PoolStatus) => setStatuses((prev) => ({ ...prev, [poolId]: status }));

  const run = async (targets: readonly BulkPool[], set: BulkSet, mode: BulkMode) => {
    const stop = new AbortController();
    controller.current = stop;
    let halted: BulkHalt | null = null;
    const haltWith = (h: BulkHalt) => {
      halted ??= h;
      stop.abort();
    };
    setLast({ set, mode });
    setHalt(null);
    setRunning(true);
    setStatuses((prev) => ({ ...prev, ...Object.fromEntries(targets.map((p) => [p.id, { state: 'queued' } as PoolStatus])) }));
    const notDone = (): PoolStatus =>
      halted?.kind === 'paused' ? { state: 'paused' } : { state: 'stopped', why: halted?.kind === 'refused' ? 'refused' : 'stop' };
    await forEachBounded(
      targets,
      BULK_CONCURRENCY,
      async (pool) => {
        try {
          const outcome = await runBulkAssignMutation(queryClient, pool.id, {
            set,
            mode,
            signal: stop.signal,
            onPhase: (phase, waitMs) => update(pool.id, phase === 'throttled' ? { state: 'throttled', waitMs: waitMs ?? 0 } : { state: phase }),
          });
          update(pool.id, { state: 'succeeded', outcome });
        } catch (error) {
          const pause = throttlePauseFrom(error);
          if (pause) {
            haltWith({ kind: 'paused', retryAfterMs: pause.retryAfterMs, resumeAfter: now() + pause.retryAfterMs });
            update(pool.id, { state: 'paused' });
          } else if (stop.signal.aborted) {
            update(pool.id, notDone());
          } else {
            if (forbiddenKind(error)) haltWith({ kind: 'refused' });
            update(pool.id, { state: 'failed', error });
          }
        }
      },
      { signal: stop.signal },
    );
    setStatuses((prev) => Object.fromEntries(Object.entries(prev).map(([id, s]) => [id, s.state === 'queued' ? notDone() : s])));
    setHalt(halted);
    await queryClient.invalidateQueries({ queryKey: poolKeys.all });
    setRunning(false);
  };

  const all = pools.map((p) => statuses[p.id]);
  return {
    statuses,
    running,
    halt,
    start: (set: BulkSet, mode: BulkMode) => run(pools, set, mode),
    /** Retry failed / Resume: only the pools not done yet, with the same groups and mode. */
    again: () => (last ? run(pools.filter((p) => isNotDone(statuses[p.id])), last.set, last.mode) : Promise.resolve()),
    stop: () => controller.current?.abort(),
    started: Object.keys(statuses).length > 0,
    counts: {
      finished: all.filter(isFinished).length,
      failed: all.filter((s) => s?.state === 'failed').length,
      notDone: all.filter(isNotDone).length,
      succeeded: all.filter((s) => s?.state === 'succeeded').length,
      changedAny: all.some((s) => s?.state === 'succeeded' && s.outcome.sent),
    },
  };
}
