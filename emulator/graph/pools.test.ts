import { describe, expect, it } from 'vitest';
import { rangeIccid } from './iccid.ts';
import type { Snapshot } from './snapshot.ts';
import { BASE, POOLS, TEST_SMDP, codes, errorOf, harness, iccid } from './test-support.ts';
import type { Collection } from './test-support.ts';

const INTUNE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

describe('GET pools collection', () => {
  it('returns the OData envelope with every seeded pool and never any codes', async () => {
    const h = harness();
    const body = await h.list(POOLS);
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools`);
    expect(body.value).toHaveLength(12);
    expect(body['@odata.nextLink']).toBeUndefined();
    expect(body['@odata.count']).toBeUndefined();
    for (const pool of body.value) {
      expect(Object.keys(pool).sort()).toEqual(['activationCodeCount', 'activationCodes', 'createdDateTime', 'displayName', 'id', 'modifiedDateTime']);
      expect(pool['activationCodes']).toEqual([]);
      expect(pool['createdDateTime']).toMatch(INTUNE_DATE);
      expect(pool['activationCodeCount']).toBeGreaterThanOrEqual(25);
      expect(pool['activationCodeCount']).toBeLessThanOrEqual(1000);
    }
    const names = body.value.map((p) => String(p['displayName']));
    expect(names).toContain('northwind-wireless');
    expect(names).toContain('Tailspin Cellular – EU roaming');
    expect(names.join(' ')).not.toMatch(/contoso|fabrikam/i);
  });

  it('pages with $top and an absolute, followable nextLink that keeps the other options', async () => {
    const h = harness();
    const { items, pages } = await h.all(POOLS, '$top=5&$count=true&$orderby=displayName&$select=displayName');
    expect(pages.map((p) => p.value.length)).toEqual([5, 5, 2]);
    expect(new Set(items.map((i) => i['id'])).size).toBe(12);
    const first = pages[0]?.['@odata.nextLink'] ?? '';
    expect(first.startsWith(`${BASE}/deviceManagement/embeddedSIMActivationCodePools?`)).toBe(true);
    expect(first).toContain('$skiptoken=');
    expect(first).toContain('$top=5');
    expect(pages.every((p) => p['@odata.count'] === 12)).toBe(true);
    const names = items.map((i) => String(i['displayName']).toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['displayName', 'id']);
  });

  it('keeps paging consistent when a pool is deleted between pages', async () => {
    const h = harness();
    const p1 = await h.list(POOLS, '$top=4&$orderby=displayName');
    const victim = p1.value[3];
    await h.call('DELETE', `${POOLS}/${String(victim?.['id'])}`);
    const link = new URL(p1['@odata.nextLink'] ?? '');
    const p2 = await h.list(POOLS, link.search.slice(1));
    const seen = new Set(p1.value.map((p) => p['id']));
    expect(p2.value.some((p) => seen.has(p['id']))).toBe(false);
    expect(p2.value).toHaveLength(4);
  });

  it('$count=true counts the filtered set before paging', async () => {
    const h = harness();
    const body = await h.list(POOLS, '$count=true&$top=2&$filter=activationCodeCount ge 200');
    const all = await h.list(POOLS);
    const expected = all.value.filter((p) => Number(p['activationCodeCount']) >= 200).length;
    expect(body['@odata.count']).toBe(expected);
    expect(body.value).toHaveLength(2);
  });

  it('$select returns id plus the selected properties and says so in the context', async () => {
    const h = harness();
    const body = await h.list(POOLS, '$select=displayName,activationCodeCount');
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools(displayName,activationCodeCount)`);
    expect(Object.keys(body.value[0] ?? {}).sort()).toEqual(['activationCodeCount', 'displayName', 'id']);
  });

  it('$select of an unknown property is a 400 naming the property and type', async () => {
    const h = harness();
    const res = await h.call('GET', POOLS, { query: '$select=displayName,foo' });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('BadRequest');
    expect(errorOf(res).message).toBe("Could not find a property named 'foo' on type 'microsoft.graph.embeddedSIMActivationCodePool'.");
  });

  it('$orderby sorts asc/desc with id as the tie-breaker', async () => {
    const h = harness();
    const desc = await h.list(POOLS, '$orderby=activationCodeCount desc');
    const counts = desc.value.map((p) => Number(p['activationCodeCount']));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const byCreated = await h.list(POOLS, '$orderby=createdDateTime asc,displayName');
    const dates = byCreated.value.map((p) => Date.parse(String(p['createdDateTime'])));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const bad = await h.call('GET', POOLS, { query: '$orderby=color' });
    expect(bad.status).toBe(400);
    const badDir = await h.call('GET', POOLS, { query: '$orderby=displayName sideways' });
    expect(badDir.status).toBe(400);
  });

  it('$filter supports comparisons, functions, boolean logic, escaping and datetimes', async () => {
    const h = harness();
    const count = async (filter: string): Promise<number> => (await h.list(POOLS, `$filter=${encodeURIComponent(filter)}`)).value.length;
    const all = (await h.list(POOLS)).value;
    expect(await count('activationCodeCount ge 500')).toBe(all.filter((p) => Number(p['activationCodeCount']) >= 500).length);
    expect(await count("displayName eq 'northwind-wireless'")).toBe(1);
    expect(await count("displayName eq 'NORTHWIND-WIRELESS'")).toBe(1);
    expect(await count("startswith(displayName,'tailspin')")).toBe(1);
    expect(await count("contains(displayName,'wireless')")).toBe(2);
    expect(await count("displayName eq 'Margie''s Travel eSIM – Executives'")).toBe(1);
    expect(await count("displayName eq 'northwind-wireless' or displayName eq 'lamna-mobile'")).toBe(2);
    expect(await count('not (activationCodeCount lt 100) and activationCodeCount le 640')).toBe(
      all.filter((p) => Number(p['activationCodeCount']) >= 100 && Number(p['activationCodeCount']) <= 640).length,
    );
    expect(await count('createdDateTime gt 2030-01-01T00:00:00Z')).toBe(0);
    expect(await count('createdDateTime lt 2030-01-01T00:00:00Z')).toBe(12);
    expect(await count("ACTIVATIONCODECOUNT GT 0 AND startsWith(displayName,'n')")).toBe(1);
  });

  it.each([
    ["displayName eq", 'ended unexpectedly'],
    ['foo eq 1', "Could not find a property named 'foo'"],
    ["displayName eq 'open", 'unterminated string'],
    ["activationCodeCount eq 'x'", 'incompatible types'],
    ['startswith(displayName)', 'requires 2 argument'],
    ['activationCodeCount', 'single boolean value'],
    ["displayName eq 'a' and", 'ended unexpectedly'],
    ["frobnicate(displayName,'a')", 'unknown function'],
    ['(activationCodeCount eq 1', "expected ')'"],
  ])('$filter=%s is a 400 "Invalid filter clause"', async (filter, fragment) => {
    const h = harness();
    const res = await h.call('GET', POOLS, { query: `$filter=${encodeURIComponent(filter)}` });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('BadRequest');
    expect(errorOf(res).message.startsWith('Invalid filter clause: ')).toBe(true);
    expect(errorOf(res).message).toContain(fragment);
  });

  it('$skip, $top=0, clamped $top and invalid $top', async () => {
    const h = harness();
    expect((await h.list(POOLS, '$skip=10&$orderby=displayName')).value).toHaveLength(2);
    const zero = await h.list(POOLS, '$top=0&$count=true');
    expect(zero.value).toHaveLength(0);
    expect(zero['@odata.count']).toBe(12);
    expect((await h.list(POOLS, '$top=5000')).value).toHaveLength(12);
    for (const bad of ['$top=abc', '$top=-1', '$skip=x', '$count=maybe']) {
      const res = await h.call('GET', POOLS, { query: bad });
      expect(res.status, bad).toBe(400);
    }
  });

  it('rejects unknown system query options, repeated options and bad skip tokens', async () => {
    const h = harness();
    expect((await h.call('GET', POOLS, { query: '$frob=1' })).status).toBe(400);
    expect((await h.call('GET', POOLS, { query: '$top=1&$top=2' })).status).toBe(400);
    const tampered = await h.call('GET', POOLS, { query: '$skiptoken=not-a-token' });
    expect(tampered.status).toBe(400);
    const page = await h.list(POOLS, '$top=2&$orderby=displayName');
    const token = new URL(page['@odata.nextLink'] ?? '').searchParams.get('$skiptoken') ?? '';
    const mismatch = await h.call('GET', POOLS, { query: `$top=2&$orderby=createdDateTime&$skiptoken=${token}` });
    expect(mismatch.status).toBe(400);
  });

  it('accepts query options without the $ prefix, as Graph beta does', async () => {
    const h = harness();
    const body = await h.list(POOLS, 'top=3&select=displayName');
    expect(body.value).toHaveLength(3);
    expect(Object.keys(body.value[0] ?? {}).sort()).toEqual(['displayName', 'id']);
  });

  it('$expand=assignments embeds each pool assignment set', async () => {
    const h = harness();
    const body = await h.list(POOLS, '$expand=assignments');
    expect(body['@odata.context']).toContain('embeddedSIMActivationCodePools(assignments())');
    const withAssignments = body.value.filter((p) => Array.isArray(p['assignments']) && (p['assignments'] as unknown[]).length > 0);
    expect(withAssignments.length).toBeGreaterThan(5);
    expect(body.value.every((p) => Array.isArray(p['assignments']))).toBe(true);
    const narrowed = await h.list(POOLS, '$expand=assignments($select=id)');
    const first = (narrowed.value.find((p) => (p['assignments'] as unknown[]).length > 0)?.['assignments'] as Record<string, unknown>[])[0];
    expect(Object.keys(first ?? {})).toEqual(['id']);
    expect((await h.call('GET', POOLS, { query: '$expand=owner' })).status).toBe(400);
    expect((await h.call('GET', POOLS, { query: '$expand=displayName' })).status).toBe(400);
  });

  it('$search matches display names', async () => {
    const h = harness();
    const body = await h.list(POOLS, '$search="tailspin"');
    expect(body.value.map((p) => p['displayName'])).toEqual(['Tailspin Cellular – EU roaming']);
  });

  it('GET /$count answers a plain integer string, honouring $filter', async () => {
    const h = harness();
    const all = await h.call('GET', `${POOLS}/$count`);
    expect(all.status).toBe(200);
    expect(all.body).toBe('12');
    const some = await h.call('GET', `${POOLS}/$count`, { query: "$filter=startswith(displayName,'t')" });
    expect(some.body).toBe('2');
  });
});

describe('GET pool by id', () => {
  it('returns the entity with $entity context, honouring $select and $expand', async () => {
    const h = harness();
    const [pool] = (await h.list(POOLS, '$orderby=displayName')).value;
    const id = String(pool?.['id']);
    const res = await h.call('GET', `${POOLS}/${id}`);
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools/$entity`);
    expect(body['activationCodes']).toEqual([]);
    const sel = (await h.call('GET', `${POOLS}/${id}`, { query: '$select=displayName&$expand=assignments' })).body as Record<string, unknown>;
    expect(Object.keys(sel).sort()).toEqual(['@odata.context', 'assignments', 'displayName', 'id']);
    expect(sel['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools(displayName,assignments())/$entity`);
    // Graph documents no $expand=deviceStates on pools.
    const expandStates = await h.call('GET', `${POOLS}/${id}`, { query: '$expand=deviceStates' });
    expect(expandStates.status).toBe(400);
    expect(errorOf(expandStates).message).toContain("'deviceStates'");
    const star = (await h.call('GET', `${POOLS}/${id}`, { query: '$expand=*' })).body as Record<string, unknown>;
    expect(star['deviceStates']).toBeUndefined();
    expect(Array.isArray(star['assignments'])).toBe(true);
  });

  it('is a 404 with a Graph error envelope for an unknown id', async () => {
    const h = harness();
    const res = await h.call('GET', `${POOLS}/00000000-0000-0000-0000-000000000000`);
    expect(res.status).toBe(404);
    const err = errorOf(res);
    expect(err.code).toBe('ResourceNotFound');
    expect(err.message).toContain('00000000-0000-0000-0000-000000000000');
    expect(err.innerError['request-id']).toMatch(/^req-/);
    expect(err.innerError['client-request-id']).toMatch(/^client-/);
    expect(err.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });
});

describe('POST pool', () => {
  it('creates a pool: 201, Location, server-set fields, codes never returned', async () => {
    const h = harness();
    const res = await h.call('POST', POOLS, {
      body: { displayName: 'Test carrier', activationCodes: codes(3), id: 'client-id', activationCodeCount: 99, createdDateTime: '2000-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(201);
    const body = res.body as Record<string, unknown>;
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools/$entity`);
    expect(body['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body['activationCodeCount']).toBe(3);
    expect(body['activationCodes']).toEqual([]);
    expect(body['createdDateTime']).toBe('2026-11-02T10:00:00.0000000Z');
    expect(body['modifiedDateTime']).toBe(body['createdDateTime']);
    expect(res.headers?.['location']).toBe(`${BASE}${POOLS}/${String(body['id'])}`);
    expect(JSON.stringify(body)).not.toContain('SECRET');
    const got = await h.call('GET', `${POOLS}/${String(body['id'])}`);
    expect(got.status).toBe(200);
    expect(JSON.stringify(got.body)).not.toContain('SECRET');
    expect(JSON.stringify(h.engine.exportState())).not.toContain('SECRET');
    expect((await h.list(POOLS)).value).toHaveLength(13);
  });

  it('accepts exactly 1,000 codes and rejects 1,001', async () => {
    const h = harness();
    expect((await h.call('POST', POOLS, { body: { displayName: 'Big', activationCodes: codes(1000) } })).status).toBe(201);
    const res = await h.call('POST', POOLS, { body: { displayName: 'Too big', activationCodes: codes(1001, { smdp: 'other.example.com', first: 5000 }) } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain('1000');
  });

  it.each([
    [{ activationCodes: codes(1) }, 'displayName is required'],
    [{ displayName: '', activationCodes: codes(1) }, 'displayName cannot be empty'],
    [{ displayName: 42, activationCodes: codes(1) }, 'displayName must be a string'],
    [{ displayName: 'x' }, 'activationCodes is required'],
    [{ displayName: 'x', activationCodes: [] }, 'at least one'],
    [{ displayName: 'x', activationCodes: 'nope' }, 'must be an array'],
    [{ displayName: 'x', activationCodes: [42] }, 'activationCodes[0] must be'],
  ])('validates required properties (%#)', async (body, fragment) => {
    const h = harness();
    const res = await h.call('POST', POOLS, { body });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('BadRequest');
    expect(errorOf(res).message).toContain(fragment);
  });

  it.each([
    ['integratedCircuitCardIdentifier', '899912345678901234', 'activationCodes[1].integratedCircuitCardIdentifier does not match the required pattern'],
    ['integratedCircuitCardIdentifier', '899912345678901234567', 'activationCodes[1].integratedCircuitCardIdentifier does not match the required pattern'],
    ['integratedCircuitCardIdentifier', '8999123456789O123456', 'activationCodes[1].integratedCircuitCardIdentifier does not match the required pattern'],
    ['matchingIdentifier', 'SECRET_UNDERSCORE', 'activationCodes[1].matchingIdentifier does not match the required pattern'],
    ['matchingIdentifier', 'SECRET SPACE', 'activationCodes[1].matchingIdentifier does not match the required pattern'],
    ['smdpPlusServerAddress', 'nodot', 'activationCodes[1].smdpPlusServerAddress does not match the required pattern'],
    ['smdpPlusServerAddress', '-bad.example.com', 'activationCodes[1].smdpPlusServerAddress does not match the required pattern'],
    ['smdpPlusServerAddress', 'double--hyphen.example.com', 'activationCodes[1].smdpPlusServerAddress does not match the required pattern'],
    ['smdpPlusServerAddress', 'example.c0m', 'activationCodes[1].smdpPlusServerAddress does not match the required pattern'],
  ])('enforces the metadata pattern of %s (%s)', async (prop, value, message) => {
    const h = harness();
    const list = codes(3);
    const second = list[1];
    if (!second) throw new Error('no code');
    second[prop] = value;
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: list } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain(message);
    expect(errorOf(res).details?.[0]?.target).toBe(`activationCodes[1].${prop}`);
    // Matching ids are secrets: never echoed, valid or not.
    expect(JSON.stringify(res.body)).not.toContain('SECRET');
  });

  it('accepts 19-digit ICCIDs and empty matching ids (both allowed by the metadata)', async () => {
    const h = harness();
    const list = codes(2);
    if (list[0]) list[0]['integratedCircuitCardIdentifier'] = '8999000000000000017';
    if (list[1]) list[1]['matchingIdentifier'] = '';
    expect((await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: list } })).status).toBe(201);
  });

  it('reports a missing or unknown code property by index', async () => {
    const h = harness();
    const missing = codes(2).map((c, i) => (i === 1 ? { integratedCircuitCardIdentifier: c['integratedCircuitCardIdentifier'], smdpPlusServerAddress: TEST_SMDP } : c));
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: missing } });
    expect(errorOf(res).message).toContain('activationCodes[1].matchingIdentifier is required');
    const extra = codes(2).map((c) => ({ ...c, pin: '1234' }));
    const res2 = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: extra } });
    expect(res2.status).toBe(400);
    expect(errorOf(res2).message).toContain("The property 'pin' does not exist on type 'microsoft.graph.embeddedSIMActivationCode'");
  });

  it('lists every invalid code in error details', async () => {
    const h = harness();
    const list = codes(5).map((c) => ({ ...c, integratedCircuitCardIdentifier: '12' }));
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: list } });
    expect(errorOf(res).details).toHaveLength(5);
    expect(errorOf(res).message).toContain('and 4 more errors');
  });

  it('requires one SM-DP+ address for all codes', async () => {
    const h = harness();
    const list = [...codes(2), ...codes(1, { smdp: 'rsp.other-carrier.example.net', first: 10 })];
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: list } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain('activationCodes[2].smdpPlusServerAddress');
    expect(errorOf(res).message).toContain('rsp.other-carrier.example.net');
  });

  it('rejects duplicate ICCIDs within the body, naming both positions', async () => {
    const h = harness();
    const list = codes(4);
    const dup = list[3];
    if (dup) dup['integratedCircuitCardIdentifier'] = iccid(1);
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: list } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain(iccid(1));
    expect(errorOf(res).message).toContain('activationCodes[3]');
    expect(errorOf(res).message).toContain('activationCodes[1]');
  });

  it('rejects an ICCID that is already in a seeded pool, naming the ICCID and pool', async () => {
    const h = harness();
    const snap = h.engine.exportState() as Snapshot;
    const seeded = snap.pools[0];
    if (!seeded || seeded.iccids.kind !== 'range' || !seeded.iccids.ranges[0]) throw new Error('seed pool without range');
    const taken = rangeIccid(seeded.iccids.ranges[0], 7);
    const list = codes(3);
    if (list[2]) list[2]['integratedCircuitCardIdentifier'] = taken;
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: list } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain(taken);
    expect(errorOf(res).message).toContain(seeded.id);
    expect(errorOf(res).message.startsWith('The request is invalid.')).toBe(true);
  });

  it('rejects an ICCID already in a pool created through the API; frees it when that pool is deleted', async () => {
    const h = harness();
    const first = await h.call('POST', POOLS, { body: { displayName: 'one', activationCodes: codes(3) } });
    const firstId = String((first.body as Record<string, unknown>)['id']);
    const clash = await h.call('POST', POOLS, { body: { displayName: 'two', activationCodes: codes(2, { smdp: 'rsp.second.example.org', first: 2 }) } });
    expect(clash.status).toBe(400);
    expect(errorOf(clash).message).toContain(iccid(2));
    expect((await h.call('DELETE', `${POOLS}/${firstId}`)).status).toBe(204);
    const again = await h.call('POST', POOLS, { body: { displayName: 'two', activationCodes: codes(2, { smdp: 'rsp.second.example.org', first: 2 }) } });
    expect(again.status).toBe(201);
  });

  it('allows one pool per SM-DP+ address (case-insensitive), freed again by DELETE', async () => {
    const h = harness();
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: codes(2, { smdp: 'SMDP.Northwind-Wireless.example.com' }) } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message.startsWith('The request is invalid.')).toBe(true);
    expect(errorOf(res).message).toContain('already exists');
    const existing = (await h.list(POOLS, "$filter=displayName eq 'northwind-wireless'")).value[0];
    await h.call('DELETE', `${POOLS}/${String(existing?.['id'])}`);
    expect((await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: codes(2, { smdp: 'smdp.northwind-wireless.example.com' }) } })).status).toBe(201);
  });

  it('rejects unknown properties with the OData message', async () => {
    const h = harness();
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: codes(1), colour: 'red' } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toBe(
      "The property 'colour' does not exist on type 'microsoft.graph.embeddedSIMActivationCodePool'. Make sure to only use property names that are defined by the type.",
    );
  });

  it('accepts @odata.type of the pool and rejects a different one', async () => {
    const h = harness();
    const ok = await h.call('POST', POOLS, { body: { '@odata.type': '#microsoft.graph.embeddedSIMActivationCodePool', displayName: 'x', activationCodes: codes(1) } });
    expect(ok.status).toBe(201);
    const bad = await h.call('POST', POOLS, { body: { '@odata.type': '#microsoft.graph.group', displayName: 'y', activationCodes: codes(1, { smdp: 'a.example.com', first: 9 }) } });
    expect(bad.status).toBe(400);
  });

  it('rejects invalid JSON, a missing body and a non-object body', async () => {
    const h = harness();
    const invalid = await h.call('POST', POOLS, { bodyError: 'Unexpected token' });
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid).message).toContain('Unable to read JSON request payload');
    expect((await h.call('POST', POOLS)).status).toBe(400);
    expect((await h.call('POST', POOLS, { body: [1, 2] })).status).toBe(400);
  });

  it('rejects deep-inserted assignments', async () => {
    const h = harness();
    const res = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: codes(1), assignments: [] } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain('/assign');
  });
});

describe('PATCH pool', () => {
  it('renames, bumps modifiedDateTime, returns the full pool', async () => {
    const h = harness();
    const [pool] = (await h.list(POOLS, '$orderby=displayName')).value;
    const id = String(pool?.['id']);
    h.tick(60_000);
    const res = await h.call('PATCH', `${POOLS}/${id}`, { body: { displayName: 'Renamed pool', activationCodeCount: 1, id: 'ignored' } });
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    expect(body['displayName']).toBe('Renamed pool');
    expect(body['modifiedDateTime']).toBe('2026-11-02T10:01:00.0000000Z');
    expect(body['createdDateTime']).toBe(pool?.['createdDateTime']);
    expect(body['activationCodeCount']).toBe(pool?.['activationCodeCount']);
    expect(body['id']).toBe(id);
    expect(body['activationCodes']).toEqual([]);
    const again = (await h.call('GET', `${POOLS}/${id}`)).body as Record<string, unknown>;
    expect(again['displayName']).toBe('Renamed pool');
  });

  it('refuses activationCodes, empty names, unknown properties; 404 for unknown pools', async () => {
    const h = harness();
    const [pool] = (await h.list(POOLS)).value;
    const path = `${POOLS}/${String(pool?.['id'])}`;
    const codesRes = await h.call('PATCH', path, { body: { activationCodes: codes(1) } });
    expect(codesRes.status).toBe(400);
    expect(errorOf(codesRes).message).toContain('delete the pool');
    expect((await h.call('PATCH', path, { body: { displayName: '   ' } })).status).toBe(400);
    expect((await h.call('PATCH', path, { body: { displayName: null } })).status).toBe(400);
    expect((await h.call('PATCH', path, { body: { nickname: 'x' } })).status).toBe(400);
    expect((await h.call('PATCH', `${POOLS}/nope`, { body: { displayName: 'x' } })).status).toBe(404);
    const unchanged = (await h.call('GET', path)).body as Record<string, unknown>;
    expect(unchanged['displayName']).toBe(pool?.['displayName']);
  });
});

describe('DELETE pool', () => {
  it('answers 204 with no body, then the pool (and its device states) are gone', async () => {
    const h = harness();
    const [pool] = (await h.list(POOLS, '$orderby=displayName')).value;
    const id = String(pool?.['id']);
    const res = await h.call('DELETE', `${POOLS}/${id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await h.call('GET', `${POOLS}/${id}`)).status).toBe(404);
    expect((await h.call('GET', `${POOLS}/${id}/deviceStates`)).status).toBe(404);
    expect((await h.call('DELETE', `${POOLS}/${id}`)).status).toBe(404);
    expect(((await h.list(POOLS)) as Collection).value).toHaveLength(11);
  });
});
