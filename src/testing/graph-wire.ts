/**
 * The wire side of the fake Graph (src/testing/fake-graph.ts): reading a fetch
 * call into the request log's entry and the engine's request, replies, route
 * rules, and Graph-shaped errors.
 */
import { SPA_CLIENT_ID } from '../../emulator/constants.ts';
import { errorResponse, GraphError as EngineError } from '../../emulator/graph/errors.ts';
import type { GraphRequest, GraphResponse, Principal } from '../../emulator/types.ts';
import type { FakeAuth } from './fake-auth.ts';

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
  return replyOf(errorResponse(ids as GraphRequest, error, new Date()));
}

/** The engine's response as a reply. */
export const replyOf = (res: GraphResponse): Reply => ({ status: res.status, body: res.body, ...(res.headers && { headers: res.headers }) });

/** The caller Graph sees: the signed-in account of `auth`, through the console's app registration. */
export function principalOf(auth: FakeAuth): Principal {
  return {
    kind: 'user',
    oid: auth.seedUser.oid,
    tenantId: auth.user.tenantId,
    appId: SPA_CLIENT_ID,
    username: auth.user.username,
    name: auth.user.name,
    permissions: auth.scopes,
  };
}

/**
 * A fetch call to `{origin}/beta/…` as the request log keeps it and as the
 * engine takes it (a body that is not JSON goes to the engine as `bodyError`,
 * which answers it as Graph does).
 */
export function readFetch(
  input: RequestInfo | URL,
  init: RequestInit,
  call: { origin: string; newRequestId: () => string; principal: Principal },
): { request: FakeRequest; engineRequest: GraphRequest } {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== call.origin || !url.pathname.startsWith('/beta/')) throw new TypeError(`fake Graph: unexpected URL ${url.href}`);
  const rawBody = typeof init.body === 'string' ? init.body : undefined;
  let body: unknown;
  let bodyError: string | undefined;
  try {
    body = rawBody === undefined ? undefined : JSON.parse(rawBody);
  } catch (e) {
    bodyError = e instanceof Error ? e.message : String(e);
  }
  const headers = new Headers(init.headers);
  const requestId = call.newRequestId();
  const request: FakeRequest = {
    method: (init.method ?? 'GET').toUpperCase(),
    url: url.href,
    path: url.pathname.slice('/beta'.length).split('/').map(decodeURIComponent).join('/'),
    query: url.searchParams,
    headers,
    body,
    signal: init.signal ?? undefined,
    requestId,
  };
  const clientRequestId = headers.get('client-request-id') ?? undefined;
  const engineRequest: GraphRequest = {
    method: request.method,
    path: request.path,
    query: request.query,
    headers: Object.fromEntries([...headers].map(([k, v]) => [k.toLowerCase(), v])),
    body,
    ...(bodyError !== undefined && { bodyError }),
    principal: call.principal,
    baseUrl: `${call.origin}/beta`,
    requestId,
    ...(clientRequestId !== undefined && { clientRequestId }),
  };
  return { request, engineRequest };
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
