/**
 * Test-only helpers for src/graph: a scripted fake fetch and a client wired to
 * it with recording sleep/getToken. Never imported by product code.
 */
import { GraphClient, type GraphClientOptions, type TokenRequest } from './client.ts';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** Answers one request: a Response, or throw/reject to simulate a network failure. */
export type Responder = (call: RecordedCall) => Response | Promise<Response>;

export const GRAPH = 'https://graph.test';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Responder {
  return () => new Response(status === 204 ? null : body, { status, headers });
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}, innerError: Record<string, unknown> = {}): Responder {
  return json(status, { error: { code, message, innerError } }, headers);
}

export function networkError(): Responder {
  return () => Promise.reject(new TypeError('Failed to fetch'));
}

/** Never answers; rejects with the signal's reason once the client aborts (as browsers do). */
export function hang(): Responder {
  return (call) =>
    new Promise<Response>((_, reject) => {
      call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true });
    });
}

/** A fetch that plays `responders` in order, recording every call. */
export function fakeFetch(...responders: Responder[]) {
  const calls: RecordedCall[] = [];
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const respond = responders[calls.length - 1];
    if (!respond) return Promise.reject(new Error(`unexpected request #${calls.length}: ${call.method} ${call.url}`));
    return Promise.resolve().then(() => respond(call));
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

/** A client on {@link GRAPH} with a fake fetch, recorded sleeps and token requests, and predictable ids. */
export function setup(responders: Responder[], overrides: Partial<GraphClientOptions> = {}) {
  const fake = fakeFetch(...responders);
  const sleeps: number[] = [];
  const tokenRequests: TokenRequest[] = [];
  let ids = 0;
  const client = new GraphClient({
    baseUrl: GRAPH,
    fetch: fake.fetch,
    getToken: (opts) => {
      tokenRequests.push(opts);
      return Promise.resolve(`token-${tokenRequests.length}`);
    },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    newId: () => `crid-${++ids}`,
    ...overrides,
  });
  return { client, calls: fake.calls, sleeps, tokenRequests };
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
