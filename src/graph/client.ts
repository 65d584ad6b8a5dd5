import {
  DEFAULT_DEADLINE_MS,
  DEFAULT_TIMEOUT_MS,
  defaultNewId,
  type BodylessOptions,
  type GraphClientOptions,
  type RequestOptions,
  type TokenRequest,
} from './client-options.ts';
import { MAYBE_DONE } from './error-response.ts';
import { CLIENT_ERROR_CODES, GraphError, type GraphMethod } from './errors.ts';
import type { RawResponse } from './exchange.ts';
import { toSearchParams, type ODataQuery } from './odata.ts';
import { sendRequest, sendSettings, type SendSettings } from './send.ts';
import type { ODataCollection } from './types.ts';

export type { GraphMethod };
export { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS };
export type { BodylessOptions, GraphClientOptions, RequestOptions, TokenRequest };

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
  private readonly settings: SendSettings;
  private readonly newId: () => string;
  private readonly onWriteForbidden: GraphClientOptions['onWriteForbidden'];

  constructor(opts: GraphClientOptions) {
    const base = new URL(opts.baseUrl);
    if (base.pathname !== '/' || base.search || base.hash || base.username || base.password) {
      throw new TypeError(`GraphClient: baseUrl must be an origin such as https://graph.microsoft.com (got ${base.origin}${base.pathname})`);
    }
    this.origin = base.origin;
    this.version = opts.version ?? 'beta';
    this.settings = sendSettings(opts);
    this.newId = opts.newId ?? defaultNewId;
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

  /** One logical request (see send.ts). Resolves with a 2xx response. */
  private async send(method: GraphMethod, url: string, path: string, opts: RequestOptions, accept: string): Promise<RawResponse> {
    if (method === 'GET' && opts.body !== undefined) throw new TypeError('GraphClient: a GET request cannot carry a body');
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const clientRequestId = this.newId();
    try {
      return await sendRequest(this.settings, {
        method,
        url,
        path,
        clientRequestId,
        body,
        signal: opts.signal,
        ...(opts.permission ? { permission: opts.permission } : {}),
        headers: (token) => this.headers(token, clientRequestId, accept, opts, body !== undefined),
      });
    } catch (e) {
      if (e instanceof GraphError && e.status === 403 && method !== 'GET' && !opts.readOnly) this.tellWriteForbidden(e);
      throw e;
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
