import { describe, expect, it, vi } from 'vitest';
import { GraphClient, configureGraph, graph } from './client.ts';
import { GraphError } from './errors.ts';
import { startsWith } from './odata.ts';
import { GRAPH, json, rejectionOf, setup, text } from './test-support.ts';

describe('GraphClient requests', () => {
  it('builds the URL from origin, version, path and an encoded query with literal $ names', async () => {
    const { client, calls } = setup([json(200, { value: [] })]);
    await client.get('/deviceManagement/embeddedSIMActivationCodePools', {
      query: { select: ['id', 'displayName'], filter: startsWith('displayName', "O'Brien & Co"), top: 5 },
    });
    expect(calls[0]?.url).toBe(
      `${GRAPH}/beta/deviceManagement/embeddedSIMActivationCodePools?$select=id%2CdisplayName&$filter=startswith(displayName%2C'O''Brien%20%26%20Co')&$top=5`,
    );
    const sent = new URL(calls[0]?.url ?? '');
    expect(sent.searchParams.get('$filter')).toBe("startswith(displayName,'O''Brien & Co')");
  });

  it('uses v1.0 when asked', async () => {
    const { client, calls } = setup([json(200, {})], { version: 'v1.0' });
    await client.get('/me');
    expect(calls[0]?.url).toBe(`${GRAPH}/v1.0/me`);
  });

  it('sends the bearer token, Accept and a client-request-id; Content-Type only with a body', async () => {
    const { client, calls } = setup([json(200, {}), json(201, { id: 'p1' })]);
    await client.get('/x', { headers: { Authorization: 'Bearer stolen', Prefer: 'return=minimal' } });
    const created = await client.post<{ id: string }>('/x', { displayName: 'A' });

    const get = calls[0]?.headers;
    expect(get?.get('authorization')).toBe('Bearer token-1');
    expect(get?.get('accept')).toBe('application/json');
    expect(get?.get('client-request-id')).toBe('crid-1');
    expect(get?.get('prefer')).toBe('return=minimal');
    expect(get?.has('content-type')).toBe(false);
    expect(get?.has('consistencylevel')).toBe(false);

    expect(calls[1]?.method).toBe('POST');
    expect(calls[1]?.headers.get('content-type')).toBe('application/json');
    expect(calls[1]?.headers.get('client-request-id')).toBe('crid-2');
    expect(calls[1]?.body).toBe('{"displayName":"A"}');
    expect(created).toEqual({ id: 'p1' });
  });

  it('adds ConsistencyLevel: eventual on request', async () => {
    const { client, calls } = setup([json(200, { value: [] })]);
    await client.get('/groups', { consistencyLevelEventual: true, query: { search: '"displayName:x"', count: true } });
    expect(calls[0]?.headers.get('consistencylevel')).toBe('eventual');
    expect(calls[0]?.url).toBe(`${GRAPH}/beta/groups?$search=%22displayName%3Ax%22&$count=true`);
  });

  it('resolves 204 (and an empty 200) to undefined', async () => {
    const { client, calls } = setup([text(204, ''), text(200, '')]);
    await expect(client.delete('/x/1')).resolves.toBeUndefined();
    await expect(client.patch('/x/1', { a: 1 })).resolves.toBeUndefined();
    expect(calls.map((c) => c.method)).toEqual(['DELETE', 'PATCH']);
  });

  it('throws InvalidResponse for a 2xx body that is not JSON, marked ambiguous for a write', async () => {
    const { client } = setup([text(201, '<html>', { 'request-id': 'r1' })]);
    const err = await rejectionOf(client.post('/x', {}));
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ code: 'InvalidResponse', status: 201, ambiguous: true, requestId: 'r1' });
  });

  it('refuses a query string in the path and a GET body without calling fetch', async () => {
    const { client, calls } = setup([]);
    await expect(client.get('/groups?$filter=secret')).rejects.toThrow(TypeError);
    await expect(client.get('groups')).rejects.toThrow(TypeError);
    await expect(client.request('GET', '/x', { body: {} })).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });

  it('accepts only an origin as baseUrl', () => {
    expect(() => new GraphClient({ baseUrl: 'https://graph.microsoft.com/beta', getToken: async () => 't' })).toThrow(/origin/);
    expect(() => new GraphClient({ baseUrl: 'https://graph.microsoft.com/', getToken: async () => 't' })).not.toThrow();
  });
});

describe('GraphClient.count', () => {
  it('GETs {path}/$count with ConsistencyLevel: eventual and reads text/plain', async () => {
    const { client, calls } = setup([text(200, '\uFEFF42', { 'Content-Type': 'text/plain' })]);
    const n = await client.count('/groups', { query: { filter: "startswith(displayName,'a')" } });
    expect(n).toBe(42);
    expect(calls[0]?.url).toBe(`${GRAPH}/beta/groups/$count?$filter=startswith(displayName%2C'a')`);
    expect(calls[0]?.headers.get('consistencylevel')).toBe('eventual');
    expect(calls[0]?.headers.get('accept')).toContain('text/plain');
  });

  it('throws InvalidResponse when the answer is not a number', async () => {
    const { client } = setup([text(200, '{"value":3}', { 'Content-Type': 'application/json' })]);
    await expect(client.count('/groups')).rejects.toMatchObject({ code: 'InvalidResponse', status: 200 });
  });
});

describe('app-wide instance', () => {
  it('graph() throws a clear error before configureGraph()', async () => {
    vi.resetModules();
    const fresh = await import('./client.ts');
    expect(() => fresh.graph()).toThrow(/configureGraph\(\)/);
  });

  it('graph() returns the configured client', () => {
    const client = configureGraph({ baseUrl: GRAPH, getToken: async () => 't' });
    expect(graph()).toBe(client);
  });
});
