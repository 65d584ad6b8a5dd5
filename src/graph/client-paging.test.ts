import { describe, expect, it } from 'vitest';
import { GraphError } from './errors.ts';
import { GRAPH, graphError, json, rejectionOf, setup } from './test-support.ts';

const POOLS = '/deviceManagement/embeddedSIMActivationCodePools';
const next = (token: string) => `${GRAPH}/beta${POOLS}?$select=id&$skiptoken=${token}`;
const page = (ids: string[], nextLink?: string) =>
  json(200, { '@odata.context': 'ctx', value: ids.map((id) => ({ id })), ...(nextLink ? { '@odata.nextLink': nextLink } : {}) });

describe('paging', () => {
  it('follows @odata.nextLink over three pages', async () => {
    const { client, calls } = setup([page(['a', 'b'], next('p2')), page(['c'], next('p3')), page(['d'])]);
    const items = await client.getAll<{ id: string }>(POOLS, { query: { select: ['id'] }, consistencyLevelEventual: true });
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(calls.map((c) => c.url)).toEqual([`${GRAPH}/beta${POOLS}?$select=id`, next('p2'), next('p3')]);
    expect(calls.every((c) => c.headers.get('consistencylevel') === 'eventual')).toBe(true);
    expect(calls.every((c) => c.headers.get('authorization')?.startsWith('Bearer '))).toBe(true);
  });

  it('asks every page’s token with the request’s on-demand permission, and others without it', async () => {
    const { client, tokenRequests } = setup([page(['a'], next('p2')), page(['b']), page(['c'])]);
    await client.getAll(POOLS, { permission: 'DeviceManagementApps.Read.All' });
    await client.getAll(POOLS);
    expect(tokenRequests.map((t) => t.permission)).toEqual(['DeviceManagementApps.Read.All', 'DeviceManagementApps.Read.All', undefined]);
  });

  it('yields each page from pages()', async () => {
    const { client } = setup([page(['a'], next('p2')), page(['b'], next('p3')), page([])]);
    const sizes: number[] = [];
    for await (const p of client.pages<{ id: string }>(POOLS)) sizes.push(p.value.length);
    expect(sizes).toEqual([1, 1, 0]);
  });

  it('refuses a nextLink on another origin, so the token is never sent there', async () => {
    const { client, calls } = setup([page(['a'], 'https://evil.example/beta/x?$skiptoken=1'), page(['b'])]);
    const err = await rejectionOf(client.getAll(POOLS));
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ code: 'InvalidNextLink', path: POOLS });
    expect((err as GraphError).message).toContain('https://evil.example');
    expect(calls).toHaveLength(1);
  });

  it('treats another scheme or port as another origin', async () => {
    for (const link of ['http://graph.test/beta/x', 'https://graph.test:444/beta/x', '/beta/x?$skiptoken=1']) {
      const { client, calls } = setup([page(['a'], link), page(['b'])]);
      await expect(client.getAll(POOLS)).rejects.toMatchObject({ code: 'InvalidNextLink' });
      expect(calls).toHaveLength(1);
    }
  });

  it('refuses a nextLink that loops back to a page already read', async () => {
    const { client, calls } = setup([page(['a'], next('p2')), page(['b'], next('p2')), page(['c'])]);
    await expect(client.getAll(POOLS)).rejects.toMatchObject({ code: 'InvalidNextLink' });
    expect(calls).toHaveLength(2);
  });

  it('stops fetching once maxItems are collected', async () => {
    const { client, calls } = setup([page(['a', 'b', 'c'], next('p2')), page(['d'])]);
    const items = await client.getAll<{ id: string }>(POOLS, { maxItems: 2 });
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(calls).toHaveLength(1);
  });

  it('reports a failed later page without its skip token in the path', async () => {
    const { client } = setup([page(['a'], next('secret-token')), graphError(403, 'Forbidden', 'no')]);
    const err = await rejectionOf(client.getAll(POOLS));
    expect(err).toMatchObject({ status: 403, path: POOLS });
    expect((err as GraphError).supportDetails()).not.toContain('secret-token');
  });

  it('rejects a collection response without a value list', async () => {
    const { client } = setup([json(200, { id: 'not a collection' })]);
    await expect(client.getAll(POOLS)).rejects.toMatchObject({ code: 'InvalidResponse' });
  });
});
