/**
 * Scope parsing and granting, Entra v2 style. A request's scope string mixes
 * OIDC scopes (openid profile offline_access email) with resource scopes
 * (`https://graph.microsoft.com/X`, `00000003-…/X` or a bare `X`, which
 * Entra reads as Graph). Only Microsoft Graph exists in this tenant.
 */
import { GRAPH_APP_ID, GRAPH_RESOURCE } from '../constants.ts';

export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface ParsedScope {
  /** The scope exactly as requested. */
  raw: string;
  kind: 'oidc' | 'graph';
  /** Short name for Graph scopes (e.g. `User.Read`, `.default`); the raw value for OIDC scopes. */
  name: string;
}

export class ScopeError extends Error {
  constructor(
    readonly error: 'invalid_scope' | 'invalid_resource',
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'ScopeError';
  }
}

const GRAPH_PREFIXES = [`${GRAPH_RESOURCE}/`, `${GRAPH_RESOURCE.replace('https://', 'http://')}/`, `${GRAPH_APP_ID}/`];

export function splitScopes(value: string | null | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

/** Parses a scope string; throws ScopeError for scopes of resources this tenant doesn't have. */
export function parseScopes(value: string | null | undefined): ParsedScope[] {
  const out: ParsedScope[] = [];
  for (const raw of splitScopes(value)) {
    const lower = raw.toLowerCase();
    if (OIDC_SCOPES.has(lower)) {
      out.push({ raw, kind: 'oidc', name: lower });
      continue;
    }
    const prefix = GRAPH_PREFIXES.find((p) => lower.startsWith(p.toLowerCase()));
    if (prefix) {
      const name = raw.slice(prefix.length).replace(/^\/+/, '');
      if (!name) throw new ScopeError('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${raw} is not valid.`);
      out.push({ raw, kind: 'graph', name });
      continue;
    }
    if (raw.includes('://') || /^[0-9a-f-]{36}\//i.test(raw)) {
      const resource = raw.slice(0, raw.lastIndexOf('/'));
      throw new ScopeError(
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    }
    // A bare scope name is a Microsoft Graph scope in Entra v2.
    out.push({ raw, kind: 'graph', name: raw });
  }
  return out;
}

export interface Grant {
  /** Short Graph permission names for the access token's `scp`. */
  scp: string[];
  /** The response's `scope`: granted scopes in the form they were requested. */
  scope: string[];
  /** Whether an id_token (openid) and a refresh token (offline_access) were asked for. */
  openid: boolean;
  offlineAccess: boolean;
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * What a user gets for a scope request: the requested Graph scopes the user's
 * consent covers (all of them for `.default`), returned in the requested form.
 * With only OIDC scopes requested, the token is for Graph with `User.Read`.
 */
export function grantDelegated(requested: readonly ParsedScope[], grantedScopes: readonly string[]): Grant {
  const graph = requested.filter((s) => s.kind === 'graph');
  const oidc = requested.filter((s) => s.kind === 'oidc');
  const scp: string[] = [];
  const scope: string[] = [];
  const add = (name: string) => {
    if (!scp.some((s) => eq(s, name))) scp.push(name);
  };
  for (const s of graph) {
    if (s.name === '.default') {
      grantedScopes.forEach(add);
      scope.push(s.raw);
      continue;
    }
    const granted = grantedScopes.find((g) => eq(g, s.name));
    if (granted) {
      add(granted);
      scope.push(s.raw);
    }
  }
  if (graph.length === 0) {
    const userRead = grantedScopes.find((g) => eq(g, 'User.Read'));
    if (userRead) {
      add(userRead);
      scope.push(`${GRAPH_RESOURCE}/${userRead}`);
    }
  }
  scope.push(...oidc.map((s) => s.raw));
  return {
    scp,
    scope,
    openid: oidc.some((s) => s.name === 'openid'),
    offlineAccess: oidc.some((s) => s.name === 'offline_access'),
  };
}

/** Whether a client_credentials scope names Graph's `.default` (the only valid form). */
export function isGraphDefaultScope(value: string | null | undefined): boolean {
  const parts = splitScopes(value);
  if (parts.length !== 1) return false;
  const only = parts[0] ?? '';
  return GRAPH_PREFIXES.some((p) => eq(only, `${p}.default`));
}
