/**
 * The names of an upload's pools: valid ({@link poolNameSchema}), and unique (case-insensitively)
 * within the batch and among existing pools. That uniqueness is what lets the upload runner
 * recognise its own pool by name after an ambiguous create.
 */
import { poolNameSchema } from '../../../entities/pools/pool-name.ts';
import type { PoolName } from '../../../entities/pools/types.ts';

/** How names compare: trimmed, case-insensitively. */
export const normName = (name: string) => name.trim().toLocaleLowerCase();

export interface NameContext {
  existing: readonly PoolName[];
  /** Every pool of the batch with its current name. */
  batch: readonly { key: string; name: string }[];
}

export interface NameOwner {
  key: string;
  /** Pools this group may share a name with: the one it replaces, the one it already created. */
  ownPoolIds: readonly string[];
}

interface NameIndex {
  /** Normalised name → keys of the batch's pools holding it. */
  batch: Map<string, string[]>;
  /** Normalised name → existing pools holding it. */
  existing: Map<string, PoolName[]>;
}

/** Indexes per context, so checking n names against m pools costs n + m, not n × m (a tenant can hold 10,000 pools). */
const nameIndexes = new WeakMap<NameContext, NameIndex>();
const existingIndexes = new WeakMap<readonly PoolName[], Map<string, PoolName[]>>();

function indexOf(ctx: NameContext): NameIndex {
  let index = nameIndexes.get(ctx);
  if (!index) {
    let existing = existingIndexes.get(ctx.existing);
    if (!existing) {
      existing = new Map();
      for (const p of ctx.existing) {
        const n = normName(p.displayName);
        const list = existing.get(n);
        if (list) list.push(p);
        else existing.set(n, [p]);
      }
      existingIndexes.set(ctx.existing, existing);
    }
    const batch = new Map<string, string[]>();
    for (const b of ctx.batch) {
      const n = normName(b.name);
      const list = batch.get(n);
      if (list) list.push(b.key);
      else batch.set(n, [b.key]);
    }
    index = { batch, existing };
    nameIndexes.set(ctx, index);
  }
  return index;
}

/** The pool-name rules: required, at most 256 characters, unique in the batch and among existing pools. */
export function poolNameError(name: string, ctx: NameContext, owner: NameOwner): string | undefined {
  const base = poolNameSchema.safeParse(name);
  if (!base.success) return base.error.issues[0]?.message;
  const n = normName(base.data);
  const index = indexOf(ctx);
  if ((index.batch.get(n) ?? []).some((key) => key !== owner.key)) {
    return `Another pool in this upload is also named “${base.data}”. Pool names must be unique.`;
  }
  const clash = (index.existing.get(n) ?? []).find((p) => !owner.ownPoolIds.includes(p.id));
  return clash ? `A pool named “${clash.displayName}” already exists. Choose another name.` : undefined;
}
