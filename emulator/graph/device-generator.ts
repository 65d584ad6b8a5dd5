/**
 * Generated device states: the seeds' generator, and statesOf(), which
 * materialises a pool's pending (lazily seeded) device states on first use.
 */
import { intuneDate } from './context.ts';
import { DEVICE_STATE_VALUES } from './model.ts';
import type { DeviceStateRecord, DeviceStateValue, PoolRecord } from './model.ts';
import { Prng } from './prng.ts';
import { deviceName, stateDetailsFor, uiccid, userName } from './seed-data.ts';
import { shiftState } from './seed-shift.ts';

/** All seeded dates lie in the year before this instant. */
export const SEED_BASE_DATE = Date.UTC(2026, 10, 1, 9, 0, 0);
export const DAY = 86_400_000;

export function between(rng: Prng, from: number, to: number): number {
  return from + Math.floor(rng.next() * Math.max(0, to - from));
}

const STATE_WEIGHTS: Readonly<Record<DeviceStateValue, number>> = {
  notEvaluated: 12,
  failed: 10,
  installing: 10,
  installed: 45,
  deleting: 5,
  error: 5,
  deleted: 8,
  removedByUser: 5,
};
const WEIGHT_TOTAL = Object.values(STATE_WEIGHTS).reduce((a, b) => a + b, 0);

export function weightedState(rng: Prng): DeviceStateValue {
  let x = rng.next() * WEIGHT_TOTAL;
  for (const state of DEVICE_STATE_VALUES) {
    x -= STATE_WEIGHTS[state];
    if (x < 0) return state;
  }
  return 'installed';
}

/**
 * How a pool's rollout went. `finished`: a burst in the weeks after the pool
 * was created, nothing in the last month (an idle pool). `active`: still
 * going, faster lately (a good share falls in the last 30 days). `steady`:
 * evenly spread from the pool's creation until the base date.
 */
export type RolloutProfile = 'finished' | 'active' | 'steady';
export const ROLLOUT_PROFILES: readonly RolloutProfile[] = ['finished', 'active', 'steady'];

/** Creation times (epoch ms, ascending) of `count` device states along a pool's rollout curve. */
export function rolloutTimes(rng: Prng, count: number, poolCreated: number, profile: RolloutProfile, end = SEED_BASE_DATE): number[] {
  const start = Math.min(poolCreated + rng.int(0, 7) * DAY + rng.int(2, 20) * 3_600_000, end - 3_600_000);
  const idleFrom = end - 31 * DAY;
  // A pool too young to have finished a rollout a month ago is still active.
  const shape = profile === 'finished' && start + 7 * DAY >= idleFrom ? 'active' : profile;
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const u = rng.next();
    let t: number;
    if (shape === 'finished') {
      const span = Math.min(rng.int(14, 60) * DAY, idleFrom - start);
      t = start + span * (1 - (1 - u) * (1 - u)); // front-loaded
    } else if (shape === 'active') {
      t = start + (end - 3_600_000 - start) * Math.pow(u, 0.6); // accelerating
    } else {
      t = start + (end - 3_600_000 - start) * u;
    }
    times.push(Math.floor(t));
  }
  return times.sort((a, b) => a - b);
}

/** A seeded device state given a code at `created`; modified and last sync follow it, before the base date. */
export function seedDeviceState(rng: Prng, state: DeviceStateValue, created: number): DeviceStateRecord {
  const modified = state === 'notEvaluated' && rng.chance(0.7) ? created : between(rng, created, Math.min(SEED_BASE_DATE, created + 45 * DAY));
  const neverSynced = state === 'notEvaluated' || (state === 'failed' && rng.chance(0.3));
  return {
    id: rng.guid(),
    createdDateTime: intuneDate(created),
    modifiedDateTime: intuneDate(modified),
    lastSyncDateTime: neverSynced ? null : intuneDate(between(rng, modified, SEED_BASE_DATE)),
    universalIntegratedCircuitCardIdentifier: state === 'notEvaluated' && rng.chance(0.5) ? null : uiccid(rng),
    deviceName: deviceName(rng),
    userName: rng.chance(0.9) ? userName(rng) : null,
    state,
    stateDetails: stateDetailsFor(state, rng),
  };
}

/** States for a pool: creation times along the profile's curve, values from the weights (or `pick`). */
export function seedPoolStates(rng: Prng, count: number, poolCreated: number, profile: RolloutProfile, pick: (n: number) => DeviceStateValue = () => weightedState(rng)): DeviceStateRecord[] {
  return rolloutTimes(rng, count, poolCreated, profile).map((t, n) => seedDeviceState(rng, pick(n), t));
}

/** A pool's device states, generating pending ones first. */
export function statesOf(pool: PoolRecord): DeviceStateRecord[] {
  const pending = pool.pendingStates;
  if (pending) {
    const rng = new Prng(pending.seed);
    const profile = rng.pick(ROLLOUT_PROFILES);
    // Generated in the seed's own time frame, then moved like the rest of a shifted seed.
    const shift = pending.shiftMs ?? 0;
    const states = seedPoolStates(rng, pending.count, Date.parse(pool.createdDateTime) - shift, profile);
    if (shift !== 0) states.forEach((s) => shiftState(s, shift));
    pool.deviceStates.push(...states);
    delete pool.pendingStates;
  }
  return pool.deviceStates;
}
