/**
 * Delegated Microsoft Graph permissions the console asks for only when an
 * admin opens the feature that needs them (incremental consent), never at
 * sign-in, so a tenant that has not consented to them loses nothing else.
 */

/** Intune's audit events (`GET /deviceManagement/auditEvents`), for a pool's history; Graph documents this permission for them. */
export const AUDIT_PERMISSION = 'DeviceManagementApps.Read.All';
