/**
 * Entity descriptions of the fleet-view resources (`managedDevice`, a subset
 * of its properties, and `auditEvent`), for $select / $filter / $orderby.
 */
import type { EntitySpec, PropDef } from './schema.ts';

const str = (nullable = true): PropDef => ({ type: 'string', nullable, filterable: true, sortable: true });
const dt = (nullable = false): PropDef => ({ type: 'datetime', nullable, filterable: true, sortable: true });
const complex = (type: 'complex' | 'complexCollection'): PropDef => ({ type, nullable: type === 'complex', filterable: false, sortable: false });

export const MANAGED_DEVICE_TYPE = 'microsoft.graph.managedDevice';
export const AUDIT_EVENT_TYPE = 'microsoft.graph.auditEvent';

export const MANAGED_DEVICE_SPEC: EntitySpec = {
  typeName: MANAGED_DEVICE_TYPE,
  props: {
    id: str(false),
    userId: str(),
    deviceName: str(),
    managedDeviceOwnerType: str(false),
    enrolledDateTime: dt(),
    lastSyncDateTime: dt(),
    operatingSystem: str(),
    complianceState: str(false),
    managementAgent: str(false),
    osVersion: str(),
    azureADDeviceId: str(),
    deviceEnrollmentType: str(false),
    model: str(),
    manufacturer: str(),
    serialNumber: str(),
    userPrincipalName: str(),
    userDisplayName: str(),
  },
  navigations: [],
};

export const AUDIT_EVENT_SPEC: EntitySpec = {
  typeName: AUDIT_EVENT_TYPE,
  props: {
    id: str(false),
    displayName: str(),
    componentName: str(),
    actor: complex('complex'),
    activity: str(),
    activityDateTime: dt(),
    activityType: str(),
    activityOperationType: str(),
    activityResult: str(),
    correlationId: str(false),
    resources: complex('complexCollection'),
    category: str(),
  },
  navigations: [],
};
