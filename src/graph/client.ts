import { abortable, throwIfAborted } from './abort.ts';
import { tokenRetryFor } from './challenge.ts';
import { MAYBE_DONE, graphErrorForNoResponse, graphErrorFromResponse } from './error-response.ts';
import { CLIENT_ERROR_CODES, GraphError, type GraphMethod } from './errors.ts';
import { exchange, type RawResponse } from './exchange.ts';
import { toSearchParams, type ODataQuery } from './odata.ts';
import { MAX_RETRY_AFTER_WAIT_MS, backoffDelay, isAmbiguousStatus, isRetryableStatus, parseRetryAfter, sleep as timerSleep } from './retry.ts';
import type { ODataCollection } from './types.ts';

export type { GraphMethod };

export interface TokenRequest {
  forceRefresh?: boolean;
  signal?: AbortSignal;
  /** Decoded claims (JSON) from a claims challenge; pass to MSAL's `claims` request field. */
  claims?: string;
}

export interface GraphClientOptions {
  /** Origin of Graph for the cloud, e.g. https://graph.microsoft.com (no path, no version). */
  baseUrl: string;
  /** Default 'beta'. */
  version?: 'beta' | 'v1.0';
  /** Asked before every attempt (tokens can expire during a Retry-After wait). Its errors are rethrown unchanged. */
  getToken: (opts: TokenRequest) => Promise<string>;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Retries after the first attempt (401 re-authentication not counted). Default 4. */
  maxRetries?: number;
  /** Give up, throwing the 429/503 with `retryAfterMs`, when the service asks to wait longer. Default 120 000. */
  maxRetryAfterMs?: number;
  /** Per attempt, body included. Default 60 000. */
  timeoutMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  newId?: () => string;
  /** Clock for HTTP-date `Retry-After` when the response has no `Date` header. */
  now?: () => number;
  /**
   * Told about every 403 on a write (any method but GET), just before it is
   * thrown: the service refused a change, so the app can turn read-only. See
   * {@link forbiddenKind} to tell a missing scope from a missing Intune role.
   * What it throws is ignored.
   */
  onWriteForbidden?: (error: GraphError) => void;
}

export interface RequestOptions {
  query?: ODataQuery;
  body?: unknown;
  /** Extra headers (e.g. Prefer). Authorization and client-request-id are always the client's own. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Adds `ConsistencyLevel: eventual` (directory advanced queries: $search, $count). */
  consistencyLevelEventual?: boolean;
  /** A POST that only reads (`/directoryObjects/getByIds`): its 403 is not a refused write. */
  readOnly?: boolean;
}

export type BodylessOptions = Omit<RequestOptions, 'body'>;

function defaultNewId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; keep a v4 UUID elsewhere too.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function nonNegativeInteger(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`GraphClient: ${name} must be a whole number ≥ 0 (got ${v})`);
  return v;
}

/**
 * The only HTTP client of the app. Adds the bearer token, a client-request-id
 * and JSON headers; retries throttling and transient failures where that
 * cannot duplicate a write; follows `@odata.nextLink` on Graph's own origin
 * only; throws {@link GraphError}. It logs nothing (bodies may hold activation
 * codes, query strings may hold filters).
 */
export class GraphClient {
  private readonly origin: string;
  private readonly version: 'beta' | 'v1.0';
  private readonly getToken: GraphClientOptions['getToken'];
  private readonly fetchImpl: typeof fetch;
  private readonly maxRetries: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly onWriteForbidden: GraphClientOptions['onWriteForbidden'];

  constructor(opts: GraphClientOptions) {
    const base = new URL(opts.baseUrl);
    if (base.pathname !== '/' || base.search || base.hash || base.username || base.password) {
      throw new TypeError(`GraphClient: baseUrl must be an origin such as https://graph.microsoft.com (got ${base.origin}${base.pathname})`);
    }
    this.origin = base.origin;
    this.version = opts.version ?? 'beta';
    this.getToken = opts.getToken;
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.maxRetries = nonNegativeInteger('maxRetries', opts.maxRetries ?? 4);
    this.maxRetryAfterMs = nonNegativeInteger('maxRetryAfterMs', opts.maxRetryAfterMs ?? MAX_RETRY_AFTER_WAIT_MS);
    this.timeoutMs = nonNegativeInteger('timeoutMs', opts.timeoutMs ?? 60_000);
    this.sleep = opts.sleep ?? timerSleep;
    this.random = opts.random ?? Math.random;
    this.newId = opts.newId ?? defaultNewId;
    this.now = opts.now ?? Date.now;
    this.onWriteForbidden = opts.onWriteForbidden;
  }

  /** JSON body of the response (`undefined` for 204 or an empty body). The result is not validated. */
  async request<T>(method: GraphMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    return this.json<T>(method, this.url(path, opts.query), path, opts);
  }

  get<T>(path: string, opts?: BodylessOptions): Promise<T> {
    return this.request<T>('GET', path, opts);
  }
  post<T>(path: string, body?: unknown, opts?: BodylessOptions): Promise<T> {
    return this.request<T>('POST', path, { ...opts, body });
  }
  patch<T>(path: string, body: unknown, opts?: BodylessOptions): Promise<T> {
    return this.request<T>('PATCH', path, { ...opts, body });
  }
  put<T>(path: string, body: unknown, opts?: BodylessOptions): Promise<T> {
    return this.request<T>('PUT', path, { ...opts, body });
  }
  async delete(path: string, opts?: BodylessOptions): Promise<void> {
    await this.request<unknown>('DELETE', path, opts);
  }

  /**
   * Each page of a collection, following `@odata.nextLink` (an absolute URL)
   * until absent. A nextLink on another origin, or one already visited, is
   * refused with an `InvalidNextLink` GraphError: the token never leaves Graph.
   */
  async *pages<T>(path: string, opts: BodylessOptions = {}): AsyncGenerator<ODataCollection<T>> {
    let url = this.url(path, opts.query);
    let pagePath = path;
    const visited = new Set([url]);
    for (;;) {
      const page = await this.json<ODataCollection<T> | undefined>('GET', url, pagePath, opts);
      if (!page || !Array.isArray(page.value)) {
        throw this.clientError('GET', pagePath, CLIENT_ERROR_CODES.invalidResponse, 'Microsoft Graph answered a collection request without a "value" list.');
      }
      yield page;
      const next = page['@odata.nextLink'];
      if (next === undefined || next === null) return;
      const target = this.checkNextLink(next, pagePath, visited);
      url = target.href;
      pagePath = target.pathname.startsWith(`/${this.version}/`) ? target.pathname.slice(this.version.length + 1) : target.pathname;
    }
  }

  /** Every item of a collection (all pages), or the first `maxItems`, after which no further page is fetched. */
  async getAll<T>(path: string, opts: BodylessOptions & { maxItems?: number } = {}): Promise<T[]> {
    const { maxItems = Number.POSITIVE_INFINITY, ...rest } = opts;
    const items: T[] = [];
    if (maxItems <= 0) return items;
    for await (const page of this.pages<T>(path, rest)) {
      for (const item of page.value) {
        items.push(item);
        if (items.length >= maxItems) return items;
      }
    }
    return items;
  }

  /** `GET {path}/$count` (text/plain) with `ConsistencyLevel: eventual`; `query` may carry `filter`/`search`. */
  async count(path: string, opts: BodylessOptions = {}): Promise<number> {
    const countPath = path.endsWith('/$count') ? path : `${path}/$count`;
    const res = await this.send('GET', this.url(countPath, opts.query), countPath, { ...opts, consistencyLevelEventual: true }, 'text/plain, application/json');
    const text = res.text.trim();
    if (!/^\d+$/.test(text)) {
      throw this.clientError('GET', countPath, CLIENT_ERROR_CODES.invalidResponse, 'Microsoft Graph answered a $count request with something other than a number.', res);
    }
    return Number(text);
  }

  private url(path: string, query: ODataQuery | undefined): string {
    if (!path.startsWith('/') || /[?#]/.test(path)) {
      throw new TypeError(`GraphClient: path must start with "/" and carry no query string; pass query options in opts.query (got ${JSON.stringify(path.split(/[?#]/)[0])}…)`);
    }
    const qs = toSearchParams(query);
    return `${this.origin}/${this.version}${path}${qs ? `?${qs}` : ''}`;
  }

  private checkNextLink(next: unknown, pagePath: string, visited: Set<string>): URL {
    let target: URL | undefined;
    try {
      target = typeof next === 'string' ? new URL(next) : undefined;
    } catch {
      target = undefined;
    }
    const problem = !target
      ? 'is not an absolute URL'
      : target.origin !== this.origin
        ? `points to another origin (${target.origin})`
        : visited.has(target.href)
          ? 'repeats a page already read'
          : undefined;
    if (problem || !target) {
      throw this.clientError('GET', pagePath, CLIENT_ERROR_CODES.invalidNextLink, `The next-page link from Microsoft Graph ${problem}; it was not followed.`);
    }
    visited.add(target.href);
    return target;
  }

  private async json<T>(method: GraphMethod, url: string, path: string, opts: RequestOptions): Promise<T> {
    const res = await this.send(method, url, path, opts, 'application/json');
    if (res.status === 204 || res.text.trim() === '') return undefined as T;
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw this.clientError(method, path, CLIENT_ERROR_CODES.invalidResponse, 'Microsoft Graph answered with a body that is not JSON.', res);
    }
  }

  private clientError(method: GraphMethod, path: string, code: string, message: string, res?: RawResponse): GraphError {
    // A 2xx write was carried out even though its answer is unreadable.
    const ambiguous = res !== undefined && method !== 'GET';
    return new GraphError({
      status: res?.status ?? 0,
      code,
      message: ambiguous ? message + MAYBE_DONE : message,
      method,
      path,
      requestId: res?.headers.get('request-id') ?? undefined,
      clientRequestId: res?.headers.get('client-request-id') ?? undefined,
      date: res?.headers.get('date') ?? undefined,
      ambiguous,
    });
  }

  /** One logical request: attempts, retries and re-authentication. Resolves with a 2xx response. */
  private async send(method: GraphMethod, url: string, path: string, opts: RequestOptions, accept: string): Promise<RawResponse> {
    const { signal } = opts;
    if (method === 'GET' && opts.body !== undefined) throw new TypeError('GraphClient: a GET request cannot carry a body');
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const ctx = { method, path, clientRequestId: this.newId() };
    let tokenRequest: TokenRequest = {};
    let reauthenticated = false;
    let earlierAmbiguous = false;
    let retries = 0;
    for (;;) {
      throwIfAborted(signal);
      const token = await abortable(this.getToken({ ...tokenRequest, signal }), signal);
      tokenRequest = {};
      const headers = this.headers(token, ctx.clientRequestId, accept, opts, body !== undefined);
      const outcome = await exchange(this.fetchImpl, url, { method, headers, body, credentials: 'omit' }, this.timeoutMs, signal);

      let delay: number;
      if ('failure' in outcome) {
        const error = graphErrorForNoResponse(outcome, ctx, this.timeoutMs);
        // Only a read is repeated blindly after a lost response.
        if (method !== 'GET' || retries >= this.maxRetries) throw error;
        delay = backoffDelay(retries, this.random);
      } else if (outcome.status >= 200 && outcome.status < 300) {
        return outcome;
      } else {
        const retryAfterMs = parseRetryAfter(outcome.headers, this.now());
        const ambiguous = method !== 'GET' && isAmbiguousStatus(outcome.status);
        const error = graphErrorFromResponse(outcome, ctx, { retryAfterMs, ambiguous: ambiguous || earlierAmbiguous });
        if (outcome.status === 401 && !reauthenticated) {
          const retry = tokenRetryFor(error.code, outcome.headers.get('www-authenticate'));
          if (retry) {
            reauthenticated = true;
            tokenRequest = retry; // not counted as a retry: the failure was the token, not the service
            continue;
          }
        }
        if (outcome.status === 403 && method !== 'GET' && !opts.readOnly) this.tellWriteForbidden(error);
        if (!isRetryableStatus(method, outcome.status) || retries >= this.maxRetries) throw error;
        if (retryAfterMs !== undefined && retryAfterMs > this.maxRetryAfterMs) throw error;
        delay = retryAfterMs ?? backoffDelay(retries, this.random);
        earlierAmbiguous ||= ambiguous;
      }
      retries++;
      await abortable(this.sleep(delay, signal), signal);
    }
  }

  private tellWriteForbidden(error: GraphError): void {
    try {
      this.onWriteForbidden?.(error);
    } catch {
      // The caller gets the 403 either way.
    }
  }

  private headers(token: string, clientRequestId: string, accept: string, opts: RequestOptions, hasBody: boolean): Headers {
    const headers = new Headers(opts.headers);
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('client-request-id', clientRequestId);
    if (!headers.has('Accept')) headers.set('Accept', accept);
    if (hasBody && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    if (opts.consistencyLevelEventual) headers.set('ConsistencyLevel', 'eventual');
    return headers;
  }
}

let instance: GraphClient | undefined;

/** Creates the app-wide client (src/app, at start-up, once the runtime config is loaded). */
export function configureGraph(opts: GraphClientOptions): GraphClient {
  instance = new GraphClient(opts);
  return instance;
}

/** The app-wide client. */
export function graph(): GraphClient {
  if (!instance) {
    throw new Error('The Graph client is not configured yet: src/app must call configureGraph() after loading config.json and before any Graph request.');
  }
  return instance;
}
