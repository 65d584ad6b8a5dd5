import { describe, expect, it } from 'vitest';
import { SCOPE_READ, SCOPE_WRITE } from '../constants.ts';
import type { GraphResponse } from '../types.ts';
import { createGraphEngine } from './engine.ts';
import { LARGE_POOLS, LARGE_STATES } from './seeds.ts';
import type { Snapshot } from './snapshot.ts';
import { APP, NOBODY, OPERATOR, POOLS, READER, codes, errorOf, harness } from './test-support.ts';
import type { Harness } from './test-support.ts';

describe('routing', () => {
  it('answers unknown segments like Graph', async () => {
    const h = harness();
    for (const [path, segment] of [
      ['/foo', 'foo'],
      ['/deviceManagement/managedThings', 'managedThings'],
      [`${POOLS}/x/owners`, 'owners'],
      ['/groups/x/owners', 'owners'],
    ] as const) {
      const res = await h.call('GET', path);
      expect(res.status, path).toBe(400);
      expect(errorOf(res).code).toBe('BadRequest');
      expect(errorOf(res).message).toBe(`Resource not found for the segment '${segment}'.`);
    }
  });

  it('answers 405 with Allow for unsupported methods on known paths', async () => {
    const h = harness();
    const res = await h.call('PUT', POOLS);
    expect(res.status).toBe(405);
    expect(errorOf(res).code).toBe('MethodNotAllowed');
    expect(res.headers?.['allow']).toBe('GET, POST');
    expect((await h.call('POST', '/me')).status).toBe(405);
    expect((await h.call('DELETE', `${POOLS}/$count`)).status).toBe(405);
  });

  it('matches segment names case-insensitively and accepts key-in-parentheses syntax', async () => {
    const h = harness();
    const [pool] = (await h.list(POOLS)).value;
    const id = String(pool?.['id']);
    expect((await h.call('GET', `/DEVICEMANAGEMENT/embeddedsimactivationcodepools/${id.toUpperCase()}/DeviceStates`)).status).toBe(200);
    expect((await h.call('GET', `/deviceManagement/embeddedSIMActivationCodePools('${id}')`)).status).toBe(200);
    expect((await h.call('GET', `${POOLS}/`)).status).toBe(200);
  });

  it('puts the request ids into every error', async () => {
    const h = harness();
    const res = await h.call('GET', '/nothing');
    const inner = errorOf(res).innerError;
    expect(inner['request-id']).toMatch(/^req-\d+$/);
    expect(inner['client-request-id']).toMatch(/^client-\d+$/);
    const engine = createGraphEngine({ seed: 'empty' });
    const bare = await engine.handle({ method: 'GET', path: '/x', query: new URLSearchParams(), headers: {}, principal: APP, baseUrl: 'https://h/beta', requestId: 'only-server' });
    expect(errorOf(bare).innerError['client-request-id']).toBe('only-server');
  });
});

describe('permissions', () => {
  async function fixture(h: Harness): Promise<{ pool: string; assignment: string; state: string; group: string }> {
    const pools = (await h.list(POOLS, "$filter=displayName eq 'northwind-wireless'&$expand=assignments")).value;
    const pool = String(pools[0]?.['id']);
    const assignment = String((pools[0]?.['assignments'] as { id: string }[])[0]?.id);
    const state = String((await h.list(`${POOLS}/${pool}/deviceStates`, '$top=1')).value[0]?.['id']);
    const group = String((await h.list('/groups', "$filter=displayName eq 'Executives'")).value[0]?.['id']);
    return { pool, assignment, state, group };
  }

  /** Every write, in an order that succeeds when run one after another. */
  const writes = (f: { pool: string; assignment: string; state: string; group: string }): [string, string, unknown][] => [
    ['POST', POOLS, { displayName: 'x', activationCodes: codes(1) }],
    ['PATCH', `${POOLS}/${f.pool}`, { displayName: 'renamed' }],
    ['POST', `${POOLS}/${f.pool}/deviceStates`, { state: 'installed' }],
    ['PATCH', `${POOLS}/${f.pool}/deviceStates/${f.state}`, { state: 'failed' }],
    ['DELETE', `${POOLS}/${f.pool}/deviceStates/${f.state}`, undefined],
    ['POST', `${POOLS}/${f.pool}/assignments`, { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: f.group } }],
    ['PATCH', `${POOLS}/${f.pool}/assignments/${f.assignment}`, {}],
    ['DELETE', `${POOLS}/${f.pool}/assignments/${f.assignment}`, undefined],
    ['POST', `${POOLS}/${f.pool}/assign`, { assignments: [] }],
    ['POST', `${POOLS}/${f.pool}/microsoft.graph.assign`, { assignments: [] }],
    ['DELETE', `${POOLS}/${f.pool}`, undefined],
  ];

  it('refuses every write to a read-only principal with 403 naming the missing permission, changing nothing', async () => {
    const h = harness();
    const f = await fixture(h);
    const before = JSON.stringify(h.engine.exportState());
    for (const [method, path, body] of writes(f)) {
      const res = await h.call(method, path, { body, principal: READER });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(errorOf(res).code).toBe('Forbidden');
      expect(errorOf(res).message).toBe(
        'Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementConfiguration.ReadWrite.All',
      );
    }
    expect(JSON.stringify(h.engine.exportState())).toBe(before);
  });

  it('refuses every write to an Intune Read Only Operator holding the write scope with Intune’s role 403, not a scope message', async () => {
    const h = harness();
    const f = await fixture(h);
    const before = JSON.stringify(h.engine.exportState());
    expect(OPERATOR.permissions).toContain(SCOPE_WRITE);
    for (const [method, path, body] of writes(f)) {
      const res = await h.call(method, path, { body, principal: OPERATOR });
      expect(res.status, `${method} ${path}`).toBe(403);
      const error = errorOf(res);
      expect(error.code).toBe('Forbidden');
      expect(error.message).not.toMatch(/scope/i);
      // Intune's message is itself a JSON document with a generic text.
      const inner = JSON.parse(error.message) as Record<string, unknown>;
      expect(Object.keys(inner)).toEqual(['_version', 'Message', 'CustomApiErrorPhrase', 'RetryAfter', 'ErrorSourceService', 'HttpHeaders']);
      expect(inner._version).toBe(3);
      expect(inner.Message).toMatch(/^An error has occurred - Operation ID \(for customer support\): 0{8}-0{4}-0{4}-0{4}-0{12} - Activity ID: client-\d+ - Url: https:\/\/\S+\?api-version=/);
      expect(error.message).toContain('\r\n');
      expect(inner.Message).toContain(`Activity ID: ${error.innerError['client-request-id']} `);
    }
    expect(JSON.stringify(h.engine.exportState())).toBe(before);
  });

  it('lets the Intune Read Only Operator read everything', async () => {
    const h = harness();
    const f = await fixture(h);
    const reads = [POOLS, `${POOLS}/$count`, `${POOLS}/${f.pool}`, `${POOLS}/${f.pool}/assignments`, `${POOLS}/${f.pool}/deviceStates`, `/groups/${f.group}`, '/me'];
    for (const path of reads) expect((await h.call('GET', path, { principal: OPERATOR })).status, path).toBe(200);
  });

  it('lets the write permission (delegated or application) do every write', async () => {
    for (const principal of [undefined, APP]) {
      const h = harness();
      const f = await fixture(h);
      for (const [method, path, body] of writes(f)) {
        const res = await h.call(method, path, { body, ...(principal ? { principal } : {}) });
        expect(res.status, `${method} ${path}`).toBeLessThan(300);
      }
    }
  });

  it('reads need Read.All or ReadWrite.All', async () => {
    const h = harness();
    const f = await fixture(h);
    const reads = [POOLS, `${POOLS}/$count`, `${POOLS}/${f.pool}`, `${POOLS}/${f.pool}/assignments`, `${POOLS}/${f.pool}/assignments/${f.assignment}`, `${POOLS}/${f.pool}/deviceStates`, `${POOLS}/${f.pool}/deviceStates/${f.state}`];
    for (const path of reads) {
      const denied = await h.call('GET', path, { principal: NOBODY });
      expect(denied.status, path).toBe(403);
      expect(errorOf(denied).message).toContain(`${SCOPE_READ}, ${SCOPE_WRITE}`);
      expect((await h.call('GET', path, { principal: READER })).status, path).toBe(200);
    }
  });

  it('checks permission before existence (403, not 404, for unknown pools)', async () => {
    const h = harness();
    expect((await h.call('GET', `${POOLS}/unknown`, { principal: NOBODY })).status).toBe(403);
    expect((await h.call('DELETE', `${POOLS}/unknown`, { principal: READER })).status).toBe(403);
  });
});

describe('state: seeds, export/import, reset', () => {
  it('export → JSON → import round-trips everything', async () => {
    const h = harness();
    await h.call('POST', POOLS, { body: { displayName: 'Round trip', activationCodes: codes(3) } });
    const snapshot = JSON.parse(JSON.stringify(h.engine.exportState())) as unknown;
    const other = harness({ seed: 'empty' });
    other.engine.importState(snapshot);
    expect(JSON.stringify(other.engine.exportState())).toBe(JSON.stringify(snapshot));
    expect(await other.list(POOLS, '$orderby=displayName&$expand=assignments')).toEqual(await h.list(POOLS, '$orderby=displayName&$expand=assignments'));
    // Uniqueness rules survive the round trip.
    const clash = await other.call('POST', POOLS, { body: { displayName: 'again', activationCodes: codes(1, { smdp: 'new.example.com' }) } });
    expect(clash.status).toBe(400);
  });

  it.each([
    ['not an object', 42, 'snapshot must be an object'],
    ['wrong format', { format: 'x', version: 1, pools: [], groups: [] }, 'format'],
    ['wrong version', { format: 'intune-esim-graph-emulator', version: 2, pools: [], groups: [] }, 'version'],
    ['pools not an array', { format: 'intune-esim-graph-emulator', version: 1, pools: {}, groups: [] }, 'pools must be an array'],
  ])('importState rejects a malformed snapshot: %s', (_label, snapshot, fragment) => {
    const h = harness();
    expect(() => h.engine.importState(snapshot)).toThrow(fragment);
  });

  it('importState names the bad field and keeps the old state on error', async () => {
    const h = harness();
    const before = JSON.stringify(h.engine.exportState());
    const broken = JSON.parse(before) as Snapshot;
    const pool = broken.pools[2];
    if (!pool) throw new Error('no pool');
    (pool as unknown as Record<string, unknown>)['displayName'] = 7;
    expect(() => h.engine.importState(broken)).toThrow('pools[2].displayName must be a string');
    const dup = JSON.parse(before) as Snapshot;
    const [a, b] = dup.pools;
    if (!a || !b) throw new Error('no pools');
    b.smdpPlusServerAddress = a.smdpPlusServerAddress;
    expect(() => h.engine.importState(dup)).toThrow(/SM-DP\+ address/);
    const state = JSON.parse(before) as Snapshot;
    const ds = state.pools[0]?.deviceStates[0];
    if (!ds) throw new Error('no state');
    (ds as unknown as Record<string, unknown>)['state'] = 'melted';
    expect(() => h.engine.importState(state)).toThrow('pools[0].deviceStates[0].state must be one of');
    const badGroup = JSON.parse(before) as Snapshot;
    const target = badGroup.pools[0]?.assignments[0]?.target;
    if (!target) throw new Error('no target');
    target.groupId = 'missing-group';
    expect(() => h.engine.importState(badGroup)).toThrow("names group 'missing-group'");
    expect(JSON.stringify(h.engine.exportState())).toBe(before);
  });

  it('seeds are deterministic', () => {
    const a = createGraphEngine({ seed: 'default' }).exportState();
    const b = createGraphEngine({ seed: 'default' }).exportState();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('reset("empty") keeps groups but no pools; assignments can be tested', async () => {
    const h = harness();
    h.engine.reset('empty');
    expect((await h.call('GET', `${POOLS}/$count`)).body).toBe('0');
    const groups = await h.list('/groups');
    expect(groups.value.length).toBeGreaterThan(30);
    const created = await h.call('POST', POOLS, { body: { displayName: 'x', activationCodes: codes(2) } });
    const id = String((created.body as Record<string, unknown>)['id']);
    const res = await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groups.value[0]?.['id'] } }] } });
    expect(res.status).toBe(200);
  });

  it('the large seed holds 10,000 pools and 50,000 device states and stays usable', async () => {
    const h = harness({ seed: 'large' });
    expect((await h.call('GET', `${POOLS}/$count`)).body).toBe(String(LARGE_POOLS));
    const page = await h.list(POOLS, '$count=true&$orderby=displayName');
    expect(page['@odata.count']).toBe(10_000);
    expect(page.value).toHaveLength(1000);
    expect(page['@odata.nextLink']).toBeDefined();
    const snap = h.engine.exportState() as Snapshot;
    const states = snap.pools.reduce((n, p) => n + p.deviceStates.length + (p.pendingStates?.count ?? 0), 0);
    expect(states).toBe(LARGE_STATES);
    expect(snap.pools.reduce((n, p) => n + p.activationCodeCount, 0)).toBeGreaterThan(1_000_000);
    const first = snap.pools.find((p) => (p.pendingStates?.count ?? 0) > 3);
    const id = String(first?.id);
    const ds = await h.list(`${POOLS}/${id}/deviceStates`, '$count=true');
    expect(ds['@odata.count']).toBe(first?.pendingStates?.count);
    // Generated lazily, but stable: the same states on every read.
    expect(await h.list(`${POOLS}/${id}/deviceStates`, '$count=true')).toEqual(ds);
    const sameSeed = harness({ seed: 'large' });
    expect(await sameSeed.list(`${POOLS}/${id}/deviceStates`, '$count=true')).toEqual(ds);
  });
});

describe('device simulation', () => {
  async function assignPilot(h: Harness): Promise<string> {
    const created = await h.call('POST', POOLS, { body: { displayName: 'Sim pool', activationCodes: codes(50) } });
    const id = String((created.body as Record<string, unknown>)['id']);
    const pilot = String((await h.list('/groups', "$filter=displayName eq 'Pilot – eSIM'")).value[0]?.['id']);
    const res: GraphResponse = await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: pilot } }] } });
    expect(res.status).toBe(200);
    return id;
  }

  const states = async (h: Harness, id: string): Promise<string[]> => (await h.list(`${POOLS}/${id}/deviceStates`, '$orderby=deviceName')).value.map((s) => String(s['state']));

  it('moves targeted devices notEvaluated → installing → installed/failed on the injected clock', async () => {
    const h = harness({ seed: 'empty' });
    const id = await assignPilot(h);
    expect(await states(h, id)).toEqual(Array(12).fill('notEvaluated'));
    h.tick(50_000);
    expect((await states(h, id)).every((s) => s === 'installing')).toBe(true);
    h.tick(200_000);
    const done = await states(h, id);
    expect(done.every((s) => s === 'installed' || s === 'failed')).toBe(true);
    expect(done.filter((s) => s === 'installed').length).toBeGreaterThan(6);

    // Unassigning removes the profiles: deleting, then deleted.
    await h.call('POST', `${POOLS}/${id}/assign`, { body: { assignments: [] } });
    expect(new Set(await states(h, id))).toEqual(new Set(['deleting']));
    h.tick(120_000);
    expect(new Set(await states(h, id))).toEqual(new Set(['deleted']));
  });

  it('is deterministic for the same clock and pool', async () => {
    const snapshot = createGraphEngine({ seed: 'empty' }).exportState() as Snapshot;
    const iccids = codes(50).map((c) => c['integratedCircuitCardIdentifier'] ?? '');
    snapshot.pools.push({
      id: '5e5e5e5e-0000-4000-8000-000000000001',
      displayName: 'Fixed',
      createdDateTime: '2026-10-01T00:00:00.0000000Z',
      modifiedDateTime: '2026-10-01T00:00:00.0000000Z',
      smdpPlusServerAddress: 'smdp.fixed.example.com',
      iccids: { kind: 'list', iccids },
      activationCodeCount: 50,
      assignments: [],
      deviceStates: [],
    });
    const runs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const h = harness({ seed: 'empty' });
      h.engine.importState(structuredClone(snapshot));
      const pilot = String((await h.list('/groups', "$filter=displayName eq 'Field engineers EMEA'")).value[0]?.['id']);
      await h.call('POST', `${POOLS}/5e5e5e5e-0000-4000-8000-000000000001/assign`, {
        body: { assignments: [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: pilot } }] },
      });
      h.tick(70_000);
      runs.push(JSON.stringify((await h.list(`${POOLS}/5e5e5e5e-0000-4000-8000-000000000001/deviceStates`, '$orderby=deviceName')).value));
    }
    expect(runs[0]).toBe(runs[1]);
    const parsed = JSON.parse(runs[0] ?? '[]') as { state: string }[];
    expect(parsed).toHaveLength(20);
    // Mid-rollout: a mix of states.
    expect(new Set(parsed.map((s) => s.state)).size).toBeGreaterThan(1);
  });

  it('can be switched off', async () => {
    const h = harness({ seed: 'empty', simulateDevices: false });
    const id = await assignPilot(h);
    expect(await states(h, id)).toEqual([]);
  });
});
