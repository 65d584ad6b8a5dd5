/**
 * Graph's access-token check for every `/beta` request: well-formed JWT,
 * signature by a published key, lifetime, audience, issuer/tenant, and the
 * presence of `scp` or `roles`. Produces the engine's `Principal`, or the
 * Graph-shaped failure (401/403) Microsoft Graph would answer.
 */
import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { GRAPH_APP_ID, GRAPH_RESOURCE, TENANT_ID } from '../constants.ts';
import type { Principal } from '../types.ts';
import { issuerFor } from './tokens.ts';

export interface TokenFailure {
  status: 401 | 403;
  code: 'InvalidAuthenticationToken' | 'Forbidden';
  message: string;
}

export type VerifyResult = { ok: true; principal: Principal } | { ok: false; failure: TokenFailure };

const ACCEPTED_AUDIENCES = new Set([GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID]);

const fail = (message: string, status: 401 | 403 = 401): VerifyResult => ({
  ok: false,
  failure: { status, code: status === 401 ? 'InvalidAuthenticationToken' : 'Forbidden', message },
});

const NOT_WELL_FORMED =
  "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EndcodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.";

/** `WWW-Authenticate` as Graph sends it with a 401. */
export function wwwAuthenticate(origin: string, failure?: TokenFailure): string {
  const parts = [
    'Bearer realm=""',
    `authorization_uri="${origin}/${TENANT_ID}/oauth2/v2.0/authorize"`,
    `client_id="${GRAPH_APP_ID}"`,
  ];
  if (failure?.status === 401) parts.push('error="invalid_token"', `error_description="${failure.message.split('\n')[0]?.replace(/"/g, "'") ?? ''}"`);
  return parts.join(', ');
}

export class TokenVerifier {
  private readonly jwks: ReturnType<typeof createLocalJWKSet>;

  constructor(
    jwks: JSONWebKeySet,
    /** The emulator's origin; tokens must be issued by `{origin}/{TENANT_ID}/v2.0`. */
    private readonly origin: string,
    private readonly now: () => number = Date.now,
  ) {
    this.jwks = createLocalJWKSet(jwks);
  }

  async verify(authorization: string | undefined): Promise<VerifyResult> {
    const m = /^\s*bearer\s*(.*)$/i.exec(authorization ?? '');
    const token = m?.[1]?.trim() ?? '';
    if (!authorization || !m || token === '') return fail('Access token is empty.');
    const parts = token.split('.');
    if (parts.length !== 3) return fail(NOT_WELL_FORMED);
    let claims: Record<string, unknown>;
    try {
      decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      return fail("IDX14102: Unable to decode the header or payload of the JWT as Base64Url encoded string.");
    }
    try {
      await compactVerify(token, this.jwks, { algorithms: ['RS256'] });
    } catch {
      return fail('Access token validation failure.');
    }
    const nowSec = Math.floor(this.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp <= nowSec) return fail('Lifetime validation failed, the token is expired.');
    if (typeof claims.nbf === 'number' && claims.nbf > nowSec) return fail('Lifetime validation failed, the token is not yet valid.');
    const aud = claims.aud;
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.some((a) => typeof a === 'string' && ACCEPTED_AUDIENCES.has(a))) {
      return fail('Access token validation failure. Invalid audience.');
    }
    if (claims.tid !== TENANT_ID || claims.iss !== issuerFor(this.origin)) {
      return fail('Access token validation failure. Invalid issuer.');
    }
    const scp = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    if (scp.length === 0 && roles.length === 0) return fail('Either scp or roles claim need to be present in the token.', 403);
    const appId = str(claims.azp) ?? str(claims.appid) ?? '';
    const isUser = scp.length > 0;
    const username = str(claims.preferred_username) ?? str(claims.upn);
    const name = str(claims.name);
    const principal: Principal = {
      kind: isUser ? 'user' : 'app',
      oid: isUser ? (str(claims.oid) ?? '') : appId,
      tenantId: TENANT_ID,
      appId,
      permissions: isUser ? scp : roles,
      ...(isUser && username ? { username } : {}),
      ...(isUser && name ? { name } : {}),
    };
    return { ok: true, principal };
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
