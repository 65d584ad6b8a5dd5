import { describe, expect, it } from 'vitest';
import { SCOPE_MANAGED_DEVICES } from '../constants.ts';
import { windowsDeviceCount } from './managed-devices.ts';
import type { Snapshot } from './snapshot.ts';
import { ADMIN, APP, codes, errorOf, harness, POOLS } from './test-support.ts';
import type { Harness } from './test-support.ts';

const EVENTUAL = { consistencylevel: 'eventual' };
const FLEET_ADMIN = { ...ADMIN, permissions: [...ADMIN.permissions, SCOPE_MANAGED_DEVICES] };
const DEVICES = '/deviceManagement/managedDevices';

async function groupId(h: Harness, name: string): Promise<string> {
  const [g] = (await h.list('/groups', `$filter=displayName eq '${name.replace(/'/g, "''")}'`)).value;
  if (!g) throw new Error(`no group ${name}`);
  return String(g['id']);
}

async function deviceCount(h: Harness, id: string): Promise<number> {
  const res = await h.call('GET', `/groups/${id}/transitiveMembers/microsoft.graph.device/$count`, { headers: EVENTUAL });
  expect(res.status).toBe(200);
  expect(res.headers?.['content-type']).toBe('text/plain; charset=utf-8');
  return Number(res.body);
}

describe('group device members', () => {
  it('transitiveMembers/microsoft.graph.device/$count answers a text integer and needs ConsistencyLevel: eventual', async () => {
    const h = harness();
    const id = await groupId(h, 'Executives');
    expect(await deviceCount(h, id)).toBe(24);
    const path = `/groups/${id}/transitiveMembers/microsoft.graph.device/$count`;
    const plain = await h.call('GET', path);
    expect(plain.status).toBe(400);
    expect(errorOf(plain).code).toBe('Request_UnsupportedQuery');
    expect(errorOf(plain).message).toContain('ConsistencyLevel: eventual');
    // The same under members/, and the untyped transitive count.
    expect((await h.call('GET', `/groups/${id}/members/microsoft.graph.device/$count`, { headers: EVENTUAL })).body).toBe('24');
    expect((await h.call('GET', `/groups/${id}/transitiveMembers/$count`, { headers: EVENTUAL })).body).toBe('24');
  });

  it('user groups have members but no device members', async () => {
    const h = harness();
    const id = await groupId(h, 'Intune administrators');
    expect(await deviceCount(h, id)).toBe(0);
    expect((await h.call('GET', `/groups/${id}/members/$count`, { headers: EVENTUAL })).body).toBe('6');
  });

  it('refuses unknown groups, other casts, query options and missing permissions like the directory', async () => {
    const h = harness();
    const id = await groupId(h, 'Executives');
    const missing = await h.call('GET', '/groups/0f0f0f0f-0000-4000-8000-000000000000/transitiveMembers/microsoft.graph.device/$count', { headers: EVENTUAL });
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('Request_ResourceNotFound');
    expect((await h.call('GET', `/groups/${id}/transitiveMembers/microsoft.graph.user/$count`, { headers: EVENTUAL })).status).toBe(400);
    expect((await h.call('GET', `/groups/${id}/transitiveMembers/microsoft.graph.device/$count`, { headers: EVENTUAL, query: '$expand=x' })).status).toBe(400);
    const denied = await h.call('GET', `/groups/${id}/transitiveMembers/microsoft.graph.device/$count`, { headers: EVENTUAL, principal: { ...ADMIN, permissions: ['User.Read'] } });
    expect(denied.status).toBe(403);
    expect(errorOf(denied).code).toBe('Authorization_RequestDenied');
  });
});

describe('managed devices', () => {
  it("counts Windows devices with $filter=operatingSystem eq 'Windows'&$top=1&$count=true", async () => {
    const h = harness();
    const page = await h.list(DEVICES, "$filter=operatingSystem eq 'Windows'&$top=1&$count=true&$select=id,operatingSystem", { principal: FLEET_ADMIN });
    expect(page['@odata.count']).toBe(windowsDeviceCount());
    expect(page.value).toHaveLength(1);
    expect(page.value[0]).toEqual({ id: expect.any(String), operatingSystem: 'Windows' });
    expect(page['@odata.context']).toBe('https://localhost:8443/beta/$metadata#deviceManagement/managedDevices(id,operatingSystem)');
    const all = await h.list(DEVICES, '$top=1&$count=true', { principal: FLEET_ADMIN });
    expect(all['@odata.count']).toBeGreaterThan(windowsDeviceCount());
  });

  it('Windows devices are the members of the two "All Windows" device groups', async () => {
    const h = harness();
    const sum = (await deviceCount(h, await groupId(h, 'All Windows 11 laptops'))) + (await deviceCount(h, await groupId(h, 'All Windows 10 devices')));
    expect(windowsDeviceCount()).toBe(sum);
  });

  it('refuses /$count as Graph does, and callers without DeviceManagementManagedDevices.Read.All', async () => {
    const h = harness();
    const count = await h.call('GET', `${DEVICES}/$count`, { principal: FLEET_ADMIN, headers: EVENTUAL });
    expect(count.status).toBe(400);
    expect(errorOf(count).message).toMatch(/^No OData route exists that match template ~\/singleton\/navigation\/\$count/);
    const denied = await h.call('GET', DEVICES, { principal: ADMIN });
    expect(denied.status).toBe(403);
    expect(errorOf(denied).message).toContain('DeviceManagementManagedDevices.Read.All');
    expect((await h.call('GET', DEVICES, { principal: APP })).status).toBe(403);
    expect((await h.call('GET', DEVICES, { principal: FLEET_ADMIN, query: '$expand=users' })).status).toBe(400);
  });

  it('gets one device by id and 404s an unknown one', async () => {
    const h = harness();
    const [d] = (await h.list(DEVICES, '$top=1', { principal: FLEET_ADMIN })).value;
    const res = await h.call('GET', `${DEVICES}/${String(d?.['id'])}`, { principal: FLEET_ADMIN });
    expect(res.status).toBe(200);
    expect((res.body as Record<string, unknown>)['deviceName']).toBe(d?.['deviceName']);
    expect((await h.call('GET', `${DEVICES}/nope`, { principal: FLEET_ADMIN })).status).toBe(404);
  });
});

describe('capacity is consistent in the default seed', () => {
  it('device states never exceed codes, live states fit in the targeted devices, and a few pools fall short', async () => {
    const h = harness({ simulateDevices: false });
    const snap = h.engine.exportState() as Snapshot;
    const groups = new Map(snap.groups.map((g) => [g.id, g]));
    let shortfalls = 0;
    for (const pool of snap.pools) {
      expect(pool.deviceStates.length).toBeLessThanOrEqual(pool.activationCodeCount);
      // Upper bound of targeted devices: included groups' device members (all devices: the Windows fleet).
      let targeted = 0;
      for (const { target } of pool.assignments) {
        if (target['@odata.type'].endsWith('.allDevicesAssignmentTarget')) targeted += windowsDeviceCount();
        else if (target['@odata.type'].endsWith('.groupAssignmentTarget')) targeted += groups.get(target.groupId ?? '')?.deviceMemberCount ?? 0;
      }
      const live = pool.deviceStates.filter((s) => s.state !== 'deleted' && s.state !== 'removedByUser').length;
      if (pool.assignments.length > 0) expect(live, pool.displayName).toBeLessThanOrEqual(targeted);
      if (targeted > pool.activationCodeCount) shortfalls++;
    }
    expect(shortfalls).toBeGreaterThanOrEqual(2);
    expect(shortfalls).toBeLessThan(snap.pools.length / 2);
    const res = await h.call('GET', `${POOLS}/$count`);
    expect(res.body).toBe(String(snap.pools.length));
  });
});

describe('simulation keeps device states within the codes', () => {
  it('a group larger than the pool gets states up to the code count; the rest is the shortfall', async () => {
    const h = harness({ seed: 'empty' });
    const created = await h.call('POST', POOLS, { body: { displayName: 'Small pool', activationCodes: codes(5) } });
    const id = String((created.body as Record<string, unknown>)['id']);
    const emea = await groupId(h, 'Field engineers EMEA');
    await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: emea } }] } });
    expect((await h.call('GET', `${POOLS}/${id}/deviceStates/$count`)).body).toBe('5');
    expect(await deviceCount(h, emea)).toBeGreaterThan(5);
  });
});
