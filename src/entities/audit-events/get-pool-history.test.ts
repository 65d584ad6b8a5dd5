import { beforeEach, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../../graph/client-options.ts';
import { configureGraph } from '../../graph/client.ts';
import { GRAPH, fakeFetch, json, type RecordedCall, type Responder } from '../../graph/test-support.ts';
import type { AuditEvent } from './types.ts';
import { poolKeys } from '../pools/keys.ts';
import { AUDIT_RETENTION_MS, getPoolHistory, historySince, poolHistoryQueryOptions } from './get-pool-history.ts';
import { replacedPools } from './replaced-pool.ts';

const AUDIT = `${GRAPH}/beta/deviceManagement/auditEvents`;
const POOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const OLD = 'bbbbbbbb-0000-4000-8000-000000000002';
const MEGAN = { userPrincipalName: 'megan.bowen@contoso.example', applicationDisplayName: 'Intune eSIM console' };
const NESTOR = { userPrincipalName: 'nestor.wilke@contoso.example' };
let calls: RecordedCall[];
let tokens: TokenRequest[];

function use(...responders: Responder[]) {
  const fake = fakeFetch(...responders);
  calls = fake.calls;
  tokens = [];
  configureGraph({ baseUrl: GRAPH, getToken: (t) => (tokens.push(t), Promise.resolve('token')), fetch: fake.fetch, sleep: () => Promise.resolve(), maxRetries: 0 });
}
beforeEach(() => use());

const poolEvent = (id: string, op: 'Create' | 'Patch' | 'Delete' | 'Action', at: string, poolId: string, actor: object = MEGAN, name = 'Alpha'): AuditEvent => ({
  id,
  activity: `${op} EmbeddedSIMActivationCodePool`,
  activityOperationType: op,
  activityResult: 'Success',
  activityDateTime: at,
  actor,
  resources: [{ resourceId: poolId, type: 'EmbeddedSIMActivationCodePool', displayName: name, modifiedProperties: [] }],
});

describe('getPoolHistory', () => {
  it('filters on activityDateTime on the server, reads every page with the audit permission, keeps the pool’s events newest first', async () => {
    use(
      json(200, { value: [poolEvent('e1', 'Create', '2026-11-02T10:00:00Z', POOL), poolEvent('x', 'Patch', '2026-11-02T11:00:00Z', OLD)], '@odata.nextLink': `${AUDIT}?$skiptoken=2` }),
      json(200, { value: [poolEvent('e2', 'Patch', '2026-11-03T10:00:00Z', POOL.toUpperCase()), poolEvent('e1', 'Create', '2026-11-02T10:00:00Z', POOL)] }),
    );
    const history = await getPoolHistory(POOL, '2026-11-02T09:45:00.000Z');
    expect(new URL(calls[0]!.url).searchParams.get('$filter')).toBe('activityDateTime ge 2026-11-02T09:45:00.000Z');
    expect(calls[1]!.url).toBe(`${AUDIT}?$skiptoken=2`);
    expect(tokens.map((t) => t.permission)).toEqual(['DeviceManagementApps.Read.All', 'DeviceManagementApps.Read.All']);
    expect(history.events.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(history.replaced).toEqual([]);
  });

  it('is keyed below the pool, so a pool write refreshes it', () => {
    const key = poolHistoryQueryOptions(POOL, '2026-01-01T00:00:00.000Z').queryKey;
    expect(key.slice(0, poolKeys.detail(POOL).length)).toEqual([...poolKeys.detail(POOL)]);
    expect(key).toContainEqual({ since: '2026-01-01T00:00:00.000Z' });
  });
});

describe('historySince', () => {
  const now = Date.parse('2026-12-01T00:00:00Z');
  it('starts 15 minutes before the pool’s creation, or a year back when it is unknown', () => {
    expect(historySince('2026-11-02T10:00:00Z', now)).toBe('2026-11-02T09:45:00.000Z');
    expect(historySince(undefined, now)).toBe(new Date(now - AUDIT_RETENTION_MS).toISOString());
    expect(historySince('2020-01-01T00:00:00Z', now)).toBe(new Date(now - AUDIT_RETENTION_MS).toISOString());
  });
});

describe('replacedPools', () => {
  const created = poolEvent('c', 'Create', '2026-11-02T10:00:00Z', POOL);
  it('finds the pool its creator deleted in the 15 minutes before the create', () => {
    const deleted = poolEvent('d', 'Delete', '2026-11-02T09:59:30Z', OLD, MEGAN, 'Alpha (old)');
    expect(replacedPools([created, deleted], POOL)).toEqual([{ poolId: OLD, displayName: 'Alpha (old)', deletedAt: '2026-11-02T09:59:30Z', secondsBefore: 30, by: MEGAN.userPrincipalName }]);
  });

  it('ignores a delete by someone else, after the create, too early, or of a child object', () => {
    const child: AuditEvent = { ...poolEvent('a', 'Delete', '2026-11-02T09:59:00Z', 'assignment-1'), resources: [{ resourceId: 'assignment-1', type: 'EmbeddedSIMActivationCodePoolAssignment' }] };
    const events = [
      created,
      poolEvent('d1', 'Delete', '2026-11-02T09:59:00Z', OLD, NESTOR),
      poolEvent('d2', 'Delete', '2026-11-02T10:00:05Z', OLD),
      poolEvent('d3', 'Delete', '2026-11-02T09:44:59Z', OLD),
      child,
    ];
    expect(replacedPools(events, POOL)).toEqual([]);
    expect(replacedPools([poolEvent('d', 'Delete', '2026-11-02T09:59:30Z', OLD)], POOL)).toEqual([]);
  });
});
