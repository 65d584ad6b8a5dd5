/**
 * Pool assignments: the `assign` action (replaces the whole set atomically)
 * and the `assignments` navigation (list, count, create, get, update, delete).
 */
import type { GraphResponse } from '../types.ts';
import { countEntities, entityBody, getEntity, listEntities } from './collection.ts';
import type { SetConfig } from './collection.ts';
import { created, noContent, ok } from './context.ts';
import type { Ctx } from './context.ts';
import { badRequest, notFound } from './errors.ts';
import { ASSIGNMENT_TYPE } from './model.ts';
import type { AssignmentRecord, PoolRecord, TargetRecord } from './model.ts';
import { contextUrl } from './odata.ts';
import { requireEsimRead, requireEsimWrite } from './permissions.ts';
import { assignmentRow, containedFragment, POOLS_FRAGMENT, requirePool } from './rows.ts';
import { ASSIGNMENT_SPEC } from './schema.ts';
import { syncPoolDevices } from './simulation.ts';
import { auditResource, changes, recordAudit } from './audit.ts';
import {
  assertNoDuplicateTargets,
  assignmentId,
  describeTarget,
  checkKnownProperties,
  checkODataType,
  isObject,
  objectBody,
  parseTarget,
  targetKey,
} from './validation.ts';

const ASSIGNMENT_PROPERTIES = ['id', 'target'];

function setConfig(pool: PoolRecord): SetConfig {
  return { spec: ASSIGNMENT_SPEC, fragment: containedFragment(pool.id, 'assignments') };
}

function requireAssignment(pool: PoolRecord, id: string): AssignmentRecord {
  const lower = id.toLowerCase();
  const found = pool.assignments.find((a) => a.id.toLowerCase() === lower);
  if (!found) throw notFound(`The embeddedSIMActivationCodePoolAssignment with id '${id}' was not found in pool '${pool.id}'.`);
  return found;
}

/** An assignment's audit: the assignment (its target's old/new value) and its pool, so the pool's history finds it. */
function auditAssignment(ctx: Ctx, operation: 'Create' | 'Patch' | 'Delete', pool: PoolRecord, id: string, before: TargetRecord | null, after: TargetRecord | null): void {
  const target = after ?? before;
  const group = target?.groupId === undefined ? undefined : ctx.store.getGroup(target.groupId);
  recordAudit(ctx, operation, 'EmbeddedSIMActivationCodePoolAssignment', [
    auditResource('EmbeddedSIMActivationCodePoolAssignment', id, group?.displayName ?? (target ? describeTarget(target) : null), changes(before && { target: before }, after && { target: after }, ['target'])),
    auditResource('EmbeddedSIMActivationCodePool', pool.id, pool.displayName),
  ]);
}

function afterChange(ctx: Ctx, pool: PoolRecord): void {
  if (ctx.simulate) syncPoolDevices(pool, ctx.store, ctx.now.getTime());
}

/** Validates one assignment object (body of POST, or an element of `assign`). */
function parseAssignment(ctx: Ctx, value: unknown, at: string): TargetRecord {
  if (!isObject(value)) throw badRequest(`${at} must be a ${ASSIGNMENT_TYPE} object.`);
  checkODataType(value, ASSIGNMENT_TYPE);
  checkKnownProperties(value, ASSIGNMENT_PROPERTIES, ASSIGNMENT_TYPE);
  return parseTarget(value['target'], at === '' ? 'target' : `${at}.target`, ctx.store);
}

export function assign(ctx: Ctx, poolId: string): GraphResponse {
  const { req } = ctx;
  requireEsimWrite(req);
  const pool = requirePool(ctx.store, poolId);
  const body = objectBody(req);
  for (const key of Object.keys(body)) {
    if (key !== 'assignments' && !key.includes('@')) {
      throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation 'assign'.`);
    }
  }
  const list = body['assignments'];
  if (list === undefined || list === null) throw badRequest("The parameter 'assignments' is required; send an empty array to remove all assignments.");
  if (!Array.isArray(list)) throw badRequest("The parameter 'assignments' must be an array of microsoft.graph.embeddedSIMActivationCodePoolAssignment objects.");
  // Validate everything first: on any error nothing changes.
  const targets = list.map((item: unknown, i) => ({ target: parseAssignment(ctx, item, `assignments[${i}]`), at: `assignments[${i}]` }));
  assertNoDuplicateTargets(targets);
  const before = pool.assignments.map((a) => a.target);
  pool.assignments = targets.map(({ target }) => ({ id: assignmentId(pool.id, target), target }));
  recordAudit(ctx, 'Action', 'EmbeddedSIMActivationCodePool', [
    auditResource('EmbeddedSIMActivationCodePool', pool.id, pool.displayName, changes({ assignments: before }, { assignments: targets.map((t) => t.target) }, ['assignments'])),
  ]);
  afterChange(ctx, pool);
  return ok({
    '@odata.context': contextUrl(req.baseUrl, `Collection(${ASSIGNMENT_TYPE})`),
    value: pool.assignments.map(assignmentRow),
  });
}

export function listAssignments(ctx: Ctx, poolId: string): GraphResponse {
  requireEsimRead(ctx.req.principal);
  const pool = requirePool(ctx.store, poolId);
  return listEntities(ctx.req, pool.assignments.map(assignmentRow), setConfig(pool));
}

export function countAssignments(ctx: Ctx, poolId: string): GraphResponse {
  requireEsimRead(ctx.req.principal);
  const pool = requirePool(ctx.store, poolId);
  return countEntities(ctx.req, pool.assignments.map(assignmentRow), setConfig(pool));
}

export function getAssignment(ctx: Ctx, poolId: string, id: string): GraphResponse {
  requireEsimRead(ctx.req.principal);
  const pool = requirePool(ctx.store, poolId);
  return getEntity(ctx.req, assignmentRow(requireAssignment(pool, id)), setConfig(pool));
}

export function createAssignment(ctx: Ctx, poolId: string): GraphResponse {
  const { req } = ctx;
  requireEsimWrite(req);
  const pool = requirePool(ctx.store, poolId);
  const target = parseAssignment(ctx, objectBody(req), '');
  assertNoDuplicateTargets([...pool.assignments.map((a) => ({ target: a.target, at: `assignment '${a.id}'` })), { target, at: 'the new assignment' }]);
  const record: AssignmentRecord = { id: assignmentId(pool.id, target), target };
  pool.assignments.push(record);
  auditAssignment(ctx, 'Create', pool, record.id, null, target);
  afterChange(ctx, pool);
  return created(entityBody(req, assignmentRow(record), setConfig(pool), { honourQuery: false }), `${req.baseUrl}/${POOLS_FRAGMENT}/${pool.id}/assignments/${record.id}`);
}

export function updateAssignment(ctx: Ctx, poolId: string, id: string): GraphResponse {
  const { req } = ctx;
  requireEsimWrite(req);
  const pool = requirePool(ctx.store, poolId);
  const record = requireAssignment(pool, id);
  const body = objectBody(req);
  checkODataType(body, ASSIGNMENT_TYPE);
  checkKnownProperties(body, ASSIGNMENT_PROPERTIES, ASSIGNMENT_TYPE);
  if (body['target'] !== undefined) {
    const target = parseTarget(body['target'], 'target', ctx.store);
    if (targetKey(target) !== targetKey(record.target)) {
      throw badRequest(
        'The request is invalid. An assignment cannot be moved to another group or target; delete it and create a new assignment (or use the assign action).',
      );
    }
    const before = record.target;
    record.target = target;
    auditAssignment(ctx, 'Patch', pool, record.id, before, target);
    afterChange(ctx, pool);
  }
  return ok(entityBody(req, assignmentRow(record), setConfig(pool), { honourQuery: false }));
}

export function deleteAssignment(ctx: Ctx, poolId: string, id: string): GraphResponse {
  requireEsimWrite(ctx.req);
  const pool = requirePool(ctx.store, poolId);
  const record = requireAssignment(pool, id);
  pool.assignments = pool.assignments.filter((a) => a !== record);
  auditAssignment(ctx, 'Delete', pool, record.id, record.target, null);
  afterChange(ctx, pool);
  return noContent();
}
