import { abortable } from './abort.ts';

export type StaticAssetProblem = 'network' | 'http' | 'not-json';

/** Loading a static file of the app itself failed; `message` says why in plain words. */
export class StaticAssetError extends Error {
  override readonly name = 'StaticAssetError';
  /** Path of the file, e.g. /config.json. */
  readonly url: string;
  readonly problem: StaticAssetProblem;
  /** HTTP status, when a response arrived. */
  readonly status?: number;

  constructor(message: string, init: { url: string; problem: StaticAssetProblem; status?: number; cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.url = init.url;
    this.problem = init.problem;
    this.status = init.status;
  }
}

/**
 * GETs a JSON file served next to the app (such as /config.json), bypassing
 * the HTTP cache so a changed deployment config is picked up on reload. Only
 * same-origin URLs are allowed and no credentials are sent. Aborts reject with
 * the signal's reason; every other failure is a {@link StaticAssetError}.
 */
export async function fetchStaticJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const target = new URL(url, document.baseURI);
  if (target.origin !== window.location.origin) {
    throw new TypeError(`fetchStaticJson loads the app's own files only (got ${target.origin})`);
  }
  const name = target.pathname;
  let res: Response;
  let text: string;
  try {
    res = await abortable(
      globalThis.fetch(target.href, { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' }, signal }),
      signal,
    );
    text = await abortable(res.text(), signal);
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new StaticAssetError(`${name} could not be loaded: the web server did not answer (network error or offline).`, { url: name, problem: 'network', cause });
  }
  if (!res.ok) {
    const hint = res.status === 404 ? ' — the file is missing from the deployment' : '';
    throw new StaticAssetError(`${name} could not be loaded: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${hint}.`, { url: name, problem: 'http', status: res.status });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // Dev servers and SPA hosts answer a missing file with index.html and 200.
    const html = /^\s*</.test(text) || (res.headers.get('content-type') ?? '').includes('text/html');
    const why = html
      ? 'the server answered with an HTML page instead (the file is probably missing and the host fell back to index.html)'
      : `it is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`;
    throw new StaticAssetError(`${name} could not be read: ${why}.`, { url: name, problem: 'not-json', status: res.status, cause });
  }
}
