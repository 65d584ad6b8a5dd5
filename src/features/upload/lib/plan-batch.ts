/**
 * Turns the analysed files of an upload batch into the pools that will be created: for each pool
 * its files' problems, its name ({@link poolNameError}), the admin's choice and what still blocks
 * it.
 *
 * - A pool that already exists under the host's default name most likely
 *   holds the same provider's codes (Graph never returns a pool's SM-DP+
 *   address): the admin must choose between replacing it and a new pool under another name.
 *
 * Pure and cheap: it runs on every keystroke, over the memoised analysis (batch-analysis.ts).
 */
import type { PoolName } from '../../../entities/pools/types.ts';
import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';
import { defaultPoolName, uniquePoolName } from '../csv/pool-name.ts';
import type { CsvIssue } from '../csv/types.ts';
import { plural } from '../../../lib/format.ts';
import type { BatchAnalysis, BatchFile } from './batch-analysis.ts';
import { normName, poolNameError, type NameContext } from './pool-names.ts';
import type { CarriedAssignments, CreateState } from './upload-runner.ts';

/** A pool already in the tenant (id, name, code count). */
export type ExistingPool = PoolName;

export type PoolChoice =
  | { mode: 'new' }
  /** `carryAssignments`: the new pool gets the old one's assignments (default true; set in the confirmation). */
  | { mode: 'replace'; poolId: string; poolName: string; poolCodeCount?: number; carryAssignments?: boolean };

/** What is known of a pool's creation from an earlier run (this page or an interrupted one). */
export interface GroupProgress {
  createState: CreateState;
  poolId?: string;
  oldPoolDeleted: boolean;
  /** Replace: the old pool's assignments read before its delete, and whether the new pool has them. */
  carry?: CarriedAssignments;
}

export const NO_PROGRESS: GroupProgress = { createState: 'pending', oldPoolDeleted: false };

export interface PlannedFile {
  file: BatchFile;
  /** The file's own problems, then the batch's (duplicates across files), by line. */
  issues: CsvIssue[];
  errorCount: number;
  warningCount: number;
  /** Warnings need an explicit confirmation before upload. */
  warningsConfirmed: boolean;
}

export type PoolPlanStatus = 'errors' | 'needsChoice' | 'needsConfirmation' | 'invalidName' | 'waiting' | 'ready' | 'created';

export interface PoolPlan {
  key: string;
  host: string | null;
  files: PlannedFile[];
  /** Codes to upload (merged, de-duplicated); null while the pool cannot be uploaded. */
  codes: readonly EmbeddedSimActivationCode[] | null;
  /** Codes the pool will hold (or the files hold, when they have errors). */
  codeCount: number;
  duplicatesMerged: number;
  /** defaultPoolName(host). */
  defaultName: string;
  /** An existing pool named like the host's default name: probably the same provider. */
  sameNamePool?: ExistingPool;
  /** undefined when the admin must choose (a same-name pool exists). */
  choice?: PoolChoice;
  /** The name to use when the admin has not typed one. */
  suggestedName: string;
  name: string;
  nameError?: string;
  /** The name cannot change: a create under it may have happened (it is how the pool is found again). */
  nameLocked: boolean;
  progress: GroupProgress;
  status: PoolPlanStatus;
  /** Why it cannot be uploaded yet, in plain sentences. */
  blockers: string[];
}

export interface BatchPlan {
  pools: PoolPlan[];
  checking: BatchFile[];
  /** Pools that the next upload would create (ready and not created yet). */
  toUpload: PoolPlan[];
  /** Nothing blocks the upload and there is something to upload. */
  ready: boolean;
  blockers: string[];
  fileCount: number;
  codeCount: number;
}

export interface PlanInput {
  analysis: BatchAnalysis;
  /** undefined while loading (names cannot be checked yet). */
  existing: readonly ExistingPool[] | undefined;
  /** Names typed by the admin, by group key. */
  names: Readonly<Record<string, string | undefined>>;
  choices: Readonly<Record<string, PoolChoice | undefined>>;
  confirmedWarnings: ReadonlySet<string>;
  progress: Readonly<Record<string, GroupProgress | undefined>>;
}

export function planBatch(input: PlanInput): BatchPlan {
  const { analysis, existing, names, choices, confirmedWarnings } = input;
  const existingPools = existing ?? [];
  const taken = new Set(existingPools.map((p) => normName(p.displayName)));

  // First pass: choices and names (suggestions take earlier pools' names into account).
  const drafts = analysis.groups.map((group) => {
    const progress = input.progress[group.key] ?? NO_PROGRESS;
    const defaultName = group.host ? defaultPoolName(group.host) : (group.files[0]?.name.replace(/\.csv$/i, '') ?? '');
    const sameNamePool = group.host && existing ? existingPools.find((p) => normName(p.displayName) === normName(defaultName) && p.id !== progress.poolId) : undefined;
    const stored = choices[group.key];
    const resumed = progress.createState !== 'pending' || progress.oldPoolDeleted;
    const choice: PoolChoice | undefined = stored ?? (sameNamePool && !resumed ? undefined : { mode: 'new' });
    const suggestedName = choice?.mode === 'replace' ? choice.poolName : uniquePoolName(defaultName, taken);
    const name = names[group.key] ?? suggestedName;
    taken.add(normName(name));
    return { group, progress, defaultName, sameNamePool, choice, suggestedName, name };
  });

  const ctx: NameContext = { existing: existingPools, batch: drafts.map((d) => ({ key: d.group.key, name: d.name })) };
  const replaceTargets = new Map<string, number>();
  for (const d of drafts) if (d.choice?.mode === 'replace' && d.progress.createState !== 'created') replaceTargets.set(d.choice.poolId, (replaceTargets.get(d.choice.poolId) ?? 0) + 1);

  const pools = drafts.map((d): PoolPlan => {
    const { group, progress, choice } = d;
    const files = group.files.map((file): PlannedFile => {
      const parsed = file.parsed;
      const extra = analysis.batchIssues.get(file.id) ?? [];
      const own = parsed?.issues ?? [];
      const issues = extra.length === 0 ? own : [...own, ...extra].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const errorCount = (parsed?.errorCount ?? 0) + extra.length;
      const warningCount = parsed?.warningCount ?? 0;
      return { file, issues, errorCount, warningCount, warningsConfirmed: warningCount === 0 || confirmedWarnings.has(file.id) };
    });
    const codes = analysis.codes.get(group.key) ?? null;
    const codeCount = codes?.length ?? files.reduce((n, f) => n + (f.file.parsed?.codeCount ?? 0), 0);
    // A replace's pool still missing the old pool's assignments is finished by uploading again (it is not created twice).
    const created = progress.createState === 'created' && (!progress.carry || progress.carry.applied);
    const nameLocked = progress.createState !== 'pending';
    const ownPoolIds = [progress.poolId, choice?.mode === 'replace' ? choice.poolId : undefined].filter((id): id is string => !!id);
    const nameError = nameLocked || !existing ? undefined : poolNameError(d.name, ctx, { key: group.key, ownPoolIds });

    const blockers: string[] = [];
    let status: PoolPlanStatus = 'ready';
    const block = (s: PoolPlanStatus, message: string) => {
      if (blockers.length === 0) status = s;
      blockers.push(message);
    };
    if (created) status = 'created';
    else {
      for (const f of files) if (f.errorCount > 0) block('errors', `${f.file.name} has ${plural(f.errorCount, 'error')}: remove the file, or fix it and drop it again.`);
      for (const message of analysis.poolErrors.get(group.key) ?? []) block('errors', message);
      if (choice?.mode === 'replace' && codes && codes.length === 0) {
        block('errors', `These files hold no activation codes: replacing “${choice.poolName}” with them would leave no pool for this carrier.`);
      }
      if (!choice) block('needsChoice', `Choose whether to replace “${d.sameNamePool?.displayName ?? d.defaultName}” or to keep it and upload these files as a new pool.`);
      if (choice?.mode === 'replace' && (replaceTargets.get(choice.poolId) ?? 0) > 1) {
        block('needsChoice', `“${choice.poolName}” is chosen to be replaced by more than one pool of this upload; replace it with one of them only.`);
      }
      for (const f of files) {
        if (f.errorCount === 0 && !f.warningsConfirmed) block('needsConfirmation', `Confirm the ${plural(f.warningCount, 'warning')} of ${f.file.name}.`);
      }
      if (nameError) block('invalidName', nameError);
      if (!existing && !nameLocked) block('waiting', 'Checking the names of existing pools…');
    }
    return {
      key: group.key,
      host: group.host,
      files,
      codes: blockers.length === 0 && !created ? codes : null,
      codeCount,
      duplicatesMerged: analysis.duplicatesMerged.get(group.key) ?? 0,
      defaultName: d.defaultName,
      sameNamePool: d.sameNamePool,
      choice,
      suggestedName: d.suggestedName,
      name: d.name,
      nameError,
      nameLocked,
      progress,
      status,
      blockers,
    };
  });

  const toUpload = pools.filter((p) => p.status === 'ready');
  const blockers: string[] = [];
  if (analysis.checking.length > 0) blockers.push(`Still checking ${plural(analysis.checking.length, 'file')}…`);
  const blocked = pools.filter((p) => p.blockers.length > 0);
  if (blocked.length > 0) blockers.push(`${plural(blocked.length, 'pool')} cannot be uploaded yet; see the messages on each pool above.`);
  const fileCount = analysis.groups.reduce((n, g) => n + g.files.length, 0) + analysis.checking.length;
  return {
    pools,
    checking: analysis.checking,
    toUpload,
    ready: blockers.length === 0 && toUpload.length > 0,
    blockers,
    fileCount,
    codeCount: pools.reduce((n, p) => n + p.codeCount, 0),
  };
}
