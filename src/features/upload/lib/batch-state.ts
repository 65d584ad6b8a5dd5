/**
 * The upload page's state as a reducer (pure, testable): the files of the
 * batch, the admin's decisions (choices, confirmations), and what runs have
 * achieved. Pool names typed by the admin live in the react-hook-form form;
 * names that can no longer change (a create may have happened under them)
 * are frozen here.
 */
import type { ParsedCsvFile } from '../csv/types.ts';
import type { BatchFile } from './batch-analysis.ts';
import type { GroupProgress, PoolChoice } from './plan-batch.ts';
import type { ResumePool, ResumeState } from './resume-state.ts';
import type { JobStatus } from './upload-runner.ts';

export interface RunInfo {
  /** Keys of the pools in this run, in order. */
  keys: string[];
  names: Record<string, string>;
  fileNames: Record<string, string[]>;
  state: 'running' | 'finished';
  cancelled: boolean;
  /** Set when the run itself broke (a bug), not when pools failed. */
  error?: unknown;
  /** Throttling asked for a wait above the cap: the batch stopped; *Resume* runs it again. */
  paused?: { retryAfterMs: number; until: number };
}

export interface BatchState {
  files: BatchFile[];
  choices: Record<string, PoolChoice | undefined>;
  confirmed: ReadonlySet<string>;
  /** Durable progress by pool key (from runs on this page and from an interrupted batch). */
  progress: Record<string, GroupProgress | undefined>;
  /** Names that can no longer change, by pool key. */
  lockedNames: Record<string, string | undefined>;
  /** Last status of each pool of the current/last run. */
  statuses: Record<string, JobStatus | undefined>;
  run: RunInfo | null;
  /** An interrupted batch found in storage (localStorage, per account) when the page opened. */
  resume: ResumeState | null;
  /** Pool keys already matched to the interrupted batch. */
  resumed: Record<string, ResumePool | undefined>;
  validating: { done: number; total: number };
  /** The last start found this batch running in another tab. */
  lockedElsewhere: boolean;
}

export type BatchAction =
  | { type: 'add'; files: BatchFile[] }
  | { type: 'parsed'; id: string; parsed: ParsedCsvFile }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'clear' }
  | { type: 'choose'; key: string; choice: PoolChoice | undefined }
  | { type: 'confirm'; ids: readonly string[]; confirmed: boolean }
  | { type: 'applyResume'; matches: { key: string; pool: ResumePool }[] }
  | { type: 'dismissResume' }
  | { type: 'runStarted'; run: RunInfo }
  | { type: 'status'; key: string; status: JobStatus }
  | { type: 'runFinished'; cancelled: boolean; error?: unknown; paused?: RunInfo['paused'] }
  /** Another tab holds this batch's lock: nothing ran here. */
  | { type: 'lockedElsewhere'; locked: boolean };

export function initialBatchState(resume: ResumeState | null): BatchState {
  return {
    files: [],
    choices: {},
    confirmed: new Set(),
    progress: {},
    lockedNames: {},
    statuses: {},
    run: null,
    resume,
    resumed: {},
    validating: { done: 0, total: 0 },
    lockedElsewhere: false,
  };
}

function progressOf(status: JobStatus): GroupProgress {
  return { createState: status.createState, poolId: status.poolId, oldPoolDeleted: status.oldPoolDeleted, carry: status.carry };
}

export function batchReducer(state: BatchState, action: BatchAction): BatchState {
  switch (action.type) {
    case 'add': {
      const checking = state.files.filter((f) => !f.parsed).length;
      const base = checking === 0 ? { done: 0, total: 0 } : state.validating;
      return { ...state, files: [...state.files, ...action.files], validating: { done: base.done, total: base.total + action.files.length } };
    }
    case 'parsed': {
      if (!state.files.some((f) => f.id === action.id)) return state;
      const files = state.files.map((f) => (f.id === action.id ? { ...f, parsed: action.parsed } : f));
      return { ...state, files, validating: { ...state.validating, done: state.validating.done + 1 } };
    }
    case 'remove': {
      const ids = new Set(action.ids);
      const removedChecking = state.files.filter((f) => ids.has(f.id) && !f.parsed).length;
      const confirmed = new Set([...state.confirmed].filter((id) => !ids.has(id)));
      const files = state.files.filter((f) => !ids.has(f.id));
      const total = Math.max(0, state.validating.total - removedChecking);
      const validating = files.some((f) => !f.parsed) ? { done: Math.min(state.validating.done, total), total } : { done: 0, total: 0 };
      return { ...state, files, confirmed, validating };
    }
    case 'clear':
      return { ...initialBatchState(null) };
    case 'choose':
      return { ...state, choices: { ...state.choices, [action.key]: action.choice } };
    case 'confirm': {
      const confirmed = new Set(state.confirmed);
      for (const id of action.ids) {
        if (action.confirmed) confirmed.add(id);
        else confirmed.delete(id);
      }
      return { ...state, confirmed };
    }
    case 'applyResume': {
      const choices = { ...state.choices };
      const progress = { ...state.progress };
      const lockedNames = { ...state.lockedNames };
      const resumed = { ...state.resumed };
      for (const { key, pool } of action.matches) {
        resumed[key] = pool;
        choices[key] =
          pool.mode === 'replace' && pool.replacePoolId
            ? { mode: 'replace', poolId: pool.replacePoolId, poolName: pool.replacePoolName ?? pool.name, carryAssignments: pool.carryAssignments }
            : { mode: 'new' };
        progress[key] = { createState: pool.createState, poolId: pool.poolId, oldPoolDeleted: pool.oldPoolDeleted, carry: pool.carry };
        // The name is how an unknown create is found again, and a created pool is named already.
        if (pool.createState !== 'pending' || pool.oldPoolDeleted) lockedNames[key] = pool.name;
      }
      return { ...state, choices, progress, lockedNames, resumed };
    }
    case 'dismissResume':
      return { ...state, resume: null };
    case 'runStarted': {
      const lockedNames = { ...state.lockedNames, ...action.run.names };
      const statuses = { ...state.statuses };
      for (const key of action.run.keys) statuses[key] = undefined;
      return { ...state, run: action.run, lockedNames, statuses, lockedElsewhere: false };
    }
    case 'status':
      return {
        ...state,
        statuses: { ...state.statuses, [action.key]: action.status },
        progress: { ...state.progress, [action.key]: progressOf(action.status) },
      };
    case 'runFinished': {
      if (!state.run) return state;
      // Names stay frozen only where a create may have happened under them.
      const lockedNames = { ...state.lockedNames };
      for (const key of state.run.keys) {
        const p = state.progress[key];
        if (!p || (p.createState === 'pending' && !p.oldPoolDeleted)) delete lockedNames[key];
      }
      return { ...state, lockedNames, run: { ...state.run, state: 'finished', cancelled: action.cancelled, error: action.error, paused: action.paused } };
    }
    case 'lockedElsewhere':
      return { ...state, lockedElsewhere: action.locked };
  }
}
