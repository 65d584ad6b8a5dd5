/**
 * In-memory state of the sign-in provider: pending sign-in transactions,
 * authorization codes, refresh tokens and browser sessions. Entries expire
 * lazily; nothing here survives a restart (like a real session store that
 * was wiped, clients simply sign in again).
 */
import { randomBytes, randomUUID } from 'node:crypto';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;
export const TRANSACTION_LIFETIME_MS = 30 * 60 * 1000;
/** Entra gives SPA refresh tokens a fixed 24-hour lifetime. */
export const SPA_REFRESH_LIFETIME_MS = 24 * 3600 * 1000;
export const SESSION_LIFETIME_MS = 24 * 3600 * 1000;

/** Validated authorize parameters, kept while the user picks an account. */
export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  responseMode: 'fragment' | 'query';
  scope: string;
  state?: string;
  nonce?: string;
  codeChallenge: string;
  loginHint?: string;
  /** Set once the account is chosen and the consent page is shown for it. */
  userOid?: string;
}

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userOid: string;
  nonce?: string;
  scope: string;
  /** The browser session's `sid`, for the id_token. */
  sid: string;
  expiresAt: number;
  /** Set at the first redemption attempt: codes are single use. */
  redeemed: boolean;
}

export interface RefreshGrant {
  clientId: string;
  userOid: string;
  scope: string;
  sid: string;
  expiresAt: number;
  /** Set when rotated: a used refresh token is rejected. */
  used: boolean;
  /** When an admin revoked the user's sessions (ms); the token is rejected from then on. */
  revokedAt?: number;
}

export interface Session {
  userOid: string;
  /** The `sid` claim / `session_state` value (not the cookie value). */
  sid: string;
  expiresAt: number;
}

function secret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

class ExpiringMap<T extends { expiresAt: number }> {
  private readonly map = new Map<string, T>();
  private sets = 0;
  constructor(private readonly now: () => number) {}
  set(key: string, value: T): void {
    this.map.set(key, value);
    if (++this.sets % 256 === 0) this.prune();
  }
  /** The entry, or undefined when absent or expired. */
  get(key: string): T | undefined {
    const v = this.map.get(key);
    if (v && v.expiresAt <= this.now()) {
      this.map.delete(key);
      return undefined;
    }
    return v;
  }
  /** Every entry, expired ones included. */
  entries(): IterableIterator<[string, T]> {
    return this.map.entries();
  }
  /** The entry even when expired (to tell "expired" from "unknown"). */
  peek(key: string): T | undefined {
    return this.map.get(key);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
  private prune(): void {
    // Keep expired entries a while after expiry so errors can say "expired", then drop them.
    const cutoff = this.now() - 3600 * 1000;
    for (const [k, v] of this.map) if (v.expiresAt < cutoff) this.map.delete(k);
  }
}

export class AuthStore {
  readonly transactions: ExpiringMap<AuthorizeParams & { expiresAt: number }>;
  readonly codes: ExpiringMap<CodeGrant>;
  readonly refreshTokens: ExpiringMap<RefreshGrant>;
  readonly sessions: ExpiringMap<Session>;
  /** On-demand permissions an admin consented to for the whole tenant (short Graph names). */
  readonly tenantConsents = new Set<string>();

  constructor(readonly now: () => number = Date.now) {
    this.transactions = new ExpiringMap(now);
    this.codes = new ExpiringMap(now);
    this.refreshTokens = new ExpiringMap(now);
    this.sessions = new ExpiringMap(now);
  }

  newTransaction(params: AuthorizeParams): string {
    const id = secret(18);
    this.transactions.set(id, { ...params, expiresAt: this.now() + TRANSACTION_LIFETIME_MS });
    return id;
  }

  newCode(grant: Omit<CodeGrant, 'expiresAt' | 'redeemed'>): string {
    const code = `1.${secret(48)}`;
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_LIFETIME_MS, redeemed: false });
    return code;
  }

  newRefreshToken(grant: Omit<RefreshGrant, 'expiresAt' | 'used'>): { token: string; expiresInSec: number } {
    const token = `1.${secret(64)}`;
    this.refreshTokens.set(token, { ...grant, expiresAt: this.now() + SPA_REFRESH_LIFETIME_MS, used: false });
    return { token, expiresInSec: Math.floor(SPA_REFRESH_LIFETIME_MS / 1000) };
  }

  /** Starts a browser session; returns the cookie value. */
  newSession(userOid: string): { cookie: string; session: Session } {
    const cookie = secret(32);
    const session: Session = { userOid, sid: randomUUID(), expiresAt: this.now() + SESSION_LIFETIME_MS };
    this.sessions.set(cookie, session);
    return { cookie, session };
  }

  /** Revokes the user's refresh tokens (kept, marked, so the error can say so) and ends their sessions. */
  revokeUser(userOid: string): { refreshTokens: number; sessions: number } {
    const at = this.now();
    let refreshTokens = 0;
    for (const [, grant] of this.refreshTokens.entries()) {
      if (grant.userOid === userOid && grant.revokedAt === undefined && !grant.used) {
        grant.revokedAt = at;
        refreshTokens++;
      }
    }
    let sessions = 0;
    for (const [cookie, session] of [...this.sessions.entries()]) {
      if (session.userOid === userOid) {
        this.sessions.delete(cookie);
        sessions++;
      }
    }
    return { refreshTokens, sessions };
  }

  clear(): void {
    this.transactions.clear();
    this.codes.clear();
    this.refreshTokens.clear();
    this.sessions.clear();
    this.tenantConsents.clear();
  }
}
