import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaticAssetError, fetchStaticJson } from './static.ts';

function stubFetch(respond: () => Promise<Response>) {
  const fn = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) => respond());
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchStaticJson', () => {
  it('GETs a same-origin file without cache or credentials and parses it', async () => {
    const fn = stubFetch(async () => new Response('{"a":1}', { headers: { 'Content-Type': 'application/json' } }));
    await expect(fetchStaticJson('/config.json')).resolves.toEqual({ a: 1 });
    const [input, init] = fn.mock.calls[0] ?? [];
    expect(String(input)).toBe(`${window.location.origin}/config.json`);
    expect(init).toMatchObject({ cache: 'no-store', credentials: 'same-origin' });
  });

  it('names the HTTP status', async () => {
    stubFetch(async () => new Response('nope', { status: 404, statusText: 'Not Found' }));
    const err = await fetchStaticJson('/config.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaticAssetError);
    expect(err).toMatchObject({ problem: 'http', status: 404, url: '/config.json' });
    expect((err as Error).message).toMatch(/\/config\.json could not be loaded: HTTP 404 Not Found/);
  });

  it('says when the host answered with an HTML page instead', async () => {
    stubFetch(async () => new Response('<!doctype html><html></html>', { headers: { 'Content-Type': 'text/html' } }));
    await expect(fetchStaticJson('/config.json')).rejects.toMatchObject({ problem: 'not-json', message: expect.stringMatching(/HTML page/) });
  });

  it('says when the file is not valid JSON', async () => {
    stubFetch(async () => new Response('{"clientId": }'));
    await expect(fetchStaticJson('/config.json')).rejects.toMatchObject({ problem: 'not-json', message: expect.stringMatching(/not valid JSON/) });
  });

  it('reports a network failure', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchStaticJson('/config.json')).rejects.toMatchObject({ problem: 'network' });
  });

  it('refuses another origin without fetching', async () => {
    const fn = stubFetch(async () => new Response('{}'));
    await expect(fetchStaticJson('https://elsewhere.example/config.json')).rejects.toThrow(TypeError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('rejects with the abort reason', async () => {
    stubFetch(() => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const pending = fetchStaticJson('/config.json', controller.signal);
    const reason = new DOMException('Aborted', 'AbortError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
