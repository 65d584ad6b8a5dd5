/**
 * `exportState()` / `importState()`: a versioned JSON snapshot of the whole
 * tenant. Import checks every field (and the uniqueness rules, via Store) and
 * throws a clear Error naming the offending path; nothing changes on error.
 */
import type { AuditActor, AuditEventRecord, AuditOperation, AuditProperty, AuditResource } from './audit.ts';
import { iccidSetSize, RANGE_MAX_SERIAL, RANGE_PREFIX_LENGTH } from './iccid.ts';
import { DEVICE_STATE_VALUES, FILTER_TYPES, NS, TARGET_TYPES } from './model.ts';
import type {
  AssignmentRecord,
  DeviceSimulation,
  DeviceStateRecord,
  DeviceStateValue,
  FilterType,
  GroupRecord,
  IccidSet,
  PoolRecord,
  TargetRecord,
} from './model.ts';
import { Store } from './store.ts';
import type { StoreData } from './store.ts';
import { ICCID_PATTERN, SMDP_PATTERN } from './validation.ts';

export const SNAPSHOT_FORMAT = 'intune-esim-graph-emulator';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot extends StoreData {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
}

export function exportSnapshot(store: Store): Snapshot {
  return structuredClone({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, ...store.data() });
}

class SnapshotError extends Error {
  constructor(path: string, message: string) {
    super(`Invalid snapshot: ${path} ${message}`);
    this.name = 'SnapshotError';
  }
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SnapshotError(path, 'must be an object');
  return v as Obj;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new SnapshotError(path, 'must be an array');
  return v;
}

function str(o: Obj, key: string, path: string, opts: { nonEmpty?: boolean; pattern?: RegExp } = {}): string {
  const v = o[key];
  if (typeof v !== 'string') throw new SnapshotError(`${path}.${key}`, 'must be a string');
  if (opts.nonEmpty && v.trim() === '') throw new SnapshotError(`${path}.${key}`, 'must not be empty');
  if (opts.pattern && !opts.pattern.test(v)) throw new SnapshotError(`${path}.${key}`, `must match ${String(opts.pattern)}`);
  return v;
}

function strOrNull(o: Obj, key: string, path: string): string | null {
  const v = o[key];
  if (v === null) return null;
  return str(o, key, path);
}

function date(o: Obj, key: string, path: string): string {
  const v = str(o, key, path);
  if (Number.isNaN(Date.parse(v))) throw new SnapshotError(`${path}.${key}`, 'must be an ISO 8601 date-time');
  return v;
}

function dateOrNull(o: Obj, key: string, path: string): string | null {
  return o[key] === null ? null : date(o, key, path);
}

function int(o: Obj, key: string, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new SnapshotError(`${path}.${key}`, `must be an integer between ${min} and ${max}`);
  return v;
}

function bool(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new SnapshotError(`${path}.${key}`, 'must be a boolean');
  return v;
}

function oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new SnapshotError(`${path}.${key}`, `must be one of ${values.join(', ')}`);
  return v as T;
}

function group(v: unknown, path: string): GroupRecord {
  const o = obj(v, path);
  const groupTypes = arr(o['groupTypes'], `${path}.groupTypes`).map((t, i) => {
    if (typeof t !== 'string') throw new SnapshotError(`${path}.groupTypes[${i}]`, 'must be a string');
    return t;
  });
  return {
    id: str(o, 'id', path, { nonEmpty: true }),
    displayName: str(o, 'displayName', path, { nonEmpty: true }),
    description: strOrNull(o, 'description', path),
    createdDateTime: date(o, 'createdDateTime', path),
    groupTypes,
    mailEnabled: bool(o, 'mailEnabled', path),
    mailNickname: str(o, 'mailNickname', path),
    membershipRule: strOrNull(o, 'membershipRule', path),
    membershipRuleProcessingState: strOrNull(o, 'membershipRuleProcessingState', path),
    securityEnabled: bool(o, 'securityEnabled', path),
    memberCount: int(o, 'memberCount', path),
    // Snapshots from before devices were modelled: every member was a device.
    deviceMemberCount: o['deviceMemberCount'] === undefined ? int(o, 'memberCount', path) : int(o, 'deviceMemberCount', path),
  };
}

function iccidSet(v: unknown, path: string): IccidSet {
  const o = obj(v, path);
  if (o['kind'] === 'list') {
    const iccids = arr(o['iccids'], `${path}.iccids`).map((x, i) => {
      if (typeof x !== 'string' || !ICCID_PATTERN.test(x)) throw new SnapshotError(`${path}.iccids[${i}]`, 'must be a 19- or 20-digit ICCID');
      return x;
    });
    return { kind: 'list', iccids };
  }
  if (o['kind'] === 'range') {
    const ranges = arr(o['ranges'], `${path}.ranges`).map((r, i) => {
      const p = `${path}.ranges[${i}]`;
      const ro = obj(r, p);
      const prefix = str(ro, 'prefix', p, { pattern: new RegExp(`^[0-9]{${RANGE_PREFIX_LENGTH}}$`) });
      const start = int(ro, 'start', p, 0, RANGE_MAX_SERIAL - 1);
      const count = int(ro, 'count', p, 1, RANGE_MAX_SERIAL - start);
      return { prefix, start, count };
    });
    return { kind: 'range', ranges };
  }
  throw new SnapshotError(`${path}.kind`, "must be 'list' or 'range'");
}

function target(v: unknown, path: string, groupIds: ReadonlySet<string>): TargetRecord {
  const o = obj(v, path);
  const type = str(o, '@odata.type', path);
  const short = type.replace(`#${NS}.`, '');
  if (!type.startsWith(`#${NS}.`) || !(TARGET_TYPES as readonly string[]).includes(short)) throw new SnapshotError(`${path}.@odata.type`, `must be one of ${TARGET_TYPES.map((t) => `#${NS}.${t}`).join(', ')}`);
  const t: TargetRecord = {
    '@odata.type': type as TargetRecord['@odata.type'],
    deviceAndAppManagementAssignmentFilterId: strOrNull(o, 'deviceAndAppManagementAssignmentFilterId', path),
    deviceAndAppManagementAssignmentFilterType: oneOf<FilterType>(o, 'deviceAndAppManagementAssignmentFilterType', path, FILTER_TYPES),
  };
  if (short === 'groupAssignmentTarget' || short === 'exclusionGroupAssignmentTarget') {
    t.groupId = str(o, 'groupId', path, { nonEmpty: true });
    if (!groupIds.has(t.groupId.toLowerCase())) throw new SnapshotError(`${path}.groupId`, `names group '${t.groupId}', which is not in the snapshot's groups`);
  }
  if (short === 'configurationManagerCollectionAssignmentTarget') t.collectionId = str(o, 'collectionId', path, { nonEmpty: true });
  return t;
}

function simulation(v: unknown, path: string): DeviceSimulation {
  const o = obj(v, path);
  const sim: DeviceSimulation = {
    installingAt: int(o, 'installingAt', path),
    doneAt: int(o, 'doneAt', path),
    outcome: oneOf(o, 'outcome', path, ['installed', 'failed'] as const),
    failureDetails: strOrNull(o, 'failureDetails', path),
  };
  if (o['removingAt'] !== undefined) sim.removingAt = int(o, 'removingAt', path);
  if (o['deletedAt'] !== undefined) sim.deletedAt = int(o, 'deletedAt', path);
  return sim;
}

function deviceState(v: unknown, path: string): DeviceStateRecord {
  const o = obj(v, path);
  const s: DeviceStateRecord = {
    id: str(o, 'id', path, { nonEmpty: true }),
    createdDateTime: date(o, 'createdDateTime', path),
    modifiedDateTime: date(o, 'modifiedDateTime', path),
    lastSyncDateTime: dateOrNull(o, 'lastSyncDateTime', path),
    universalIntegratedCircuitCardIdentifier: strOrNull(o, 'universalIntegratedCircuitCardIdentifier', path),
    deviceName: strOrNull(o, 'deviceName', path),
    userName: strOrNull(o, 'userName', path),
    state: oneOf<DeviceStateValue>(o, 'state', path, DEVICE_STATE_VALUES),
    stateDetails: strOrNull(o, 'stateDetails', path),
  };
  if (o['simulation'] !== undefined) s.simulation = simulation(o['simulation'], `${path}.simulation`);
  return s;
}

function uniqueIds<T extends { id: string }>(items: readonly T[], path: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = item.id.toLowerCase();
    if (seen.has(key)) throw new SnapshotError(`${path}[${i}].id`, `duplicates id '${item.id}'`);
    seen.add(key);
  });
}

function pool(v: unknown, path: string, groupIds: ReadonlySet<string>): PoolRecord {
  const o = obj(v, path);
  const iccids = iccidSet(o['iccids'], `${path}.iccids`);
  const activationCodeCount = int(o, 'activationCodeCount', path, 1);
  if (activationCodeCount !== iccidSetSize(iccids)) throw new SnapshotError(`${path}.activationCodeCount`, `is ${activationCodeCount} but the pool holds ${iccidSetSize(iccids)} ICCIDs`);
  const assignments = arr(o['assignments'], `${path}.assignments`).map((a, i): AssignmentRecord => {
    const p = `${path}.assignments[${i}]`;
    const ao = obj(a, p);
    return { id: str(ao, 'id', p, { nonEmpty: true }), target: target(ao['target'], `${p}.target`, groupIds) };
  });
  uniqueIds(assignments, `${path}.assignments`);
  const deviceStates = arr(o['deviceStates'], `${path}.deviceStates`).map((s, i) => deviceState(s, `${path}.deviceStates[${i}]`));
  uniqueIds(deviceStates, `${path}.deviceStates`);
  const record: PoolRecord = {
    id: str(o, 'id', path, { nonEmpty: true }),
    displayName: str(o, 'displayName', path, { nonEmpty: true }),
    createdDateTime: date(o, 'createdDateTime', path),
    modifiedDateTime: date(o, 'modifiedDateTime', path),
    smdpPlusServerAddress: str(o, 'smdpPlusServerAddress', path, { pattern: SMDP_PATTERN }),
    iccids,
    activationCodeCount,
    assignments,
    deviceStates,
  };
  if (o['pendingStates'] !== undefined) {
    const p = `${path}.pendingStates`;
    const po = obj(o['pendingStates'], p);
    record.pendingStates = { seed: int(po, 'seed', p, 0, 0xffffffff), count: int(po, 'count', p, 0, 100_000) };
    if (po['shiftMs'] !== undefined) record.pendingStates.shiftMs = int(po, 'shiftMs', p);
  }
  return record;
}

function auditActor(v: unknown, path: string): AuditActor {
  const o = obj(v, path);
  const permissions = arr(o['userPermissions'], `${path}.userPermissions`).map((p, i) => {
    if (typeof p !== 'string') throw new SnapshotError(`${path}.userPermissions[${i}]`, 'must be a string');
    return p;
  });
  return {
    type: str(o, 'type', path),
    auditActorType: str(o, 'auditActorType', path),
    userPermissions: permissions,
    applicationId: strOrNull(o, 'applicationId', path),
    applicationDisplayName: strOrNull(o, 'applicationDisplayName', path),
    userPrincipalName: strOrNull(o, 'userPrincipalName', path),
    servicePrincipalName: strOrNull(o, 'servicePrincipalName', path),
    ipAddress: strOrNull(o, 'ipAddress', path),
    userId: strOrNull(o, 'userId', path),
  };
}

function auditResource(v: unknown, path: string): AuditResource {
  const o = obj(v, path);
  const modifiedProperties = arr(o['modifiedProperties'], `${path}.modifiedProperties`).map((m, i): AuditProperty => {
    const p = `${path}.modifiedProperties[${i}]`;
    const mo = obj(m, p);
    return { displayName: str(mo, 'displayName', p), oldValue: strOrNull(mo, 'oldValue', p), newValue: strOrNull(mo, 'newValue', p) };
  });
  return {
    displayName: strOrNull(o, 'displayName', path),
    modifiedProperties,
    type: str(o, 'type', path),
    auditResourceType: str(o, 'auditResourceType', path),
    resourceId: str(o, 'resourceId', path, { nonEmpty: true }),
  };
}

function auditEvent(v: unknown, path: string): AuditEventRecord {
  const o = obj(v, path);
  return {
    id: str(o, 'id', path, { nonEmpty: true }),
    displayName: str(o, 'displayName', path),
    componentName: str(o, 'componentName', path),
    actor: auditActor(o['actor'], `${path}.actor`),
    activity: str(o, 'activity', path),
    activityDateTime: date(o, 'activityDateTime', path),
    activityType: str(o, 'activityType', path),
    activityOperationType: oneOf<AuditOperation>(o, 'activityOperationType', path, ['Create', 'Patch', 'Delete', 'Action']),
    activityResult: str(o, 'activityResult', path),
    correlationId: str(o, 'correlationId', path, { nonEmpty: true }),
    resources: arr(o['resources'], `${path}.resources`).map((r, i) => auditResource(r, `${path}.resources[${i}]`)),
    category: str(o, 'category', path),
  };
}

/** Validates a snapshot and builds a Store from it; throws an Error naming the problem. */
export function importSnapshot(snapshot: unknown): Store {
  const root = obj(snapshot, 'snapshot');
  if (root['format'] !== SNAPSHOT_FORMAT) throw new SnapshotError('format', `must be '${SNAPSHOT_FORMAT}'`);
  if (root['version'] !== SNAPSHOT_VERSION) throw new SnapshotError('version', `must be ${SNAPSHOT_VERSION} (got ${JSON.stringify(root['version'])})`);
  const groups = arr(root['groups'], 'groups').map((g, i) => group(g, `groups[${i}]`));
  uniqueIds(groups, 'groups');
  const groupIds = new Set(groups.map((g) => g.id.toLowerCase()));
  const pools = arr(root['pools'], 'pools').map((p, i) => pool(p, `pools[${i}]`, groupIds));
  // Absent in snapshots from before audit events were kept.
  const auditEvents = root['auditEvents'] === undefined ? [] : arr(root['auditEvents'], 'auditEvents').map((e, i) => auditEvent(e, `auditEvents[${i}]`));
  uniqueIds(auditEvents, 'auditEvents');
  try {
    return new Store({ groups, pools, auditEvents });
  } catch (err) {
    throw new Error(`Invalid snapshot: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
