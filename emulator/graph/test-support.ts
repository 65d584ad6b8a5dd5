/**
 * Helpers for the engine's contract tests: principals, a request builder
 * that drives `engine.handle` directly, nextLink following, code builders.
 */
import { SCOPE_READ, SCOPE_WRITE, USERS } from '../constants.ts';
import type { GraphResponse, Principal } from '../types.ts';
import { createGraphEngine } from './engine.ts';
import type { GraphEngine, GraphEngineOptions } from './engine.ts';
import { luhnDigit } from './iccid.ts';

export const BASE = 'https://localhost:8443/beta';
export const POOLS = '/deviceManagement/embeddedSIMActivationCodePools';
export const START = new Date('2026-11-02T10:00:00.000Z');

const megan = USERS[0];
if (!megan) throw new Error('constants.USERS is empty');

export const ADMIN: Principal = {
  kind: 'user',
  oid: megan.oid,
  tenantId: 't',
  appId: 'spa',
  username: megan.username,
  name: megan.name,
  permissions: [SCOPE_WRITE, SCOPE_READ, 'GroupMember.Read.All', 'User.Read'],
};
export const READER: Principal = { ...ADMIN, oid: '1a2b3c4d-0002-4000-8000-000000000002', permissions: [SCOPE_READ, 'GroupMember.Read.All', 'User.Read'] };
const alex = USERS.find((u) => u.intuneRole === 'Read Only Operator');
if (!alex) throw new Error('constants.USERS has no Read Only Operator');
/** Intune's Read Only Operator with a read-write token (admin consent gave everyone the write scope). */
export const OPERATOR: Principal = { ...ADMIN, oid: alex.oid, username: alex.username, name: alex.name };
export const NOBODY: Principal = { ...ADMIN, permissions: ['User.Read'] };
export const APP: Principal = { kind: 'app', oid: 'daemon', tenantId: 't', appId: 'daemon', permissions: [SCOPE_WRITE, 'GroupMember.Read.All'] };

export interface Collection {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { code: string; message: string; target?: string }[];
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export interface CallInit {
  query?: string;
  body?: unknown;
  bodyError?: string;
  headers?: Record<string, string>;
  principal?: Principal;
}

export interface Harness {
  engine: GraphEngine;
  call(method: string, path: string, init?: CallInit): Promise<GraphResponse>;
  /** GET returning the body as a collection (asserts 200). */
  list(path: string, query?: string, init?: CallInit): Promise<Collection>;
  /** Follows nextLinks from a first page; returns every item and the pages seen. */
  all(path: string, query?: string, init?: CallInit): Promise<{ items: Record<string, unknown>[]; pages: Collection[] }>;
  tick(ms: number): void;
  now(): Date;
}

let counter = 0;

export function harness(opts: Partial<GraphEngineOptions> = {}): Harness {
  let clock = START.getTime();
  const engine = createGraphEngine({ seed: 'default', now: () => new Date(clock), ...opts });
  const call = async (method: string, path: string, init: CallInit = {}): Promise<GraphResponse> => {
    counter++;
    return engine.handle({
      method,
      path,
      query: new URLSearchParams(init.query ?? ''),
      headers: init.headers ?? {},
      body: init.body,
      ...(init.bodyError !== undefined ? { bodyError: init.bodyError } : {}),
      principal: init.principal ?? ADMIN,
      baseUrl: BASE,
      requestId: `req-${counter}`,
      clientRequestId: `client-${counter}`,
    });
  };
  const list = async (path: string, query = '', init: CallInit = {}): Promise<Collection> => {
    const res = await call('GET', path, { ...init, query });
    if (res.status !== 200) throw new Error(`GET ${path}?${query} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Collection;
  };
  const all = async (path: string, query = '', init: CallInit = {}): Promise<{ items: Record<string, unknown>[]; pages: Collection[] }> => {
    const pages: Collection[] = [];
    let pg = await list(path, query, init);
    pages.push(pg);
    while (pg['@odata.nextLink'] !== undefined) {
      const link = new URL(pg['@odata.nextLink']);
      if (!link.href.startsWith(BASE)) throw new Error(`nextLink is not under the base URL: ${link.href}`);
      pg = await list(decodeURIComponent(link.pathname.slice('/beta'.length)), link.search.slice(1), init);
      pages.push(pg);
      if (pages.length > 10_000) throw new Error('too many pages');
    }
    return { items: pages.flatMap((p) => p.value), pages };
  };
  return {
    engine,
    call,
    list,
    all,
    tick: (ms) => {
      clock += ms;
    },
    now: () => new Date(clock),
  };
}

export function errorOf(res: GraphResponse): ErrorBody['error'] {
  return (res.body as ErrorBody).error;
}

/** A valid 20-digit ICCID (89 + 17 digits + Luhn) for test number n. */
export function iccid(n: number, prefix = '8999'): string {
  const body = `${prefix}${String(n).padStart(19 - prefix.length, '0')}`;
  return `${body}${luhnDigit(body)}`;
}

export const TEST_SMDP = 'smdp.test-carrier.example.com';

export function codes(count: number, opts: { smdp?: string; first?: number; prefix?: string } = {}): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => ({
    integratedCircuitCardIdentifier: iccid((opts.first ?? 0) + i, opts.prefix),
    matchingIdentifier: `SECRET-${String(i).padStart(5, '0')}-MATCH`,
    smdpPlusServerAddress: opts.smdp ?? TEST_SMDP,
  }));
}
