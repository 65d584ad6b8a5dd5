import { z } from 'zod';
import { poolNameSchema } from '../../../entities/pools/pool-name.ts';

/** The rename form: trimmed, required, at most 256 characters, and different from the current name. */
export function renamePoolSchema(currentName: string) {
  return z.object({
    displayName: poolNameSchema.refine((name) => name !== currentName, 'This is already the pool’s name. Enter a different name.'),
  });
}

export type RenamePoolInput = z.infer<ReturnType<typeof renamePoolSchema>>;
