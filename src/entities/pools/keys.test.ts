import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { groupKeys } from '../groups/keys.ts';
import { poolKeys } from './keys.ts';

const everyPoolKey = (id: string) => [
  poolKeys.list({ view: 'table' }),
  poolKeys.list({ view: 'names' }),
  poolKeys.list({ view: 'withAssignments' }),
  poolKeys.detail(id),
  poolKeys.summary(id),
  poolKeys.assignments(id),
  poolKeys.assignmentCount(id),
  poolKeys.deviceStates(id),
  poolKeys.deviceStateCount(id),
  poolKeys.usage(id, { failedDevices: false }),
  poolKeys.usage(id, { failedDevices: true }),
  poolKeys.failedDevices(id),
];

describe('poolKeys', () => {
  it('invalidating poolKeys.all marks every pool read stale, and no group read', async () => {
    const client = new QueryClient();
    for (const key of everyPoolKey('p1')) client.setQueryData(key, 1);
    client.setQueryData(groupKeys.memberCount('g1'), 1);
    await client.invalidateQueries({ queryKey: poolKeys.all });
    const stale = client.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => q.queryKey);
    expect(stale).toHaveLength(everyPoolKey('p1').length);
    expect(stale).not.toContainEqual(groupKeys.memberCount('g1'));
  });

  it('a pool’s own reads sit below its detail key, the lists below lists()', () => {
    const below = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => key[i] === part);
    for (const key of everyPoolKey('p1').slice(3)) expect(below(key, poolKeys.detail('p1'))).toBe(true);
    for (const key of everyPoolKey('p1').slice(0, 3)) expect(below(key, poolKeys.lists())).toBe(true);
    expect(below(poolKeys.assignments('p1'), poolKeys.detail('p2'))).toBe(false);
  });
});
