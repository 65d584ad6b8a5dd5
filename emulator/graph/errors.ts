/**
 * Graph-shaped errors. Handlers throw GraphError; the router turns it into
 * `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`.
 */
import type { GraphRequest, GraphResponse } from '../types.ts';

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(status: number, code: string, message: string, opts: { details?: readonly ErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'GraphError';
    this.status = status;
    this.code = code;
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export function badRequest(message: string, details?: readonly ErrorDetail[]): GraphError {
  return new GraphError(400, 'BadRequest', message, details ? { details } : {});
}

export function notFound(message: string): GraphError {
  return new GraphError(404, 'ResourceNotFound', message);
}

export function segmentNotFound(segment: string): GraphError {
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

export function methodNotAllowed(method: string, allow: readonly string[]): GraphError {
  return new GraphError(405, 'MethodNotAllowed', `The HTTP method '${method}' is not allowed for the requested resource.`, {
    headers: { allow: allow.join(', ') },
  });
}

/** Graph's `innerError.date` has no fraction and no zone designator. */
function innerDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export function errorResponse(req: GraphRequest, err: GraphError, now: Date): GraphResponse {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.details && err.details.length > 0) error['details'] = err.details;
  error['innerError'] = {
    date: innerDate(now),
    'request-id': req.requestId,
    // Graph echoes the caller's id, or repeats its own when the caller sent none.
    'client-request-id': req.clientRequestId ?? req.requestId,
  };
  const res: GraphResponse = { status: err.status, body: { error } };
  if (err.headers) res.headers = { ...err.headers };
  return res;
}
