/**
 * The Graph beta engine of the local emulator: routes a validated request
 * (path below `/beta`) to the eSIM, directory and `/me` handlers and turns
 * GraphErrors into Graph-shaped error responses. State lives in a Store built
 * from a seed or a snapshot.
 */
import type { GraphHandler, GraphRequest, GraphResponse } from '../types.ts';
import { countAuditEvents, getAuditEvent, listAuditEvents } from './audit.ts';
import { assign, countAssignments, createAssignment, deleteAssignment, getAssignment, listAssignments, updateAssignment } from './assignments.ts';
import type { Ctx } from './context.ts';
import { countDeviceStates, createDeviceState, deleteDeviceState, getDeviceState, listDeviceStates, updateDeviceState } from './device-states.ts';
import { errorResponse, GraphError, methodNotAllowed, segmentNotFound } from './errors.ts';
import { countGroupMembers, countGroups, getByIds, getGroup, listGroups } from './groups.ts';
import { countManagedDevices, getManagedDevice, listManagedDevices } from './managed-devices.ts';
import { getMe } from './me.ts';
import type { SeedName } from './model.ts';
import { countPools, createPool, deletePool, getPool, listPools, updatePool } from './pools.ts';
import { buildSeed } from './seeds.ts';
import { seedShiftFor, shiftSeed } from './seed-shift.ts';
import { advanceSimulation } from './simulation.ts';
import { exportSnapshot, importSnapshot } from './snapshot.ts';
import { Store } from './store.ts';

export type { SeedName } from './model.ts';

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
  /**
   * When a pool's assignments change, simulate the targeted devices' states
   * moving notEvaluated → installing → installed/failed over time. Default true.
   */
  simulateDevices?: boolean;
  /**
   * `fixed` (default): seeded dates lie in the year before 2026-11-01T09:00Z.
   * `recent`: a seed (at creation and on reset) is moved forward by whole days
   * so its base date is the latest one at or before the clock.
   */
  seedDates?: 'fixed' | 'recent';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type MethodTable = Partial<Record<Method, () => GraphResponse>>;

function dispatch(ctx: Ctx, table: MethodTable): GraphResponse {
  const method = ctx.req.method.toUpperCase();
  const handler = (table as Record<string, (() => GraphResponse) | undefined>)[method];
  if (!handler) throw methodNotAllowed(method, Object.keys(table));
  return handler();
}

const is = (segment: string | undefined, name: string): boolean => segment !== undefined && segment.toLowerCase() === name.toLowerCase();

/** Path segments; OData key syntax `set('key')` / `set(key)` becomes `set`, `key`. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    const m = /^([^()]+)\('?([^()']*)'?\)$/.exec(raw);
    if (m && m[1] !== undefined && m[2] !== undefined && m[2] !== '') out.push(m[1], m[2]);
    else out.push(raw);
  }
  return out;
}

function poolChildRoute(ctx: Ctx, poolId: string, nav: 'assignments' | 'deviceStates', rest: readonly string[]): GraphResponse {
  const [child, extra] = rest;
  const assignments = nav === 'assignments';
  if (child === undefined) {
    return dispatch(ctx, {
      GET: () => (assignments ? listAssignments(ctx, poolId) : listDeviceStates(ctx, poolId)),
      POST: () => (assignments ? createAssignment(ctx, poolId) : createDeviceState(ctx, poolId)),
    });
  }
  if (extra !== undefined) throw segmentNotFound(extra);
  if (child === '$count') return dispatch(ctx, { GET: () => (assignments ? countAssignments(ctx, poolId) : countDeviceStates(ctx, poolId)) });
  return dispatch(ctx, {
    GET: () => (assignments ? getAssignment(ctx, poolId, child) : getDeviceState(ctx, poolId, child)),
    PATCH: () => (assignments ? updateAssignment(ctx, poolId, child) : updateDeviceState(ctx, poolId, child)),
    DELETE: () => (assignments ? deleteAssignment(ctx, poolId, child) : deleteDeviceState(ctx, poolId, child)),
  });
}

function poolsRoute(ctx: Ctx, rest: readonly string[]): GraphResponse {
  const [id, nav, ...more] = rest;
  if (id === undefined) return dispatch(ctx, { GET: () => listPools(ctx), POST: () => createPool(ctx) });
  if (id === '$count') {
    if (nav !== undefined) throw segmentNotFound(nav);
    return dispatch(ctx, { GET: () => countPools(ctx) });
  }
  if (nav === undefined) return dispatch(ctx, { GET: () => getPool(ctx, id), PATCH: () => updatePool(ctx, id), DELETE: () => deletePool(ctx, id) });
  if (is(nav, 'assign') || is(nav, 'microsoft.graph.assign')) {
    if (more[0] !== undefined) throw segmentNotFound(more[0]);
    return dispatch(ctx, { POST: () => assign(ctx, id) });
  }
  if (is(nav, 'assignments')) return poolChildRoute(ctx, id, 'assignments', more);
  if (is(nav, 'deviceStates')) return poolChildRoute(ctx, id, 'deviceStates', more);
  throw segmentNotFound(nav);
}

function groupsRoute(ctx: Ctx, rest: readonly string[]): GraphResponse {
  const [id, nav, ...more] = rest;
  if (id === undefined) return dispatch(ctx, { GET: () => listGroups(ctx) });
  if (id === '$count') {
    if (nav !== undefined) throw segmentNotFound(nav);
    return dispatch(ctx, { GET: () => countGroups(ctx) });
  }
  if (nav === undefined) return dispatch(ctx, { GET: () => getGroup(ctx, id) });
  if (is(nav, 'members') || is(nav, 'transitiveMembers')) {
    // members/$count, members/microsoft.graph.device/$count (and the same under transitiveMembers).
    const [first, second, extra] = more;
    if (first === '$count' && second === undefined) return dispatch(ctx, { GET: () => countGroupMembers(ctx, id) });
    if (is(first, 'microsoft.graph.device') && second === '$count' && extra === undefined) return dispatch(ctx, { GET: () => countGroupMembers(ctx, id, 'device') });
    throw segmentNotFound(first ?? nav);
  }
  throw segmentNotFound(nav);
}

/** Read-only Intune sets of the fleet view: `auditEvents` and `managedDevices` (list, `/{id}`; `/$count` → 400 as in Graph). */
function readOnlySetRoute(ctx: Ctx, rest: readonly string[], handlers: { list: () => GraphResponse; count: () => GraphResponse; get: (id: string) => GraphResponse }): GraphResponse {
  const [id, extra] = rest;
  if (extra !== undefined) throw segmentNotFound(extra);
  if (id === undefined) return dispatch(ctx, { GET: handlers.list });
  if (id === '$count') return dispatch(ctx, { GET: handlers.count });
  return dispatch(ctx, { GET: () => handlers.get(id) });
}

function route(ctx: Ctx): GraphResponse {
  const [first, second, ...rest] = splitPath(ctx.req.path);
  if (first === undefined) throw segmentNotFound('');
  if (is(first, 'deviceManagement')) {
    if (second === undefined) throw segmentNotFound(first);
    if (is(second, 'embeddedSIMActivationCodePools')) return poolsRoute(ctx, rest);
    if (is(second, 'auditEvents')) return readOnlySetRoute(ctx, rest, { list: () => listAuditEvents(ctx), count: () => countAuditEvents(ctx), get: (id) => getAuditEvent(ctx, id) });
    if (is(second, 'managedDevices')) return readOnlySetRoute(ctx, rest, { list: () => listManagedDevices(ctx), count: () => countManagedDevices(ctx), get: (id) => getManagedDevice(ctx, id) });
    throw segmentNotFound(second);
  }
  if (is(first, 'me')) {
    if (second !== undefined) throw segmentNotFound(second);
    return dispatch(ctx, { GET: () => getMe(ctx) });
  }
  if (is(first, 'groups')) return groupsRoute(ctx, second === undefined ? [] : [second, ...rest]);
  if (is(first, 'directoryObjects')) {
    if ((is(second, 'getByIds') || is(second, 'microsoft.graph.getByIds')) && rest.length === 0) return dispatch(ctx, { POST: () => getByIds(ctx) });
    throw segmentNotFound(second ?? first);
  }
  throw segmentNotFound(first);
}

export function createGraphEngine(opts: GraphEngineOptions): GraphEngine {
  const clock = opts.now ?? ((): Date => new Date());
  const simulate = opts.simulateDevices ?? true;
  const seeded = (seed: SeedName): Store => new Store(opts.seedDates === 'recent' ? shiftSeed(buildSeed(seed), seedShiftFor(clock().getTime())) : buildSeed(seed));
  let store = seeded(opts.seed);

  const handle = (req: GraphRequest): GraphResponse => {
    const now = clock();
    try {
      if (simulate) advanceSimulation(store, now.getTime());
      return route({ req, store, now, simulate });
    } catch (err) {
      if (err instanceof GraphError) return errorResponse(req, err, now);
      // Never include request bodies here: they may carry activation codes.
      console.error(`[graph] ${req.method} ${req.path} failed (request-id ${req.requestId}):`, err instanceof Error ? err.message : String(err));
      return errorResponse(req, new GraphError(500, 'InternalServerError', 'An internal server error occurred.'), now);
    }
  };

  return {
    handle,
    exportState: () => exportSnapshot(store),
    importState: (snapshot) => {
      store = importSnapshot(snapshot);
    },
    reset: (seed) => {
      store = seeded(seed);
    },
  };
}
