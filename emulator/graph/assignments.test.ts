import { describe, expect, it } from 'vitest';
import type { Snapshot } from './snapshot.ts';
import { BASE, POOLS, codes, errorOf, harness } from './test-support.ts';
import type { Harness } from './test-support.ts';

async function groupId(h: Harness, name: string): Promise<string> {
  const body = await h.list('/groups', `$filter=${encodeURIComponent(`displayName eq '${name.replace(/'/g, "''")}'`)}`);
  const id = body.value[0]?.['id'];
  if (typeof id !== 'string') throw new Error(`no group ${name}`);
  return id;
}

/** The seeded Northwind pool: include "All Windows 11 laptops", exclude "Kiosks – Berlin". */
async function northwind(h: Harness): Promise<string> {
  const body = await h.list(POOLS, "$filter=displayName eq 'northwind-wireless'");
  return String(body.value[0]?.['id']);
}

const include = (groupIdValue: string): Record<string, unknown> => ({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groupIdValue } });
const exclude = (groupIdValue: string): Record<string, unknown> => ({ target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: groupIdValue } });

describe('seeded assignments', () => {
  it('has include+exclude, allDevices, filters and unassigned pools', async () => {
    const h = harness();
    const pools = (await h.list(POOLS, '$expand=assignments')).value;
    const targets = pools.flatMap((p) => (p['assignments'] as { target: Record<string, unknown> }[]).map((a) => a.target));
    const types = new Set(targets.map((t) => t['@odata.type']));
    expect(types).toEqual(new Set(['#microsoft.graph.groupAssignmentTarget', '#microsoft.graph.exclusionGroupAssignmentTarget', '#microsoft.graph.allDevicesAssignmentTarget']));
    expect(targets.some((t) => t['deviceAndAppManagementAssignmentFilterType'] === 'include' && typeof t['deviceAndAppManagementAssignmentFilterId'] === 'string')).toBe(true);
    expect(pools.filter((p) => (p['assignments'] as unknown[]).length === 0).length).toBeGreaterThanOrEqual(2);
  });
});

describe('assign action', () => {
  it('replaces the whole set and returns it (200, collection context, Intune-style ids)', async () => {
    const h = harness();
    const id = await northwind(h);
    const exec = await groupId(h, 'Executives');
    const res = await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [include(exec)] } });
    expect(res.status).toBe(200);
    const body = res.body as { '@odata.context': string; value: { id: string; target: Record<string, unknown> }[] };
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#Collection(microsoft.graph.embeddedSIMActivationCodePoolAssignment)`);
    expect(body.value).toEqual([
      {
        id: `${id}_${exec}`,
        target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', deviceAndAppManagementAssignmentFilterId: null, deviceAndAppManagementAssignmentFilterType: 'none', groupId: exec },
      },
    ]);
    const listed = await h.list(`${POOLS}/${id}/assignments`);
    expect(listed.value.map((a) => a['id'])).toEqual([`${id}_${exec}`]);
  });

  it('is also addressable as microsoft.graph.assign and accepts types without #', async () => {
    const h = harness();
    const id = await northwind(h);
    const exec = await groupId(h, 'Executives');
    const res = await h.call('POST', `${POOLS}/${id}/microsoft.graph.assign`, {
      body: { assignments: [{ target: { '@odata.type': 'microsoft.graph.groupAssignmentTarget', groupId: exec } }, { target: { '@odata.type': 'microsoft.graph.allLicensedUsersAssignmentTarget' } }] },
    });
    expect(res.status).toBe(200);
    expect((res.body as { value: unknown[] }).value).toHaveLength(2);
  });

  it('an empty array clears all assignments', async () => {
    const h = harness();
    const id = await northwind(h);
    const res = await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [] } });
    expect(res.status).toBe(200);
    expect((res.body as { value: unknown[] }).value).toEqual([]);
    expect((await h.list(`${POOLS}/${id}/assignments`)).value).toEqual([]);
  });

  it('accepts every concrete target type, with filters', async () => {
    const h = harness();
    const id = await northwind(h);
    const exec = await groupId(h, 'Executives');
    const kiosks = await groupId(h, 'Kiosks – Munich');
    const res = await h.call('POST', `${POOLS}/${id}/assign`, {
      body: {
        assignments: [
          { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: exec, deviceAndAppManagementAssignmentFilterId: 'f1a2b3c4-0000-4000-8000-000000000001', deviceAndAppManagementAssignmentFilterType: 'include' } },
          exclude(kiosks),
          { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
          { target: { '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget', collectionId: 'SMS00001' } },
        ],
      },
    });
    expect(res.status).toBe(200);
    const ids = (res.body as { value: { id: string }[] }).value.map((a) => a.id);
    expect(ids).toEqual([`${id}_${exec}`, `${id}_${kiosks}`, `${id}_adadadad-808e-44e2-905a-0b7873a8a531`, `${id}_sms00001`]);
  });

  async function assertUnchanged(h: Harness, id: string, before: unknown): Promise<void> {
    expect((await h.list(`${POOLS}/${id}/assignments`)).value).toEqual(before);
  }

  it.each([
    ['abstract target type', { target: { '@odata.type': 'microsoft.graph.deviceAndAppManagementAssignmentTarget' } }, 400, 'abstract'],
    ['missing @odata.type', { target: { groupId: 'x' } }, 400, 'abstract'],
    ['unknown target type', { target: { '@odata.type': '#microsoft.graph.userTarget' } }, 400, 'could not be resolved'],
    ['missing target', {}, 400, 'assignments[1].target is required'],
    ['unknown group', include('99999999-9999-4999-8999-999999999999'), 404, '99999999-9999-4999-8999-999999999999'],
    ['bad filter type', { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', deviceAndAppManagementAssignmentFilterType: 'sometimes' } }, 400, 'none, include, exclude'],
    ['filter type without id', { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', deviceAndAppManagementAssignmentFilterType: 'include' } }, 400, 'needs a deviceAndAppManagementAssignmentFilterId'],
    ['groupId on allDevices', { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', groupId: 'x' } }, 400, "The property 'groupId' does not exist"],
    ['group target without groupId', { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget' } }, 400, 'groupId is required'],
    ['unknown assignment property', { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' }, intent: 'required' }, 400, "The property 'intent' does not exist"],
  ])('is atomic: %s → %i and nothing changes', async (_label, bad, status, fragment) => {
    const h = harness();
    const id = await northwind(h);
    const before = (await h.list(`${POOLS}/${id}/assignments`)).value;
    const exec = await groupId(h, 'Executives');
    const res = await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [include(exec), bad] } });
    expect(res.status).toBe(status);
    expect(errorOf(res).message).toContain(fragment);
    await assertUnchanged(h, id, before);
  });

  it.each([
    ['include + include', (g: string) => [include(g), include(g)]],
    ['include + exclude', (g: string) => [include(g), exclude(g)]],
  ])('rejects the same group twice (%s) with a clear 400 and changes nothing', async (_label, make) => {
    const h = harness();
    const id = await northwind(h);
    const before = (await h.list(`${POOLS}/${id}/assignments`)).value;
    const exec = await groupId(h, 'Executives');
    const res = await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: make(exec) } });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain(exec);
    expect(errorOf(res).message).toContain('more than once');
    await assertUnchanged(h, id, before);
  });

  it('validates the action payload and the pool', async () => {
    const h = harness();
    const id = await northwind(h);
    expect((await h.call('POST', `${POOLS}/${id}/assign`, { body: {} })).status).toBe(400);
    expect((await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: {} } })).status).toBe(400);
    const extra = await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [], force: true } });
    expect(extra.status).toBe(400);
    expect(errorOf(extra).message).toContain("'force'");
    expect((await h.call('POST', `${POOLS}/unknown-pool/assign`, { body: { assignments: [] } })).status).toBe(404);
    expect((await h.call('GET', `${POOLS}/${id}/assign`)).status).toBe(405);
  });
});

describe('assignments navigation', () => {
  it('POST creates (201 + entity context + Location), GET/PATCH/DELETE work, $count counts', async () => {
    const h = harness();
    const id = await northwind(h);
    const exec = await groupId(h, 'Executives');
    const created = await h.call('POST', `${POOLS}/${id}/assignments`, { body: include(exec) });
    expect(created.status).toBe(201);
    const body = created.body as Record<string, unknown>;
    expect(body['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools('${id}')/assignments/$entity`);
    expect(body['id']).toBe(`${id}_${exec}`);
    expect(created.headers?.['location']).toBe(`${BASE}${POOLS}/${id}/assignments/${id}_${exec}`);
    expect((await h.call('GET', `${POOLS}/${id}/assignments/$count`)).body).toBe('3');

    const got = await h.call('GET', `${POOLS}/${id}/assignments/${id}_${exec}`);
    expect(got.status).toBe(200);
    expect((got.body as Record<string, unknown>)['target']).toMatchObject({ groupId: exec });

    const patched = await h.call('PATCH', `${POOLS}/${id}/assignments/${id}_${exec}`, { body: exclude(exec) });
    expect(patched.status).toBe(200);
    expect((patched.body as { target: Record<string, unknown> }).target['@odata.type']).toBe('#microsoft.graph.exclusionGroupAssignmentTarget');

    expect((await h.call('DELETE', `${POOLS}/${id}/assignments/${id}_${exec}`)).status).toBe(204);
    expect((await h.call('GET', `${POOLS}/${id}/assignments/${id}_${exec}`)).status).toBe(404);
    expect((await h.call('GET', `${POOLS}/${id}/assignments/$count`)).body).toBe('2');
  });

  it('POST refuses a group the pool already targets (include or exclude) and unknown groups', async () => {
    const h = harness();
    const id = await northwind(h);
    const kiosks = await groupId(h, 'Kiosks – Berlin');
    const dup = await h.call('POST', `${POOLS}/${id}/assignments`, { body: include(kiosks) });
    expect(dup.status).toBe(400);
    expect(errorOf(dup).message).toContain(kiosks);
    const missing = await h.call('POST', `${POOLS}/${id}/assignments`, { body: include('11111111-2222-4333-8444-555555555555') });
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('ResourceNotFound');
    expect(errorOf(missing).message).toContain('11111111-2222-4333-8444-555555555555');
  });

  it('PATCH cannot move an assignment to another group', async () => {
    const h = harness();
    const id = await northwind(h);
    const [first] = (await h.list(`${POOLS}/${id}/assignments`)).value;
    const exec = await groupId(h, 'Executives');
    const res = await h.call('PATCH', `${POOLS}/${id}/assignments/${String(first?.['id'])}`, { body: include(exec) });
    expect(res.status).toBe(400);
  });

  it('404s for unknown pools and assignments', async () => {
    const h = harness();
    const id = await northwind(h);
    expect((await h.call('GET', `${POOLS}/nope/assignments`)).status).toBe(404);
    expect((await h.call('GET', `${POOLS}/${id}/assignments/nope`)).status).toBe(404);
    expect((await h.call('DELETE', `${POOLS}/${id}/assignments/nope`)).status).toBe(404);
  });

  it('assignments of a new pool start empty and survive export/import', async () => {
    const h = harness({ seed: 'empty' });
    const created = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: codes(2) } });
    const id = String((created.body as Record<string, unknown>)['id']);
    expect((await h.list(`${POOLS}/${id}/assignments`)).value).toEqual([]);
    const exec = await groupId(h, 'Executives');
    await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [include(exec)] } });
    const snap = JSON.parse(JSON.stringify(h.engine.exportState())) as Snapshot;
    const h2 = harness({ seed: 'default' });
    h2.engine.importState(snap);
    expect((await h2.list(`${POOLS}/${id}/assignments`)).value.map((a) => a['id'])).toEqual([`${id}_${exec}`]);
  });
});
