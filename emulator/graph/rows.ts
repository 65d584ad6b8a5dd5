/** Wire shapes of the records (what GET returns before $select) and lookups shared by handlers. */
import { TENANT_DOMAIN } from '../constants.ts';
import { notFound } from './errors.ts';
import type { AssignmentRecord, DeviceStateRecord, GroupRecord, PoolRecord } from './model.ts';
import type { Row } from './odata.ts';
import type { Store } from './store.ts';

export const POOLS_FRAGMENT = 'deviceManagement/embeddedSIMActivationCodePools';

/** A pool on the wire. `activationCodes` is write-only: always `[]` (the property is not nullable). */
export function poolRow(pool: PoolRecord): Row {
  return {
    id: pool.id,
    displayName: pool.displayName,
    createdDateTime: pool.createdDateTime,
    modifiedDateTime: pool.modifiedDateTime,
    activationCodeCount: pool.activationCodeCount,
    activationCodes: [],
  };
}

export function assignmentRow(a: AssignmentRecord): Row {
  return { id: a.id, target: { ...a.target } };
}

export function deviceStateRow(s: DeviceStateRecord): Row {
  return {
    id: s.id,
    createdDateTime: s.createdDateTime,
    modifiedDateTime: s.modifiedDateTime,
    lastSyncDateTime: s.lastSyncDateTime,
    universalIntegratedCircuitCardIdentifier: s.universalIntegratedCircuitCardIdentifier,
    deviceName: s.deviceName,
    userName: s.userName,
    state: s.state,
    stateDetails: s.stateDetails,
  };
}

export function groupRow(g: GroupRecord): Row {
  return {
    id: g.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: g.createdDateTime,
    creationOptions: [],
    description: g.description,
    displayName: g.displayName,
    expirationDateTime: null,
    groupTypes: [...g.groupTypes],
    isAssignableToRole: null,
    mail: g.mailEnabled ? `${g.mailNickname}@${TENANT_DOMAIN}` : null,
    mailEnabled: g.mailEnabled,
    mailNickname: g.mailNickname,
    membershipRule: g.membershipRule,
    membershipRuleProcessingState: g.membershipRuleProcessingState,
    preferredDataLocation: null,
    proxyAddresses: g.mailEnabled ? [`SMTP:${g.mailNickname}@${TENANT_DOMAIN}`] : [],
    renewedDateTime: g.createdDateTime,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: [],
    securityEnabled: g.securityEnabled,
    securityIdentifier: null,
    visibility: g.mailEnabled ? 'Private' : null,
  };
}

export function requirePool(store: Store, id: string): PoolRecord {
  const pool = store.getPool(id);
  if (!pool) throw notFound(`The embeddedSIMActivationCodePool with id '${id}' was not found.`);
  return pool;
}

/** `deviceManagement/embeddedSIMActivationCodePools('id')/nav`, as Graph writes contained contexts. */
export function containedFragment(poolId: string, nav: string): string {
  return `${POOLS_FRAGMENT}('${poolId}')/${nav}`;
}
