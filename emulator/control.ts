/**
 * The emulator's control API under `/_emulator/…` (JSON): for tests and
 * benchmarks only, never used by the console. Throttling settings, fault
 * rules, reset, state snapshots, the recent request log (no bodies) and
 * test-token minting. Every request needs this start's key in
 * `X-Emulator-Key`, and browsers may call it only from the emulator's own
 * origin or the console's (see control-key.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_KEY_HEADER, DAEMON_CLIENT_ID, DAEMON_ROLES, SPA_CLIENT_ID, USERS } from './constants.ts';
import type { TokenMinter } from './auth/tokens.ts';
import { keyMatches } from './control-key.ts';
import { FaultRuleError, parseFaultRule, type Faults } from './faults.ts';
import type { GraphEngine, SeedName } from './graph/engine.ts';
import { BodyTooLargeError, header, parseJsonBody, readBody, sendJson } from './http.ts';
import type { Throttle, ThrottleConfig } from './throttle.ts';

export const SEEDS: readonly SeedName[] = ['default', 'large', 'empty'];

export function isSeedName(v: unknown): v is SeedName {
  return typeof v === 'string' && (SEEDS as readonly string[]).includes(v);
}

// ---- request log -------------------------------------------------------------

export interface RequestLogEntry {
  time: string;
  method: string;
  /** Path with query values redacted. */
  path: string;
  /** HTTP status, or 0 when the connection was dropped by a fault. */
  status: number;
  ms: number;
  requestId: string;
  /** Who called Graph: the user's username, or the app's client id. */
  username?: string;
  appId?: string;
  /** The fault rule that applied, if any. */
  fault?: string;
  /** A fault cut the exchange: connection dropped before or after the engine ran, or a stalled request the client gave up on. */
  dropped?: 'before' | 'after' | 'stalled';
}

/** The most recent requests, oldest first. Never holds bodies. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  constructor(private readonly capacity = 1000) {}
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }
  list(): RequestLogEntry[] {
    return [...this.entries];
  }
  clear(): void {
    this.entries = [];
  }
}

// ---- control API ---------------------------------------------------------------

export interface ControlDeps {
  engine: GraphEngine;
  throttle: Throttle;
  faults: Faults;
  requests: RequestLog;
  minter: TokenMinter;
  defaultSeed: SeedName;
  /** Writes the engine state to the configured state file; undefined when there is none. */
  saveState?: () => Promise<string>;
  /** Called after a rule that drops connections was added. */
  onDropRule?: () => void;
  /** This start's key, required in `X-Emulator-Key`. */
  key: string;
  /** Origins a browser may call from; requests without `Origin` (not from a page) are judged by the key alone. */
  allowedOrigins: ReadonlySet<string>;
  /** Revokes a user's refresh tokens and ends their sign-in sessions (Entra's revokeSignInSessions). */
  revokeUser?: (userOid: string) => { refreshTokens: number; sessions: number };
  /** Withdraws the admin consents given on the consent page (a reset starts from an unconsented tenant). */
  resetConsents?: () => void;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

/** CORS for an allowed origin (reflected, never `*`); nothing for requests without one. */
function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
    Vary: 'Origin',
    'Cache-Control': 'no-store',
  };
}

const ENDPOINTS = [
  'GET|PUT /_emulator/throttle',
  'GET|POST|DELETE /_emulator/faults',
  'DELETE /_emulator/faults/{id}',
  'POST /_emulator/reset',
  'GET|PUT /_emulator/state',
  'POST /_emulator/state/save',
  'GET|DELETE /_emulator/requests',
  'POST /_emulator/token',
  'POST /_emulator/revoke',
];

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  const method = req.method ?? 'GET';
  const route = url.pathname.replace(/^\/_emulator\/?/, '').replace(/\/+$/, '');
  const origin = header(req, 'origin');
  const refuse = (status: number, code: string, message: string, headers: Record<string, string>) => {
    // The body is not read: close rather than leave it on a kept-alive connection.
    res.setHeader('Connection', 'close');
    sendJson(res, status, { error: { code, message } }, headers);
  };
  if (origin !== undefined && !deps.allowedOrigins.has(origin)) {
    refuse(403, 'OriginNotAllowed', `The control API does not answer pages on ${origin}; it is for tests and benchmarks.`, corsHeaders(undefined));
    return;
  }
  const cors = corsHeaders(origin);
  if (method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': `Content-Type, ${CONTROL_KEY_HEADER}`,
      'Access-Control-Max-Age': '600',
      'Content-Length': 0,
    });
    res.end();
    return;
  }
  const sent = header(req, CONTROL_KEY_HEADER);
  if (!sent) {
    refuse(
      401,
      'ControlKeyRequired',
      `The control API needs this emulator start's key in the ${CONTROL_KEY_HEADER} header (the emulator prints where the key file is).`,
      cors,
    );
    return;
  }
  if (!keyMatches(sent, deps.key)) {
    refuse(403, 'ControlKeyInvalid', `The ${CONTROL_KEY_HEADER} header does not hold this emulator start's key.`, cors);
    return;
  }
  try {
    const result = await dispatch(method, route, req, deps);
    if (result === undefined) {
      res.writeHead(204, { ...cors, 'Content-Length': 0 });
      res.end();
    } else {
      sendJson(res, 200, result, cors);
    }
  } catch (e) {
    if (e instanceof ControlError) sendJson(res, e.status, { error: { code: e.code, message: e.message } }, cors);
    else if (e instanceof BodyTooLargeError) sendJson(res, 413, { error: { code: 'RequestEntityTooLarge', message: e.message } }, cors);
    else throw e;
  }
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const parsed = parseJsonBody(await readBody(req));
  if (parsed.error) throw new ControlError(400, 'BadRequest', `Invalid JSON: ${parsed.error}`);
  return parsed.body;
}

async function objectBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await jsonBody(req);
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ControlError(400, 'BadRequest', 'Expected a JSON object.');
  return body as Record<string, unknown>;
}

function notAllowed(method: string, route: string): never {
  throw new ControlError(405, 'MethodNotAllowed', `${method} is not supported on /_emulator/${route}.`);
}

async function dispatch(method: string, route: string, req: IncomingMessage, deps: ControlDeps): Promise<unknown> {
  switch (route) {
    case '':
      return { endpoints: ENDPOINTS };
    case 'throttle':
      if (method === 'GET') return deps.throttle.getConfig();
      if (method === 'PUT') return setThrottle(await objectBody(req), deps.throttle);
      return notAllowed(method, route);
    case 'faults':
      if (method === 'GET') return { value: deps.faults.list() };
      if (method === 'DELETE') {
        deps.faults.clear();
        return undefined;
      }
      if (method === 'POST') {
        try {
          const rule = deps.faults.add(parseFaultRule(await jsonBody(req)));
          if (rule.drop) deps.onDropRule?.();
          return rule;
        } catch (e) {
          if (e instanceof FaultRuleError) throw new ControlError(400, 'BadRequest', e.message);
          throw e;
        }
      }
      return notAllowed(method, route);
    case 'reset': {
      if (method !== 'POST') return notAllowed(method, route);
      const body = await objectBody(req);
      const seed = body.seed ?? deps.defaultSeed;
      if (!isSeedName(seed)) throw new ControlError(400, 'BadRequest', `seed must be one of ${SEEDS.join(', ')}.`);
      deps.engine.reset(seed);
      deps.faults.clear();
      deps.throttle.reset();
      deps.resetConsents?.();
      return { seed };
    }
    case 'state':
      if (method === 'GET') return deps.engine.exportState();
      if (method === 'PUT') {
        const snapshot = await jsonBody(req);
        try {
          deps.engine.importState(snapshot);
        } catch (e) {
          throw new ControlError(400, 'BadRequest', `The state snapshot was refused: ${e instanceof Error ? e.message : String(e)}`);
        }
        const savedTo = deps.saveState ? await deps.saveState() : undefined;
        return savedTo ? { imported: true, savedTo } : { imported: true };
      }
      return notAllowed(method, route);
    case 'state/save': {
      if (method !== 'POST') return notAllowed(method, route);
      if (!deps.saveState) throw new ControlError(409, 'NoStateFile', 'The emulator was started without a state file (--state).');
      return { savedTo: await deps.saveState() };
    }
    case 'requests':
      if (method === 'GET') return { value: deps.requests.list() };
      if (method === 'DELETE') {
        deps.requests.clear();
        return undefined;
      }
      return notAllowed(method, route);
    case 'token':
      if (method !== 'POST') return notAllowed(method, route);
      return mintTestToken(await objectBody(req), deps.minter);
    case 'revoke':
      if (method !== 'POST') return notAllowed(method, route);
      return revokeUser(await objectBody(req), deps);
    default:
      if (route.startsWith('faults/') && method === 'DELETE') {
        const id = decodeURIComponent(route.slice('faults/'.length));
        if (!deps.faults.remove(id)) throw new ControlError(404, 'NotFound', `No fault rule '${id}'.`);
        return undefined;
      }
      throw new ControlError(404, 'NotFound', `Unknown control endpoint /_emulator/${route}. Try GET /_emulator.`);
  }
}

function setThrottle(body: Record<string, unknown>, throttle: Throttle): ThrottleConfig {
  const keys = ['enabled', 'windowMs', 'tenantWrites', 'appWrites', 'tenantAll', 'appAll'] as const;
  const unknown = Object.keys(body).filter((k) => !(keys as readonly string[]).includes(k));
  if (unknown.length > 0) throw new ControlError(400, 'BadRequest', `Unknown throttle setting(s): ${unknown.join(', ')}.`);
  try {
    return throttle.setConfig(body as Partial<ThrottleConfig>);
  } catch (e) {
    throw new ControlError(400, 'BadRequest', e instanceof Error ? e.message : String(e));
  }
}

/**
 * `POST /_emulator/revoke {username}`: like an admin's "Revoke sessions" in Entra. The user's
 * refresh tokens stop working (the next refresh gets invalid_grant, AADSTS50173) and their
 * sign-in sessions end (a silent prompt=none sign-in gets login_required), so only an
 * interactive sign-in helps. Access tokens already issued stay valid until they expire.
 */
function revokeUser(body: Record<string, unknown>, deps: ControlDeps): unknown {
  const username = body.username;
  if (typeof username !== 'string' || username === '') throw new ControlError(400, 'BadRequest', 'username must be a non-empty string.');
  const unknown = Object.keys(body).filter((k) => k !== 'username');
  if (unknown.length > 0) throw new ControlError(400, 'BadRequest', `Unknown field(s): ${unknown.join(', ')}.`);
  const user = USERS.find((u) => u.username.toLowerCase() === username.toLowerCase() || u.oid === username);
  if (!user) throw new ControlError(400, 'BadRequest', `Unknown user '${username}'. Seeded users: ${USERS.map((u) => u.username).join(', ')}.`);
  if (!deps.revokeUser) throw new ControlError(409, 'NotSupported', 'This emulator has no sign-in provider to revoke from.');
  return { username: user.username, revoked: deps.revokeUser(user.oid) };
}

/** `POST /_emulator/token`: a signed test token, optionally expired, for another audience/tenant, or badly signed. */
async function mintTestToken(body: Record<string, unknown>, minter: TokenMinter): Promise<unknown> {
  const optString = (k: string): string | undefined => {
    const v = body[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') throw new ControlError(400, 'BadRequest', `${k} must be a non-empty string.`);
    return v;
  };
  const username = optString('username');
  const audience = optString('audience');
  const tenantId = optString('tenantId');
  const clientIdOverride = optString('clientId');
  const app = body.app === true;
  if (app && username) throw new ControlError(400, 'BadRequest', 'Give either username or app:true, not both.');
  let scopes: string[] | undefined;
  if (body.scopes !== undefined) {
    if (typeof body.scopes === 'string') scopes = body.scopes.split(/\s+/).filter(Boolean);
    else if (Array.isArray(body.scopes) && body.scopes.every((s) => typeof s === 'string')) scopes = body.scopes as string[];
    else throw new ControlError(400, 'BadRequest', 'scopes must be an array of strings or a space-separated string.');
  }
  const expires = body.expiresInSec;
  if (expires !== undefined && (typeof expires !== 'number' || !Number.isInteger(expires))) {
    throw new ControlError(400, 'BadRequest', 'expiresInSec must be an integer (negative for an expired token).');
  }
  const lifetimeSec = expires ?? 3600;
  const foreignKey = body.signWithForeignKey === true;
  const common = {
    lifetimeSec,
    foreignKey,
    ...(audience ? { audience } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
  let minted: { token: string; expiresOn: number };
  if (app) {
    minted = await minter.accessToken({ ...common, clientId: clientIdOverride ?? DAEMON_CLIENT_ID, roles: scopes ?? [...DAEMON_ROLES] });
  } else {
    const user = username ? USERS.find((u) => u.username.toLowerCase() === username.toLowerCase() || u.oid === username) : USERS[0];
    if (!user) throw new ControlError(400, 'BadRequest', `Unknown user '${username ?? ''}'. Seeded users: ${USERS.map((u) => u.username).join(', ')}.`);
    minted = await minter.accessToken({ ...common, user, clientId: clientIdOverride ?? SPA_CLIENT_ID, scp: scopes ?? [...user.grantedScopes] });
  }
  return { token_type: 'Bearer', access_token: minted.token, expires_in: lifetimeSec, expires_on: minted.expiresOn };
}

/** Whether a request is for the control API (kept out of the request log). */
export function isControlPath(pathname: string): boolean {
  return pathname === '/_emulator' || pathname.startsWith('/_emulator/');
}

