/** `/deviceManagement/embeddedSIMActivationCodePools` and `/{id}`: list, count, create, get, update, delete. */
import type { GraphResponse } from '../types.ts';
import { entityBody, getEntity, listEntities, countEntities } from './collection.ts';
import type { SetConfig } from './collection.ts';
import { created, intuneDate, noContent, ok } from './context.ts';
import type { Ctx } from './context.ts';
import { badRequest } from './errors.ts';
import type { ErrorDetail } from './errors.ts';
import { POOL_TYPE } from './model.ts';
import type { PoolRecord } from './model.ts';
import { assignmentRow, POOLS_FRAGMENT, poolRow, requirePool } from './rows.ts';
import { ASSIGNMENT_SPEC, POOL_SPEC } from './schema.ts';
import type { Store } from './store.ts';
import { checkKnownProperties, checkODataType, objectBody, requireNonEmptyString, validateActivationCodes } from './validation.ts';
import { requireEsimRead, requireEsimWrite } from './permissions.ts';
import { auditResource, changes, recordAudit } from './audit.ts';

const POOL_AUDIT = 'EmbeddedSIMActivationCodePool';
/** What a pool's audit events record: never `activationCodes` (see audit.ts). */
const AUDITED = ['displayName', 'activationCodeCount'];

const POOL_PROPERTIES = ['id', 'displayName', 'createdDateTime', 'modifiedDateTime', 'activationCodeCount', 'activationCodes', 'assignments', 'deviceStates'];

export function poolSetConfig(store: Store): SetConfig {
  return {
    spec: POOL_SPEC,
    fragment: POOLS_FRAGMENT,
    // Only assignments: Graph documents no `$expand=deviceStates` on pools (read /deviceStates, paged).
    navSpecs: { assignments: ASSIGNMENT_SPEC },
    expand: (row) => store.getPool(String(row['id']))?.assignments.map(assignmentRow) ?? [],
    // Intune has no search index for pools: `$search` matches the display name, case-insensitively.
    search: (term) => {
      const needle = term.toLowerCase();
      return (row) => String(row['displayName']).toLowerCase().includes(needle);
    },
  };
}

export function listPools(ctx: Ctx): GraphResponse {
  requireEsimRead(ctx.req.principal);
  return listEntities(ctx.req, ctx.store.pools().map(poolRow), poolSetConfig(ctx.store));
}

export function countPools(ctx: Ctx): GraphResponse {
  requireEsimRead(ctx.req.principal);
  return countEntities(ctx.req, ctx.store.pools().map(poolRow), poolSetConfig(ctx.store));
}

export function getPool(ctx: Ctx, id: string): GraphResponse {
  requireEsimRead(ctx.req.principal);
  return getEntity(ctx.req, poolRow(requirePool(ctx.store, id)), poolSetConfig(ctx.store));
}

function rejectNavigationWrites(body: Record<string, unknown>): void {
  for (const nav of ['assignments', 'deviceStates']) {
    if (body[nav] !== undefined) {
      throw badRequest(
        nav === 'assignments'
          ? "The request is invalid. Assignments cannot be written with the pool; use POST /deviceManagement/embeddedSIMActivationCodePools/{id}/assign."
          : 'The request is invalid. deviceStates are maintained by the service and cannot be written with the pool.',
      );
    }
  }
}

function poolLabel(pool: PoolRecord): string {
  return `'${pool.displayName}' (id ${pool.id})`;
}

export function createPool(ctx: Ctx): GraphResponse {
  const { req, store } = ctx;
  requireEsimWrite(req);
  const body = objectBody(req);
  checkODataType(body, POOL_TYPE);
  checkKnownProperties(body, POOL_PROPERTIES, POOL_TYPE);
  rejectNavigationWrites(body);
  const displayName = requireNonEmptyString(body, 'displayName');
  const codes = validateActivationCodes(body['activationCodes']);

  const smdpOwner = store.poolForSmdp(codes.smdpPlusServerAddress);
  if (smdpOwner !== undefined) {
    const owner = requirePool(store, smdpOwner);
    throw badRequest(
      `The request is invalid. A pool for the SM-DP+ server address '${codes.smdpPlusServerAddress}' already exists: ${poolLabel(owner)}. ` +
        'Only one pool per SM-DP+ server is allowed; to add codes, delete that pool and upload one file with all codes.',
    );
  }
  const clashes: ErrorDetail[] = [];
  codes.iccids.forEach((iccid, i) => {
    const ownerId = store.poolForIccid(iccid);
    if (ownerId === undefined) return;
    const owner = store.getPool(ownerId);
    clashes.push({
      code: 'InvalidValue',
      target: `activationCodes[${i}].integratedCircuitCardIdentifier`,
      message: `The request is invalid. ICCID ${iccid} (activationCodes[${i}]) is already in the activation code pool ${owner ? poolLabel(owner) : ownerId}.`,
    });
  });
  if (clashes.length > 0) {
    const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more ICCID${clashes.length > 2 ? 's' : ''} already in other pools; see details)` : '';
    throw badRequest(`${clashes[0]?.message ?? ''}${more}`, clashes.slice(0, 50));
  }

  const stamp = intuneDate(ctx.now);
  const pool: PoolRecord = {
    id: crypto.randomUUID(),
    displayName,
    createdDateTime: stamp,
    modifiedDateTime: stamp,
    smdpPlusServerAddress: codes.smdpPlusServerAddress,
    iccids: { kind: 'list', iccids: codes.iccids },
    activationCodeCount: codes.iccids.length,
    assignments: [],
    deviceStates: [],
  };
  const problem = store.addPool(pool);
  if (problem) throw badRequest(`The request is invalid. ${problem}`);
  recordAudit(ctx, 'Create', POOL_AUDIT, [auditResource(POOL_AUDIT, pool.id, pool.displayName, changes(null, poolRow(pool), AUDITED))]);
  return created(entityBody(req, poolRow(pool), poolSetConfig(store), { honourQuery: false }), `${req.baseUrl}/${POOLS_FRAGMENT}/${pool.id}`);
}

export function updatePool(ctx: Ctx, id: string): GraphResponse {
  const { req, store } = ctx;
  requireEsimWrite(req);
  const pool = requirePool(store, id);
  const body = objectBody(req);
  checkODataType(body, POOL_TYPE);
  checkKnownProperties(body, POOL_PROPERTIES, POOL_TYPE);
  if (body['activationCodes'] !== undefined) {
    throw badRequest(
      'The request is invalid. activationCodes cannot be changed after a pool is created; delete the pool and upload one file with all codes.',
    );
  }
  rejectNavigationWrites(body);
  // Server-set properties (id, dates, activationCodeCount) are ignored, as the service does.
  const before = poolRow(pool);
  if (body['displayName'] !== undefined) pool.displayName = requireNonEmptyString(body, 'displayName');
  pool.modifiedDateTime = intuneDate(ctx.now);
  recordAudit(ctx, 'Patch', POOL_AUDIT, [auditResource(POOL_AUDIT, pool.id, pool.displayName, changes(before, poolRow(pool), AUDITED))]);
  return ok(entityBody(req, poolRow(pool), poolSetConfig(store), { honourQuery: false }));
}

/**
 * Nothing is refused: device states are contained in the pool and go with it,
 * and its ICCIDs and SM-DP+ address become free for a new upload.
 */
export function deletePool(ctx: Ctx, id: string): GraphResponse {
  requireEsimWrite(ctx.req);
  const pool = requirePool(ctx.store, id);
  ctx.store.removePool(pool.id);
  recordAudit(ctx, 'Delete', POOL_AUDIT, [auditResource(POOL_AUDIT, pool.id, pool.displayName, changes(poolRow(pool), null, AUDITED))]);
  return noContent();
}
