import { graph } from '../../graph/client.ts';
import type { EmbeddedSimActivationCode, EmbeddedSimActivationCodePool } from '../../graph/types.ts';
import { poolPaths } from './paths.ts';
import type { PoolSummary } from './types.ts';

export interface CreatePoolInput {
  displayName: string;
  activationCodes: readonly EmbeddedSimActivationCode[];
}

/**
 * `POST …/embeddedSIMActivationCodePools` with the pool's activation codes
 * (201 + the pool, without codes). Not idempotent: the upload runner re-lists
 * by name after an ambiguous failure before calling this again. Driven by the
 * runner (which owns concurrency, cancel and invalidation), so no mutation hook.
 */
export async function createPool(input: CreatePoolInput, signal?: AbortSignal): Promise<PoolSummary> {
  const pool = await graph().post<EmbeddedSimActivationCodePool>(
    poolPaths.collection,
    { displayName: input.displayName, activationCodes: input.activationCodes },
    { signal },
  );
  return { id: pool.id, displayName: pool.displayName, activationCodeCount: pool.activationCodeCount ?? input.activationCodes.length };
}
