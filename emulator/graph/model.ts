/**
 * In-memory records of the emulated tenant. Records are stored in their
 * wire shape where that is convenient (device states, assignment targets),
 * and pools keep only what the service could show: never matching ids.
 */

export type SeedName = 'default' | 'large' | 'empty';

export const NS = 'microsoft.graph';
export const POOL_TYPE = `${NS}.embeddedSIMActivationCodePool`;
export const ASSIGNMENT_TYPE = `${NS}.embeddedSIMActivationCodePoolAssignment`;
export const DEVICE_STATE_TYPE = `${NS}.embeddedSIMDeviceState`;
export const ACTIVATION_CODE_TYPE = `${NS}.embeddedSIMActivationCode`;
export const GROUP_TYPE = `${NS}.group`;
export const USER_TYPE = `${NS}.user`;
export const DEVICE_STATE_ENUM = `${NS}.embeddedSIMDeviceStateValue`;
export const FILTER_TYPE_ENUM = `${NS}.deviceAndAppManagementAssignmentFilterType`;

export const DEVICE_STATE_VALUES = [
  'notEvaluated',
  'failed',
  'installing',
  'installed',
  'deleting',
  'error',
  'deleted',
  'removedByUser',
] as const;
export type DeviceStateValue = (typeof DEVICE_STATE_VALUES)[number];

export const FILTER_TYPES = ['none', 'include', 'exclude'] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

/** Concrete assignment target types (short names, without `#microsoft.graph.`). */
export const TARGET_TYPES = [
  'groupAssignmentTarget',
  'exclusionGroupAssignmentTarget',
  'allDevicesAssignmentTarget',
  'allLicensedUsersAssignmentTarget',
  'configurationManagerCollectionAssignmentTarget',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** An assignment target in its wire shape (all base properties present). */
export interface TargetRecord {
  '@odata.type': `#microsoft.graph.${TargetType}`;
  deviceAndAppManagementAssignmentFilterId: string | null;
  deviceAndAppManagementAssignmentFilterType: FilterType;
  groupId?: string;
  collectionId?: string;
}

export interface AssignmentRecord {
  id: string;
  target: TargetRecord;
}

/** Deterministic progress of a simulated device (see simulation.ts). Times are epoch ms. */
export interface DeviceSimulation {
  installingAt: number;
  doneAt: number;
  outcome: 'installed' | 'failed';
  failureDetails: string | null;
  /** Set when the device stopped being targeted: `deleting` from then, `deleted` from deletedAt. */
  removingAt?: number;
  deletedAt?: number;
}

export interface DeviceStateRecord {
  id: string;
  createdDateTime: string;
  modifiedDateTime: string;
  lastSyncDateTime: string | null;
  universalIntegratedCircuitCardIdentifier: string | null;
  deviceName: string | null;
  userName: string | null;
  state: DeviceStateValue;
  stateDetails: string | null;
  /** Internal only, never serialised on the wire. */
  simulation?: DeviceSimulation;
}

/**
 * A compact block of ICCIDs: `prefix` (13 digits) + serial (6 digits, zero padded)
 * + Luhn check digit = 20 digits. Lets seeds hold millions of codes cheaply.
 */
export interface IccidRange {
  prefix: string;
  start: number;
  count: number;
}

export type IccidSet = { kind: 'list'; iccids: string[] } | { kind: 'range'; ranges: IccidRange[] };

export interface PoolRecord {
  id: string;
  displayName: string;
  createdDateTime: string;
  modifiedDateTime: string;
  /** The one SM-DP+ server address shared by all codes (internal; not a Graph property). */
  smdpPlusServerAddress: string;
  /** ICCIDs of the pool's codes (matching ids are discarded after validation). */
  iccids: IccidSet;
  activationCodeCount: number;
  assignments: AssignmentRecord[];
  /** Read through statesOf(): may still be pending (see pendingStates). */
  deviceStates: DeviceStateRecord[];
  /**
   * Device states not generated yet (the large seed creates them on first
   * access, so building 50,000 states costs nothing up front).
   */
  pendingStates?: { seed: number; count: number; /** How far the seed's dates were moved (see seed-shift.ts). */ shiftMs?: number };
}

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string | null;
  createdDateTime: string;
  groupTypes: string[];
  mailEnabled: boolean;
  mailNickname: string;
  membershipRule: string | null;
  membershipRuleProcessingState: string | null;
  securityEnabled: boolean;
  /** Direct members of any type (`/members/$count`). */
  memberCount: number;
  /**
   * Device objects among the group's transitive members
   * (`/transitiveMembers/microsoft.graph.device/$count`). Groups are not nested
   * in the seeds, so transitive equals direct; user groups have none.
   */
  deviceMemberCount: number;
}
