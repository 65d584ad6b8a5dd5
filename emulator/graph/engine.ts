import type { GraphHandler } from '../types.ts';

export type SeedName = 'default' | 'large' | 'empty';

export interface GraphEngine {
  /** Serves one Graph request below `/beta` (token already validated by the server). */
  handle: GraphHandler;
  /** A JSON-serialisable snapshot of all state (for `--state file.json`). */
  exportState(): unknown;
  /** Replaces all state with a snapshot from exportState(); throws on a malformed snapshot. */
  importState(snapshot: unknown): void;
  /** Replaces all state with a fresh seed. */
  reset(seed: SeedName): void;
}

export interface GraphEngineOptions {
  seed: SeedName;
  /** Clock, for deterministic tests. */
  now?: () => Date;
}

// Placeholder until the Graph engine lands: every call is 501.
export function createGraphEngine(_opts: GraphEngineOptions): GraphEngine {
  return {
    handle: (req) => ({
      status: 501,
      body: { error: { code: 'NotImplemented', message: 'Engine not implemented yet', innerError: { 'request-id': req.requestId, date: new Date().toISOString() } } },
    }),
    exportState: () => ({}),
    importState: () => undefined,
    reset: () => undefined,
  };
}
