/**
 * The upload runner's own test double, one level above HTTP: an in-memory
 * PoolService (the runner's seam) with scripted create outcomes — drops
 * before or after the service acted, throttling the client gave up on,
 * refusals, hangs — and in-flight counting. The runner's logic is tested
 * against it; the same outcomes over real HTTP are the e2e fault matrix's.
 */
import type { AssignmentInput } from '../entities/assignments/types.ts';
import { codes as carrierCodes } from './carrier-csv.ts';
import { GraphError } from '../graph/errors.ts';
import type { EmbeddedSimActivationCode } from '../graph/types.ts';
import type { JobStatus, PoolService, PoolSummary, UploadJob } from '../features/upload/lib/upload-runner.ts';

export type CreateScript =
  | 'ok'
  /** The service creates the pool, then the connection drops (ambiguous). */
  | 'dropAfter'
  /** The connection drops before the service sees it (ambiguous, nothing created). */
  | 'dropBefore'
  /** 429 the client gave up on (Retry-After too long). */
  | { throttle: number }
  | { refuse: number }
  /** Never answers until aborted; `processed` says whether the service created it meanwhile. */
  | { hang: true; processed: boolean };

export const ambiguous = (path: string) =>
  new GraphError({ status: 0, code: 'NetworkError', message: 'Microsoft Graph could not be reached.', method: 'POST', path, ambiguous: true });

/** In-memory Graph for pools, with a script of create outcomes. */
export class FakePools implements PoolService {
  readonly pools = new Map<string, PoolSummary>();
  readonly calls: string[] = [];
  createScript: CreateScript[] = [];
  findFailures: GraphError[] = [];
  inFlight = 0;
  maxInFlight = 0;
  hanging = 0;
  onHang?: () => void;
  private nextId = 1;

  readonly assignments = new Map<string, AssignmentInput[]>();
  readonly deviceStates = new Map<string, number>();
  assignFailures: GraphError[] = [];
  /** The service's clock for createdDateTime. */
  clock = () => Date.now();

  seed(displayName: string, activationCodeCount: number, createdAt = this.clock()): PoolSummary {
    const pool = { id: `pool-${this.nextId++}`, displayName, activationCodeCount, createdDateTime: new Date(createdAt).toISOString() };
    this.pools.set(pool.id, pool);
    return pool;
  }

  async getAssignments(poolId: string): Promise<AssignmentInput[]> {
    this.calls.push(`assignments ${poolId}`);
    await Promise.resolve();
    return (this.assignments.get(poolId) ?? []).map((a) => ({ target: { ...a.target } }));
  }

  async assign(poolId: string, list: AssignmentInput[]): Promise<void> {
    this.calls.push(`assign ${poolId}`);
    await Promise.resolve();
    const failure = this.assignFailures.shift();
    if (failure) throw failure;
    this.assignments.set(poolId, list);
  }

  async countDeviceStates(poolId: string): Promise<number> {
    this.calls.push(`count ${poolId}`);
    await Promise.resolve();
    return this.deviceStates.get(poolId) ?? 0;
  }

  createsOf(name: string): number {
    return this.calls.filter((c) => c === `create ${name}`).length;
  }

  poolsNamed(name: string): PoolSummary[] {
    return [...this.pools.values()].filter((p) => p.displayName === name);
  }

  async create(input: { displayName: string; activationCodes: readonly EmbeddedSimActivationCode[] }, signal: AbortSignal): Promise<PoolSummary> {
    this.calls.push(`create ${input.displayName}`);
    const script = this.createScript.shift() ?? 'ok';
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 2));
      const make = () => this.seed(input.displayName, input.activationCodes.length);
      if (script === 'ok') return make();
      if (script === 'dropAfter') {
        make();
        throw ambiguous('/pools');
      }
      if (script === 'dropBefore') throw ambiguous('/pools');
      if ('throttle' in script) {
        throw new GraphError({ status: 429, code: 'TooManyRequests', message: 'Too many requests', method: 'POST', path: '/pools', retryAfterMs: script.throttle });
      }
      if ('refuse' in script) {
        throw new GraphError({ status: script.refuse, code: 'BadRequest', message: 'The request is invalid', method: 'POST', path: '/pools' });
      }
      if (script.processed) make();
      this.hanging++;
      this.onHang?.();
      return await new Promise<never>((_r, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    } finally {
      this.inFlight--;
    }
  }

  async findByName(name: string, signal: AbortSignal): Promise<PoolSummary[]> {
    this.calls.push(`find ${name}`);
    await Promise.resolve();
    if (signal.aborted) throw signal.reason;
    const failure = this.findFailures.shift();
    if (failure) throw failure;
    return this.poolsNamed(name);
  }

  async get(id: string, _signal?: AbortSignal): Promise<PoolSummary | null> {
    this.calls.push(`get ${id}`);
    await Promise.resolve();
    return this.pools.get(id) ?? null;
  }

  async remove(id: string, _signal?: AbortSignal): Promise<void> {
    this.calls.push(`delete ${id}`);
    await Promise.resolve();
    this.pools.delete(id);
  }
}

/** `n` activation codes from the one carrier-CSV generator; the matching IDs carry the tag `SECRET`, so a leak is easy to find. */
export function codes(n: number, host = 'smdp.example.com'): EmbeddedSimActivationCode[] {
  return carrierCodes(n, { from: 0, tag: 'SECRET' }).map((c) => ({ integratedCircuitCardIdentifier: c.iccid, matchingIdentifier: c.matchingId, smdpPlusServerAddress: host }));
}

export function job(name: string, count = 3, extra: Partial<UploadJob> = {}): UploadJob {
  return { key: name, displayName: name, activationCodes: codes(count), mode: 'new', ...extra };
}

export function recorder() {
  const sleeps: number[] = [];
  const history: { key: string; status: JobStatus }[] = [];
  return {
    sleeps,
    history,
    sleep: (ms: number, signal?: AbortSignal) => {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
    onUpdate: (key: string, status: JobStatus) => history.push({ key, status }),
  };
}

