/**
 * Minting of Entra-shaped JWTs (RS256, `kid` header): access tokens for
 * Microsoft Graph (delegated `scp` or application `roles`) and id_tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { GRAPH_RESOURCE, TENANT_ID, type SeedUser } from '../constants.ts';
import type { KeySet } from './keys.ts';

export function issuerFor(origin: string, tenantId = TENANT_ID): string {
  return `${origin}/${tenantId}/v2.0`;
}

/** Entra's `uti`: a short random token identifier. */
function uti(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}

/** A stable pairwise `sub` per user and client, as Entra issues. */
export function pairwiseSub(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}|${clientId}`).digest('base64url').slice(0, 43);
}

export interface AccessTokenInput {
  /** Signed-in user for delegated tokens; absent for app tokens. */
  user?: Pick<SeedUser, 'oid' | 'username' | 'name'>;
  clientId: string;
  /** Delegated scopes (short names); an empty list omits `scp`. */
  scp?: readonly string[];
  /** Application roles; an empty list omits `roles`. */
  roles?: readonly string[];
  lifetimeSec: number;
  audience?: string;
  tenantId?: string;
  /** Sign with the unpublished key (tests of signature validation). */
  foreignKey?: boolean;
  now?: Date;
}

export class TokenMinter {
  constructor(
    private readonly keys: KeySet,
    /** The issuer's origin, e.g. `https://localhost:8443`. */
    readonly origin: string,
  ) {}

  get issuer(): string {
    return issuerFor(this.origin);
  }

  async accessToken(input: AccessTokenInput): Promise<{ token: string; expiresOn: number }> {
    const nowSec = Math.floor((input.now ?? new Date()).getTime() / 1000);
    const exp = nowSec + input.lifetimeSec;
    // An already-expired test token still has a plausible issue time before its expiry.
    const iat = Math.min(nowSec, exp - 60);
    const tid = input.tenantId ?? TENANT_ID;
    const claims: JWTPayload & Record<string, unknown> = {
      aud: input.audience ?? GRAPH_RESOURCE,
      iss: issuerFor(this.origin, tid),
      iat,
      nbf: iat,
      exp,
      tid,
      azp: input.clientId,
      appid: input.clientId,
      azpacr: input.user ? '0' : '1',
      ver: '2.0',
      uti: uti(),
    };
    if (input.user) {
      Object.assign(claims, {
        oid: input.user.oid,
        sub: pairwiseSub(input.user.oid, input.clientId),
        preferred_username: input.user.username,
        upn: input.user.username,
        name: input.user.name,
        idtyp: 'user',
      });
    } else {
      Object.assign(claims, { oid: input.clientId, sub: input.clientId, idtyp: 'app' });
    }
    if (input.scp && input.scp.length > 0) claims.scp = input.scp.join(' ');
    if (input.roles && input.roles.length > 0) claims.roles = [...input.roles];
    const key = input.foreignKey ? await this.keys.foreign() : this.keys.active;
    const token = await new SignJWT(claims)
      // The active kid even for the foreign key: validation must fail on the signature itself.
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keys.active.kid })
      .sign(key.privateKey);
    return { token, expiresOn: exp };
  }

  async idToken(input: {
    user: Pick<SeedUser, 'oid' | 'username' | 'name'>;
    clientId: string;
    nonce?: string;
    sid?: string;
    lifetimeSec?: number;
    now?: Date;
  }): Promise<string> {
    const nowSec = Math.floor((input.now ?? new Date()).getTime() / 1000);
    const claims: JWTPayload & Record<string, unknown> = {
      aud: input.clientId,
      iss: this.issuer,
      iat: nowSec,
      nbf: nowSec,
      exp: nowSec + (input.lifetimeSec ?? 3600),
      oid: input.user.oid,
      sub: pairwiseSub(input.user.oid, input.clientId),
      tid: TENANT_ID,
      preferred_username: input.user.username,
      name: input.user.name,
      ver: '2.0',
      uti: uti(),
    };
    if (input.nonce !== undefined) claims.nonce = input.nonce;
    if (input.sid !== undefined) claims.sid = input.sid;
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keys.active.kid }).sign(this.keys.active.privateKey);
  }
}

/** `client_info` as Entra returns it: base64url of `{"uid","utid"}`. */
export function clientInfo(oid: string, tenantId = TENANT_ID): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tenantId })).toString('base64url');
}
