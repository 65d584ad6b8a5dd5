/**
 * The emulator's fault rules (emulator/faults.ts) and Intune's throttling
 * (emulator/throttle.ts) on the in-process fake Graph (fake-graph.ts): the
 * rules `POST /_emulator/faults` arms for the e2e suite, validated by the same
 * parser and applied by the same `applyFault`, so a unit test and an e2e test
 * of one failure see one behaviour.
 *
 * - a lost connection (`drop: 'before' | 'after'`) rejects `fetch` as a
 *   browser does (TypeError); after the engine ran with `'after'`;
 * - a stall holds the request until the client gives up (its timeout, or the
 *   caller's abort), at most STALL_MAX_MS; with `processed` the engine ran;
 * - latency and stalls wait on timers: fake timers drive them.
 *
 * Armed as one route rule of the fake Graph: route rules added after
 * `armFaults` are not asked (add them first).
 */
import { SPA_CLIENT_ID } from '../../emulator/constants.ts';
import { Faults, STALL_MAX_MS, applyFault, parseFaultRule, type FaultRule, type FaultRuleInput } from '../../emulator/faults.ts';
import { DEFAULT_THROTTLE, Throttle, type ThrottleConfig } from '../../emulator/throttle.ts';
import { sleep as wait } from '../graph/retry.ts';
import type { FakeGraph } from './fake-graph.ts';
import { graphError, type Reply } from './graph-wire.ts';

export interface GraphFaults {
  /** Arms a rule as the control API takes it (validated), e.g. `{ method: 'POST', pathRegex: 'Pools$', drop: 'after' }`. */
  add(rule: FaultRuleInput): FaultRule;
  /** The rules still armed (a rule goes once its count is used up). */
  list(): FaultRule[];
  clear(): void;
  /** Turns on Intune's throttling (emulator/throttle.ts) with these limits over its defaults, counted from now. */
  throttle(config: Partial<ThrottleConfig>): void;
}

/** Arms the emulator's fault engine on `graph`; `now` is the throttle's clock (default Date.now, which fake timers move). */
export function armFaults(graph: FakeGraph, { now = () => Date.now() }: { now?: () => number } = {}): GraphFaults {
  const faults = new Faults();
  const throttle = new Throttle({ ...DEFAULT_THROTTLE, enabled: false }, now);

  graph.on({}, async (req, engine): Promise<Reply | undefined> => {
    const decision = throttle.admit(graph.auth.user.tenantId, SPA_CLIENT_ID, req.method);
    if (!decision.allowed) return graphError(429, 'TooManyRequests', 'Too many requests', { 'Retry-After': String(decision.retryAfterSec) }, req);
    const fault = faults.take(req.method, req.path, `/beta${req.path}`);
    if (!fault) return undefined;
    const outcome = await applyFault(fault, { delay: (ms) => wait(ms, req.signal), handle: async () => engine() });
    if (outcome.kind === 'noAnswer') {
      // Held until the client gives up: its abort rejects with its reason, as a browser's fetch does.
      if (outcome.how === 'stalled') await wait(STALL_MAX_MS, req.signal);
      throw new TypeError('Failed to fetch');
    }
    if (outcome.kind === 'error') {
      const headers = outcome.retryAfterSec === undefined ? undefined : { 'Retry-After': String(outcome.retryAfterSec) };
      return graphError(outcome.status, outcome.code, outcome.message, headers, req);
    }
    const { response } = outcome;
    if (!outcome.malformedJson || response.body === undefined) return response;
    const full = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    return { ...response, body: full.slice(0, Math.max(1, Math.floor(full.length / 2))), headers: { ...response.headers, 'Content-Type': 'application/json; charset=utf-8' } };
  });

  return {
    add: (rule) => faults.add(parseFaultRule(rule)),
    list: () => faults.list(),
    clear: () => faults.clear(),
    throttle: (config) => void throttle.setConfig({ ...config, enabled: true }),
  };
}
