/**
 * Deterministic seeds (fixed PRNG seeds and base date, so output is stable):
 * `default` (a dozen carriers' pools, ~40 groups, ~400 device states),
 * `large` (10,000 pools, 50,000 device states, compact ICCID ranges) and
 * `empty` (groups only).
 */
import { intuneDate, directoryDate } from './context.ts';
import { RANGE_MAX_SERIAL } from './iccid.ts';
import { DEVICE_STATE_VALUES, NS } from './model.ts';
import type { AssignmentRecord, DeviceStateValue, GroupRecord, PoolRecord, SeedName, TargetRecord } from './model.ts';
import { hash32, Prng } from './prng.ts';
import { between, DAY, SEED_BASE_DATE, seedPoolStates, weightedState } from './device-generator.ts';
import type { RolloutProfile } from './device-generator.ts';

export { SEED_BASE_DATE } from './device-generator.ts';
import { CARRIERS, GROUPS, defaultPoolName } from './seed-data.ts';
import { seedAuditHistory } from './audit-seed.ts';
import type { StoreData } from './store.ts';
import { assignmentId } from './validation.ts';


function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

export function seedGroups(): GroupRecord[] {
  const rng = new Prng(0x6e0c2a);
  return GROUPS.map((g): GroupRecord => {
    const unified = g.mailEnabled === true;
    return {
      id: rng.guid(),
      displayName: g.name,
      description: g.description,
      createdDateTime: directoryDate(between(rng, SEED_BASE_DATE - 900 * DAY, SEED_BASE_DATE - 400 * DAY)),
      groupTypes: unified ? ['Unified'] : g.rule ? ['DynamicMembership'] : [],
      mailEnabled: unified,
      mailNickname: slug(g.name),
      membershipRule: g.rule ?? null,
      membershipRuleProcessingState: g.rule ? 'On' : null,
      securityEnabled: !unified,
      memberCount: g.members,
      deviceMemberCount: g.devices ?? g.members,
    };
  });
}

function groupTarget(groups: readonly GroupRecord[], name: string, exclude = false, filter?: { id: string; type: 'include' | 'exclude' }): TargetRecord {
  const group = groups.find((g) => g.displayName === name);
  if (!group) throw new Error(`seed references unknown group '${name}'`);
  return {
    '@odata.type': exclude ? `#${NS}.exclusionGroupAssignmentTarget` : `#${NS}.groupAssignmentTarget`,
    deviceAndAppManagementAssignmentFilterId: filter?.id ?? null,
    deviceAndAppManagementAssignmentFilterType: filter?.type ?? 'none',
    groupId: group.id,
  };
}

function allDevices(): TargetRecord {
  return { '@odata.type': `#${NS}.allDevicesAssignmentTarget`, deviceAndAppManagementAssignmentFilterId: null, deviceAndAppManagementAssignmentFilterType: 'none' };
}

function assignments(poolId: string, targets: readonly TargetRecord[]): AssignmentRecord[] {
  return targets.map((target) => ({ id: assignmentId(poolId, target), target }));
}

interface PoolPlan {
  assign: (groups: readonly GroupRecord[], rng: Prng) => TargetRecord[];
  states: number;
  /** The shape of the pool's rollout over time (see rolloutTimes). */
  rollout: RolloutProfile;
  /** Restrict generated states (e.g. an unassigned pool keeps only removed devices). */
  only?: readonly DeviceStateValue[];
}

const DEFAULT_PLANS: readonly PoolPlan[] = [
  { assign: (g) => [groupTarget(g, 'All Windows 11 laptops'), groupTarget(g, 'Kiosks – Berlin', true)], states: 90, rollout: 'active' },
  { assign: (g) => [groupTarget(g, 'Travel-heavy staff'), groupTarget(g, 'eSIM – excluded devices', true)], states: 30, rollout: 'finished' },
  { assign: (g) => [allDevices(), groupTarget(g, 'eSIM – excluded devices', true)], states: 110, rollout: 'active' },
  { assign: (g, rng) => [groupTarget(g, 'Field engineers EMEA', false, { id: rng.guid(), type: 'include' })], states: 35, rollout: 'steady' },
  { assign: () => [], states: 6, rollout: 'finished', only: ['deleted', 'removedByUser'] },
  { assign: (g) => [groupTarget(g, 'Field engineers Americas')], states: 40, rollout: 'finished' },
  { assign: (g) => [groupTarget(g, 'Pilot – eSIM')], states: 12, rollout: 'finished' },
  { assign: () => [], states: 0, rollout: 'steady' },
  { assign: (g) => [groupTarget(g, 'Sales – Surface Pro LTE'), groupTarget(g, 'Loaner laptops', true)], states: 45, rollout: 'active' },
  { assign: () => [], states: 0, rollout: 'steady' },
  { assign: (g) => [groupTarget(g, 'Executives'), groupTarget(g, 'Pilot – eSIM', true)], states: 14, rollout: 'finished' },
  { assign: (g, rng) => [groupTarget(g, 'Lenovo ThinkPad X1 – LTE', false, { id: rng.guid(), type: 'exclude' })], states: 20, rollout: 'active' },
];

function defaultPools(groups: readonly GroupRecord[]): PoolRecord[] {
  const rng = new Prng(0xe51a);
  return CARRIERS.map((carrier, i): PoolRecord => {
    const plan: PoolPlan = DEFAULT_PLANS[i] ?? { assign: () => [], states: 0, rollout: 'steady' };
    const created = between(rng, SEED_BASE_DATE - 360 * DAY, SEED_BASE_DATE - 20 * DAY);
    // Only renames change a pool (assignment changes do not): renamed pools were modified later.
    const modified = carrier.renamed ? between(rng, created + DAY, SEED_BASE_DATE - DAY) : created;
    // Ids from the SM-DP+ host, not the shared stream: changing how states are drawn keeps the pools' ids (and order).
    const id = new Prng(hash32(carrier.smdp)).guid();
    // Never more device states than codes: each state is a device that was given one.
    const states = seedPoolStates(rng, Math.min(plan.states, carrier.codes), created, plan.rollout, (n): DeviceStateValue => {
      // The first pool shows every state value at least once.
      if (i === 0 && n < DEVICE_STATE_VALUES.length) return DEVICE_STATE_VALUES[n] ?? 'installed';
      return plan.only ? rng.pick(plan.only) : weightedState(rng);
    });
    return {
      id,
      displayName: carrier.renamed ?? defaultPoolName(carrier.smdp),
      createdDateTime: intuneDate(created),
      modifiedDateTime: intuneDate(modified),
      smdpPlusServerAddress: carrier.smdp,
      iccids: { kind: 'range', ranges: [{ prefix: carrier.issuer + rng.digits(6), start: rng.int(0, RANGE_MAX_SERIAL - 1000 - 1), count: carrier.codes }] },
      activationCodeCount: carrier.codes,
      assignments: assignments(id, plan.assign(groups, rng)),
      deviceStates: states,
    };
  });
}

export const LARGE_POOLS = 10_000;
export const LARGE_STATES = 50_000;

/**
 * Device states per large-seed pool: uneven (a quarter of the pools have none,
 * a few have dozens), never more than the pool's codes, summing to `total`.
 */
export function spreadStates(rng: Prng, capacities: readonly number[], total: number): number[] {
  const counts = capacities.map((cap) => (rng.chance(0.25) ? 0 : Math.min(cap, rng.int(1, rng.chance(0.1) ? 24 : 8))));
  let sum = counts.reduce((a, b) => a + b, 0);
  // Walk the pools adding or taking one state at a time until the total is exact.
  for (let i = 0; sum !== total; i = (i + 1) % counts.length) {
    const c = counts[i] ?? 0;
    if (sum < total && c > 0 && c < (capacities[i] ?? 0)) {
      counts[i] = c + 1;
      sum++;
    } else if (sum > total && c > 1) {
      counts[i] = c - 1;
      sum--;
    }
  }
  return counts;
}

function largePools(groups: readonly GroupRecord[]): PoolRecord[] {
  const rng = new Prng(0x1a26e);
  const pools: PoolRecord[] = new Array<PoolRecord>(LARGE_POOLS);
  const codeCounts = Array.from({ length: LARGE_POOLS }, () => rng.int(25, 1000));
  const stateCounts = spreadStates(rng, codeCounts, LARGE_STATES);
  for (let i = 0; i < LARGE_POOLS; i++) {
    const carrier = CARRIERS[i % CARRIERS.length] ?? CARRIERS[0];
    if (!carrier) throw new Error('no carriers');
    const codes = codeCounts[i] ?? 25;
    const created = between(rng, SEED_BASE_DATE - 360 * DAY, SEED_BASE_DATE - DAY);
    const id = rng.guid();
    const serial = String(i).padStart(5, '0');
    const targets: TargetRecord[] = [];
    if (i % 10 === 0) {
      const group = groups[i % groups.length];
      if (group) targets.push(groupTarget(groups, group.displayName));
    }
    pools[i] = {
      id,
      displayName: `${carrier.name} – batch ${serial}`,
      createdDateTime: intuneDate(created),
      modifiedDateTime: intuneDate(between(rng, created, SEED_BASE_DATE)),
      smdpPlusServerAddress: `batch${serial}.${carrier.smdp}`,
      // A distinct 13-digit prefix per pool: issuer (7) + pool number (6).
      iccids: { kind: 'range', ranges: [{ prefix: carrier.issuer + String(i).padStart(6, '0'), start: rng.int(0, RANGE_MAX_SERIAL - 1000 - 1), count: codes }] },
      activationCodeCount: codes,
      assignments: assignments(id, targets),
      deviceStates: [],
      pendingStates: { seed: rng.uint32(), count: stateCounts[i] ?? 0 },
    };
  }
  return pools;
}

export function buildSeed(seed: SeedName): StoreData {
  const groups = seedGroups();
  switch (seed) {
    case 'default': {
      const pools = defaultPools(groups);
      return { groups, pools, auditEvents: seedAuditHistory(new Prng(0xa0d17), pools, groups) };
    }
    case 'large':
      return { groups, pools: largePools(groups) };
    case 'empty':
      return { groups, pools: [] };
  }
}
