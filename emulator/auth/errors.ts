/**
 * Entra-shaped OAuth errors: the token endpoint's JSON body and the
 * parameters of an error redirect, with AADSTS codes in the description.
 */
import { randomUUID } from 'node:crypto';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'access_denied'
  | 'login_required'
  | 'interaction_required'
  | 'consent_required'
  | 'server_error'
  | 'temporarily_unavailable';

/** An OAuth failure: `status` for the token endpoint, `aadsts` for the description and error_codes. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly aadsts: number,
    readonly description: string,
    readonly status = 400,
    /** Extra redirect parameters, e.g. `error_subcode=cancel`. */
    readonly extra: Record<string, string> = {},
  ) {
    super(`AADSTS${aadsts}: ${description}`);
    this.name = 'OAuthError';
  }
}

/** Entra's timestamp format in error bodies: `2024-05-01 12:00:00Z`. */
function entraTimestamp(d = new Date()): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  /** Entra's sub-error, e.g. `consent_required` on an invalid_grant (MSAL reads it as "interaction required"). */
  suberror?: string;
}

export function entraErrorBody(err: OAuthError, ids: { traceId: string; correlationId?: string }, origin: string): EntraErrorBody {
  const timestamp = entraTimestamp();
  const correlationId = ids.correlationId ?? randomUUID();
  return {
    error: err.error,
    error_description: `AADSTS${err.aadsts}: ${err.description} Trace ID: ${ids.traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [err.aadsts],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: correlationId,
    error_uri: `${origin}/error?code=${err.aadsts}`,
    ...(err.extra['suberror'] ? { suberror: err.extra['suberror'] } : {}),
  };
}

export function missingParameter(name: string): OAuthError {
  return new OAuthError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}
