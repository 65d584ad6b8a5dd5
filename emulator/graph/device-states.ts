/** Pool device states: list, count, create, get, update, delete. */
import type { GraphResponse } from '../types.ts';
import { countEntities, entityBody, getEntity, listEntities } from './collection.ts';
import type { SetConfig } from './collection.ts';
import { created, intuneDate, noContent, ok } from './context.ts';
import type { Ctx } from './context.ts';
import { statesOf } from './device-generator.ts';
import { badRequest, notFound } from './errors.ts';
import { DEVICE_STATE_ENUM, DEVICE_STATE_TYPE, DEVICE_STATE_VALUES } from './model.ts';
import type { DeviceStateRecord, DeviceStateValue, PoolRecord } from './model.ts';
import { requireEsimRead, requireEsimWrite } from './permissions.ts';
import { containedFragment, deviceStateRow, POOLS_FRAGMENT, requirePool } from './rows.ts';
import { DEVICE_STATE_SPEC } from './schema.ts';
import { checkKnownProperties, checkODataType, objectBody } from './validation.ts';
import { auditResource, changes, recordAudit } from './audit.ts';
import type { AuditOperation } from './audit.ts';
import type { JsonObject } from './validation.ts';

const PROPERTIES = Object.keys(DEVICE_STATE_SPEC.props);
const NULLABLE_STRINGS = ['deviceName', 'userName', 'stateDetails', 'universalIntegratedCircuitCardIdentifier'] as const;
/** DateTimeOffset as the metadata's OpenAPI pattern describes it. */
const DATETIME_RE = /^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$/;

function setConfig(pool: PoolRecord): SetConfig {
  return { spec: DEVICE_STATE_SPEC, fragment: containedFragment(pool.id, 'deviceStates') };
}

function requireState(pool: PoolRecord, id: string): DeviceStateRecord {
  const lower = id.toLowerCase();
  const found = statesOf(pool).find((s) => s.id.toLowerCase() === lower);
  if (!found) throw notFound(`The embeddedSIMDeviceState with id '${id}' was not found in pool '${pool.id}'.`);
  return found;
}

function parseState(value: unknown): DeviceStateValue {
  if (typeof value !== 'string' || !(DEVICE_STATE_VALUES as readonly string[]).includes(value)) {
    throw badRequest(`The value '${String(value)}' is not a valid ${DEVICE_STATE_ENUM} for the property 'state'; use one of ${DEVICE_STATE_VALUES.join(', ')}.`);
  }
  return value as DeviceStateValue;
}

/** Applies the writable properties of a body to a record (validated first, so a 400 changes nothing). */
function applyBody(body: JsonObject, into: DeviceStateRecord): void {
  const next: DeviceStateRecord = { ...into };
  if (body['state'] !== undefined) next.state = parseState(body['state']);
  for (const prop of NULLABLE_STRINGS) {
    const v = body[prop];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string') throw badRequest(`The property '${prop}' must be a string or null.`);
    next[prop] = v;
  }
  const sync = body['lastSyncDateTime'];
  if (sync !== undefined) {
    if (sync !== null && (typeof sync !== 'string' || !DATETIME_RE.test(sync) || Number.isNaN(Date.parse(sync)))) {
      throw badRequest(`The property 'lastSyncDateTime' must be a DateTimeOffset (for example 2026-01-31T12:00:00Z) or null.`);
    }
    next.lastSyncDateTime = sync === null ? null : intuneDate(Date.parse(sync));
  }
  Object.assign(into, next);
}

const AUDITED = ['state', 'stateDetails', 'deviceName', 'userName', 'lastSyncDateTime', 'universalIntegratedCircuitCardIdentifier'];

/** A device state's audit: the state (changed properties) and its pool. */
function auditState(ctx: Ctx, operation: AuditOperation, pool: PoolRecord, id: string, before: DeviceStateRecord | null, after: DeviceStateRecord | null): void {
  const name = (after ?? before)?.deviceName ?? null;
  recordAudit(ctx, operation, 'EmbeddedSIMDeviceState', [
    auditResource('EmbeddedSIMDeviceState', id, name, changes(before && deviceStateRow(before), after && deviceStateRow(after), AUDITED)),
    auditResource('EmbeddedSIMActivationCodePool', pool.id, pool.displayName),
  ]);
}

function checkBody(body: JsonObject): void {
  checkODataType(body, DEVICE_STATE_TYPE);
  checkKnownProperties(body, PROPERTIES, DEVICE_STATE_TYPE);
}

export function listDeviceStates(ctx: Ctx, poolId: string): GraphResponse {
  requireEsimRead(ctx.req.principal);
  const pool = requirePool(ctx.store, poolId);
  return listEntities(ctx.req, statesOf(pool).map(deviceStateRow), setConfig(pool));
}

export function countDeviceStates(ctx: Ctx, poolId: string): GraphResponse {
  requireEsimRead(ctx.req.principal);
  const pool = requirePool(ctx.store, poolId);
  return countEntities(ctx.req, statesOf(pool).map(deviceStateRow), setConfig(pool));
}

export function getDeviceState(ctx: Ctx, poolId: string, id: string): GraphResponse {
  requireEsimRead(ctx.req.principal);
  const pool = requirePool(ctx.store, poolId);
  return getEntity(ctx.req, deviceStateRow(requireState(pool, id)), setConfig(pool));
}

/** A device state as a create starts it: `notEvaluated`, every optional property null (the body then fills some in). */
export function blankDeviceState(id: string, stamp: string): DeviceStateRecord {
  return {
    id,
    createdDateTime: stamp,
    modifiedDateTime: stamp,
    lastSyncDateTime: null,
    universalIntegratedCircuitCardIdentifier: null,
    deviceName: null,
    userName: null,
    state: 'notEvaluated',
    stateDetails: null,
  };
}

export function createDeviceState(ctx: Ctx, poolId: string): GraphResponse {
  const { req } = ctx;
  requireEsimWrite(req);
  const pool = requirePool(ctx.store, poolId);
  const body = objectBody(req);
  checkBody(body);
  if (body['state'] === undefined || body['state'] === null) throw badRequest("The property 'state' is required and cannot be null.");
  const stamp = intuneDate(ctx.now);
  const record = blankDeviceState(crypto.randomUUID(), stamp);
  applyBody(body, record);
  statesOf(pool).push(record);
  auditState(ctx, 'Create', pool, record.id, null, record);
  return created(entityBody(req, deviceStateRow(record), setConfig(pool), { honourQuery: false }), `${req.baseUrl}/${POOLS_FRAGMENT}/${pool.id}/deviceStates/${record.id}`);
}

export function updateDeviceState(ctx: Ctx, poolId: string, id: string): GraphResponse {
  const { req } = ctx;
  requireEsimWrite(req);
  const pool = requirePool(ctx.store, poolId);
  const record = requireState(pool, id);
  const body = objectBody(req);
  checkBody(body);
  if (body['state'] === null) throw badRequest("The property 'state' cannot be null.");
  const before = { ...record };
  applyBody(body, record);
  record.modifiedDateTime = intuneDate(ctx.now);
  // A manual change takes the device out of the simulation.
  delete record.simulation;
  auditState(ctx, 'Patch', pool, record.id, before, record);
  return ok(entityBody(req, deviceStateRow(record), setConfig(pool), { honourQuery: false }));
}

export function deleteDeviceState(ctx: Ctx, poolId: string, id: string): GraphResponse {
  requireEsimWrite(ctx.req);
  const pool = requirePool(ctx.store, poolId);
  const record = requireState(pool, id);
  pool.deviceStates = statesOf(pool).filter((s) => s !== record);
  auditState(ctx, 'Delete', pool, record.id, record, null);
  return noContent();
}
