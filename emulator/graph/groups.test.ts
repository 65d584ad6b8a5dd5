import { describe, expect, it } from 'vitest';
import { USERS } from '../constants.ts';
import { tokenize } from './groups.ts';
import { APP, BASE, NOBODY, READER, errorOf, harness } from './test-support.ts';

const EVENTUAL = { consistencylevel: 'eventual' };

describe('GET /groups', () => {
  it('lists ~40 device groups with Graph group shape, default page 100', async () => {
    const h = harness();
    const body = await h.list('/groups');
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#groups`);
    expect(body.value.length).toBeGreaterThanOrEqual(35);
    expect(body.value.length).toBeLessThanOrEqual(45);
    expect(body['@odata.nextLink']).toBeUndefined();
    const dynamic = body.value.filter((g) => (g['groupTypes'] as string[]).includes('DynamicMembership'));
    expect(dynamic.length).toBeGreaterThan(5);
    expect(dynamic.every((g) => typeof g['membershipRule'] === 'string' && g['membershipRuleProcessingState'] === 'On')).toBe(true);
    expect(body.value.map((g) => g['displayName'])).toEqual(expect.arrayContaining(['All Windows 11 laptops', 'Sales – Surface Pro LTE', 'Executives', 'Pilot – eSIM', 'Kiosks – Berlin']));
  });

  it('pages with $top and follows nextLink through every group', async () => {
    const h = harness();
    const total = (await h.list('/groups')).value.length;
    const { items, pages } = await h.all('/groups', '$top=10&$select=displayName');
    expect(items).toHaveLength(total);
    expect(pages).toHaveLength(Math.ceil(total / 10));
    expect(new Set(items.map((g) => g['id'])).size).toBe(total);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['displayName', 'id']);
  });

  it('$top must be 1..999 and $skip is not supported', async () => {
    const h = harness();
    for (const q of ['$top=1000', '$top=0']) {
      const res = await h.call('GET', '/groups', { query: q });
      expect(res.status, q).toBe(400);
      expect(errorOf(res).message).toContain('Must be between 1 and 999 inclusive');
    }
    expect((await h.call('GET', '/groups', { query: '$skip=2' })).status).toBe(400);
  });

  it('supports the directory $filter subset', async () => {
    const h = harness();
    const names = async (filter: string): Promise<string[]> => (await h.list('/groups', `$filter=${encodeURIComponent(filter)}`)).value.map((g) => String(g['displayName']));
    expect((await names("startswith(displayName,'kiosks')")).sort()).toEqual(['Kiosks – Berlin', 'Kiosks – London', 'Kiosks – Munich']);
    expect(await names("displayName eq 'Executives'")).toEqual(['Executives']);
    const all = (await h.list('/groups')).value;
    const ids = all.slice(0, 2).map((g) => String(g['id']));
    expect((await names(`id in ('${ids[0] ?? ''}','${ids[1] ?? ''}')`)).length).toBe(2);
    expect((await names('securityEnabled eq true')).length).toBe(all.filter((g) => g['securityEnabled'] === true).length);
    expect((await names("groupTypes/any(c:c eq 'DynamicMembership')")).length).toBe(all.filter((g) => (g['groupTypes'] as string[]).includes('DynamicMembership')).length);
  });

  it('rejects more than 15 values in an in-clause and non-directory filters', async () => {
    const h = harness();
    const many = Array.from({ length: 16 }, (_, i) => `'${String(i)}'`).join(',');
    const res = await h.call('GET', '/groups', { query: `$filter=id in (${many})` });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('Request_UnsupportedQuery');
    expect(errorOf(res).message).toContain('Max allowed: 15');
    const contains = await h.call('GET', '/groups', { query: "$filter=contains(displayName,'a')" });
    expect(contains.status).toBe(400);
    expect(errorOf(contains).code).toBe('Request_UnsupportedQuery');
    const ne = await h.call('GET', '/groups', { query: "$filter=displayName ne 'x'" });
    expect(ne.status).toBe(400);
    const neAdvanced = await h.call('GET', '/groups', { query: "$filter=displayName ne 'x'&$count=true", headers: EVENTUAL });
    expect(neAdvanced.status).toBe(200);
  });

  it('$search needs ConsistencyLevel: eventual', async () => {
    const h = harness();
    const res = await h.call('GET', '/groups', { query: '$search="displayName:sales"' });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('Request_UnsupportedQuery');
    expect(errorOf(res).message).toBe("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  });

  it('$search does a tokenised, case-insensitive prefix match', async () => {
    const h = harness();
    const search = async (term: string): Promise<string[]> =>
      (await h.list('/groups', `$search=${encodeURIComponent(`"displayName:${term}"`)}&$count=true`, { headers: EVENTUAL })).value.map((g) => String(g['displayName']));
    expect(await search('surf pro')).toEqual(['Sales – Surface Pro LTE']);
    expect(await search('WIN')).toEqual(expect.arrayContaining(['All Windows 11 laptops', 'All Windows 10 devices', 'Windows Insider ring']));
    expect(await search('indows')).toEqual([]);
    expect(await search('berlin')).toEqual(['Kiosks – Berlin']);
    const body = await h.list('/groups', '$search="displayName:kiosks"&$count=true', { headers: EVENTUAL });
    expect(body['@odata.count']).toBe(3);
    const unquoted = await h.call('GET', '/groups', { query: '$search=displayName:kiosks', headers: EVENTUAL });
    expect(unquoted.status).toBe(400);
  });

  it('$search accepts escaped quotes and backslashes in a term, AND/OR between clauses, and rejects broken quoting', async () => {
    const h = harness();
    const q = (search: string) => h.call('GET', '/groups', { query: `$search=${encodeURIComponent(search)}`, headers: EVENTUAL });
    const names = async (search: string): Promise<string[]> => {
      const res = await q(search);
      expect(res.status, search).toBe(200);
      return ((res.body as { value: Record<string, unknown>[] }).value).map((g) => String(g['displayName']));
    };
    expect(await names('"displayName:\\"kiosks\\""')).toEqual(await names('"displayName:kiosks"'));
    expect(await names('"displayName:a\\\\b"')).toEqual([]);
    expect(await names('"displayName:kiosks" AND "displayName:berlin"')).toEqual(['Kiosks – Berlin']);
    expect((await names('"displayName:berlin" OR "displayName:surf pro"')).sort()).toEqual(['Kiosks – Berlin', 'Sales – Surface Pro LTE']);
    expect((await q('"displayName:kiosks')).status).toBe(400);
    expect((await q('"displayName:kiosks" NEAR "displayName:x"')).status).toBe(400);
  });

  it('tokenises on punctuation, case changes and digits', () => {
    expect(tokenize('Sales – Surface Pro LTE')).toEqual(['sales', 'surface', 'pro', 'lte']);
    expect(tokenize('eSIMPilot Win11')).toEqual(['e', 'simpilot', 'win', '11']);
  });

  it('$count=true needs ConsistencyLevel: eventual', async () => {
    const h = harness();
    const res = await h.call('GET', '/groups', { query: '$count=true' });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('Request_UnsupportedQuery');
    const ok = await h.list('/groups', '$count=true', { headers: { ConsistencyLevel: 'Eventual', consistencylevel: 'Eventual' } });
    expect(ok['@odata.count']).toBe(ok.value.length);
    expect((await h.call('GET', '/groups/$count')).status).toBe(400);
    expect((await h.call('GET', '/groups/$count', { headers: EVENTUAL })).body).toBe(String(ok.value.length));
  });

  it('$orderby=displayName sorts; other properties are unsupported', async () => {
    const h = harness();
    const names = (await h.list('/groups', '$orderby=displayName desc')).value.map((g) => String(g['displayName']).toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    const res = await h.call('GET', '/groups', { query: '$orderby=createdDateTime' });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toBe('Sorting not supported for current query.');
  });

  it('requires a group-read permission', async () => {
    const h = harness();
    const res = await h.call('GET', '/groups', { principal: NOBODY });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('Authorization_RequestDenied');
    expect(errorOf(res).message).toBe('Insufficient privileges to complete the operation.');
    expect((await h.call('GET', '/groups', { principal: READER })).status).toBe(200);
    expect((await h.call('GET', '/groups', { principal: APP })).status).toBe(200);
  });
});

describe('GET /groups/{id} and members/$count', () => {
  it('returns one group, 404s an unknown id with the directory message', async () => {
    const h = harness();
    const [g] = (await h.list('/groups', "$filter=displayName eq 'Executives'")).value;
    const id = String(g?.['id']);
    const res = await h.call('GET', `/groups/${id}`, { query: '$select=displayName,membershipRule' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ '@odata.context': `${BASE}/$metadata#groups(displayName,membershipRule)/$entity`, id, displayName: 'Executives', membershipRule: null });
    const missing = await h.call('GET', '/groups/0f0f0f0f-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('Request_ResourceNotFound');
    expect(errorOf(missing).message).toBe("Resource '0f0f0f0f-0000-4000-8000-000000000000' does not exist or one of its queried reference-property objects are not present.");
  });

  it('members/$count answers text and needs ConsistencyLevel', async () => {
    const h = harness();
    const [g] = (await h.list('/groups', "$filter=displayName eq 'Executives'")).value;
    const path = `/groups/${String(g?.['id'])}/members/$count`;
    expect((await h.call('GET', path)).status).toBe(400);
    const res = await h.call('GET', path, { headers: EVENTUAL });
    expect(res.status).toBe(200);
    expect(res.body).toBe('24');
  });
});

describe('POST /directoryObjects/getByIds', () => {
  it('returns the known groups with @odata.type and skips unknown ids', async () => {
    const h = harness();
    const groups = (await h.list('/groups', '$top=3')).value;
    const ids = [...groups.map((g) => String(g['id'])), 'ffffffff-ffff-4fff-8fff-ffffffffffff'];
    const res = await h.call('POST', '/directoryObjects/getByIds', { body: { ids, types: ['group'] } });
    expect(res.status).toBe(200);
    const body = res.body as { '@odata.context': string; value: Record<string, unknown>[] };
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#directoryObjects`);
    expect(body.value.map((g) => g['id'])).toEqual(ids.slice(0, 3));
    expect(body.value.every((g) => g['@odata.type'] === '#microsoft.graph.group')).toBe(true);
  });

  it('types filters the kinds of objects; bad payloads are 400', async () => {
    const h = harness();
    const user = USERS[0]?.oid ?? '';
    const asGroups = await h.call('POST', '/directoryObjects/getByIds', { body: { ids: [user], types: ['group'] } });
    expect((asGroups.body as { value: unknown[] }).value).toEqual([]);
    const asUsers = await h.call('POST', '/directoryObjects/getByIds', { body: { ids: [user] } });
    expect((asUsers.body as { value: Record<string, unknown>[] }).value[0]?.['@odata.type']).toBe('#microsoft.graph.user');
    expect((await h.call('POST', '/directoryObjects/getByIds', { body: { ids: 'x' } })).status).toBe(400);
    expect((await h.call('POST', '/directoryObjects/getByIds', { body: { ids: ['x'], types: ['planet'] } })).status).toBe(400);
    expect((await h.call('POST', '/directoryObjects/getByIds', { body: { ids: ['x'] }, principal: NOBODY })).status).toBe(403);
  });
});

describe('GET /me', () => {
  it('returns the signed-in user for delegated tokens', async () => {
    const h = harness();
    const res = await h.call('GET', '/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      '@odata.context': `${BASE}/$metadata#users/$entity`,
      id: USERS[0]?.oid,
      displayName: USERS[0]?.name,
      userPrincipalName: USERS[0]?.username,
      mail: USERS[0]?.username,
    });
    const sel = await h.call('GET', '/me', { query: '$select=displayName' });
    expect(Object.keys(sel.body as object).sort()).toEqual(['@odata.context', 'displayName', 'id']);
  });

  it('is a 400 for app-only tokens', async () => {
    const h = harness();
    const res = await h.call('GET', '/me', { principal: APP });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('BadRequest');
    expect(errorOf(res).message).toBe('/me request is only valid with delegated authentication flow.');
  });
});
