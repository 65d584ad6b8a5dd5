/**
 * Fault injection for tests: rules that make the next N matching Graph
 * requests slow, fail with a status, or lose their connection before or
 * after the engine ran. The first matching rule (in insertion order) applies
 * and is consumed; it disappears when its count reaches zero.
 */

export interface FaultRule {
  id: string;
  /** HTTP method to match (case-insensitive); any when absent. */
  method?: string;
  /** Regular expression tested against the path below `/beta` and against the full path (`/beta/…`); any when absent. */
  pathRegex?: string;
  /** How many more matching requests this rule applies to. */
  count: number;
  /** Answer this status with a Graph-shaped error. */
  status?: number;
  /** With `status`: the Retry-After header in seconds. */
  retryAfterSec?: number;
  /** Delay before the request is handled (combinable with the other effects). */
  latencyMs?: number;
  /** Destroy the connection before the engine runs, or after it processed the request. */
  drop?: 'before' | 'after';
  /**
   * With `status`: run the engine first, then answer the error anyway (an ambiguous failure).
   * With `stall`: run the engine, then never answer (the service acted; the answer never came).
   */
  processed?: boolean;
  /**
   * Hold the request unanswered until the client gives up (closes the connection), at most
   * {@link STALL_MAX_MS}. The engine never runs unless `processed`: a stalled request is
   * otherwise never carried out.
   */
  stall?: boolean;
  /** Run the engine, then answer its status with the JSON body cut short (malformed JSON). */
  malformedJson?: boolean;
  /**
   * What the rule applies to: Graph requests (default), or the sign-in provider's token
   * endpoint (`POST /{tenant}/oauth2/v2.0/token`: code redemption and refresh), where
   * status (an Entra-shaped error), drop 'before', stall and latencyMs apply.
   */
  target?: 'graph' | 'token';
}

/** The longest a stalled request is held before its connection is dropped. */
export const STALL_MAX_MS = 120_000;

export type FaultRuleInput = Omit<FaultRule, 'id' | 'count'> & { id?: string; count?: number };

export class FaultRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultRuleError';
  }
}

/** Validates an untrusted rule (from the control API). */
export function parseFaultRule(input: unknown): FaultRuleInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultRuleError('A fault rule must be a JSON object.');
  const r = input as Record<string, unknown>;
  const known = new Set(['id', 'method', 'pathRegex', 'count', 'status', 'retryAfterSec', 'latencyMs', 'drop', 'processed', 'stall', 'malformedJson', 'target']);
  const unknown = Object.keys(r).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new FaultRuleError(`Unknown fault rule field(s): ${unknown.join(', ')}.`);
  const out: FaultRuleInput = {};
  if (r.id !== undefined) {
    if (typeof r.id !== 'string' || r.id === '') throw new FaultRuleError('id must be a non-empty string.');
    out.id = r.id;
  }
  if (r.method !== undefined) {
    if (typeof r.method !== 'string' || !/^[A-Za-z]+$/.test(r.method)) throw new FaultRuleError('method must be an HTTP method name.');
    out.method = r.method.toUpperCase();
  }
  if (r.pathRegex !== undefined) {
    if (typeof r.pathRegex !== 'string') throw new FaultRuleError('pathRegex must be a string.');
    try {
      new RegExp(r.pathRegex);
    } catch (e) {
      throw new FaultRuleError(`pathRegex is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
    }
    out.pathRegex = r.pathRegex;
  }
  const int = (k: string, min: number, max: number): number | undefined => {
    const v = r[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new FaultRuleError(`${k} must be an integer from ${min} to ${max}.`);
    return v;
  };
  const count = int('count', 1, 1_000_000);
  const status = int('status', 400, 599);
  const retryAfterSec = int('retryAfterSec', 0, 86_400);
  const latencyMs = int('latencyMs', 0, 120_000);
  if (count !== undefined) out.count = count;
  if (status !== undefined) out.status = status;
  if (retryAfterSec !== undefined) out.retryAfterSec = retryAfterSec;
  if (latencyMs !== undefined) out.latencyMs = latencyMs;
  if (r.drop !== undefined) {
    if (r.drop !== 'before' && r.drop !== 'after') throw new FaultRuleError("drop must be 'before' or 'after'.");
    out.drop = r.drop;
  }
  if (r.processed !== undefined) {
    if (typeof r.processed !== 'boolean') throw new FaultRuleError('processed must be a boolean.');
    out.processed = r.processed;
  }
  for (const k of ['stall', 'malformedJson'] as const) {
    if (r[k] === undefined) continue;
    if (typeof r[k] !== 'boolean') throw new FaultRuleError(`${k} must be a boolean.`);
    if (r[k]) out[k] = true;
  }
  const effects = [out.status !== undefined && 'status', out.drop && 'drop', out.stall && 'stall', out.malformedJson && 'malformedJson'].filter(Boolean);
  if (effects.length > 1 && !(effects.length === 2 && out.drop && out.status !== undefined)) {
    throw new FaultRuleError(`A rule has one effect besides latencyMs, not ${effects.join(' and ')}.`);
  }
  if (r.target !== undefined) {
    if (r.target !== 'graph' && r.target !== 'token') throw new FaultRuleError("target must be 'graph' or 'token'.");
    if (r.target === 'token') {
      if (out.processed || out.malformedJson || out.drop === 'after') {
        throw new FaultRuleError("A token-endpoint rule takes status, drop 'before', stall or latencyMs.");
      }
      out.target = 'token';
    }
  }
  if (out.drop && out.status !== undefined) throw new FaultRuleError('A rule either drops the connection or answers a status, not both.');
  if (out.processed && out.status === undefined && !out.stall) throw new FaultRuleError('processed applies only with status or stall.');
  if (out.retryAfterSec !== undefined && out.status === undefined) throw new FaultRuleError('retryAfterSec applies only with status.');
  if (effects.length === 0 && out.latencyMs === undefined) {
    throw new FaultRuleError('A rule needs at least one effect: status, drop, stall, malformedJson or latencyMs.');
  }
  return out;
}

export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    const id = input.id ?? `fault-${this.nextId++}`;
    if (this.rules.some((r) => r.id === id)) throw new FaultRuleError(`A fault rule with id '${id}' already exists.`);
    const rule: FaultRule = { ...input, id, count: input.count ?? 1 };
    this.rules.push(rule);
    return { ...rule };
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }

  /** Removes one rule; false when there is none with that id. */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** Whether any rule would drop a connection (the server then avoids connection reuse). */
  hasDropRules(): boolean {
    return this.rules.some((r) => r.drop !== undefined);
  }

  /** Finds the first rule matching this request, consumes one use of it and returns a copy. */
  take(method: string, graphPath: string, fullPath: string, target: 'graph' | 'token' = 'graph'): FaultRule | undefined {
    const m = method.toUpperCase();
    const index = this.rules.findIndex((r) => {
      if ((r.target ?? 'graph') !== target) return false;
      if (r.method && r.method !== m) return false;
      if (r.pathRegex) {
        const re = new RegExp(r.pathRegex);
        if (!re.test(graphPath) && !re.test(fullPath)) return false;
      }
      return true;
    });
    const rule = this.rules[index];
    if (!rule) return undefined;
    rule.count -= 1;
    if (rule.count <= 0) this.rules.splice(index, 1);
    return { ...rule };
  }
}

/**
 * How one Graph request ends under a fault rule. Decided here once, for every
 * carrier of the engine: the HTTPS server (e2e, bench) and the in-process fake
 * Graph of the unit tests (src/testing/fake-graph-faults.ts).
 */
export type FaultOutcome<R> =
  /** The engine's answer; with `malformedJson`, its JSON body cut short. */
  | { kind: 'answer'; response: R; malformedJson: boolean }
  /** A Graph-shaped error with this status (the engine ran first when the rule says `processed`). */
  | { kind: 'error'; status: number; code: string; message: string; retryAfterSec?: number }
  /**
   * No answer: the connection is lost before or after the engine ran, or the request is held
   * (`stalled`) until the client gives up, at most {@link STALL_MAX_MS}, then lost.
   */
  | { kind: 'noAnswer'; how: 'before' | 'after' | 'stalled' };

/** Applies `fault` (none: the engine answers) to one request: latency, then whether and when the engine runs. */
export async function applyFault<R>(fault: FaultRule | undefined, io: { delay(ms: number): Promise<unknown>; handle(): Promise<R> }): Promise<FaultOutcome<R>> {
  if (fault?.latencyMs) await io.delay(fault.latencyMs);
  if (fault?.stall) {
    if (fault.processed) await io.handle();
    return { kind: 'noAnswer', how: 'stalled' };
  }
  if (fault?.drop === 'before') return { kind: 'noAnswer', how: 'before' };
  const status = fault?.status;
  const error =
    status === undefined
      ? undefined
      : { kind: 'error' as const, status, code: graphCodeForStatus(status), message: graphMessageForStatus(status), ...(fault?.retryAfterSec !== undefined && { retryAfterSec: fault.retryAfterSec }) };
  if (error && !fault?.processed) return error;
  const response = await io.handle();
  if (fault?.drop === 'after') return { kind: 'noAnswer', how: 'after' };
  if (error) return error;
  return { kind: 'answer', response, malformedJson: fault?.malformedJson === true };
}

/** A Graph error code for an HTTP status, for injected faults. */
export function graphCodeForStatus(status: number): string {
  const known: Record<number, string> = {
    400: 'BadRequest',
    401: 'InvalidAuthenticationToken',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    412: 'PreconditionFailed',
    429: 'TooManyRequests',
    500: 'InternalServerError',
    502: 'BadGateway',
    503: 'ServiceUnavailable',
    504: 'GatewayTimeout',
  };
  return known[status] ?? (status >= 500 ? 'UnknownError' : 'BadRequest');
}

export function graphMessageForStatus(status: number): string {
  const known: Record<number, string> = {
    429: 'Too many requests',
    500: 'An internal server error occurred.',
    502: 'Bad gateway.',
    503: 'The service is temporarily unavailable. Please retry later.',
    504: 'The request timed out.',
  };
  return known[status] ?? `Injected fault (HTTP ${status}).`;
}
