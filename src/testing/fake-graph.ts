/**
 * The one fake Microsoft Graph of the unit and component tests: the local
 * emulator's Graph engine (emulator/graph, the same double the e2e suite and
 * the bench run over HTTPS), served in-process through a fake `fetch` behind
 * the app's real GraphClient — so the client's headers, paging, errors,
 * retries and 403 handling are exercised as in the app.
 *
 * - seed pools (with assignments and device states) and groups: `seedPool`, `seedGroup`;
 * - replace or delay answers for a route: `on`, `fail` (Graph-shaped errors), `hang`, `drop`;
 * - assert on `requests` (every request, in order, with its answer's status).
 *
 * Test-only: never imported by product code.
 */
import { errorResponse, GraphError as EngineError } from '../../emulator/graph/errors.ts';
import { createGraphEngine, type GraphEngine } from '../../emulator/graph/engine.ts';
import type { GroupRecord, PoolRecord } from '../../emulator/graph/model.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../../emulator/graph/snapshot.ts';
import type { GraphRequest, GraphResponse } from '../../emulator/types.ts';
import { configureGraph, type GraphClient, type GraphClientOptions } from '../graph/client.ts';
import { fakeAuth, type FakeAuth } from './fake-auth.ts';
import { groupRecord, poolRecord, type SeedGroup, type SeedPool } from './graph-seed.ts';
import { graphError, matches, principalOf, readFetch, replyOf, toResponse, untilAborted, type FakeRequest, type Reply, type Route, type RouteHandler } from './graph-wire.ts';

export type { SeedGroup, SeedPool, SeedTarget } from './graph-seed.ts';
export { graphError, untilAborted, type FakeRequest, type Reply, type Route, type RouteHandler } from './graph-wire.ts';

export const GRAPH_ORIGIN = 'https://graph.test';
const BASE = `${GRAPH_ORIGIN}/beta`;

export interface FakeGraphOptions {
  /** Whose token the requests carry (scopes, Intune role). Default: a fake admin; renderWithApp passes its own. */
  auth?: FakeAuth;
  /** The engine's clock. Default: the real clock. */
  now?: () => Date;
  /** Options of the GraphClient it configures (sleep is instant and recorded unless given). */
  client?: Partial<GraphClientOptions>;
}

export interface FakeGraph {
  readonly engine: GraphEngine;
  /** The app-wide GraphClient (configureGraph), wired to this fake. */
  readonly client: GraphClient;
  /** Every request, in order. */
  readonly requests: FakeRequest[];
  /** Every wait of the client (retries, Retry-After), in ms. */
  readonly sleeps: number[];
  /** The account whose token requests carry; set by renderWithApp. */
  auth: FakeAuth;
  seedPool(pool: SeedPool): PoolRecord;
  /** Many pools at once (one snapshot import, for paging tests). */
  seedPools(pools: readonly SeedPool[]): PoolRecord[];
  seedGroup(group: SeedGroup): GroupRecord;
  /** The engine's current record of a pool (undefined once deleted). */
  pool(id: string): PoolRecord | undefined;
  pools(): PoolRecord[];
  /** Requests matching `route`, e.g. `graph.calls({ method: 'DELETE', path: /pools\// })`. */
  calls(route: Omit<Route, 'times'>): FakeRequest[];
  /** Sends a request straight to Graph as another admin (not through the client, not logged): someone else's change. */
  send(method: string, path: string, body?: unknown): Reply;
  /** Routes matching requests to `handler` before the engine (first added, first asked). */
  on(route: Route, handler: RouteHandler): void;
  /** Answers matching requests with a Graph error `{error:{code,message,innerError}}`. */
  fail(route: Route, status: number, code: string, message: string, headers?: Record<string, string>): void;
  /** Matching requests never answer; they reject with the signal's reason once the client aborts them. */
  hang(route: Route): void;
  /** Matching requests lose their connection (fetch rejects); with `processed`, after Graph acted on them. */
  drop(route: Route, opts?: { processed?: boolean }): void;
}

/** Configures the app-wide Graph client against a new, empty in-memory Graph. */
export function createFakeGraph(opts: FakeGraphOptions = {}): FakeGraph {
  const engine = createGraphEngine({ seed: 'empty', simulateDevices: false, ...(opts.now && { now: opts.now }) });
  const empty: Snapshot = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, pools: [], groups: [] };
  engine.importState(empty);
  const requests: FakeRequest[] = [];
  const sleeps: number[] = [];
  const rules: { route: Route; left: number; handler: RouteHandler }[] = [];
  /** Groups assignments point at that the directory no longer has. */
  const deletedGroups = new Set<string>();
  let poolSerial = 0;
  let requestSerial = 0;

  const state = (): Snapshot => engine.exportState() as Snapshot;
  const change = (edit: (s: Snapshot) => void): void => {
    const s = state();
    edit(s);
    engine.importState(s);
  };

  /** The directory without its deleted groups (Entra forgets them; Intune's assignments keep their ids). */
  const hideDeletedGroups = (req: GraphRequest, res: GraphResponse): GraphResponse => {
    if (deletedGroups.size === 0 || res.status !== 200) return res;
    const [first, id] = req.path.split('/').filter(Boolean);
    const gone = (x: unknown) => deletedGroups.has(String((x as { id?: unknown }).id).toLowerCase());
    if (first === 'groups' && id !== undefined && deletedGroups.has(id.toLowerCase())) {
      return errorResponse(req, new EngineError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`), new Date());
    }
    const body = res.body as { value?: unknown[] } | undefined;
    if ((first === 'groups' || first === 'directoryObjects') && Array.isArray(body?.value)) return { ...res, body: { ...body, value: body.value.filter((x) => !gone(x)) } };
    return res;
  };

  const fake: FakeGraph = {
    engine,
    client: undefined as unknown as GraphClient,
    requests,
    sleeps,
    auth: opts.auth ?? fakeAuth(),

    seedGroup(g) {
      const record = groupRecord(g);
      deletedGroups.delete(g.id.toLowerCase());
      change((s) => {
        s.groups = [...s.groups.filter((x) => x.id.toLowerCase() !== g.id.toLowerCase()), record];
      });
      return record;
    },

    seedPool: (p) => fake.seedPools([p])[0] as PoolRecord,

    seedPools(list) {
      const records = list.map((p) => poolRecord(p, ++poolSerial));
      change((s) => {
        // A target's group that was not seeded exists for Intune only: deleted from the directory.
        for (const gid of records.flatMap((r) => r.assignments.map((a) => a.target.groupId))) {
          if (gid !== undefined && !s.groups.some((g) => g.id.toLowerCase() === gid.toLowerCase())) {
            s.groups.push(groupRecord({ id: gid, displayName: `Deleted group ${gid}` }));
            deletedGroups.add(gid.toLowerCase());
          }
        }
        s.pools.push(...records);
      });
      return records;
    },

    pool: (id) => state().pools.find((p) => p.id.toLowerCase() === id.toLowerCase()),
    pools: () => state().pools,
    calls: (route) => requests.filter((r) => matches(route, r)),

    send(method, path, body) {
      const res = engine.handle({
        method,
        path,
        query: new URLSearchParams(),
        headers: {},
        body,
        principal: principalOf(fakeAuth({ account: 'admin' })),
        baseUrl: BASE,
        requestId: `fake-request-${++requestSerial}`,
      }) as GraphResponse;
      return replyOf(res);
    },
    on(route, handler) {
      rules.push({ route, left: route.times ?? Infinity, handler });
    },
    fail(route, status, code, message, headers) {
      fake.on(route, (req) => graphError(status, code, message, headers, req));
    },
    hang(route) {
      fake.on(route, (req) => untilAborted(req.signal));
    },
    drop(route, { processed = false } = {}) {
      fake.on(route, (_req, graph) => {
        if (processed) graph();
        throw new TypeError('Failed to fetch');
      });
    },
  };

  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const newRequestId = () => `fake-request-${++requestSerial}`;
    const { request, engineRequest } = readFetch(input, init, { origin: GRAPH_ORIGIN, newRequestId, principal: principalOf(fake.auth) });
    requests.push(request);
    const fromEngine = (): Reply => replyOf(hideDeletedGroups(engineRequest, engine.handle(engineRequest) as GraphResponse));
    // An answer arrives on a later task, as over a network.
    await Promise.resolve();
    if (request.signal?.aborted) throw request.signal.reason;
    const rule = rules.find((r) => r.left > 0 && matches(r.route, request));
    let reply: Reply | undefined;
    if (rule) {
      rule.left--;
      reply = await rule.handler(request, fromEngine);
    }
    reply ??= fromEngine();
    request.status = reply.status;
    return toResponse(reply, request.requestId, engineRequest.clientRequestId);
  };

  const client = configureGraph({
    baseUrl: GRAPH_ORIGIN,
    fetch: fetchFn as typeof fetch,
    getToken: () => fake.auth.getAccessToken(),
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
    // As the app wires it (src/app/bootstrap.ts): a refused write turns the console read-only.
    onWriteForbidden: (error) => fake.auth.markWriteRefused(error),
    ...opts.client,
  });
  (fake as { client: GraphClient }).client = client;
  return fake;
}
