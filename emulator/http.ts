/**
 * Small HTTP helpers shared by the emulator's server, sign-in provider and
 * control API: request ids, body reading, response writers, Graph-shaped
 * errors, CORS, cookies, HTML escaping and log-safe paths.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Largest request body the emulator reads (Graph's own limit is similar). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export const GRAPH_JSON_CONTENT_TYPE =
  'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

export function newRequestId(): string {
  return randomUUID();
}

/** Per-request context every writer needs: ids for the response headers and error bodies. */
export interface RequestContext {
  requestId: string;
  clientRequestId?: string;
}

/** First value of a header, or undefined. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  if (Array.isArray(v)) return v.join(', ');
  return v;
}

/** Lower-cased header map with string values (arrays joined as HTTP does). */
export function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request body exceeds ${MAX_BODY_BYTES} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the whole request body up to `limit` bytes; rejects with BodyTooLargeError beyond it. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(header(req, 'content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) {
        failed = true;
        reject(err);
      }
    });
  });
}

/** Parses a body as JSON: undefined when empty, `{ error }` when malformed. */
export function parseJsonBody(buf: Buffer): { body?: unknown; error?: string } {
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return {};
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Sets the headers every emulator response carries (Date is added by Node). */
export function setCommonHeaders(res: ServerResponse, ctx: RequestContext): void {
  res.setHeader('request-id', ctx.requestId);
  if (ctx.clientRequestId) res.setHeader('client-request-id', ctx.clientRequestId);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8',
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    // No form-action: browsers apply it to the redirect that follows the sign-in form too.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
    'X-Content-Type-Options': 'nosniff',
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { 'Cache-Control': 'no-store', ...headers, Location: location, 'Content-Length': 0 });
  res.end();
}

/** Graph's error date: ISO 8601 without fraction or zone, e.g. `2024-05-01T12:00:00`. */
export function graphDate(d = new Date()): string {
  return d.toISOString().slice(0, 19);
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id'?: string } };
}

export function graphErrorBody(code: string, message: string, ctx: RequestContext): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        date: graphDate(),
        'request-id': ctx.requestId,
        ...(ctx.clientRequestId ? { 'client-request-id': ctx.clientRequestId } : {}),
      },
    },
  };
}

export function sendGraphError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  ctx: RequestContext,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, graphErrorBody(code, message, ctx), headers, GRAPH_JSON_CONTENT_TYPE);
}

export { graphCodeForStatus, graphMessageForStatus } from './faults.ts';

// ---- CORS -----------------------------------------------------------------

export const GRAPH_CORS_ALLOW_HEADERS =
  'Authorization, Content-Type, client-request-id, ConsistencyLevel, Prefer, If-Match, If-None-Match, return-client-request-id, x-ms-client-request-id, x-ms-app-name, x-ms-app-version, x-ms-lib-capability, x-anchormailbox, SdkVersion';
export const GRAPH_CORS_EXPOSE_HEADERS = 'request-id, client-request-id, Retry-After, Location, Date, ETag, x-ms-ags-diagnostic';

/**
 * The headers a preflight may ask for. Graph accepts any `x-ms-*` header, so
 * the requested list is echoed when every name is in the allowed set.
 */
export function allowedRequestHeaders(req: IncomingMessage, base: string): string {
  const asked = header(req, 'access-control-request-headers');
  if (!asked) return base;
  const allowed = new Set(base.toLowerCase().split(/\s*,\s*/));
  const names = asked
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ok = names.filter((n) => allowed.has(n.toLowerCase()) || n.toLowerCase().startsWith('x-ms-') || n.toLowerCase().startsWith('x-client-'));
  return [base, ...ok.filter((n) => !allowed.has(n.toLowerCase()))].join(', ');
}

export function graphCorsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': header(req, 'origin') ?? '*',
    'Access-Control-Expose-Headers': GRAPH_CORS_EXPOSE_HEADERS,
    Vary: 'Origin',
  };
}

export function graphPreflightHeaders(req: IncomingMessage): Record<string, string> {
  return {
    ...graphCorsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': allowedRequestHeaders(req, GRAPH_CORS_ALLOW_HEADERS),
    'Access-Control-Max-Age': '3600',
  };
}

// ---- cookies, forms, HTML -------------------------------------------------

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  const raw = header(req, 'cookie');
  if (!raw) return out;
  for (const part of raw.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Query parameters whose values are safe and useful in logs; every other value is redacted. */
const LOGGABLE_QUERY = new Set(['$top', '$skip', '$count', '$select', '$expand', '$orderby', 'api-version', 'response_mode', 'prompt']);

/** The request path with query values redacted (they can hold codes, states, hints or filters on ICCIDs). */
export function logSafePath(rawUrl: string): string {
  const q = rawUrl.indexOf('?');
  if (q < 0) return rawUrl;
  const params = new URLSearchParams(rawUrl.slice(q + 1));
  const parts: string[] = [];
  for (const [k, v] of params) parts.push(LOGGABLE_QUERY.has(k) ? `${k}=${v}` : `${k}=…`);
  return `${rawUrl.slice(0, q)}?${parts.join('&')}`;
}

// ---- client ---------------------------------------------------------------

export interface LocalResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = unknown>(): T;
}

export interface LocalRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The emulator's certificate (PEM) to trust; without it the certificate is not verified. */
  ca?: string;
  /** Aborts the request (the connection is closed). */
  signal?: AbortSignal;
}

/**
 * A minimal HTTPS client for tests, benchmarks and scripts that talk to a
 * running emulator (Node's fetch cannot be told to trust one certificate
 * without an extra dependency). Rejects on connection errors such as a
 * dropped socket.
 */
export function localRequest(url: string, opts: LocalRequestOptions = {}): Promise<LocalResponse> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: opts.method ?? 'GET',
        headers: {
          ...(opts.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
        ...(opts.ca ? { ca: opts.ca } : { rejectUnauthorized: false }),
        agent: false,
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
