/**
 * The emulator's HTTPS platform: one origin serving the local Entra-shaped
 * sign-in provider (`/{tenant}/…`), Microsoft Graph beta (`/beta/…`: token
 * check → throttling → fault injection → engine) and the test-only control
 * API (`/_emulator/…`).
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OAuthError, entraErrorBody } from './auth/errors.ts';
import { createKeySet } from './auth/keys.ts';
import { createAuthProvider } from './auth/provider.ts';
import { AuthStore } from './auth/store.ts';
import { TokenMinter } from './auth/tokens.ts';
import { TokenVerifier, wwwAuthenticate } from './auth/verify.ts';
import { DEFAULT_CERT_DIR, loadOrCreateCert } from './cert.ts';
import { CONTROL_KEY_HEADER, DEFAULT_PORT, SPA_REDIRECT_URIS, TENANT_ID, USERS } from './constants.ts';
import { controlKeyFrom, controlKeyPath, controlOrigins, removeControlKey, writeControlKey } from './control-key.ts';
import { RequestLog, handleControl, isControlPath, type RequestLogEntry } from './control.ts';
import { Faults, STALL_MAX_MS, applyFault, type FaultRule } from './faults.ts';
import { createGraphEngine, type GraphEngine, type SeedName } from './graph/engine.ts';
import {
  BodyTooLargeError,
  GRAPH_JSON_CONTENT_TYPE,
  escapeHtml,
  graphCodeForStatus,
  graphCorsHeaders,
  graphErrorBody,
  graphMessageForStatus,
  graphPreflightHeaders,
  header,
  headerRecord,
  logSafePath,
  newRequestId,
  parseJsonBody,
  readBody,
  sendGraphError,
  sendHtml,
  sendJson,
  setCommonHeaders,
  type RequestContext,
} from './http.ts';
import { DEFAULT_THROTTLE, Throttle } from './throttle.ts';
import type { GraphRequest, GraphResponse, Principal } from './types.ts';

export type { SeedName } from './graph/engine.ts';

export interface EmulatorOptions {
  /** 0 = a random free port; default 8443. */
  port?: number;
  /** Default 'default'. */
  seed?: SeedName;
  /** `recent` moves seeded dates forward to just before now (see GraphEngineOptions.seedDates); default `fixed`. */
  seedDates?: 'fixed' | 'recent';
  /** Intune-like throttling; default true. */
  throttle?: boolean;
  /** Load the Graph state from this file when it exists; `saveState()` and the control API write it. */
  stateFile?: string;
  /** Where the TLS certificate is cached; default `<repo>/.emulator`. */
  certDir?: string;
  /** Access-token lifetime in seconds; default 3600. */
  accessTokenLifetimeSec?: number;
  /** One line per request (method, redacted path, status, ms). Nothing is logged without it. */
  log?: (line: string) => void;
  /** A Graph engine to serve instead of `createGraphEngine({ seed })` (tests of the HTTP layer). */
  engine?: GraphEngine;
  /** The control API's key (16–256 printable characters); default a new random key. */
  controlKey?: string;
  /**
   * Where to write the control key (mode 0600); default `<certDir>/control-key-<port>`,
   * `false` for nowhere. Removed on close.
   */
  controlKeyFile?: string | false;
  /** Origins of the console that may call the control API from a browser; default the origins of `redirectUris`. */
  consoleOrigins?: readonly string[];
  /**
   * The console app's registered SPA redirect URIs, as an app registration lists them
   * (Authentication → Single-page application); default SPA_REDIRECT_URIS
   * (http://localhost:4173/redirect.html and :5173). Sign-in accepts only these, and
   * the token endpoint's CORS and logout's post_logout_redirect_uri only their origins.
   */
  redirectUris?: readonly string[];
}

export interface RunningEmulator {
  /** `https://localhost:PORT` */
  origin: string;
  port: number;
  engine: GraphEngine;
  /** The self-signed certificate (PEM), for clients that trust it explicitly. */
  cert: string;
  /** This start's control API key, to send in `X-Emulator-Key`. */
  controlKey: string;
  /** The file holding the key, when one was written. */
  controlKeyFile?: string;
  /** Writes the Graph state to `stateFile`; resolves to its path (rejects without a state file). */
  saveState(): Promise<string>;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use on 127.0.0.1. Stop the other process (maybe another emulator) or choose another port.`);
    this.name = 'PortInUseError';
  }
}

const SAFE_CLIENT_REQUEST_ID = /^[A-Za-z0-9._:\-{}]{1,128}$/;

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = opts.seed ?? 'default';
  const accessTokenLifetimeSec = opts.accessTokenLifetimeSec ?? 3600;
  const controlKey = controlKeyFrom(opts.controlKey);
  const certDir = opts.certDir ?? DEFAULT_CERT_DIR;
  const tls = await loadOrCreateCert(certDir);
  const keys = await createKeySet();
  const engine = opts.engine ?? createGraphEngine({ seed, ...(opts.seedDates ? { seedDates: opts.seedDates } : {}) });
  const stateFile = opts.stateFile ? path.resolve(opts.stateFile) : undefined;
  if (stateFile && existsSync(stateFile)) {
    const text = await readFile(stateFile, 'utf8');
    try {
      engine.importState(JSON.parse(text) as unknown);
    } catch (e) {
      throw new Error(`Could not load the state file ${stateFile}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }

  // Handlers are bound once the port (and so the origin) is known.
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (!handler) {
      res.writeHead(503, { 'Retry-After': '1' }).end();
      return;
    }
    handler(req, res).catch(() => {
      // Last resort (e.g. a response that failed mid-write): never let one request take the process down.
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
  const servers: Server[] = [];
  const primary = createServer({ key: tls.key, cert: tls.cert }, onRequest);
  servers.push(primary);
  const port = await listen(primary, opts.port ?? DEFAULT_PORT, '127.0.0.1');
  // Also answer on ::1 so "localhost" works whichever address a client tries first.
  const v6 = createServer({ key: tls.key, cert: tls.cert }, onRequest);
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
  } catch {
    opts.log?.(`note: could not also listen on [::1]:${port}; IPv4 only`);
  }

  const origin = `https://localhost:${port}`;
  const controlKeyFile = opts.controlKeyFile === false ? undefined : (opts.controlKeyFile ?? controlKeyPath(certDir, port));
  if (controlKeyFile) {
    try {
      await writeControlKey(controlKeyFile, controlKey);
    } catch (e) {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      throw new Error(`Could not write the control key to ${controlKeyFile}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  const redirectUris = opts.redirectUris ?? SPA_REDIRECT_URIS;
  const allowedOrigins = controlOrigins(port, opts.consoleOrigins ?? redirectUris.map((u) => new URL(u).origin));
  const minter = new TokenMinter(keys, origin);
  const store = new AuthStore();
  const auth = createAuthProvider({ origin, port, keys, minter, store, accessTokenLifetimeSec, redirectUris });
  const verifier = new TokenVerifier(keys.jwks(), origin);
  const throttle = new Throttle({ ...DEFAULT_THROTTLE, enabled: opts.throttle ?? true });
  const faults = new Faults();
  const requests = new RequestLog();

  const saveState = async (): Promise<string> => {
    if (!stateFile) throw new Error('The emulator was started without a state file.');
    const tmp = `${stateFile}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(engine.exportState(), null, 2), { mode: 0o600 });
    await rename(tmp, stateFile);
    return stateFile;
  };

  const graph = createGraphRoute({ origin, engine, verifier, throttle, faults, log: opts.log });

  handler = async (req, res) => {
    const started = performance.now();
    const rawUrl = req.url ?? '/';
    let url: URL;
    try {
      // Concatenate rather than resolve: a path like `//host/x` must stay a path.
      url = new URL(rawUrl.startsWith('/') ? `${origin}${rawUrl}` : rawUrl);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request URL.');
      return;
    }
    const rawCrid = header(req, 'client-request-id') ?? url.searchParams.get('client-request-id') ?? undefined;
    const ctx: RequestContext = {
      requestId: newRequestId(),
      ...(rawCrid && SAFE_CLIENT_REQUEST_ID.test(rawCrid) ? { clientRequestId: rawCrid } : {}),
    };
    setCommonHeaders(res, ctx);
    // While drop faults are armed, no connection carries a second request: browsers silently
    // resend a request whose reused keep-alive connection died, which would hide the fault.
    if (faults.hasDropRules()) res.setHeader('Connection', 'close');
    const note: RequestNote = {};
    const control = isControlPath(url.pathname);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = Math.round(performance.now() - started);
      const status = note.dropped || !res.headersSent ? 0 : res.statusCode;
      const safePath = logSafePath(rawUrl);
      opts.log?.(`${req.method ?? '?'} ${safePath} ${note.dropped ? `dropped(${note.dropped})` : status} ${ms}ms`);
      if (control) return;
      const entry: RequestLogEntry = {
        time: new Date().toISOString(),
        method: req.method ?? '?',
        path: safePath,
        status,
        ms,
        requestId: ctx.requestId,
        ...(note.principal?.username ? { username: note.principal.username } : {}),
        ...(note.principal ? { appId: note.principal.appId } : {}),
        ...(note.fault ? { fault: note.fault } : {}),
        ...(note.dropped ? { dropped: note.dropped } : {}),
      };
      requests.add(entry);
    };
    res.on('finish', finish);
    res.on('close', finish);

    try {
      const first = url.pathname.split('/')[1] ?? '';
      if (first === 'beta') await graph(req, res, url, ctx, note);
      else if (first === 'v1.0') await graph(req, res, url, ctx, note, { v1: true });
      else if (control) {
        await handleControl(req, res, url, {
          engine,
          throttle,
          faults,
          requests,
          minter,
          defaultSeed: seed,
          ...(stateFile ? { saveState } : {}),
          onDropRule: () => servers.forEach((s) => s.closeIdleConnections()),
          key: controlKey,
          allowedOrigins,
          revokeUser: (oid) => store.revokeUser(oid),
          resetConsents: () => store.tenantConsents.clear(),
        });
      } else if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) sendHtml(res, 200, homePage(origin));
      else if (url.pathname === '/error' && req.method === 'GET') sendHtml(res, 200, errorCodePage(url.searchParams.get('code') ?? ''));
      else if (url.pathname === '/favicon.ico') res.writeHead(204).end();
      else if (await tokenFault(req, res, url, ctx, note)) return;
      else if (!(await auth.handle(req, res, url, ctx))) {
        sendGraphError(res, 404, 'NotFound', `Resource not found for the segment '${first}'.`, ctx, graphCorsHeaders(req));
      }
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
      } else if (e instanceof BodyTooLargeError) {
        res.setHeader('Connection', 'close');
        sendGraphError(res, 413, 'RequestEntityTooLarge', e.message, ctx, graphCorsHeaders(req));
      } else {
        opts.log?.(`error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} on ${req.method ?? '?'} ${url.pathname}`);
        sendGraphError(res, 500, 'InternalServerError', 'An internal server error occurred.', ctx, graphCorsHeaders(req));
      }
    }
  };

  /** Applies a fault rule with target 'token' to the token endpoint; true when it answered (or dropped) the request. */
  const tokenFault = async (req: IncomingMessage, res: ServerResponse, url: URL, ctx: RequestContext, note: RequestNote): Promise<boolean> => {
    if (req.method !== 'POST' || !/\/oauth2\/v2\.0\/token$/.test(url.pathname)) return false;
    const fault = faults.take('POST', url.pathname, url.pathname, 'token');
    if (!fault) return false;
    note.fault = fault.id;
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.stall || fault.drop === 'before') {
      note.dropped = fault.stall ? 'stalled' : 'before';
      if (fault.stall) await untilClosed(res, STALL_MAX_MS);
      req.socket.destroy();
      return true;
    }
    if (fault.status === undefined) return false;
    const err =
      fault.status === 429
        ? new OAuthError('temporarily_unavailable', 90033, 'Too many requests. Try again later.', 429)
        : new OAuthError('server_error', 90033, 'A transient error has occurred. Please try again.', fault.status);
    const body = entraErrorBody(err, { traceId: ctx.requestId, ...(ctx.clientRequestId ? { correlationId: ctx.clientRequestId } : {}) }, origin);
    const o = header(req, 'origin');
    sendJson(res, fault.status, body, {
      'Access-Control-Allow-Origin': o ?? '*',
      Vary: 'Origin',
      'Cache-Control': 'no-store',
      ...(fault.retryAfterSec !== undefined ? { 'Retry-After': String(fault.retryAfterSec) } : {}),
    });
    return true;
  };

  let closing: Promise<void> | null = null;
  return {
    origin,
    port,
    engine,
    cert: tls.cert,
    controlKey,
    ...(controlKeyFile ? { controlKeyFile } : {}),
    saveState,
    close() {
      closing ??= Promise.all([
        ...servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
        controlKeyFile ? removeControlKey(controlKeyFile, controlKey) : Promise.resolve(),
      ]).then(() => undefined);
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err.code === 'EADDRINUSE' && host === '127.0.0.1' ? new PortInUseError(port) : err);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, exclusive: true });
  });
}

// ---- Graph --------------------------------------------------------------------

/** What the Graph route learnt about a request, for the log. */
interface RequestNote {
  principal?: Principal;
  fault?: string;
  dropped?: RequestLogEntry['dropped'];
}

interface GraphRouteDeps {
  origin: string;
  engine: GraphEngine;
  verifier: TokenVerifier;
  throttle: Throttle;
  faults: Faults;
  log: ((line: string) => void) | undefined;
}

function createGraphRoute(deps: GraphRouteDeps) {
  const { origin, engine, verifier, throttle, faults } = deps;
  const baseUrl = `${origin}/beta`;

  return async function graph(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    ctx: RequestContext,
    note: RequestNote,
    opts: { v1?: boolean } = {},
  ): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const cors = graphCorsHeaders(req);
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...graphPreflightHeaders(req), 'Content-Length': 0 });
      res.end();
      return;
    }
    const raw = await readBody(req);

    const auth = await verifier.verify(header(req, 'authorization'));
    if (!auth.ok) {
      const extra: Record<string, string> = { ...cors };
      if (auth.failure.status === 401) extra['WWW-Authenticate'] = wwwAuthenticate(origin, auth.failure);
      sendGraphError(res, auth.failure.status, auth.failure.code, auth.failure.message, ctx, extra);
      return;
    }
    const principal = auth.principal;
    note.principal = principal;

    const versionPrefix = opts.v1 ? '/v1.0' : '/beta';
    let graphPath: string;
    try {
      graphPath = decodePath(url.pathname.slice(versionPrefix.length)) || '/';
    } catch {
      sendGraphError(res, 400, 'BadRequest', 'The request URI is not valid.', ctx, cors);
      return;
    }
    if (opts.v1) {
      const segments = graphPath.split('/').filter(Boolean);
      const segment = (segments[0] === 'deviceManagement' ? segments[1] : segments[0]) ?? '';
      sendGraphError(
        res,
        400,
        'BadRequest',
        `Resource not found for the segment '${segment}'. This emulator serves Microsoft Graph beta only (eSIM activation-code pools are a beta API).`,
        ctx,
        cors,
      );
      return;
    }

    const decision = throttle.admit(principal.tenantId, principal.appId, method);
    if (!decision.allowed) {
      sendGraphError(res, 429, 'TooManyRequests', 'Too many requests', ctx, { ...cors, 'Retry-After': String(decision.retryAfterSec) });
      return;
    }

    const fault: FaultRule | undefined = faults.take(method, graphPath, url.pathname);
    if (fault) note.fault = fault.id;
    const parsed = parseJsonBody(raw);
    const request: GraphRequest = {
      method,
      path: graphPath,
      query: new URLSearchParams(url.search),
      headers: headerRecord(req),
      ...(parsed.body !== undefined ? { body: parsed.body } : {}),
      ...(parsed.error !== undefined ? { bodyError: parsed.error } : {}),
      principal,
      baseUrl,
      requestId: ctx.requestId,
      ...(ctx.clientRequestId ? { clientRequestId: ctx.clientRequestId } : {}),
    };
    const outcome = await applyFault(fault, {
      delay: sleep,
      handle: async (): Promise<GraphResponse> => {
        try {
          return await engine.handle(request);
        } catch (e) {
          deps.log?.(`engine error: ${e instanceof Error ? e.name : 'Error'} on ${method} ${url.pathname}`);
          return { status: 500, body: graphErrorBody(graphCodeForStatus(500), graphMessageForStatus(500), ctx) };
        }
      },
    });
    if (outcome.kind === 'noAnswer') {
      note.dropped = outcome.how;
      // Stalled: never answered, held until the client gives up.
      if (outcome.how === 'stalled') await untilClosed(res, STALL_MAX_MS);
      req.socket.destroy();
      return;
    }
    if (outcome.kind === 'error') {
      const headers: Record<string, string> = { ...cors };
      if (outcome.retryAfterSec !== undefined) headers['Retry-After'] = String(outcome.retryAfterSec);
      sendGraphError(res, outcome.status, outcome.code, outcome.message, ctx, headers);
      return;
    }
    writeGraphResponse(res, outcome.response, cors, outcome.malformedJson);
  };
}

/** Resolves when the client closed the connection, or after `maxMs`. */
function untilClosed(res: ServerResponse, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    res.once('close', done);
  });
}

/** Decodes each segment of a path (`%20` → space); throws on malformed escapes. */
function decodePath(p: string): string {
  return p
    .split('/')
    .map((s) => decodeURIComponent(s))
    .join('/');
}

/** Writes the engine's answer; `malformed` cuts a JSON body short (a fault: 2xx with invalid JSON). */
function writeGraphResponse(res: ServerResponse, response: GraphResponse, cors: Record<string, string>, malformed = false): void {
  const headers: Record<string, string | number> = { ...cors, ...(response.headers ?? {}) };
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  if (response.status === 204 || response.status === 304 || response.body === undefined) {
    res.writeHead(response.status, { ...headers, 'Content-Length': 0 });
    res.end();
    return;
  }
  const full = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  const text = malformed ? full.slice(0, Math.max(1, Math.floor(full.length / 2))) : full;
  if (!hasType) headers['Content-Type'] = typeof response.body === 'string' ? 'text/plain; charset=utf-8' : GRAPH_JSON_CONTENT_TYPE;
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(response.status, headers);
  res.end(text);
}

// ---- pages ----------------------------------------------------------------------

function homePage(origin: string): string {
  const authority = `${origin}/${TENANT_ID}`;
  const link = (href: string, text = href) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local eSIM emulator</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;max-width:48rem;margin:2rem auto;padding:0 1rem}a{color:#0f548c}code{font-family:ui-monospace,monospace}a:focus-visible{outline:3px solid #000;outline-offset:2px}</style>
</head>
<body>
<main>
<h1>Local eSIM emulator</h1>
<p>A local double of Microsoft Entra ID (v2 sign-in) and Microsoft Graph beta (Intune eSIM activation-code pools), for the admin console's demo, end-to-end tests and benchmarks. Nothing here talks to Microsoft.</p>
<h2>Sign-in</h2>
<ul>
<li>Authority: <code>${escapeHtml(authority)}</code></li>
<li>${link(`${authority}/v2.0/.well-known/openid-configuration`, 'OpenID configuration')}</li>
<li>${link(`${authority}/discovery/v2.0/keys`, 'Signing keys (JWKS)')}</li>
<li>Users: ${USERS.map((u) => `${escapeHtml(u.name)} (<code>${escapeHtml(u.username)}</code>, ${escapeHtml(u.description)})`).join('; ')}</li>
</ul>
<h2>Microsoft Graph (beta)</h2>
<p>Base URL: <code>${escapeHtml(origin)}/beta</code> (needs a bearer token).</p>
<h2>Control API (tests only)</h2>
<p><code>${escapeHtml(origin)}/_emulator</code>: throttling, fault rules, reset, state, recent requests and test tokens. Every request needs this start's key in the <code>${CONTROL_KEY_HEADER}</code> header; the emulator printed where the key file is when it started. Browsers may call it only from this origin or the console's.</p>
</main>
</body>
</html>
`;
}

function errorCodePage(code: string): string {
  const c = /^\d{1,9}$/.test(code) ? code : 'unknown';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AADSTS${escapeHtml(c)}</title></head>
<body><main><h1>Error AADSTS${escapeHtml(c)}</h1><p>This is an error of the local Entra-shaped sign-in provider. The error description in the response explains it.</p></main></body></html>
`;
}
