/**
 * Microsoft Graph beta shapes used by the console (names exactly as in the
 * metadata excerpt). Only what the console reads or writes is typed.
 */

export interface ODataCollection<T> {
  '@odata.context'?: string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
}

export interface EmbeddedSimActivationCode {
  integratedCircuitCardIdentifier: string;
  matchingIdentifier: string;
  smdpPlusServerAddress: string;
}

export interface EmbeddedSimActivationCodePool {
  id: string;
  displayName: string;
  createdDateTime: string;
  modifiedDateTime: string;
  activationCodeCount: number;
  /** Write-only: sent on create, never returned with codes on read. */
  activationCodes?: EmbeddedSimActivationCode[];
  assignments?: EmbeddedSimActivationCodePoolAssignment[];
}

export type AssignmentFilterType = 'none' | 'include' | 'exclude';

interface TargetBase {
  deviceAndAppManagementAssignmentFilterId?: string | null;
  deviceAndAppManagementAssignmentFilterType?: AssignmentFilterType;
}

export interface GroupAssignmentTarget extends TargetBase {
  '@odata.type': '#microsoft.graph.groupAssignmentTarget';
  groupId: string;
}
export interface ExclusionGroupAssignmentTarget extends TargetBase {
  '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget';
  groupId: string;
}
export interface AllDevicesAssignmentTarget extends TargetBase {
  '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget';
}
export interface AllLicensedUsersAssignmentTarget extends TargetBase {
  '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget';
}
export interface ConfigurationManagerCollectionAssignmentTarget extends TargetBase {
  '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget';
  collectionId: string | null;
}

export type AssignmentTarget =
  | GroupAssignmentTarget
  | ExclusionGroupAssignmentTarget
  | AllDevicesAssignmentTarget
  | AllLicensedUsersAssignmentTarget
  | ConfigurationManagerCollectionAssignmentTarget;

export interface EmbeddedSimActivationCodePoolAssignment {
  id: string;
  target: AssignmentTarget;
}

export const DEVICE_STATES = [
  'notEvaluated',
  'failed',
  'installing',
  'installed',
  'deleting',
  'error',
  'deleted',
  'removedByUser',
] as const;
export type EmbeddedSimDeviceStateValue = (typeof DEVICE_STATES)[number];

export interface EmbeddedSimDeviceState {
  id: string;
  createdDateTime: string;
  modifiedDateTime: string;
  lastSyncDateTime: string | null;
  universalIntegratedCircuitCardIdentifier: string | null;
  deviceName: string | null;
  userName: string | null;
  state: EmbeddedSimDeviceStateValue;
  stateDetails: string | null;
}

export interface Group {
  id: string;
  displayName: string;
  description?: string | null;
  securityEnabled?: boolean;
  groupTypes?: string[];
  membershipRule?: string | null;
}

export interface User {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string | null;
}

export const POOLS_PATH = '/deviceManagement/embeddedSIMActivationCodePools';
