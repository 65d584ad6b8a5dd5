/** Files validated at once (each in its own worker run, so the batch checks are the planner's). */
export const VALIDATION_CONCURRENCY = 3;
/** Pools created at once: inside Intune's per-app write budget, so throttling stays the exception. */
export const UPLOAD_CONCURRENCY = 4;
