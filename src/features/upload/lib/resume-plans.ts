/**
 * Between the resume record and the upload's plan: what of a planned pool is recorded, and which
 * re-dropped files continue which recorded pool (by their SHA-256 hashes).
 */
import type { GroupProgress, PoolPlan } from './plan-batch.ts';
import type { ResumePool, ResumeState } from './resume-state.ts';

/** The durable part of a planned pool (no codes: the plan's codes are not read here). */
export function resumePoolFrom(
  plan: Pick<PoolPlan, 'key' | 'name' | 'choice' | 'codes' | 'codeCount' | 'files'>,
  progress: GroupProgress,
): ResumePool {
  const choice = plan.choice;
  return {
    key: plan.key,
    name: plan.name.trim(),
    mode: choice?.mode ?? 'new',
    ...(choice?.mode === 'replace' && { replacePoolId: choice.poolId, replacePoolName: choice.poolName }),
    oldPoolDeleted: progress.oldPoolDeleted,
    expectedCount: plan.codes?.length ?? plan.codeCount,
    files: plan.files.map((f) => ({ name: f.file.name, size: f.file.size, sha256: f.file.parsed?.sha256 ?? '' })),
    createState: progress.createState,
    ...(progress.poolId !== undefined && { poolId: progress.poolId }),
    ...(choice?.mode === 'replace' && { carryAssignments: choice.carryAssignments ?? true }),
    ...(progress.carry && { carry: progress.carry }),
  };
}

const hashKey = (files: readonly { sha256: string }[]) => files.map((f) => f.sha256).sort().join(',');

/**
 * Pools of an interrupted batch that the dropped files make resumable: a
 * group matches a stored pool when its files have exactly the stored hashes.
 */
export function matchResumePools(
  state: ResumeState | null,
  groups: readonly { key: string; files: readonly { parsed?: { sha256: string } }[] }[],
): Map<string, ResumePool> {
  const matches = new Map<string, ResumePool>();
  if (!state) return matches;
  const byHashes = new Map(state.pools.map((p) => [hashKey(p.files), p]));
  for (const g of groups) {
    if (g.files.some((f) => !f.parsed?.sha256)) continue;
    const pool = byHashes.get(hashKey(g.files.map((f) => ({ sha256: f.parsed?.sha256 ?? '' }))));
    if (pool) matches.set(g.key, pool);
  }
  return matches;
}
