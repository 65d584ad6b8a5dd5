/** What src/auth needs from the runtime config (mapped in src/app from AppConfig). */
export interface AuthSettings {
  clientId: string;
  /** e.g. https://login.microsoftonline.com/{tenantId} or a sovereign/local Entra-shaped authority. */
  authority: string;
  /** host[:port] of the authority; listed so MSAL makes no instance-discovery call. */
  knownAuthorities: string[];
  /** Whether the authority is not one of the Microsoft cloud sign-in hosts (its Entra-shaped metadata is inlined). */
  customAuthority: boolean;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Delegated Graph scopes the console asks for at sign-in (full resource URIs). */
  scopes: readonly string[];
  /** The scope that allows writes (pools, assignments). */
  writeScope: string;
  /** Permission name → full scope URI, for permissions asked for on demand, never at sign-in. */
  onDemandScopes: Readonly<Record<string, string>>;
}

/**
 * Entra's v2 metadata document is derived from the authority by a fixed
 * scheme. For an authority MSAL does not know (sovereign proxy, a local
 * Entra-shaped provider) we inline it, so MSAL's first contact with the
 * authority is the sign-in navigation itself rather than a background fetch
 * of the discovery document (which a browser fails silently when the
 * certificate is not yet trusted, instead of showing its certificate page).
 */
export function entraMetadataFor(authority: string): string {
  const base = authority.replace(/\/+$/, '');
  return JSON.stringify({
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'name', 'oid', 'tid', 'preferred_username'],
    request_uri_parameter_supported: false,
    tenant_region_scope: null,
    cloud_instance_name: new URL(base).host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  });
}
