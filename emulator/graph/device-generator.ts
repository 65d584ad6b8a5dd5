/**
 * Generated device states: the seeds' generator, and statesOf(), which
 * materialises a pool's pending (lazily seeded) device states on first use.
 */
import { intuneDate } from './context.ts';
import { DEVICE_STATE_VALUES } from './model.ts';
import type { DeviceStateRecord, DeviceStateValue, PoolRecord } from './model.ts';
import { Prng } from './prng.ts';
import { deviceName, stateDetailsFor, uiccid, userName } from './seed-data.ts';

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

export function seedDeviceState(rng: Prng, state: DeviceStateValue, poolCreated: number): DeviceStateRecord {
  const created = between(rng, poolCreated, SEED_BASE_DATE - DAY);
  const modified = between(rng, created, SEED_BASE_DATE);
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

/** A pool's device states, generating pending ones first. */
export function statesOf(pool: PoolRecord): DeviceStateRecord[] {
  const pending = pool.pendingStates;
  if (pending) {
    const rng = new Prng(pending.seed);
    const created = Date.parse(pool.createdDateTime);
    for (let n = 0; n < pending.count; n++) pool.deviceStates.push(seedDeviceState(rng, weightedState(rng), created));
    delete pool.pendingStates;
  }
  return pool.deviceStates;
}
