import { describe, expect, it } from 'vitest';
import { DAY, ROLLOUT_PROFILES, rolloutTimes, SEED_BASE_DATE, statesOf } from './device-generator.ts';
import { Prng } from './prng.ts';
import { buildSeed, LARGE_POOLS, LARGE_STATES, spreadStates } from './seeds.ts';
import type { PoolRecord } from './model.ts';
import { parseArgs } from '../cli.ts';
import { createGraphEngine } from './engine.ts';
import { seedShiftFor } from './seed-shift.ts';
import type { Snapshot } from './snapshot.ts';
import { ADMIN, POOLS } from './test-support.ts';

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

describe("seedDates: 'recent'", () => {
  const NOW = SEED_BASE_DATE + 40 * DAY + 5 * 3_600_000;

  it('moves a seed forward by whole days so its base date is just before the clock', () => {
    expect(seedShiftFor(NOW)).toBe(40 * DAY);
    expect(seedShiftFor(SEED_BASE_DATE - DAY)).toBe(0);
    const fixed = createGraphEngine({ seed: 'default', now: () => new Date(NOW) }).exportState() as Snapshot;
    const recent = createGraphEngine({ seed: 'default', now: () => new Date(NOW), seedDates: 'recent' }).exportState() as Snapshot;
    const moved = (a: string, b: string) => Date.parse(b) - Date.parse(a);
    recent.pools.forEach((p, i) => {
      const f = fixed.pools[i];
      expect(moved(f?.createdDateTime ?? '', p.createdDateTime)).toBe(40 * DAY);
      p.deviceStates.forEach((s, j) => expect(moved(f?.deviceStates[j]?.createdDateTime ?? '', s.createdDateTime)).toBe(40 * DAY));
    });
    const events = recent.auditEvents ?? [];
    expect(moved(fixed.auditEvents?.[0]?.activityDateTime ?? '', events[0]?.activityDateTime ?? '')).toBe(40 * DAY);
    expect(Math.max(...events.map((e) => Date.parse(e.activityDateTime)))).toBeLessThanOrEqual(NOW);
    const recentStates = recent.pools.flatMap((p) => p.deviceStates).filter((s) => Date.parse(s.createdDateTime) > NOW - 30 * DAY);
    expect(recentStates.length).toBeGreaterThan(0);
    // Still deterministic for the same day.
    expect(JSON.stringify(createGraphEngine({ seed: 'default', now: () => new Date(NOW + 3_600_000), seedDates: 'recent' }).exportState())).toBe(JSON.stringify(recent));
  });

  it('also moves the large seed’s lazily generated states, and reset keeps the mode', async () => {
    const engine = createGraphEngine({ seed: 'empty', now: () => new Date(NOW), seedDates: 'recent' });
    engine.reset('large');
    const snap = engine.exportState() as Snapshot;
    const pool = snap.pools.find((p) => (p.pendingStates?.count ?? 0) > 5);
    expect(pool?.pendingStates?.shiftMs).toBe(40 * DAY);
    engine.importState(snap);
    const res = await engine.handle({ method: 'GET', path: `${POOLS}/${String(pool?.id)}/deviceStates`, query: new URLSearchParams(), headers: {}, principal: ADMIN, baseUrl: 'https://h/beta', requestId: 'r' });
    const states = (res.body as { value: { createdDateTime: string; lastSyncDateTime: string | null }[] }).value;
    expect(states).toHaveLength(pool?.pendingStates?.count ?? -1);
    for (const s of states) {
      expect(Date.parse(s.createdDateTime)).toBeGreaterThanOrEqual(Date.parse(pool?.createdDateTime ?? ''));
      expect(Date.parse(s.lastSyncDateTime ?? s.createdDateTime)).toBeLessThanOrEqual(NOW);
    }
  });

  it('is a CLI flag', () => {
    expect(parseArgs(['--seed-dates', 'recent'])).toMatchObject({ seedDates: 'recent' });
    expect(() => parseArgs(['--seed-dates', 'today'])).toThrow(/--seed-dates must be fixed or recent/);
  });
});
