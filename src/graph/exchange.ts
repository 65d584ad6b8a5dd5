import { abortable, throwIfAborted } from './abort.ts';

/** A complete HTTP response, body read as text. */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** No complete response: the request may or may not have reached the service. */
export interface NoResponse {
  failure: 'network' | 'timeout';
  cause: unknown;
}

/**
 * One HTTP exchange, body included, bounded by `timeoutMs` and by the caller's
 * signal. A caller abort rejects with the signal's reason; a network failure
 * or timeout is returned, not thrown, so the retry loop can decide.
 */
export async function exchange(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<RawResponse | NoResponse> {
  throwIfAborted(signal);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`No response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  try {
    // Raced against the controller as well, so a fetch that ignores its signal cannot hang us.
    const res = await abortable(fetchImpl(url, { ...init, signal: controller.signal }), controller.signal);
    const text = await abortable(res.text(), controller.signal);
    return { status: res.status, statusText: res.statusText, headers: res.headers, text };
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    return { failure: timedOut ? 'timeout' : 'network', cause };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
