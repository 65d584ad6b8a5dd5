/** Pools worked on at once: well inside Intune's per-app write budget, and kind to the browser. */
export const BULK_CONCURRENCY = 4;
