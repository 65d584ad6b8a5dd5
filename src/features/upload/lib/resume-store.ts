/**
 * Where the resume record (resume-state.ts) is kept, and how a run keeps it in step: every
 * status change of a job is written at once.
 */
import { isUnfinished, parseResumeState, serializeResumeState, RESUME_STORAGE_KEY, type ResumePool, type ResumeState } from './resume-state.ts';
import type { FirstPlan, JobStatus } from './upload-runner.ts';

export interface ResumeStore {
  load(): ResumeState | null;
  save(state: ResumeState): void;
  clear(): void;
}

/**
 * Storage-backed store. Storage can be unavailable (privacy modes) or
 * full: the batch still runs, it just cannot be resumed after a reload.
 */
export function createResumeStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined, key = RESUME_STORAGE_KEY): ResumeStore {
  return {
    load() {
      try {
        return parseResumeState(storage?.getItem(key) ?? null);
      } catch {
        return null;
      }
    },
    save(state) {
      try {
        storage?.setItem(key, serializeResumeState(state));
      } catch {
        // Quota or disabled storage: resuming after a reload is not possible, the upload itself goes on.
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // see save()
      }
    },
  };
}

/**
 * localStorage, so a batch survives a closed tab as well as a reload; one
 * record per account (`homeAccountId`), so another admin on the same browser
 * never sees it. The record holds no secret (see the top of this file).
 */
export function browserResumeStore(accountId: string): ResumeStore {
  let storage: Storage | undefined;
  try {
    storage = typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    storage = undefined;
  }
  return createResumeStore(storage, `${RESUME_STORAGE_KEY}:${accountId}`);
}

/**
 * Keeps the stored state in step with a run: every status change of a job is
 * written at once (a create is recorded as `inFlight` before it is sent).
 * `carried` are pools of an earlier interrupted batch not part of this run;
 * they stay stored so that they can still be finished.
 */
export function createRunRecorder(
  store: ResumeStore,
  pools: readonly ResumePool[],
  carried: readonly ResumePool[] = [],
  startedAt = new Date().toISOString(),
  firstPlan?: FirstPlan,
) {
  const current = pools.map((p) => ({ ...p, files: p.files.map((f) => ({ ...f })) }));
  const byKey = new Map(current.map((p) => [p.key, p]));
  const write = () => {
    const state: ResumeState = { version: 1, startedAt, ...(firstPlan && { firstPlan }), pools: [...current, ...carried] };
    if (isUnfinished(state)) store.save(state);
    else store.clear();
  };
  write();
  return {
    onUpdate(key: string, status: Pick<JobStatus, 'createState' | 'poolId' | 'oldPoolDeleted' | 'carry'>) {
      const pool = byKey.get(key);
      if (!pool) return;
      if (pool.createState === status.createState && pool.poolId === status.poolId && pool.oldPoolDeleted === status.oldPoolDeleted && pool.carry === status.carry) return;
      pool.createState = status.createState;
      pool.oldPoolDeleted = status.oldPoolDeleted;
      if (status.poolId !== undefined) pool.poolId = status.poolId;
      else delete pool.poolId;
      if (status.carry) pool.carry = status.carry;
      else delete pool.carry;
      write();
    },
  };
}
