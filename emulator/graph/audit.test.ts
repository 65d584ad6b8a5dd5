import { describe, expect, it } from 'vitest';
import { consentedScopes, missingConsent } from '../auth/consent.ts';
import { grantDelegated, parseScopes } from '../auth/scopes.ts';
import { SCOPE_AUDIT, SCOPE_GROUPS, SCOPE_READ, SCOPE_WRITE, USERS } from '../constants.ts';
import type { AuditEventRecord } from './audit.ts';
import { SEED_ADMINS } from './audit-seed.ts';
import { SEED_BASE_DATE } from './device-generator.ts';
import type { Snapshot } from './snapshot.ts';
import { ADMIN, APP, BASE, codes, errorOf, harness, NOBODY, POOLS, READER } from './test-support.ts';
import type { Harness } from './test-support.ts';

const AUDIT = '/deviceManagement/auditEvents';
const AUDITOR = { ...ADMIN, permissions: [...ADMIN.permissions, SCOPE_AUDIT] };
const as = { principal: AUDITOR };
type Event = AuditEventRecord;

async function events(h: Harness, query = ''): Promise<Event[]> {
  return (await h.all(AUDIT, query, as)).items as unknown as Event[];
}

async function latest(h: Harness): Promise<Event> {
  const [e] = (await h.list(AUDIT, '$orderby=activityDateTime desc&$top=1', as)).value as unknown as Event[];
  if (!e) throw new Error('no audit event');
  return e;
}

/** Creates a pool, then moves the clock on so later events sort after its create. */
async function newPool(h: Harness, name = 'Audit pool'): Promise<string> {
  const res = await h.call('POST', POOLS, { body: { displayName: name, activationCodes: codes(3) } });
  expect(res.status).toBe(201);
  h.tick(1000);
  return String((res.body as Record<string, unknown>)['id']);
}

describe('GET /deviceManagement/auditEvents: permission', () => {
  it('needs DeviceManagementApps.Read.All or ReadWrite.All, else Intune’s 403', async () => {
    const h = harness();
    for (const principal of [ADMIN, READER, NOBODY, APP]) {
      const res = await h.call('GET', AUDIT, { principal });
      expect(res.status).toBe(403);
      expect(errorOf(res).code).toBe('Forbidden');
      expect(errorOf(res).message).toContain('DeviceManagementApps.Read.All, DeviceManagementApps.ReadWrite.All');
    }
    expect((await h.call('GET', AUDIT, as)).status).toBe(200);
    expect((await h.call('GET', AUDIT, { principal: { ...READER, permissions: ['DeviceManagementApps.ReadWrite.All'] } })).status).toBe(200);
  });

  it('reaches a token only when asked for, and only after an admin consented (auth/consent.test.ts drives the pages)', () => {
    const initial = parseScopes(`${SCOPE_READ} ${SCOPE_WRITE} ${SCOPE_GROUPS} openid profile offline_access`);
    const incremental = parseScopes(`https://graph.microsoft.com/${SCOPE_AUDIT} openid`);
    for (const user of USERS) {
      expect(missingConsent(incremental, user, new Set())).toEqual([SCOPE_AUDIT]);
      const consented = consentedScopes(user, new Set([SCOPE_AUDIT]));
      expect(grantDelegated(initial, consented).scp).not.toContain(SCOPE_AUDIT);
      expect(missingConsent(incremental, user, new Set([SCOPE_AUDIT]))).toEqual([]);
      expect(grantDelegated(incremental, consented).scp).toEqual([SCOPE_AUDIT]);
    }
  });
});

describe('GET /deviceManagement/auditEvents: query', () => {
  it('answers auditEvent shapes in a collection envelope', async () => {
    const h = harness();
    const body = await h.list(AUDIT, '$top=2', as);
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/auditEvents`);
    const [e] = body.value as unknown as Event[];
    expect(Object.keys(e ?? {}).sort()).toEqual(
      ['activity', 'activityDateTime', 'activityOperationType', 'activityResult', 'activityType', 'actor', 'category', 'componentName', 'correlationId', 'displayName', 'id', 'resources'].sort(),
    );
    expect(Object.keys(e?.resources[0] ?? {}).sort()).toEqual(['auditResourceType', 'displayName', 'modifiedProperties', 'resourceId', 'type']);
  });

  it('filters on activityDateTime with ge/le/gt/lt and orders descending', async () => {
    const h = harness();
    const all = await events(h);
    expect(all.length).toBeGreaterThan(30);
    const times = all.map((e) => Date.parse(e.activityDateTime)).sort((a, b) => a - b);
    const mid = times[Math.floor(times.length / 2)] ?? 0;
    const iso = new Date(mid).toISOString();
    const ge = await events(h, `$filter=activityDateTime ge ${iso}`);
    const lt = await events(h, `$filter=activityDateTime lt ${iso}`);
    expect(ge.length + lt.length).toBe(all.length);
    expect(ge.every((e) => Date.parse(e.activityDateTime) >= mid)).toBe(true);
    const gt = await events(h, `$filter=activityDateTime gt ${iso}`);
    const le = await events(h, `$filter=activityDateTime le ${iso}`);
    expect(gt.length + le.length).toBe(all.length);
    expect(gt.length).toBeLessThan(ge.length);
    const window = await events(h, `$filter=activityDateTime ge ${new Date(SEED_BASE_DATE - 90 * 86_400_000).toISOString()} and activityDateTime le ${new Date(SEED_BASE_DATE).toISOString()}&$orderby=activityDateTime desc`);
    const stamps = window.map((e) => Date.parse(e.activityDateTime));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(window.length).toBeGreaterThan(0);
    expect(window.length).toBeLessThan(all.length);
    expect((await h.call('GET', AUDIT, { ...as, query: "$filter=activityDateTime ge 'yesterday'" })).status).toBe(400);
  });

  it('pages with $top and @odata.nextLink through every event, and honours $select', async () => {
    const h = harness();
    const all = await events(h, '$orderby=activityDateTime desc');
    const { items, pages } = await h.all(AUDIT, '$orderby=activityDateTime desc&$top=7', as);
    expect(pages.length).toBe(Math.ceil(all.length / 7));
    expect(items.map((e) => e['id'])).toEqual(all.map((e) => e.id));
    const sel = await h.list(AUDIT, '$select=id,activityDateTime,resources&$top=1', as);
    expect(Object.keys(sel.value[0] ?? {}).sort()).toEqual(['activityDateTime', 'id', 'resources']);
    expect(sel['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/auditEvents(id,activityDateTime,resources)`);
  });

  it('refuses /$count and $expand; gets one event by id', async () => {
    const h = harness();
    expect((await h.call('GET', `${AUDIT}/$count`, as)).status).toBe(400);
    expect((await h.call('GET', AUDIT, { ...as, query: '$expand=resources' })).status).toBe(400);
    const e = await latest(h);
    const one = await h.call('GET', `${AUDIT}/${e.id}`, as);
    expect(one.status).toBe(200);
    expect((one.body as Event).activity).toBe(e.activity);
    expect((await h.call('GET', `${AUDIT}/nope`, as)).status).toBe(404);
  });
});

describe('seeded audit history (default seed)', () => {
  it('records each pool’s create by a seeded admin, renames with old and new names, and assignment changes', async () => {
    const h = harness();
    const all = await events(h);
    const pools = (await h.list(POOLS)).value;
    for (const pool of pools) {
      const mine = all.filter((e) => e.resources.some((r) => r.resourceId === pool['id']));
      const create = mine.find((e) => e.activityOperationType === 'Create');
      expect(create?.activity, String(pool['displayName'])).toBe('Create EmbeddedSIMActivationCodePool');
      expect(create?.activityDateTime).toBe(pool['createdDateTime']);
      expect(mine.every((e) => Date.parse(e.activityDateTime) >= Date.parse(String(pool['createdDateTime'])) && Date.parse(e.activityDateTime) <= SEED_BASE_DATE)).toBe(true);
    }
    const renames = all.filter((e) => e.activity === 'Patch EmbeddedSIMActivationCodePool');
    expect(renames.length).toBe(7);
    const tailspin = renames.find((e) => e.resources[0]?.displayName === 'Tailspin Cellular – EU roaming');
    expect(tailspin?.resources[0]?.modifiedProperties).toEqual([{ displayName: 'displayName', oldValue: 'tailspin-cellular', newValue: 'Tailspin Cellular – EU roaming' }]);
    expect(all.filter((e) => e.activity === 'Assign EmbeddedSIMActivationCodePool').length).toBeGreaterThan(9);
    expect(all.some((e) => e.activity === 'Patch EmbeddedSIMActivationCodePoolAssignment')).toBe(true);
    const upns = new Set(all.map((e) => e.actor.userPrincipalName));
    expect([...upns].every((u) => SEED_ADMINS.some((a) => a.username === u))).toBe(true);
    expect(upns.size).toBeGreaterThan(1);
    expect(all.every((e) => e.category === 'DeviceConfiguration' && e.activityResult === 'Success')).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/activationCodes|matchingIdentifier/i);
  });

  it('the large and empty seeds start without history', async () => {
    for (const seed of ['large', 'empty'] as const) {
      expect((await harness({ seed }).list(AUDIT, '', as)).value).toEqual([]);
    }
  });
});

describe('every write records an audit event', () => {
  it('pool create, rename and delete, with the caller as actor and no codes', async () => {
    const h = harness({ seed: 'empty' });
    const id = await newPool(h);
    const create = await latest(h);
    expect(create).toMatchObject({
      activity: 'Create EmbeddedSIMActivationCodePool',
      activityType: 'Create EmbeddedSIMActivationCodePool',
      activityOperationType: 'Create',
      activityResult: 'Success',
      activityDateTime: '2026-11-02T10:00:00.0000000Z',
      componentName: 'DeviceConfiguration',
      actor: { type: 'ItPro', userPrincipalName: ADMIN.username, userId: ADMIN.oid, applicationId: ADMIN.appId },
    });
    expect(create.resources).toEqual([
      {
        displayName: 'Audit pool',
        type: 'EmbeddedSIMActivationCodePool',
        auditResourceType: 'EmbeddedSIMActivationCodePool',
        resourceId: id,
        modifiedProperties: [
          { displayName: 'displayName', oldValue: null, newValue: 'Audit pool' },
          { displayName: 'activationCodeCount', oldValue: null, newValue: '3' },
        ],
      },
    ]);
    const text = JSON.stringify(create);
    expect(text).not.toContain('SECRET-');
    expect(text).not.toContain(String(codes(1)[0]?.['integratedCircuitCardIdentifier']));

    h.tick(60_000);
    expect((await h.call('PATCH', `${POOLS}/${id}`, { body: { displayName: 'Renamed pool' } })).status).toBe(200);
    const rename = await latest(h);
    expect(rename.activityOperationType).toBe('Patch');
    expect(rename.activityDateTime).toBe('2026-11-02T10:01:01.0000000Z');
    expect(rename.resources[0]?.modifiedProperties).toEqual([{ displayName: 'displayName', oldValue: 'Audit pool', newValue: 'Renamed pool' }]);

    h.tick(60_000);
    expect((await h.call('DELETE', `${POOLS}/${id}`)).status).toBe(204);
    const del = await latest(h);
    expect(del.activity).toBe('Delete EmbeddedSIMActivationCodePool');
    expect(del.resources[0]).toMatchObject({ resourceId: id, displayName: 'Renamed pool' });
    expect(await events(h)).toHaveLength(3);
  });

  it('assign, and assignment create, update and delete, each naming the pool among its resources', async () => {
    const h = harness({ seed: 'empty' });
    const id = await newPool(h);
    const groups = (await h.list('/groups', '$top=2')).value.map((g) => String(g['id']));
    const target = (groupId: string, extra: Record<string, unknown> = {}) => ({ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId, ...extra });
    expect((await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [{ target: target(groups[0] ?? '') }] } })).status).toBe(200);
    const assign = await latest(h);
    expect(assign).toMatchObject({ activity: 'Assign EmbeddedSIMActivationCodePool', activityOperationType: 'Action' });
    const change = assign.resources[0]?.modifiedProperties[0];
    expect(change?.displayName).toBe('assignments');
    expect(JSON.parse(change?.oldValue ?? 'null')).toEqual([]);
    expect(JSON.parse(change?.newValue ?? 'null')).toMatchObject([{ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groups[0] }]);

    h.tick(1000);
    const created = await h.call('POST', `${POOLS}/${id}/assignments`, { body: { target: target(groups[1] ?? '') } });
    expect(created.status).toBe(201);
    const aid = String((created.body as Record<string, unknown>)['id']);
    const create = await latest(h);
    expect(create.activity).toBe('Create EmbeddedSIMActivationCodePoolAssignment');
    expect(create.resources.map((r) => r.resourceId)).toEqual([aid, id]);
    // The target as Graph writes a deviceAndAppManagementAssignmentTarget: the console names the group from its groupId.
    expect(JSON.parse(create.resources[0]?.modifiedProperties[0]?.newValue ?? 'null')).toEqual({
      '@odata.type': '#microsoft.graph.groupAssignmentTarget',
      deviceAndAppManagementAssignmentFilterId: null,
      deviceAndAppManagementAssignmentFilterType: 'none',
      groupId: groups[1],
    });

    h.tick(1000);
    const filterId = '3a3a3a3a-0000-4000-8000-000000000001';
    expect((await h.call('PATCH', `${POOLS}/${id}/assignments/${aid}`, { body: { target: target(groups[1] ?? '', { deviceAndAppManagementAssignmentFilterId: filterId, deviceAndAppManagementAssignmentFilterType: 'include' }) } })).status).toBe(200);
    const update = await latest(h);
    expect(update.activityOperationType).toBe('Patch');
    const prop = update.resources[0]?.modifiedProperties[0];
    expect(JSON.parse(prop?.oldValue ?? '{}')).toMatchObject({ deviceAndAppManagementAssignmentFilterType: 'none' });
    expect(JSON.parse(prop?.newValue ?? '{}')).toMatchObject({ deviceAndAppManagementAssignmentFilterType: 'include', deviceAndAppManagementAssignmentFilterId: filterId });

    h.tick(1000);
    expect((await h.call('DELETE', `${POOLS}/${id}/assignments/${aid}`)).status).toBe(204);
    const del = await latest(h);
    expect(del.activity).toBe('Delete EmbeddedSIMActivationCodePoolAssignment');
    expect(del.resources[0]?.modifiedProperties[0]?.newValue).toBeNull();
    expect(del.resources[1]?.resourceId).toBe(id);
  });

  it('device state create, update and delete record the changed properties', async () => {
    const h = harness({ seed: 'empty', simulateDevices: false });
    const id = await newPool(h);
    const res = await h.call('POST', `${POOLS}/${id}/deviceStates`, { body: { state: 'installing', deviceName: 'LAPTOP-1' } });
    expect(res.status).toBe(201);
    const sid = String((res.body as Record<string, unknown>)['id']);
    const create = await latest(h);
    expect(create.activity).toBe('Create EmbeddedSIMDeviceState');
    expect(create.resources[0]).toMatchObject({ resourceId: sid, displayName: 'LAPTOP-1' });
    expect(create.resources[0]?.modifiedProperties).toEqual(
      expect.arrayContaining([
        { displayName: 'state', oldValue: null, newValue: 'installing' },
        { displayName: 'deviceName', oldValue: null, newValue: 'LAPTOP-1' },
      ]),
    );
    h.tick(1000);
    expect((await h.call('PATCH', `${POOLS}/${id}/deviceStates/${sid}`, { body: { state: 'installed' } })).status).toBe(200);
    expect((await latest(h)).resources[0]?.modifiedProperties).toEqual([{ displayName: 'state', oldValue: 'installing', newValue: 'installed' }]);
    h.tick(1000);
    expect((await h.call('DELETE', `${POOLS}/${id}/deviceStates/${sid}`)).status).toBe(204);
    const del = await latest(h);
    expect(del.activity).toBe('Delete EmbeddedSIMDeviceState');
    expect(del.resources[1]?.resourceId).toBe(id);
  });

  it('records nothing for a refused write; an app caller is an Application actor; a GUID client-request-id is the correlationId', async () => {
    const h = harness({ seed: 'empty' });
    expect((await h.call('POST', POOLS, { body: { displayName: '' } })).status).toBe(400);
    expect((await h.call('POST', POOLS, { principal: READER, body: { displayName: 'x', activationCodes: codes(1) } })).status).toBe(403);
    expect(await events(h)).toEqual([]);

    await h.call('POST', POOLS, { principal: APP, body: { displayName: 'By app', activationCodes: codes(1) } });
    expect((await latest(h)).actor).toMatchObject({ type: 'Application', applicationId: APP.appId, userPrincipalName: null, userId: null });
    h.tick(1000);

    const correlation = '0b0b0b0b-1111-4222-8333-444455556666';
    const res = await h.engine.handle({
      method: 'PATCH',
      path: `${POOLS}/${String((await h.list(POOLS)).value[0]?.['id'])}`,
      query: new URLSearchParams(),
      headers: {},
      body: { displayName: 'Correlated' },
      principal: ADMIN,
      baseUrl: BASE,
      requestId: 'r',
      clientRequestId: correlation,
    });
    expect(res.status).toBe(200);
    expect((await latest(h)).correlationId).toBe(correlation);
  });
});

describe('snapshots keep the audit history', () => {
  it('exports and imports events; refuses a malformed one; accepts snapshots without any', async () => {
    const h = harness();
    await h.call('PATCH', `${POOLS}/${String((await h.list(POOLS)).value[0]?.['id'])}`, { body: { displayName: 'After export?' } });
    const snap = h.engine.exportState() as Snapshot;
    expect(snap.auditEvents?.length).toBeGreaterThan(30);
    const other = harness({ seed: 'empty' });
    other.engine.importState(structuredClone(snap));
    expect(await events(other)).toEqual(await events(h));

    const bad = structuredClone(snap);
    const first = bad.auditEvents?.[0];
    if (!first) throw new Error('no events');
    (first as unknown as Record<string, unknown>)['activityOperationType'] = 'Upsert';
    expect(() => other.engine.importState(bad)).toThrow('auditEvents[0].activityOperationType must be one of');

    const legacy = structuredClone(snap) as Partial<Snapshot>;
    delete legacy.auditEvents;
    other.engine.importState(legacy);
    expect(await events(other)).toEqual([]);
  });
});
