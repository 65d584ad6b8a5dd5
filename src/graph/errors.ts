/**
 * The one error type the Graph client throws for anything the service (or the
 * network on the way to it) did. Token errors from `getToken` and aborts (the
 * caller's AbortSignal reason, usually a DOMException `AbortError`) are
 * rethrown unchanged, so react-query sees a cancellation as a cancellation and
 * src/auth's interaction-required errors reach the sign-in UI intact.
 */

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** `error.innerError` as Graph sends it; other keys are kept as they came. */
export interface GraphInnerError {
  date?: string;
  'request-id'?: string;
  'client-request-id'?: string;
  [key: string]: unknown;
}

/** Codes the client itself uses when the service gave none. */
export const CLIENT_ERROR_CODES = {
  /** The request did not complete (DNS, TLS, CORS, connection reset, offline). */
  network: 'NetworkError',
  /** No complete response within `timeoutMs`. */
  timeout: 'Timeout',
  /** A success status with a body that is not what Graph sends. */
  invalidResponse: 'InvalidResponse',
  /** An `@odata.nextLink` the client refuses to follow (another origin, a loop). */
  invalidNextLink: 'InvalidNextLink',
} as const;

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  method: GraphMethod;
  /** Path below the version segment, without a query string. */
  path: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  innerError?: GraphInnerError;
  retryAfterMs?: number;
  ambiguous?: boolean;
  cause?: unknown;
}

export class GraphError extends Error {
  override readonly name = 'GraphError';
  /** HTTP status; 0 when no response arrived (network failure, timeout) or the client refused to go on. */
  readonly status: number;
  /** Graph's `error.code`, one of {@link CLIENT_ERROR_CODES}, or `HttpError<status>` for a body that is not a Graph error. */
  readonly code: string;
  /** `request-id` response header, else `innerError["request-id"]`: what Microsoft support asks for. */
  readonly requestId?: string;
  /** The `client-request-id` this client sent (one per logical request, kept across retries). */
  readonly clientRequestId?: string;
  /** `innerError.date`, else the `Date` response header. */
  readonly date?: string;
  readonly innerError?: GraphInnerError;
  readonly method: GraphMethod;
  /** Path below the version segment. Never carries query values (filters, skip tokens). */
  readonly path: string;
  /** How long the service asked the client to wait (429/503 `Retry-After`), in ms. */
  readonly retryAfterMs?: number;
  /**
   * The service may have carried out this request even though it failed: a
   * write whose outcome is unknown (network error or timeout after sending,
   * 500/502/503/504, or a failure on a retry of such an attempt). Re-read the
   * state before repeating it — a repeated POST can create a duplicate.
   */
  readonly ambiguous: boolean;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.innerError = init.innerError;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
    this.ambiguous = init.ambiguous ?? false;
  }

  /** Lines to paste into a support ticket: no bodies, no query values, no token. */
  supportDetails(): string {
    return [
      `${this.method} ${this.path}`,
      `Status: ${this.status === 0 ? 'no response' : this.status}`,
      `Code: ${this.code}`,
      this.requestId && `request-id: ${this.requestId}`,
      this.clientRequestId && `client-request-id: ${this.clientRequestId}`,
      this.date && `Date: ${this.date}`,
    ]
      .filter(Boolean)
      .join('\n');
  }
}

export function isGraphError(e: unknown): e is GraphError {
  return e instanceof GraphError;
}

const PERMISSION_MARKER = /must have one of the following (?:scopes|roles|permissions)\s*:/i;
const PERMISSION_NAME = /^[\s,]*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)/;

/**
 * Permission names a 403 says are missing, from messages such as "Application
 * is not authorized to perform this operation. Application must have one of
 * the following scopes: DeviceManagementConfiguration.ReadWrite.All". Intune
 * appends " - Operation ID (for customer support): …", so names are read one
 * by one and reading stops at the first thing that is not a permission name.
 * Returns `[]` for anything else (including a 403 that names nothing, such as
 * a missing Intune role).
 */
export function missingPermissionFrom(error: unknown): string[] {
  if (!isGraphError(error) || error.status !== 403) return [];
  const marker = PERMISSION_MARKER.exec(error.message);
  if (!marker) return [];
  let rest = error.message.slice(marker.index + marker[0].length);
  const names: string[] = [];
  for (let m = PERMISSION_NAME.exec(rest); m; m = PERMISSION_NAME.exec(rest)) {
    const name = m[1] as string;
    if (!names.includes(name)) names.push(name);
    rest = rest.slice(m[0].length);
  }
  return names;
}

/**
 * Why a 403 refused a request: `scope` when the message names a missing
 * permission (the token lacks e.g. DeviceManagementConfiguration.ReadWrite.All),
 * `intuneRole` for any other 403 — with admin consent every user's token has
 * the write scope, and Intune's role-based access (a Read Only Operator, a role
 * without Device configurations permissions) refuses with a message that names
 * nothing. Undefined for anything that is not a 403 GraphError.
 */
export function forbiddenKind(error: unknown): 'scope' | 'intuneRole' | undefined {
  if (!isGraphError(error) || error.status !== 403) return undefined;
  return missingPermissionFrom(error).length > 0 ? 'scope' : 'intuneRole';
}
