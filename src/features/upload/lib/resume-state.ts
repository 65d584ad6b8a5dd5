/**
 * What survives a reload or a closed tab of an upload batch, in
 * localStorage under a key per signed-in account: file names, sizes and SHA-256 hashes, the chosen pool
 * names, the mode (new/replace + the old pool's id), the pools created so
 * far, the old pool's assignments read before a replace deleted it (group and
 * filter ids), and the first plan (ids of the pools seen when the batch was
 * first planned, and when it first started). Never activation codes: this module only ever copies the whitelisted
 * fields below, and the files' contents stay in memory. The admin re-drops
 * the same files to finish the batch; they are recognised by hash.
 */
import { z } from 'zod';
import type { AssignmentInput } from '../../../entities/assignments/types.ts';
import type { AssignmentTarget } from '../../../graph/types.ts';
import type { CarriedAssignments, CreateState, FirstPlan } from './upload-runner.ts';

export const RESUME_STORAGE_KEY = 'esim-console.upload-batch.v1';

export interface ResumeFile {
  name: string;
  size: number;
  sha256: string;
}

export interface ResumePool {
  /** Pool plan key in the batch that wrote it (informational). */
  key: string;
  name: string;
  mode: 'new' | 'replace';
  replacePoolId?: string;
  /** Display name of the pool being replaced, for messages. */
  replacePoolName?: string;
  oldPoolDeleted: boolean;
  expectedCount: number;
  files: ResumeFile[];
  createState: CreateState;
  poolId?: string;
  /** Replace: whether the new pool gets the old pool's assignments (the admin's choice). */
  carryAssignments?: boolean;
  /** Replace: the old pool's assignments, read just before its delete, and whether the new pool has them. */
  carry?: CarriedAssignments;
}

export interface ResumeState {
  version: 1;
  /** ISO time the batch started. */
  startedAt: string;
  /** What a re-list judges by (absent in records of older versions: then nothing found is adopted). */
  firstPlan?: FirstPlan;
  pools: ResumePool[];
}

const fileSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const TARGET_TYPES = [
  '#microsoft.graph.groupAssignmentTarget',
  '#microsoft.graph.exclusionGroupAssignmentTarget',
  '#microsoft.graph.allDevicesAssignmentTarget',
  '#microsoft.graph.allLicensedUsersAssignmentTarget',
  '#microsoft.graph.configurationManagerCollectionAssignmentTarget',
] as const;

const targetSchema = z.object({
  '@odata.type': z.enum(TARGET_TYPES),
  groupId: z.string().optional(),
  collectionId: z.string().nullable().optional(),
  deviceAndAppManagementAssignmentFilterId: z.string().nullable().optional(),
  deviceAndAppManagementAssignmentFilterType: z.enum(['none', 'include', 'exclude']).optional(),
});

const carrySchema = z.object({
  assignments: z.array(z.object({ target: targetSchema })),
  applied: z.boolean(),
});

const poolSchema = z.object({
  key: z.string(),
  name: z.string().min(1),
  mode: z.enum(['new', 'replace']),
  replacePoolId: z.string().min(1).optional(),
  replacePoolName: z.string().optional(),
  oldPoolDeleted: z.boolean(),
  expectedCount: z.number().int().nonnegative(),
  files: z.array(fileSchema).min(1),
  createState: z.enum(['pending', 'inFlight', 'created']),
  poolId: z.string().min(1).optional(),
  carryAssignments: z.boolean().optional(),
  carry: carrySchema.optional(),
});

const stateSchema = z.object({
  version: z.literal(1),
  startedAt: z.string(),
  firstPlan: z.object({ poolIds: z.array(z.string()), startedAt: z.string() }).optional(),
  pools: z.array(poolSchema),
});

/** Only the ids and kinds of an assignment target (whitelisted field by field). */
function copyTarget(t: AssignmentTarget): AssignmentTarget {
  const base = {
    ...(t.deviceAndAppManagementAssignmentFilterId != null && { deviceAndAppManagementAssignmentFilterId: t.deviceAndAppManagementAssignmentFilterId }),
    ...(t.deviceAndAppManagementAssignmentFilterType !== undefined && { deviceAndAppManagementAssignmentFilterType: t.deviceAndAppManagementAssignmentFilterType }),
  };
  switch (t['@odata.type']) {
    case '#microsoft.graph.groupAssignmentTarget':
    case '#microsoft.graph.exclusionGroupAssignmentTarget':
      return { '@odata.type': t['@odata.type'], groupId: t.groupId, ...base };
    case '#microsoft.graph.configurationManagerCollectionAssignmentTarget':
      return { '@odata.type': t['@odata.type'], collectionId: t.collectionId, ...base };
    default:
      return { '@odata.type': t['@odata.type'], ...base };
  }
}

const copyAssignments = (list: readonly AssignmentInput[]): AssignmentInput[] => list.map((a) => ({ target: copyTarget(a.target) }));

/** Copies only the whitelisted fields (extra properties of the inputs, such as codes, are dropped). */
export function serializeResumeState(state: ResumeState): string {
  const pools: ResumePool[] = state.pools.map((p) => ({
    key: p.key,
    name: p.name,
    mode: p.mode,
    ...(p.replacePoolId !== undefined && { replacePoolId: p.replacePoolId }),
    ...(p.replacePoolName !== undefined && { replacePoolName: p.replacePoolName }),
    oldPoolDeleted: p.oldPoolDeleted,
    expectedCount: p.expectedCount,
    files: p.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
    createState: p.createState,
    ...(p.poolId !== undefined && { poolId: p.poolId }),
    ...(p.carryAssignments !== undefined && { carryAssignments: p.carryAssignments }),
    ...(p.carry && { carry: { assignments: copyAssignments(p.carry.assignments), applied: p.carry.applied } }),
  }));
  const firstPlan = state.firstPlan && { poolIds: state.firstPlan.poolIds.map(String), startedAt: state.firstPlan.startedAt };
  return JSON.stringify({ version: 1, startedAt: state.startedAt, ...(firstPlan && { firstPlan }), pools } satisfies ResumeState);
}

/** The stored state, or null when absent, unreadable or from another version. */
export function parseResumeState(raw: string | null): ResumeState | null {
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(json);
  return parsed.success ? (parsed.data as ResumeState) : null;
}

/** A pool still to finish: not known to be created, or created without the assignments it should carry. */
export const poolUnfinished = (p: Pick<ResumePool, 'createState' | 'carry'>) => p.createState !== 'created' || (!!p.carry && !p.carry.applied);

/** Whether anything is left to do. */
export function isUnfinished(state: ResumeState | null): state is ResumeState {
  return !!state && state.pools.some(poolUnfinished);
}
