/**
 * Shared by the write benchmarks (upload, bulk assignment): one emulator in
 * this process on a free port (so no clash with e2e runs), seed `empty`,
 * Intune's default throttling on, and the product's GraphClient configured
 * against it with a bearer token from the control API.
 */
import type { GraphClient } from '../../src/graph/client.ts';
import { startBenchEmulator, type BenchEmulator, type ThrottleConfig } from './emulator.ts';
import { metric, type Metric } from './report.ts';
import { formatMs } from './stats.ts';

export interface WriteEnv extends BenchEmulator {
  graph: GraphClient;
  token: string;
  /** Throttling as the emulator starts (Intune's documented limits). */
  defaults: ThrottleConfig;
}

export async function startWriteEnv(): Promise<WriteEnv> {
  const env = await startBenchEmulator({ port: 0, seed: 'empty', throttle: true });
  try {
    const { configureGraph } = await import('../../src/graph/client.ts');
    const token = await env.control.token();
    const graph = configureGraph({ baseUrl: env.emulator.origin, getToken: async () => token });
    const defaults = await env.control.throttle();
    return { ...env, graph, token, defaults };
  } catch (e) {
    await env.emulator.close();
    throw e;
  }
}

/**
 * The shortest wall time the throttle allows: within one sliding window only
 * `limit` requests of a kind are admitted, so request number limit+1 starts
 * a window after the first, and so on; the last request then still takes its
 * own unthrottled time. Writes and all requests are limited separately (per
 * app and per tenant; one app here, so the smaller limit counts).
 */
export function throttleFloorMs(cfg: ThrottleConfig, requests: { writes: number; reads: number }, lastRequestMs: number): { floorMs: number; windows: number } {
  const writeLimit = Math.min(cfg.appWrites, cfg.tenantWrites);
  const allLimit = Math.min(cfg.appAll, cfg.tenantAll);
  const all = requests.writes + requests.reads;
  const windows = Math.max(
    requests.writes > 0 ? Math.floor((requests.writes - 1) / writeLimit) : 0,
    all > 0 ? Math.floor((all - 1) / allLimit) : 0,
  );
  return { floorMs: windows * cfg.windowMs + lastRequestMs, windows };
}

/** How close a throttled write run may come to its floor: within 15 %. */
export const FLOOR_GOAL_RATIO = 1.15;

/** A write run's wall time, judged against the throttle floor ({@link throttleFloorMs}). */
export function elapsedOverFloor(input: { id: string; name: string; elapsedMs: number; floorMs: number; details: Record<string, unknown> }): Metric {
  return metric({
    id: input.id,
    name: input.name,
    value: input.elapsedMs,
    unit: 'ms',
    display: formatMs(input.elapsedMs),
    baseline: { value: input.floorMs, display: `floor ${formatMs(input.floorMs)}` },
    goal: { max: FLOOR_GOAL_RATIO, on: 'ratio', display: `${FLOOR_GOAL_RATIO}×` },
    details: input.details,
  });
}
