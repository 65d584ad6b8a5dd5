/**
 * One logical Graph request: attempts, retries, re-authentication, and the
 * bounds on how long all of that may take. The GraphClient builds the URL,
 * headers and body; this loop decides what happens between attempts.
 */
import { abortable, throwIfAborted } from './abort.ts';
import { tokenRetryFor } from './challenge.ts';
import { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS, nonNegativeInteger, type GraphClientOptions, type TokenRequest } from './client-options.ts';
import { graphErrorForNoResponse, graphErrorFromResponse } from './error-response.ts';
import type { GraphError, GraphMethod } from './errors.ts';
import { exchange, type RawResponse } from './exchange.ts';
import { MAX_RETRY_AFTER_WAIT_MS, backoffDelay, isAmbiguousStatus, isRetryableStatus, parseRetryAfter, sleep as timerSleep } from './retry.ts';

/** The client's options that the loop needs, with defaults applied. */
export interface SendSettings {
  getToken: GraphClientOptions['getToken'];
  fetchImpl: typeof fetch;
  maxRetries: number;
  maxRetryAfterMs: number;
  timeoutMs: number;
  deadlineMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
}

export function sendSettings(opts: GraphClientOptions): SendSettings {
  return {
    getToken: opts.getToken,
    fetchImpl: opts.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: nonNegativeInteger('maxRetries', opts.maxRetries ?? 4),
    maxRetryAfterMs: nonNegativeInteger('maxRetryAfterMs', opts.maxRetryAfterMs ?? MAX_RETRY_AFTER_WAIT_MS),
    timeoutMs: nonNegativeInteger('timeoutMs', opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    deadlineMs: nonNegativeInteger('deadlineMs', opts.deadlineMs ?? DEFAULT_DEADLINE_MS),
    sleep: opts.sleep ?? timerSleep,
    random: opts.random ?? Math.random,
    now: opts.now ?? Date.now,
  };
}

export interface OutgoingRequest {
  method: GraphMethod;
  url: string;
  /** Path below the version segment, for errors. */
  path: string;
  /** One per logical request, kept across retries. */
  clientRequestId: string;
  body: string | undefined;
  signal: AbortSignal | undefined;
  /** A delegated permission beyond the sign-in's, asked for with every token of this request. */
  permission?: string;
  /** The request headers for a token (asked before every attempt: tokens expire during waits). */
  headers: (token: string) => Headers;
}

/**
 * Sends until a 2xx response, or throws a GraphError (token errors and the
 * caller's abort reason pass through unchanged).
 *
 * Bounds: each attempt is cut after `timeoutMs`; the attempts and waits of one
 * request together stay within `deadlineMs`, because a retry is made only when
 * its wait plus a whole attempt still fit. Token time is not counted (it may
 * be an interactive sign-in).
 */
export async function sendRequest(s: SendSettings, req: OutgoingRequest): Promise<RawResponse> {
  const { method, signal } = req;
  const ctx = { method, path: req.path, clientRequestId: req.clientRequestId };
  const attemptMs = Math.min(s.timeoutMs, s.deadlineMs);
  let spent = 0;
  const timed = async <T>(work: Promise<T>): Promise<T> => {
    const start = s.now();
    try {
      return await work;
    } finally {
      spent += Math.max(0, s.now() - start);
    }
  };
  /** Whether another attempt, after waiting `delay`, still ends within the deadline. */
  const fits = (delay: number) => spent + delay + attemptMs <= s.deadlineMs;
  let tokenRequest: TokenRequest = {};
  let reauthenticated = false;
  let earlierAmbiguous = false;
  let retries = 0;
  for (;;) {
    throwIfAborted(signal);
    const token = await abortable(s.getToken({ ...tokenRequest, signal, ...(req.permission ? { permission: req.permission } : {}) }), signal);
    tokenRequest = {};
    const init: RequestInit = { method, headers: req.headers(token), body: req.body, credentials: 'omit' };
    const outcome = await timed(exchange(s.fetchImpl, req.url, init, attemptMs, signal));

    let error: GraphError;
    let delay: number;
    if ('failure' in outcome) {
      error = graphErrorForNoResponse(outcome, ctx, attemptMs);
      // Only a read is repeated blindly after a lost response: a cut write is thrown, ambiguous.
      if (method !== 'GET' || retries >= s.maxRetries) throw error;
      delay = backoffDelay(retries, s.random);
    } else if (outcome.status >= 200 && outcome.status < 300) {
      return outcome;
    } else {
      const retryAfterMs = parseRetryAfter(outcome.headers, s.now());
      const ambiguous = method !== 'GET' && isAmbiguousStatus(outcome.status);
      error = graphErrorFromResponse(outcome, ctx, { retryAfterMs, ambiguous: ambiguous || earlierAmbiguous });
      if (outcome.status === 401 && !reauthenticated) {
        const retry = tokenRetryFor(error.code, outcome.headers.get('www-authenticate'));
        if (retry && fits(0)) {
          reauthenticated = true;
          tokenRequest = retry; // not counted as a retry: the failure was the token, not the service
          continue;
        }
      }
      if (!isRetryableStatus(method, outcome.status) || retries >= s.maxRetries) throw error;
      if (retryAfterMs !== undefined && retryAfterMs > s.maxRetryAfterMs) throw error;
      delay = retryAfterMs ?? backoffDelay(retries, s.random);
      earlierAmbiguous ||= ambiguous;
    }
    if (!fits(delay)) throw error;
    retries++;
    await timed(abortable(s.sleep(delay, signal), signal));
  }
}
