/** What every resource handler receives, and small response builders. */
import type { GraphRequest, GraphResponse } from '../types.ts';
import type { Store } from './store.ts';

export interface Ctx {
  req: GraphRequest;
  store: Store;
  /** The engine clock, read once per request. */
  now: Date;
  /** Whether membership-driven device simulation is on. */
  simulate: boolean;
}

/** DateTimeOffset as Intune writes it: seven fractional digits, UTC. */
export function intuneDate(date: Date | number): string {
  return `${new Date(date).toISOString().slice(0, -1)}0000Z`;
}

/** DateTimeOffset as Entra writes it: whole seconds, UTC. */
export function directoryDate(date: Date | number): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function ok(body: unknown, headers?: Record<string, string>): GraphResponse {
  return headers ? { status: 200, body, headers } : { status: 200, body };
}

export function created(body: unknown, location: string): GraphResponse {
  return { status: 201, body, headers: { location } };
}

export function noContent(): GraphResponse {
  return { status: 204 };
}

/** `/$count` answers a bare integer as text/plain. */
export function countText(n: number): GraphResponse {
  return { status: 200, body: String(n), headers: { 'content-type': 'text/plain; charset=utf-8' } };
}
