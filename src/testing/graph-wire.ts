/**
 * The wire side of the fake Graph (src/testing/fake-graph.ts): the request
 * log's entries, replies, route rules, and Graph-shaped errors.
 */
import { errorResponse, GraphError as EngineError } from '../../emulator/graph/errors.ts';
import type { GraphRequest } from '../../emulator/types.ts';

/** One request as the fake Graph saw it. */
export interface FakeRequest {
  method: string;
  /** The URL as the client sent it (ids still percent-encoded). */
  url: string;
  /** Path below `/beta`, decoded, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** Parsed JSON body (undefined when none was sent). */
  body: unknown;
  signal: AbortSignal | undefined;
  /** The request-id Graph answers with. */
  requestId: string;
  /** Status of the answer (undefined while pending, or when the connection dropped or hung). */
  status?: number;
}

/** An answer: a JSON body (objects) or text/plain (strings, e.g. `$count`); none for 204. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Which requests a route rule applies to: `path` exact (below /beta, no query) or a RegExp tested on it; no path: any. */
export interface Route {
  method?: string;
  path?: string | RegExp;
  /** Applies to this many matching requests, then falls through (default: all). */
  times?: number;
}

/** Answers a routed request: a Reply, or undefined to let Graph (the engine) answer; `graph()` asks the engine. */
export type RouteHandler = (request: FakeRequest, graph: () => Reply) => Reply | undefined | Promise<Reply | undefined>;

/** A Graph error reply, shaped as Graph sends it (innerError with date and request ids). */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>, request?: Pick<FakeRequest, 'requestId' | 'headers'>): Reply {
  const error = new EngineError(status, code, message, headers ? { headers } : {});
  const ids = { requestId: request?.requestId ?? 'fake-request-id', clientRequestId: request?.headers.get('client-request-id') ?? undefined };
  const res = errorResponse(ids as GraphRequest, error, new Date());
  return { status: res.status, body: res.body, ...(res.headers && { headers: res.headers }) };
}

/** A promise that rejects with the signal's reason once it aborts (as a browser's fetch does), and never resolves. */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export const matches = (route: Omit<Route, 'times'>, req: Pick<FakeRequest, 'method' | 'path'>): boolean =>
  (route.method === undefined || route.method.toUpperCase() === req.method) &&
  (route.path === undefined || (typeof route.path === 'string' ? route.path === req.path : route.path.test(req.path)));

export function toResponse(reply: Reply, requestId: string, clientRequestId: string | undefined): Response {
  const headers = new Headers({ 'request-id': requestId, ...(clientRequestId && { 'client-request-id': clientRequestId }), ...reply.headers });
  if (reply.status === 204 || reply.body === undefined) return new Response(null, { status: reply.status, headers });
  const text = typeof reply.body === 'string';
  if (!headers.has('Content-Type')) headers.set('Content-Type', text ? 'text/plain; charset=utf-8' : 'application/json; odata.metadata=minimal; charset=utf-8');
  return new Response(text ? (reply.body as string) : JSON.stringify(reply.body), { status: reply.status, headers });
}
