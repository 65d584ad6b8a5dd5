import { fetchStaticJson } from '../graph/static.ts';
import { CLOUDS, type CloudName } from './clouds.ts';
import { AUDIT_PERMISSION } from './permissions.ts';
import { configFileSchema, toConfigIssues, type ConfigIssue } from './schema.ts';

export type { ConfigIssue };

/** The runtime configuration, resolved: everything src/app needs to set up sign-in and Graph. */
export interface AppConfig {
  clientId: string;
  tenantId: string;
  cloud: CloudName;
  /** Display name of the cloud, e.g. "Azure US Government (GCC High, L4)". */
  cloudName: string;
  /** config `authority`, else `${cloud login origin}/${tenantId}`; no trailing slash. */
  authority: string;
  /** host[:port] of the authority, so MSAL trusts it without an instance-discovery call. */
  knownAuthorities: string[];
  /** Origin Graph is called on: config `graphBaseUrl`, else the cloud's Graph. */
  graphBaseUrl: string;
  /** Absolute; register it exactly (SPA platform) in the app registration. */
  redirectUri: string;
  postLogoutRedirectUri: string;
  /**
   * Delegated scopes, prefixed with the cloud's Graph resource — never with
   * graphBaseUrl, since a proxy or local Graph accepts tokens for the cloud's
   * resource. `all` asks for read, write and groups at sign-in: Entra grants
   * only what the admin consented to, and a read-only operator's token
   * lacking `write` is how the console knows to hide write actions.
   */
  scopes: {
    read: string;
    write: string;
    groups: string;
    all: string[];
    /**
     * Asked for only when an admin opens a pool's history (incremental consent), never at sign-in:
     * Intune's audit events need DeviceManagementApps.Read.All. Keyed by permission name.
     */
    onDemand: Record<string, string>;
  };
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; issues: ConfigIssue[] };

/** Validates config.json's content and resolves it for a page served from `origin` (window.location.origin). */
export function parseConfig(raw: unknown, origin: string): ConfigResult {
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: toConfigIssues(parsed.error) };
  const file = parsed.data;
  const cloud = CLOUDS[file.cloud];
  const authority = file.authority ?? `${cloud.loginOrigin}/${file.tenantId}`;
  const site = origin.replace(/\/+$/, '');
  const scope = (name: string) => `${cloud.graphResource}/${name}`;
  const scopes = {
    read: scope('DeviceManagementConfiguration.Read.All'),
    write: scope('DeviceManagementConfiguration.ReadWrite.All'),
    groups: scope('GroupMember.Read.All'),
  };
  return {
    ok: true,
    config: {
      clientId: file.clientId,
      tenantId: file.tenantId,
      cloud: file.cloud,
      cloudName: cloud.displayName,
      authority,
      knownAuthorities: [new URL(authority).host],
      graphBaseUrl: file.graphBaseUrl ?? cloud.graphOrigin,
      redirectUri: site + file.redirectPath,
      postLogoutRedirectUri: site + file.postLogoutRedirectPath,
      scopes: { ...scopes, all: [scopes.read, scopes.write, scopes.groups], onDemand: { [AUDIT_PERMISSION]: scope(AUDIT_PERMISSION) } },
    },
  };
}

/**
 * Loads and checks `config.json` next to the app (honouring Vite's base path).
 * A missing or unreadable file is reported as an issue on `config.json`, not
 * thrown, so the start-up screen can list it with the others. Aborts reject.
 */
export async function loadConfig(signal?: AbortSignal): Promise<ConfigResult> {
  let raw: unknown;
  try {
    raw = await fetchStaticJson(`${import.meta.env.BASE_URL}config.json`, signal);
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ok: false, issues: [{ field: 'config.json', message: e instanceof Error ? e.message : String(e) }] };
  }
  return parseConfig(raw, window.location.origin);
}
