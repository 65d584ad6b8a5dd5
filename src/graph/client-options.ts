/** Options of the Graph client and of its requests, with their defaults. */
import type { GraphError } from './errors.ts';
import type { ODataQuery } from './odata.ts';

/**
 * Browser-sized bounds. A healthy Graph answers these calls in well under a
 * few seconds; the Graph SDKs' own default (100 s per request) is meant for
 * servers, not for an admin watching a spinner. 30 s per attempt and 90 s
 * for the whole request: a stalled read is tried twice and fails after about
 * a minute, a stalled write is cut once at 30 s and reported as ambiguous.
 */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 90_000;

export interface TokenRequest {
  forceRefresh?: boolean;
  signal?: AbortSignal;
  /** Decoded claims (JSON) from a claims challenge; pass to MSAL's `claims` request field. */
  claims?: string;
  /** A delegated permission beyond the sign-in's that the request needs (see RequestOptions.permission). */
  permission?: string;
}

export interface GraphClientOptions {
  /** Origin of Graph for the cloud, e.g. https://graph.microsoft.com (no path, no version). */
  baseUrl: string;
  /** Default 'beta'. */
  version?: 'beta' | 'v1.0';
  /** Asked before every attempt (tokens can expire during a Retry-After wait). Its errors are rethrown unchanged. */
  getToken: (opts: TokenRequest) => Promise<string>;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Retries after the first attempt (401 re-authentication not counted). Default 4. */
  maxRetries?: number;
  /** Give up, throwing the 429/503 with `retryAfterMs`, when the service asks to wait longer. Default 120 000. */
  maxRetryAfterMs?: number;
  /**
   * Per attempt, body included; a stalled attempt is cut and handled like a
   * lost response (a read is retried, a write is thrown as ambiguous). Default 30 000.
   */
  timeoutMs?: number;
  /**
   * Per logical request: every attempt, backoff and Retry-After wait (not the
   * time spent getting a token, which may be an interactive sign-in). A retry is
   * made only when its wait plus a whole attempt still fit; otherwise the last
   * error is thrown as it is, `retryAfterMs` included, so a caller can pause
   * and try again later. Default 90 000.
   */
  deadlineMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  newId?: () => string;
  /** Clock (ms) for the deadline, and for an HTTP-date `Retry-After` when the response has no `Date` header. */
  now?: () => number;
  /**
   * Told about every 403 on a write (any method but GET), just before it is
   * thrown: the service refused a change, so the app can turn read-only. See
   * {@link forbiddenKind} to tell a missing scope from a missing Intune role.
   * What it throws is ignored.
   */
  onWriteForbidden?: (error: GraphError) => void;
}

export interface RequestOptions {
  query?: ODataQuery;
  body?: unknown;
  /** Extra headers (e.g. Prefer). Authorization and client-request-id are always the client's own. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Adds `ConsistencyLevel: eventual` (directory advanced queries: $search, $count). */
  consistencyLevelEventual?: boolean;
  /** A POST that only reads (`/directoryObjects/getByIds`): its 403 is not a refused write. */
  readOnly?: boolean;
  /**
   * A delegated permission name beyond the sign-in's (e.g. 'DeviceManagementApps.Read.All')
   * that this request needs: its token is asked for with that permission (incremental consent).
   */
  permission?: string;
}

export type BodylessOptions = Omit<RequestOptions, 'body'>;

export function defaultNewId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; keep a v4 UUID elsewhere too.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function nonNegativeInteger(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`GraphClient: ${name} must be a whole number ≥ 0 (got ${v})`);
  return v;
}

