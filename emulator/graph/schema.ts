/**
 * Entity descriptions used by the OData layer ($select, $filter, $orderby,
 * $expand): property names and EDM types exactly as in the metadata.
 */
import { DEVICE_STATE_ENUM, DEVICE_STATE_TYPE, DEVICE_STATE_VALUES, GROUP_TYPE, POOL_TYPE, ASSIGNMENT_TYPE, USER_TYPE } from './model.ts';

export type PropType = 'string' | 'int' | 'datetime' | 'boolean' | 'enum' | 'stringCollection' | 'complex' | 'complexCollection';

export interface PropDef {
  type: PropType;
  nullable: boolean;
  /** For enums: the members in declared order (comparison uses the index). */
  enumValues?: readonly string[];
  enumType?: string;
  /** May appear in $filter / $orderby. */
  filterable: boolean;
  sortable: boolean;
}

export interface EntitySpec {
  /** Qualified type name for messages, e.g. `microsoft.graph.embeddedSIMActivationCodePool`. */
  typeName: string;
  props: Readonly<Record<string, PropDef>>;
  /** Navigation properties that may be expanded. */
  navigations: readonly string[];
}

const str = (nullable = false, filterable = true): PropDef => ({ type: 'string', nullable, filterable, sortable: filterable });
const dt = (nullable = false): PropDef => ({ type: 'datetime', nullable, filterable: true, sortable: true });
const bool = (): PropDef => ({ type: 'boolean', nullable: false, filterable: true, sortable: true });

export const POOL_SPEC: EntitySpec = {
  typeName: POOL_TYPE,
  props: {
    id: str(),
    displayName: str(),
    createdDateTime: dt(),
    modifiedDateTime: dt(),
    activationCodeCount: { type: 'int', nullable: false, filterable: true, sortable: true },
    activationCodes: { type: 'complexCollection', nullable: false, filterable: false, sortable: false },
  },
  navigations: ['assignments', 'deviceStates'],
};

export const ASSIGNMENT_SPEC: EntitySpec = {
  typeName: ASSIGNMENT_TYPE,
  props: {
    id: str(),
    target: { type: 'complex', nullable: false, filterable: false, sortable: false },
  },
  navigations: [],
};

export const DEVICE_STATE_SPEC: EntitySpec = {
  typeName: DEVICE_STATE_TYPE,
  props: {
    id: str(),
    createdDateTime: dt(),
    modifiedDateTime: dt(),
    lastSyncDateTime: dt(true),
    universalIntegratedCircuitCardIdentifier: str(true),
    deviceName: str(true),
    userName: str(true),
    state: { type: 'enum', nullable: false, enumValues: DEVICE_STATE_VALUES, enumType: DEVICE_STATE_ENUM, filterable: true, sortable: true },
    stateDetails: str(true),
  },
  navigations: [],
};

const notFilterable = (type: PropType, nullable = true): PropDef => ({ type, nullable, filterable: false, sortable: false });

export const GROUP_SPEC: EntitySpec = {
  typeName: GROUP_TYPE,
  props: {
    id: str(),
    deletedDateTime: notFilterable('datetime'),
    classification: str(true),
    createdDateTime: dt(),
    creationOptions: notFilterable('stringCollection', false),
    description: str(true),
    displayName: str(),
    expirationDateTime: notFilterable('datetime'),
    groupTypes: { type: 'stringCollection', nullable: false, filterable: true, sortable: false },
    isAssignableToRole: notFilterable('boolean'),
    mail: str(true),
    mailEnabled: bool(),
    mailNickname: str(),
    membershipRule: str(true),
    membershipRuleProcessingState: str(true),
    preferredDataLocation: notFilterable('string'),
    proxyAddresses: notFilterable('stringCollection', false),
    renewedDateTime: notFilterable('datetime'),
    resourceBehaviorOptions: notFilterable('stringCollection', false),
    resourceProvisioningOptions: notFilterable('stringCollection', false),
    securityEnabled: bool(),
    securityIdentifier: notFilterable('string'),
    visibility: notFilterable('string'),
  },
  navigations: [],
};

export const USER_SPEC: EntitySpec = {
  typeName: USER_TYPE,
  props: {
    id: str(),
    businessPhones: notFilterable('stringCollection', false),
    displayName: str(),
    givenName: str(true),
    jobTitle: str(true),
    mail: str(true),
    mobilePhone: str(true),
    officeLocation: str(true),
    preferredLanguage: str(true),
    surname: str(true),
    userPrincipalName: str(),
  },
  navigations: [],
};

/** Resolves a property name case-insensitively (Graph does) to its canonical spelling. */
export function resolveProp(spec: EntitySpec, name: string): string | undefined {
  if (Object.hasOwn(spec.props, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(spec.props).find((p) => p.toLowerCase() === lower);
}

export function resolveNavigation(spec: EntitySpec, name: string): string | undefined {
  const lower = name.toLowerCase();
  return spec.navigations.find((p) => p.toLowerCase() === lower);
}

export function unknownPropertyMessage(spec: EntitySpec, name: string): string {
  return `Could not find a property named '${name}' on type '${spec.typeName}'.`;
}
