import { CLIENT_ERROR_CODES, GraphError, type GraphInnerError, type GraphMethod } from './errors.ts';
import type { NoResponse } from './exchange.ts';

/** Appended to the message of a write whose outcome is unknown (GraphError.ambiguous). */
export const MAYBE_DONE = ' The change may or may not have been made: reload and check before trying again.';

/** What the transport read from one failed HTTP response. */
export interface FailedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  /** The whole body as text ('' when there was none). */
  text: string;
}

export interface RequestContext {
  method: GraphMethod;
  path: string;
  clientRequestId: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Intune answers many errors with a JSON document inside `error.message`
 * (`{"_version":3,"Message":"… - Operation ID …", …}`). Show its `Message`.
 */
function readableMessage(message: string): string {
  if (!message.trimStart().startsWith('{')) return message;
  const inner = parseJson(message);
  return (isRecord(inner) && nonEmptyString(inner.Message)) || message;
}

/** Graph's `{"error":{code,message,innerError}}`, or undefined when the body is something else. */
function graphErrorBody(text: string): { code: string; message: string; innerError?: GraphInnerError } | undefined {
  const doc = parseJson(text);
  if (!isRecord(doc) || !isRecord(doc.error)) return undefined;
  const code = nonEmptyString(doc.error.code);
  if (!code) return undefined;
  const inner = doc.error.innerError ?? doc.error.innererror;
  const message = nonEmptyString(doc.error.message);
  return {
    code,
    message: message ? readableMessage(message) : code,
    innerError: isRecord(inner) ? (inner as GraphInnerError) : undefined,
  };
}

/**
 * Builds the GraphError for a non-2xx response. Never fails: an empty, HTML or
 * otherwise non-Graph body still yields the status and request-id, with code
 * `HttpError<status>`. The body itself is never copied into the error.
 */
export function graphErrorFromResponse(
  res: FailedResponse,
  ctx: RequestContext,
  extra: { retryAfterMs?: number; ambiguous: boolean },
): GraphError {
  const body = graphErrorBody(res.text);
  const inner = body?.innerError;
  return new GraphError({
    status: res.status,
    code: body?.code ?? `HttpError${res.status}`,
    message: body?.message ?? `Microsoft Graph answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} without an error description.`,
    method: ctx.method,
    path: ctx.path,
    requestId: nonEmptyString(res.headers.get('request-id')) ?? nonEmptyString(inner?.['request-id']),
    clientRequestId: ctx.clientRequestId,
    date: nonEmptyString(inner?.date) ?? nonEmptyString(res.headers.get('date')),
    innerError: inner,
    retryAfterMs: extra.retryAfterMs,
    ambiguous: extra.ambiguous,
  });
}

/**
 * The GraphError for an attempt that got no complete response. Only a write
 * is ambiguous: the service may have carried it out before the line dropped.
 */
export function graphErrorForNoResponse(outcome: NoResponse, ctx: RequestContext, timeoutMs: number): GraphError {
  const timeout = outcome.failure === 'timeout';
  const ambiguous = ctx.method !== 'GET';
  const what = timeout
    ? `No response from Microsoft Graph within ${Math.round(timeoutMs / 1000)} s.`
    : 'Microsoft Graph could not be reached (network error, offline, or blocked by the browser).';
  return new GraphError({
    status: 0,
    code: timeout ? CLIENT_ERROR_CODES.timeout : CLIENT_ERROR_CODES.network,
    message: ambiguous ? what + MAYBE_DONE : what,
    ...ctx,
    ambiguous,
    cause: outcome.cause,
  });
}
