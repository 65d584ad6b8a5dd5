import { z } from 'zod';

/**
 * Graph publishes no length limit for a pool's displayName; 256 characters
 * is the common Intune limit for object names and far more than a list or
 * breadcrumb can show.
 */
export const POOL_NAME_MAX_LENGTH = 256;

/**
 * A pool's name as the console accepts it, for a new pool and a rename alike: trimmed, required,
 * at most {@link POOL_NAME_MAX_LENGTH} characters. Built once: a zod schema is costly to build per call.
 */
export const poolNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name for the pool.')
  .max(POOL_NAME_MAX_LENGTH, `Use ${POOL_NAME_MAX_LENGTH} characters or fewer.`);
