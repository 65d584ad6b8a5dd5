/**
 * Fixed identities of the embedded default tenant. Shared by the emulator,
 * the e2e suite, the benchmarks and public/config.json (which repeats the
 * public ones, since the console reads only its runtime config).
 */
export const TENANT_ID = '7c1b4a3e-2f5d-4e8a-9b6c-3d2e1f0a9b8c';
export const TENANT_DOMAIN = 'contoso.example';
/** The console's SPA app registration. */
export const SPA_CLIENT_ID = '4f2d8e6a-1c3b-4a5d-8e7f-9a0b1c2d3e4f';
export const SPA_REDIRECT_URIS = [
  'http://localhost:4173/redirect.html',
  'http://localhost:5173/redirect.html',
] as const;
/** A confidential app for scripts (client_credentials). Demo secret, documented in README. */
export const DAEMON_CLIENT_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
export const DAEMON_CLIENT_SECRET = 'local-demo-secret-not-for-production';
/** Graph's resource identifiers, as Entra puts them in `aud`. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const DEFAULT_PORT = 8443;

export const SCOPE_READ = 'DeviceManagementConfiguration.Read.All';
export const SCOPE_WRITE = 'DeviceManagementConfiguration.ReadWrite.All';
export const SCOPE_GROUPS = 'GroupMember.Read.All';
/** Fleet view: Intune audit events (Graph documents the DeviceManagementApps scopes for them) and managed-device counts. */
export const SCOPE_AUDIT = 'DeviceManagementApps.Read.All';
export const SCOPE_MANAGED_DEVICES = 'DeviceManagementManagedDevices.Read.All';
/**
 * Permissions the console's app registration lists but the tenant has not
 * consented to when it starts: the console asks for them only when an admin
 * opens a feature that needs them (incremental consent). Like every Intune
 * permission they need admin consent, which applies to the whole tenant.
 */
export const ON_DEMAND_SCOPES: readonly string[] = [SCOPE_AUDIT];

/**
 * The user's Intune role, which Intune checks after the token's scopes: a
 * Read Only Operator is refused every write even with the write scope.
 */
export type IntuneRole = 'Intune Administrator' | 'Read Only Operator';

export interface SeedUser {
  oid: string;
  username: string;
  name: string;
  /**
   * Delegated permissions consented for this user when the emulator starts (the token's scp is
   * requested ∩ granted, so SCOPE_MANAGED_DEVICES reaches a token only when the app asks for it).
   * ON_DEMAND_SCOPES are added tenant-wide once an admin consents on the consent page.
   */
  grantedScopes: readonly string[];
  /** May grant admin consent for the organisation (Entra's Cloud Application Administrator). */
  mayGrantAdminConsent: boolean;
  intuneRole: IntuneRole;
  /** Shown in the sign-in picker and the emulator's banner. */
  description: string;
}

export const USERS: readonly SeedUser[] = [
  {
    oid: '1a2b3c4d-0001-4000-8000-000000000001',
    username: `megan.bowen@${TENANT_DOMAIN}`,
    name: 'Megan Bowen',
    grantedScopes: [SCOPE_WRITE, SCOPE_READ, SCOPE_GROUPS, 'User.Read', SCOPE_MANAGED_DEVICES],
    mayGrantAdminConsent: true,
    intuneRole: 'Intune Administrator',
    description: 'Intune Administrator and Cloud Application Administrator; consented read-write',
  },
  {
    // A deployment consented for read only: the token lacks the write scope.
    oid: '1a2b3c4d-0002-4000-8000-000000000002',
    username: `adele.vance@${TENANT_DOMAIN}`,
    name: 'Adele Vance',
    grantedScopes: [SCOPE_READ, SCOPE_GROUPS, 'User.Read', SCOPE_MANAGED_DEVICES],
    mayGrantAdminConsent: false,
    intuneRole: 'Intune Administrator',
    description: 'Consented read only (the token has no write scope)',
  },
  {
    // Admin consent gives everyone the write scope; Intune's role refuses the writes.
    oid: '1a2b3c4d-0003-4000-8000-000000000003',
    username: `alex.wilber@${TENANT_DOMAIN}`,
    name: 'Alex Wilber',
    grantedScopes: [SCOPE_WRITE, SCOPE_READ, SCOPE_GROUPS, 'User.Read', SCOPE_MANAGED_DEVICES],
    mayGrantAdminConsent: false,
    intuneRole: 'Read Only Operator',
    description: 'Read Only Operator in Intune; consented read-write',
  },
];

/** The header that carries the control API's per-start key. */
export const CONTROL_KEY_HEADER = 'X-Emulator-Key';
/** The environment variable a starter may set to choose the control key. */
export const CONTROL_KEY_ENV = 'EMULATOR_CONTROL_KEY';

/** Application permissions (roles) of the daemon app. */
export const DAEMON_ROLES = [SCOPE_WRITE, 'GroupMember.Read.All'] as const;
