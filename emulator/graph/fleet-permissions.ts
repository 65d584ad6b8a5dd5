/**
 * Permission checks of the fleet-view reads, kept apart from permissions.ts:
 * Graph documents DeviceManagementApps.Read.All / ReadWrite.All for
 * `/deviceManagement/auditEvents` and DeviceManagementManagedDevices.Read.All /
 * ReadWrite.All for `/deviceManagement/managedDevices` (delegated and application).
 * Refusals use Intune's 403 shape, like the eSIM checks.
 */
import { SCOPE_AUDIT, SCOPE_MANAGED_DEVICES } from '../constants.ts';
import type { Principal } from '../types.ts';
import { GraphError } from './errors.ts';

export const AUDIT_SCOPES = [SCOPE_AUDIT, 'DeviceManagementApps.ReadWrite.All'] as const;
export const MANAGED_DEVICE_SCOPES = [SCOPE_MANAGED_DEVICES, 'DeviceManagementManagedDevices.ReadWrite.All'] as const;

function requireOneOf(principal: Principal, scopes: readonly string[]): void {
  const held = new Set(principal.permissions.map((p) => p.toLowerCase()));
  if (scopes.some((s) => held.has(s.toLowerCase()))) return;
  throw new GraphError(
    403,
    'Forbidden',
    `Application is not authorized to perform this operation. Application must have one of the following scopes: ${scopes.join(', ')}`,
  );
}

export function requireAuditRead(principal: Principal): void {
  requireOneOf(principal, AUDIT_SCOPES);
}

export function requireManagedDevicesRead(principal: Principal): void {
  requireOneOf(principal, MANAGED_DEVICE_SCOPES);
}

/**
 * Intune's stateless services have no `/$count` route on these sets (Graph
 * answers 400 "No OData route exists…"); `$count=true` on the list works.
 */
export function noCountRoute(path: string): GraphError {
  return new GraphError(400, 'No method match route template', `No OData route exists that match template ~/singleton/navigation/$count with http verb GET for request ${path}.`);
}
