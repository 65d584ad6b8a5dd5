import { describe, expect, it } from 'vitest';
import { DAY, ROLLOUT_PROFILES, rolloutTimes, SEED_BASE_DATE, statesOf } from './device-generator.ts';
import { Prng } from './prng.ts';
import { buildSeed, LARGE_POOLS, LARGE_STATES, spreadStates } from './seeds.ts';
import type { PoolRecord } from './model.ts';

const states = (pools: PoolRecord[]) => pools.flatMap((p) => statesOf(p).map((s) => ({ pool: p, s })));

describe('seeded device states over time', () => {
  it.each(['default', 'large'] as const)('%s: no pool has more device states than activation codes', (seed) => {
    const pools = buildSeed(seed).pools;
    const over = pools.filter((p) => statesOf(p).length > p.activationCodeCount);
    expect(over.map((p) => p.displayName)).toEqual([]);
    expect(pools.some((p) => statesOf(p).length > 0)).toBe(true);
  });

  it.each(['default', 'large'] as const)('%s: created ≤ modified ≤ base, last sync after modified, created after the pool', (seed) => {
    const bad: string[] = [];
    for (const { pool, s } of states(buildSeed(seed).pools)) {
      const created = Date.parse(s.createdDateTime);
      const modified = Date.parse(s.modifiedDateTime);
      const sync = s.lastSyncDateTime === null ? null : Date.parse(s.lastSyncDateTime);
      const ok = created >= Date.parse(pool.createdDateTime) && modified >= created && modified <= SEED_BASE_DATE && (sync === null || (sync >= modified && sync <= SEED_BASE_DATE));
      if (!ok) bad.push(`${pool.displayName}/${s.id}`);
    }
    expect(bad).toEqual([]);
  });

  it('default: states spread over months, some pools active in the last 30 days and some idle', () => {
    const pools = buildSeed('default').pools.filter((p) => p.deviceStates.length > 0);
    const recent = (p: PoolRecord) => p.deviceStates.filter((s) => Date.parse(s.createdDateTime) > SEED_BASE_DATE - 30 * DAY).length;
    const active = pools.filter((p) => recent(p) > 0);
    const idle = pools.filter((p) => recent(p) === 0);
    expect(active.length).toBeGreaterThanOrEqual(3);
    expect(idle.length).toBeGreaterThanOrEqual(3);
    const all = pools.flatMap((p) => p.deviceStates.map((s) => Date.parse(s.createdDateTime)));
    expect(Math.max(...all) - Math.min(...all)).toBeGreaterThan(120 * DAY);
    // Created times are not all the same instant within a pool: a curve, not a dump.
    for (const p of pools.filter((x) => x.deviceStates.length > 10)) {
      expect(new Set(p.deviceStates.map((s) => s.createdDateTime.slice(0, 10))).size).toBeGreaterThan(3);
    }
  });

  it('rollout curves: finished ends before the last month, active has a share in it', () => {
    const created = SEED_BASE_DATE - 200 * DAY;
    const finished = rolloutTimes(new Prng(1), 200, created, 'finished');
    expect(Math.max(...finished)).toBeLessThan(SEED_BASE_DATE - 30 * DAY);
    expect(Math.min(...finished)).toBeGreaterThanOrEqual(created);
    const active = rolloutTimes(new Prng(2), 200, created, 'active');
    expect(active.filter((t) => t > SEED_BASE_DATE - 30 * DAY).length).toBeGreaterThan(20);
    expect(active).toEqual([...active].sort((a, b) => a - b));
    // A pool created a week ago cannot have finished a month ago: it counts as active.
    const young = rolloutTimes(new Prng(3), 10, SEED_BASE_DATE - 7 * DAY, 'finished');
    expect(Math.min(...young)).toBeGreaterThanOrEqual(SEED_BASE_DATE - 7 * DAY);
    expect(Math.max(...young)).toBeLessThan(SEED_BASE_DATE);
    expect(ROLLOUT_PROFILES).toHaveLength(3);
  });

  it('large: exactly 50,000 states over 10,000 pools, uneven, some pools empty', () => {
    const pools = buildSeed('large').pools;
    expect(pools).toHaveLength(LARGE_POOLS);
    const counts = pools.map((p) => p.pendingStates?.count ?? 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(LARGE_STATES);
    expect(counts.filter((c) => c === 0).length).toBeGreaterThan(1000);
    expect(Math.max(...counts)).toBeGreaterThan(10);
  });

  it('spreadStates hits the total exactly without exceeding capacities', () => {
    const caps = [1, 2, 3, 50, 50];
    const counts = spreadStates(new Prng(9), caps, 40);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    counts.forEach((c, i) => expect(c).toBeLessThanOrEqual(caps[i] ?? 0));
  });

  it('seeds stay deterministic and the large seed builds fast', () => {
    expect(JSON.stringify(buildSeed('default'))).toBe(JSON.stringify(buildSeed('default')));
    const t0 = performance.now();
    buildSeed('large');
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
