import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import { poolKeys } from '../../../entities/pools/keys.ts';
import { recordReplacedPool } from '../../../lib/replaced-pools.ts';
import { graphPoolService } from '../api/pool-service.ts';
import type { PoolName } from '../../../entities/pools/types.ts';
import { UPLOAD_CONCURRENCY } from '../lib/limits.ts';
import type { BatchAction, BatchState } from '../lib/batch-state.ts';
import { batchLockName, withBatchLock } from '../lib/batch-lock.ts';
import type { BatchPlan, PoolChoice, PoolPlan } from '../lib/plan-batch.ts';
import { createRedactor } from '../lib/redact.ts';
import type { ReplaceDecision } from '../lib/replace-steps.ts';
import { createRunRecorder, poolUnfinished, resumePoolFrom, type ResumeStore } from '../lib/resume-state.ts';
import { runUpload, type FirstPlan, type RunResult, type UploadJob } from '../lib/upload-runner.ts';

interface Args {
  plan: BatchPlan;
  state: BatchState;
  dispatch: Dispatch<BatchAction>;
  store: ResumeStore;
  accountId: string;
  existing: readonly PoolName[] | undefined;
}

type Ready = PoolPlan & { codes: NonNullable<PoolPlan['codes']>; choice: PoolChoice };

/**
 * The upload run of the page: the one-tab lock, the first plan the re-list
 * judges by, the resume record, leaving guarded while codes exist only in
 * memory, and the redaction of service text.
 */
export function useUploadRun({ plan, state, dispatch, store, accountId, existing }: Args) {
  const queryClient = useQueryClient();
  const run = useRef<AbortController | null>(null);
  const firstPlan = useRef<FirstPlan | null>(null);

  useEffect(
    () => () => {
      // Leaving the page stops the upload; what was in flight is on record and is checked on return.
      run.current?.abort();
    },
    [],
  );

  // Codes exist only in memory while a run goes on, or while a replaced pool's successor is not created.
  const mustStay = state.run?.state === 'running' || Object.values(state.progress).some((p) => p?.oldPoolDeleted && p.createState !== 'created');
  useEffect(() => {
    if (!mustStay) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [mustStay]);

  // Every matching ID of the batch (in memory only), removed from service text before it is shown.
  const redact = useMemo(() => createRedactor(state.files.flatMap((f) => f.parsed?.codes.map((c) => c.matchingIdentifier) ?? [])), [state.files]);

  const start = useCallback(
    async (decisions: Record<string, ReplaceDecision> = {}) => {
      const pools = plan.toUpload
        .filter((p): p is Ready => !!p.codes && !!p.choice)
        .map((p) => {
          const d = decisions[p.key];
          return d && p.choice.mode === 'replace' ? { ...p, choice: { ...p.choice, carryAssignments: d.carryAssignments } } : p;
        });
      if (pools.length === 0 || run.current) return;
      const controller = new AbortController();
      run.current = controller;
      const names = Object.fromEntries(pools.map((p) => [p.key, p.name.trim()]));
      const hashes = pools.flatMap((p) => p.files.map((f) => f.file.parsed?.sha256 ?? f.file.name));
      // A resumed batch judges re-lists by its first plan; a new one records it now.
      const resumes = !!state.resume && pools.some((p) => state.resumed[p.key]);
      const first: FirstPlan =
        (resumes && state.resume ? (state.resume.firstPlan ?? { poolIds: [], startedAt: state.resume.startedAt }) : undefined) ??
        firstPlan.current ??
        { poolIds: (existing ?? []).map((p) => p.id), startedAt: new Date().toISOString() };
      firstPlan.current = first;

      let result: RunResult | undefined;
      let error: unknown;
      const locked = await withBatchLock(batchLockName(accountId, hashes), async () => {
        // Progress renders are transitions: interruptible, so 30 pools' updates never block input.
        startTransition(() =>
          dispatch({
            type: 'runStarted',
            run: { keys: pools.map((p) => p.key), names, fileNames: Object.fromEntries(pools.map((p) => [p.key, p.files.map((f) => f.file.name)])), state: 'running', cancelled: false },
          }),
        );
        const matched = new Set(Object.values(state.resumed));
        const carried = (state.resume?.pools ?? []).filter((p) => !matched.has(p) && poolUnfinished(p));
        const recorder = createRunRecorder(store, pools.map((p) => resumePoolFrom({ ...p, name: names[p.key] ?? p.name }, p.progress)), carried, first.startedAt, first);
        const jobs: UploadJob[] = pools.map((p) => ({
          key: p.key,
          displayName: names[p.key] ?? p.name,
          activationCodes: p.codes,
          mode: p.choice.mode,
          replacePoolId: p.choice.mode === 'replace' ? p.choice.poolId : undefined,
          confirmedOldPool: decisions[p.key]?.confirmedOldPool,
          carryAssignments: p.choice.mode === 'replace' ? (p.choice.carryAssignments ?? true) : undefined,
          resume: p.progress,
        }));
        try {
          result = await runUpload(jobs, {
            service: graphPoolService,
            concurrency: UPLOAD_CONCURRENCY,
            signal: controller.signal,
            firstPlan: first,
            onUpdate: (key, status) => {
              recorder.onUpdate(key, status);
              const choice = pools.find((p) => p.key === key)?.choice;
              // A replace's new pool: its capacity figure assumes the new set held only unused codes (see lib/replaced-pools.ts).
              if (choice?.mode === 'replace' && status.poolId && (status.outcome === 'created' || status.outcome === 'adopted')) {
                recordReplacedPool(accountId, status.poolId, { replacedPoolId: choice.poolId, replacedPoolName: choice.poolName, at: new Date().toISOString() });
              }
              startTransition(() => dispatch({ type: 'status', key, status }));
            },
          });
        } catch (e) {
          error = e;
        }
      });
      run.current = null;
      if (!locked.ran) {
        dispatch({ type: 'lockedElsewhere', locked: true });
        return;
      }
      // Pools lists everywhere (this page's name check included) show the new pools before the run is reported done.
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
      startTransition(() => dispatch({ type: 'runFinished', cancelled: result?.cancelled ?? false, error, paused: result?.paused }));
    },
    [plan, queryClient, state.resume, state.resumed, store, accountId, existing, dispatch],
  );

  const cancel = useCallback(() => run.current?.abort(new DOMException('Upload cancelled', 'AbortError')), []);
  const resetFirstPlan = useCallback(() => {
    firstPlan.current = null;
  }, []);

  return { start, cancel, redact, resetFirstPlan };
}
