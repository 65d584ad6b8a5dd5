/**
 * The upload runner's tests on the one fake Graph: the runner drives the
 * app's real PoolService (features/upload/api/pool-service.ts) through the
 * real GraphClient into the emulator's engine, and failures are the
 * emulator's fault rules (fake-graph-faults.ts). What the runner sent reads
 * as `ops()`: `create NAME`, `find NAME`, `get ID`, `delete ID`,
 * `assignments ID`, `assign ID`, `count ID` — one entry per HTTP request, the
 * client's own retries included.
 */
import { sendSettings } from '../graph/send.ts';
import { POOLS_PATH, type EmbeddedSimActivationCode } from '../graph/types.ts';
import type { AssignmentInput } from '../entities/assignments/types.ts';
import type { JobStatus, OldPoolSnapshot, UploadJob } from '../features/upload/lib/runner-types.ts';
import { codes as carrierCodes } from './carrier-csv.ts';
import { armFaults, type GraphFaults } from './fake-graph-faults.ts';
import { createFakeGraph, type FakeGraph, type FakeRequest, type SeedTarget } from './fake-graph.ts';
import { target } from './graph-seed.ts';

/** Attempts the Graph client makes at one request before it gives up (its default maxRetries + 1). */
export const CLIENT_ATTEMPTS = sendSettings({ baseUrl: '', getToken: async () => '' }).maxRetries + 1;

/** Fault-rule matchers: the create (`POST` the collection) and the re-list (`GET` the collection). */
export const CREATE = { method: 'POST', pathRegex: 'Pools$' } as const;
export const RELIST = { method: 'GET', pathRegex: 'Pools$' } as const;

/** The SM-DP+ server of a job's codes: one per pool name (Intune allows one pool per server). */
export const hostOf = (name: string) => `smdp.${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.com`;

let block = 0;

/** `n` activation codes from the one carrier-CSV generator, ICCIDs of their own; the matching IDs carry the tag `SECRET`, so a leak is easy to find. */
export function codes(n: number, host: string): EmbeddedSimActivationCode[] {
  block += 1;
  return carrierCodes(n, { from: block * 1_000, tag: 'SECRET' }).map((c) => ({ integratedCircuitCardIdentifier: c.iccid, matchingIdentifier: c.matchingId, smdpPlusServerAddress: host }));
}

export function job(name: string, count = 3, extra: Partial<UploadJob> = {}): UploadJob {
  return { key: name, displayName: name, activationCodes: codes(count, hostOf(name)), mode: 'new', ...extra };
}

/** The runner's own waits (instant, recorded) and every status it reported. */
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
    onUpdate: (key: string, status: JobStatus): void => {
      history.push({ key, status });
    },
  };
}

function op(r: FakeRequest): string {
  const [, id, sub, leaf] = r.path.slice(POOLS_PATH.length).split('/');
  if (!r.path.startsWith(POOLS_PATH)) return `${r.method} ${r.path}`;
  if (id === undefined) {
    if (r.method === 'POST') return `create ${(r.body as { displayName: string }).displayName}`;
    const name = /^displayName eq '(.*)'$/.exec(r.query.get('$filter') ?? '')?.[1];
    return name === undefined ? `list` : `find ${name.replaceAll("''", "'")}`;
  }
  if (sub === undefined) return `${r.method === 'DELETE' ? 'delete' : 'get'} ${id}`;
  if (sub === 'deviceStates' && leaf === '$count') return `count ${id}`;
  return `${sub} ${id}`;
}

export interface RunnerGraph {
  graph: FakeGraph;
  /** The emulator's fault rules and throttling on this Graph. */
  faults: GraphFaults;
  /** What the runner sent, in order (see the file's comment). */
  ops(): string[];
  createsOf(name: string): number;
  poolsNamed(name: string): { id: string; displayName: string; activationCodeCount: number }[];
}

/**
 * A fresh fake Graph (groups g-sales and g-kiosk, no pools) with fault rules armed. `routes` adds route rules of the
 * fake Graph first (they answer before the fault rules are asked).
 */
export function runnerGraph({ routes }: { routes?: (graph: FakeGraph) => void } = {}): RunnerGraph {
  const graph = createFakeGraph();
  graph.seedGroup({ id: 'g-sales', displayName: 'Sales', memberCount: 40 });
  graph.seedGroup({ id: 'g-kiosk', displayName: 'Kiosks', memberCount: 5 });
  routes?.(graph);
  const faults = armFaults(graph);
  const ops = () => graph.requests.map(op);
  return {
    graph,
    faults,
    ops,
    createsOf: (name) => ops().filter((o) => o === `create ${name}`).length,
    poolsNamed: (name) => graph.pools().filter((p) => p.displayName === name),
  };
}

/** The old pool of a replace: all devices, an excluded group, an included group with a filter (in Graph's order). */
const OLD_TARGETS: SeedTarget[] = [{ allDevices: true }, { exclude: 'g-kiosk' }, { include: 'g-sales', filterId: 'f-1', filterType: 'include' }];
/** Its assignments as Graph writes them back (and as `assign` takes them). */
export const ASSIGNMENTS: AssignmentInput[] = OLD_TARGETS.map((t) => ({ target: target(t) as AssignmentInput['target'] }));

/** Seeds `contoso-mobile`, the pool a replace deletes: 10 codes, 20 device states, ASSIGNMENTS unless told otherwise. */
export function oldPool(fake: RunnerGraph, { codes = 10, devices = 20, assignments = ASSIGNMENTS } = {}) {
  return fake.graph.seedPool({
    displayName: 'contoso-mobile',
    activationCodeCount: codes,
    createdDateTime: '2026-01-01T00:00:00Z',
    assignments: assignments.map((a) => OLD_TARGETS[ASSIGNMENTS.indexOf(a)] ?? { allDevices: true }),
    deviceStates: Array.from({ length: devices }, (_, i) => ({ id: `device-${i}` })),
  });
}

/** What the admin confirmed of the old pool. */
export const confirmed = (codeCount = 10, deviceStateCount = 20, assignments = ASSIGNMENTS): OldPoolSnapshot => ({ codeCount, deviceStateCount, assignments });
