import { z } from 'zod';

/**
 * Graph publishes no length limit for a pool's displayName; 256 characters
 * is the common Intune limit for object names and far more than a list or
 * breadcrumb can show.
 */
export const POOL_NAME_MAX_LENGTH = 256;

/** The rename form: trimmed, required, at most 256 characters, and different from the current name. */
export function renamePoolSchema(currentName: string) {
  return z.object({
    displayName: z
      .string()
      .trim()
      .min(1, 'Enter a name for the pool.')
      .max(POOL_NAME_MAX_LENGTH, `Use ${POOL_NAME_MAX_LENGTH} characters or fewer.`)
      .refine((name) => name !== currentName, 'This is already the pool’s name. Enter a different name.'),
  });
}

export type RenamePoolInput = z.infer<ReturnType<typeof renamePoolSchema>>;
