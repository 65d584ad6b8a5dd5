import { describe, expect, it } from 'vitest';
import { DEVICE_STATE_VALUES } from './model.ts';
import { BASE, POOLS, errorOf, harness } from './test-support.ts';
import type { Harness } from './test-support.ts';

async function poolWithMostStates(h: Harness): Promise<{ id: string; count: number }> {
  const pools = (await h.list(POOLS)).value;
  let best = { id: '', count: -1 };
  for (const p of pools) {
    const id = String(p['id']);
    const count = Number((await h.call('GET', `${POOLS}/${id}/deviceStates/$count`)).body);
    if (count > best.count) best = { id, count };
  }
  return best;
}

describe('device states', () => {
  it('the default seed has ~400 states covering every state value, with realistic fields', async () => {
    const h = harness();
    const pools = (await h.list(POOLS)).value;
    const states: Record<string, unknown>[] = [];
    for (const p of pools) states.push(...(await h.all(`${POOLS}/${String(p['id'])}/deviceStates`)).items);
    expect(states.length).toBeGreaterThanOrEqual(350);
    expect(states.length).toBeLessThanOrEqual(450);
    expect(new Set(states.map((s) => s['state']))).toEqual(new Set(DEVICE_STATE_VALUES));
    expect(states.some((s) => s['lastSyncDateTime'] === null)).toBe(true);
    for (const s of states) {
      expect(Object.keys(s).sort()).toEqual([
        'createdDateTime',
        'deviceName',
        'id',
        'lastSyncDateTime',
        'modifiedDateTime',
        'state',
        'stateDetails',
        'universalIntegratedCircuitCardIdentifier',
        'userName',
      ]);
      if (s['universalIntegratedCircuitCardIdentifier'] !== null) expect(s['universalIntegratedCircuitCardIdentifier']).toMatch(/^\d{32}$/);
      if (s['userName'] !== null) expect(s['userName']).toMatch(/^[a-z]+\.[a-z]+@contoso\.example$/);
      if (s['state'] === 'failed' || s['state'] === 'error') {
        expect(s['stateDetails']).toMatch(/^(InvalidMatchingId|ConfirmationCodeMissing|ProfileNotReleasedByOperator|RemoteServerUnreachable|ProfileDownloadFailed|NotEnoughSpace):/);
      }
    }
  });

  it('pages with $top and a followable nextLink', async () => {
    const h = harness();
    const { id, count } = await poolWithMostStates(h);
    expect(count).toBeGreaterThan(25);
    const { items, pages } = await h.all(`${POOLS}/${id}/deviceStates`, '$top=10&$count=true');
    expect(items).toHaveLength(count);
    expect(new Set(items.map((s) => s['id'])).size).toBe(count);
    expect(pages).toHaveLength(Math.ceil(count / 10));
    expect(pages[0]?.['@odata.count']).toBe(count);
    expect(pages[0]?.['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools('${id}')/deviceStates`);
  });

  it("$filter=state eq 'failed' (and the typed enum literal) returns only failed devices", async () => {
    const h = harness();
    const { id } = await poolWithMostStates(h);
    const all = (await h.all(`${POOLS}/${id}/deviceStates`)).items;
    const failed = await h.list(`${POOLS}/${id}/deviceStates`, "$filter=state eq 'failed'&$count=true");
    expect(failed.value.length).toBeGreaterThan(0);
    expect(failed.value.every((s) => s['state'] === 'failed')).toBe(true);
    expect(failed['@odata.count']).toBe(all.filter((s) => s['state'] === 'failed').length);
    const typed = await h.list(`${POOLS}/${id}/deviceStates`, "$filter=state eq microsoft.graph.embeddedSIMDeviceStateValue'failed'");
    expect(typed.value.length).toBe(failed.value.length);
    const problems = await h.list(`${POOLS}/${id}/deviceStates`, "$filter=state in ('failed','error') or lastSyncDateTime eq null");
    expect(problems.value.length).toBe(all.filter((s) => s['state'] === 'failed' || s['state'] === 'error' || s['lastSyncDateTime'] === null).length);
    const bad = await h.call('GET', `${POOLS}/${id}/deviceStates`, { query: "$filter=state eq 'exploded'" });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain("'exploded' is not a valid enumeration");
    const count = await h.call('GET', `${POOLS}/${id}/deviceStates/$count`, { query: "$filter=state eq 'failed'" });
    expect(count.body).toBe(String(failed.value.length));
  });

  it('$orderby state follows the enum order, $orderby lastSyncDateTime puts nulls first, $select projects', async () => {
    const h = harness();
    const { id } = await poolWithMostStates(h);
    const byState = (await h.list(`${POOLS}/${id}/deviceStates`, '$orderby=state&$select=state')).value;
    const idx = byState.map((s) => DEVICE_STATE_VALUES.indexOf(s['state'] as (typeof DEVICE_STATE_VALUES)[number]));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    expect(Object.keys(byState[0] ?? {}).sort()).toEqual(['id', 'state']);
    const bySync = (await h.list(`${POOLS}/${id}/deviceStates`, '$orderby=lastSyncDateTime')).value;
    const firstNonNull = bySync.findIndex((s) => s['lastSyncDateTime'] !== null);
    expect(bySync.slice(firstNonNull).every((s) => s['lastSyncDateTime'] !== null)).toBe(true);
    expect(firstNonNull).toBeGreaterThan(0);
  });

  it('GET/PATCH/DELETE one state; POST creates one', async () => {
    const h = harness();
    const { id } = await poolWithMostStates(h);
    const [first] = (await h.list(`${POOLS}/${id}/deviceStates`, '$top=1')).value;
    const path = `${POOLS}/${id}/deviceStates/${String(first?.['id'])}`;
    const got = await h.call('GET', path);
    expect(got.status).toBe(200);
    expect((got.body as Record<string, unknown>)['@odata.context']).toBe(`${BASE}/$metadata#deviceManagement/embeddedSIMActivationCodePools('${id}')/deviceStates/$entity`);

    h.tick(5_000);
    const patched = await h.call('PATCH', path, { body: { state: 'error', stateDetails: 'NotEnoughSpace: no room' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ state: 'error', stateDetails: 'NotEnoughSpace: no room', modifiedDateTime: '2026-11-02T10:00:05.0000000Z' });

    const bad = await h.call('PATCH', path, { body: { state: 'Installed' } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('notEvaluated, failed, installing, installed, deleting, error, deleted, removedByUser');
    expect((await h.call('PATCH', path, { body: { lastSyncDateTime: 'yesterday' } })).status).toBe(400);
    expect((await h.call('PATCH', path, { body: { owner: 'x' } })).status).toBe(400);
    expect((await h.call('GET', path)).body).toMatchObject({ state: 'error' });

    const created = await h.call('POST', `${POOLS}/${id}/deviceStates`, { body: { state: 'installing', deviceName: 'DESKTOP-NEW001', lastSyncDateTime: '2026-11-01T08:00:00Z' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'installing', deviceName: 'DESKTOP-NEW001', lastSyncDateTime: '2026-11-01T08:00:00.0000000Z', userName: null });
    expect((await h.call('POST', `${POOLS}/${id}/deviceStates`, { body: { deviceName: 'x' } })).status).toBe(400);

    expect((await h.call('DELETE', path)).status).toBe(204);
    expect((await h.call('GET', path)).status).toBe(404);
    expect((await h.call('GET', `${POOLS}/${id}/deviceStates/nope`)).status).toBe(404);
  });
});
