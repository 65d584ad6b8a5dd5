/**
 * Request-body validation with Graph-shaped 400s: JSON object bodies,
 * unknown properties, activation codes (metadata regexes, one SM-DP+
 * address, no duplicate ICCIDs) and assignment targets.
 * Matching identifiers are secrets: no message ever contains one.
 */
import type { GraphRequest } from '../types.ts';
import { badRequest, GraphError, notFound } from './errors.ts';
import type { ErrorDetail } from './errors.ts';
import { ACTIVATION_CODE_TYPE, FILTER_TYPES, NS, TARGET_TYPES } from './model.ts';
import type { FilterType, TargetRecord, TargetType } from './model.ts';
import type { Store } from './store.ts';

export type JsonObject = Record<string, unknown>;

export const ICCID_PATTERN = /^[0-9]{19}[0-9]?$/;
export const MATCHING_ID_PATTERN = /^[a-zA-Z0-9-]*$/;
export const SMDP_PATTERN = /^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*\.)+[a-zA-Z]{2,}$/;
export const MAX_CODES_PER_POOL = 1000;

const PATTERN_TEXT = {
  integratedCircuitCardIdentifier: '^[0-9]{19}[0-9]?$',
  matchingIdentifier: '^[a-zA-Z0-9\\-]*$',
  smdpPlusServerAddress: '^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*\\.)+[a-zA-Z]{2,}$',
} as const;
const CODE_PROPS = ['integratedCircuitCardIdentifier', 'matchingIdentifier', 'smdpPlusServerAddress'] as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as a JSON object, or Graph's 400s for no / malformed / non-object bodies. */
export function objectBody(req: GraphRequest): JsonObject {
  if (req.bodyError !== undefined) {
    throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
  if (req.body === undefined || req.body === null) throw badRequest('Empty Payload. JSON content expected.');
  if (!isObject(req.body)) throw badRequest('Invalid request payload: a JSON object was expected.');
  return req.body;
}

export function unknownPropertyError(typeName: string, prop: string): GraphError {
  return badRequest(`The property '${prop}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`);
}

/** Rejects properties the type does not define; instance annotations (`@odata.type`, `x@odata.bind`…) are allowed. */
export function checkKnownProperties(obj: JsonObject, allowed: readonly string[], typeName: string): void {
  for (const key of Object.keys(obj)) {
    if (key.includes('@')) continue;
    if (!allowed.includes(key)) throw unknownPropertyError(typeName, key);
  }
}

/** When `@odata.type` is present it must name the expected type (with or without `#`). */
export function checkODataType(obj: JsonObject, expected: string): void {
  const t = obj['@odata.type'];
  if (t === undefined) return;
  if (typeof t !== 'string' || t.replace(/^#/, '').toLowerCase() !== expected.toLowerCase()) {
    throw badRequest(`The type '${String(t)}' is not compatible with the expected type '${expected}'.`);
  }
}

export function requireNonEmptyString(obj: JsonObject, prop: string, label = prop): string {
  const value = obj[prop];
  if (value === undefined || value === null) throw badRequest(`${label} is required and cannot be null.`);
  if (typeof value !== 'string') throw badRequest(`${label} must be a string.`);
  if (value.trim() === '') throw badRequest(`${label} cannot be empty.`);
  return value;
}

// ---------------------------------------------------------------- activation codes

export interface ValidatedCodes {
  iccids: string[];
  smdpPlusServerAddress: string;
}

const MAX_DETAILS = 50;

function codesError(errors: ErrorDetail[]): GraphError {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''}; see details)` : '';
  return badRequest(`${first?.message ?? 'activationCodes is invalid.'}${more}`, errors.slice(0, MAX_DETAILS));
}

/**
 * Checks `activationCodes` of a new pool: shape, patterns, one SM-DP+ address,
 * no duplicate ICCIDs in the body. Clashes with other pools are checked by the caller.
 */
export function validateActivationCodes(value: unknown): ValidatedCodes {
  if (value === undefined || value === null) throw badRequest('activationCodes is required and cannot be null: a pool is created with its activation codes.');
  if (!Array.isArray(value)) throw badRequest('activationCodes must be an array of microsoft.graph.embeddedSIMActivationCode objects.');
  if (value.length === 0) throw badRequest('activationCodes must contain at least one activation code.');
  if (value.length > MAX_CODES_PER_POOL) {
    throw badRequest(`The request is invalid. activationCodes contains ${value.length} codes; at most ${MAX_CODES_PER_POOL} codes can be uploaded to a pool.`);
  }
  const errors: ErrorDetail[] = [];
  const add = (target: string, message: string): void => {
    errors.push({ code: 'InvalidValue', message, target });
  };
  const iccids: string[] = [];
  value.forEach((code: unknown, i) => {
    const at = `activationCodes[${i}]`;
    if (!isObject(code)) {
      add(at, `${at} must be a microsoft.graph.embeddedSIMActivationCode object.`);
      return;
    }
    for (const key of Object.keys(code)) {
      if (key.includes('@')) continue;
      if (!(CODE_PROPS as readonly string[]).includes(key)) {
        add(`${at}.${key}`, `The property '${key}' does not exist on type '${ACTIVATION_CODE_TYPE}'. Make sure to only use property names that are defined by the type.`);
      }
    }
    for (const prop of CODE_PROPS) {
      const v = code[prop];
      const target = `${at}.${prop}`;
      if (v === undefined || v === null) add(target, `${target} is required and cannot be null.`);
      else if (typeof v !== 'string') add(target, `${target} must be a string.`);
      else {
        const pattern = prop === 'integratedCircuitCardIdentifier' ? ICCID_PATTERN : prop === 'matchingIdentifier' ? MATCHING_ID_PATTERN : SMDP_PATTERN;
        if (!pattern.test(v)) add(target, `${target} does not match the required pattern '${PATTERN_TEXT[prop]}'.`);
      }
    }
    const iccid = code['integratedCircuitCardIdentifier'];
    if (typeof iccid === 'string') iccids.push(iccid);
  });
  if (errors.length > 0) throw codesError(errors);

  const codes = value as JsonObject[];
  const firstAddress = String(codes[0]?.['smdpPlusServerAddress']);
  codes.forEach((code, i) => {
    const address = String(code['smdpPlusServerAddress']);
    if (address.toLowerCase() !== firstAddress.toLowerCase()) {
      add(
        `activationCodes[${i}].smdpPlusServerAddress`,
        `The request is invalid. All activation codes of a pool must use one SM-DP+ server address: activationCodes[${i}].smdpPlusServerAddress is '${address}' but activationCodes[0] uses '${firstAddress}'.`,
      );
    }
  });
  const seen = new Map<string, number>();
  iccids.forEach((iccid, i) => {
    const earlier = seen.get(iccid);
    if (earlier !== undefined) {
      add(`activationCodes[${i}].integratedCircuitCardIdentifier`, `The request is invalid. Duplicate ICCID ${iccid}: activationCodes[${i}] repeats activationCodes[${earlier}].`);
    } else seen.set(iccid, i);
  });
  if (errors.length > 0) throw codesError(errors);
  return { iccids, smdpPlusServerAddress: firstAddress };
}

// ---------------------------------------------------------------- assignment targets

const TARGET_BASE_PROPS = ['deviceAndAppManagementAssignmentFilterId', 'deviceAndAppManagementAssignmentFilterType'];
const TARGET_OWN_PROPS: Readonly<Record<TargetType, readonly string[]>> = {
  groupAssignmentTarget: ['groupId'],
  exclusionGroupAssignmentTarget: ['groupId'],
  allDevicesAssignmentTarget: [],
  allLicensedUsersAssignmentTarget: [],
  configurationManagerCollectionAssignmentTarget: ['collectionId'],
};
const ABSTRACT_TARGET = 'deviceAndAppManagementAssignmentTarget';

/** Well-known ids Intune uses for the virtual "all devices" / "all users" groups. */
export const ALL_DEVICES_ID = 'adadadad-808e-44e2-905a-0b7873a8a531';
export const ALL_USERS_ID = 'acacacac-9df4-4c7d-9d50-4ef0226f57a9';

function resolveTargetType(raw: unknown, at: string): TargetType {
  if (raw === undefined || raw === null) {
    throw badRequest(
      `${at}: the type '${NS}.${ABSTRACT_TARGET}' is abstract and cannot be instantiated; set '@odata.type' to a concrete type such as '#${NS}.groupAssignmentTarget'.`,
    );
  }
  if (typeof raw !== 'string') throw badRequest(`${at}: '@odata.type' must be a string.`);
  const name = raw.replace(/^#/, '');
  const short = name.toLowerCase().startsWith(`${NS}.`) ? name.slice(NS.length + 1) : '';
  if (short.toLowerCase() === ABSTRACT_TARGET.toLowerCase()) {
    throw badRequest(
      `${at}: the type '${NS}.${ABSTRACT_TARGET}' is abstract and cannot be instantiated; set '@odata.type' to a concrete type such as '#${NS}.groupAssignmentTarget'.`,
    );
  }
  const match = TARGET_TYPES.find((t) => t.toLowerCase() === short.toLowerCase());
  if (!match) {
    throw badRequest(`${at}: a type named '${name}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`);
  }
  return match;
}

/**
 * Validates one `target` into its canonical wire shape. Group ids must exist
 * (404 otherwise). `at` names the place for messages, e.g. `assignments[2].target`.
 */
export function parseTarget(value: unknown, at: string, store: Store): TargetRecord {
  if (value === undefined || value === null) throw badRequest(`${at} is required and cannot be null.`);
  if (!isObject(value)) throw badRequest(`${at} must be a JSON object with an '@odata.type'.`);
  const type = resolveTargetType(value['@odata.type'], at);
  const qualified = `${NS}.${type}`;
  checkKnownProperties(value, [...TARGET_BASE_PROPS, ...TARGET_OWN_PROPS[type]], qualified);

  const rawFilterType = value['deviceAndAppManagementAssignmentFilterType'] ?? 'none';
  if (typeof rawFilterType !== 'string' || !(FILTER_TYPES as readonly string[]).includes(rawFilterType)) {
    throw badRequest(`${at}.deviceAndAppManagementAssignmentFilterType: the value '${String(rawFilterType)}' is not valid; use one of none, include, exclude.`);
  }
  const filterType = rawFilterType as FilterType;
  const rawFilterId = value['deviceAndAppManagementAssignmentFilterId'] ?? null;
  if (rawFilterId !== null && typeof rawFilterId !== 'string') throw badRequest(`${at}.deviceAndAppManagementAssignmentFilterId must be a string or null.`);
  const filterId = rawFilterId === '' ? null : rawFilterId;
  if (filterType !== 'none' && filterId === null) {
    throw badRequest(`${at}: deviceAndAppManagementAssignmentFilterType '${filterType}' needs a deviceAndAppManagementAssignmentFilterId.`);
  }
  if (filterType === 'none' && filterId !== null) {
    throw badRequest(`${at}: deviceAndAppManagementAssignmentFilterId is set but deviceAndAppManagementAssignmentFilterType is 'none'; use 'include' or 'exclude'.`);
  }
  if (type === 'exclusionGroupAssignmentTarget' && filterType !== 'none') {
    throw badRequest(`${at}: assignment filters cannot be used with excluded groups.`);
  }

  const target: TargetRecord = {
    '@odata.type': `#${NS}.${type}`,
    deviceAndAppManagementAssignmentFilterId: filterId,
    deviceAndAppManagementAssignmentFilterType: filterType,
  };
  if (type === 'groupAssignmentTarget' || type === 'exclusionGroupAssignmentTarget') {
    const groupId = requireNonEmptyString(value, 'groupId', `${at}.groupId`);
    const group = store.getGroup(groupId);
    if (!group) throw notFound(`The group '${groupId}' (${at}.groupId) does not exist in the directory.`);
    target.groupId = group.id;
  }
  if (type === 'configurationManagerCollectionAssignmentTarget') {
    target.collectionId = requireNonEmptyString(value, 'collectionId', `${at}.collectionId`);
  }
  return target;
}

/** What a target points at: a pool may target each group / virtual group / collection once. */
export function targetKey(target: TargetRecord): string {
  if (target.groupId !== undefined) return target.groupId.toLowerCase();
  if (target.collectionId !== undefined) return `collection:${target.collectionId.toLowerCase()}`;
  return target['@odata.type'] === `#${NS}.allDevicesAssignmentTarget` ? ALL_DEVICES_ID : ALL_USERS_ID;
}

/** Intune-style assignment id: `{poolId}_{groupId}` (well-known ids for the virtual groups). */
export function assignmentId(poolId: string, target: TargetRecord): string {
  return `${poolId}_${targetKey(target).replace(/^collection:/, '')}`;
}

export function describeTarget(target: TargetRecord): string {
  if (target.groupId !== undefined) return `group '${target.groupId}'`;
  if (target.collectionId !== undefined) return `collection '${target.collectionId}'`;
  return target['@odata.type'] === `#${NS}.allDevicesAssignmentTarget` ? 'all devices' : 'all licensed users';
}

/** Throws a clear 400 when two targets in one set point at the same group (include twice, or include and exclude). */
export function assertNoDuplicateTargets(targets: readonly { target: TargetRecord; at: string }[]): void {
  const seen = new Map<string, { target: TargetRecord; at: string }>();
  for (const entry of targets) {
    const key = targetKey(entry.target);
    const earlier = seen.get(key);
    if (earlier) {
      const kinds = [earlier.target, entry.target].map((t) => (t['@odata.type'].endsWith('exclusionGroupAssignmentTarget') ? 'excluded' : 'included'));
      throw new GraphError(
        400,
        'BadRequest',
        `The ${describeTarget(entry.target)} is targeted more than once (${earlier.at} ${kinds[0] ?? ''}, ${entry.at} ${kinds[1] ?? ''}); a pool can include or exclude a group only once.`,
      );
    }
    seen.set(key, entry);
  }
}
