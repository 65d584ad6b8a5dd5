/**
 * Optional device simulation so the console can "watch" a rollout: when a
 * pool's assignments change, the members of its included groups (minus
 * excluded ones) get device states that move notEvaluated → installing →
 * installed (about one in eight fails); devices no longer targeted go
 * deleting → deleted. Every time and outcome derives from a hash of
 * (pool id, device name) and the engine clock, so runs are deterministic.
 */
import { intuneDate } from './context.ts';
import { statesOf } from './device-generator.ts';
import type { DeviceSimulation, DeviceStateRecord, DeviceStateValue, PoolRecord } from './model.ts';
import { hash32, Prng } from './prng.ts';
import { FAILURE_DETAILS, deviceName, uiccid, userName } from './seed-data.ts';
import type { Store } from './store.ts';
import { ALL_DEVICES_ID } from './validation.ts';

/** Simulated members per group (real groups can have thousands; a sample is enough to watch). */
export const SIMULATED_MEMBERS_PER_GROUP = 20;
const SECOND = 1000;

interface Member {
  deviceName: string;
  userName: string;
  uiccid: string;
}

export function groupMembers(groupId: string, memberCount: number): Member[] {
  const rng = new Prng(hash32(`members|${groupId.toLowerCase()}`));
  const members: Member[] = [];
  for (let i = 0; i < Math.min(memberCount, SIMULATED_MEMBERS_PER_GROUP); i++) {
    members.push({ deviceName: deviceName(rng), userName: userName(rng), uiccid: uiccid(rng) });
  }
  return members;
}

function targetedDevices(pool: PoolRecord, store: Store): Map<string, Member> {
  const included = new Map<string, Member>();
  const excluded = new Set<string>();
  for (const { target } of pool.assignments) {
    const type = target['@odata.type'];
    if (type.endsWith('.allDevicesAssignmentTarget')) {
      for (const m of groupMembers(ALL_DEVICES_ID, SIMULATED_MEMBERS_PER_GROUP)) included.set(m.deviceName, m);
      continue;
    }
    if (target.groupId === undefined) continue;
    const group = store.getGroup(target.groupId);
    if (!group) continue;
    const members = groupMembers(group.id, group.deviceMemberCount);
    if (type.endsWith('.exclusionGroupAssignmentTarget')) members.forEach((m) => excluded.add(m.deviceName));
    else members.forEach((m) => included.set(m.deviceName, m));
  }
  for (const name of excluded) included.delete(name);
  return included;
}

const GONE: ReadonlySet<DeviceStateValue> = new Set(['deleted', 'removedByUser']);

/** Reconciles a pool's simulated device states with its current assignments. */
export function syncPoolDevices(pool: PoolRecord, store: Store, nowMs: number): void {
  const targeted = targetedDevices(pool, store);
  const present = new Map<string, DeviceStateRecord>();
  for (const s of statesOf(pool)) if (s.deviceName !== null && !GONE.has(s.state)) present.set(s.deviceName, s);

  for (const s of present.values()) {
    const sim = s.simulation;
    if (!sim || sim.removingAt !== undefined || targeted.has(s.deviceName ?? '')) continue;
    sim.removingAt = nowMs;
    sim.deletedAt = nowMs + new Prng(hash32(`remove|${pool.id}|${s.deviceName ?? ''}`)).int(30, 90) * SECOND;
  }

  for (const member of targeted.values()) {
    if (present.has(member.deviceName)) continue;
    // Each device state is a device given a code: once every code has one, further devices get none
    // (they are the pool's shortfall), so a pool never has more device states than codes.
    if (statesOf(pool).length >= pool.activationCodeCount) break;
    // The generation keeps ids unique when a removed device is targeted again.
    const generation = statesOf(pool).filter((s) => s.deviceName === member.deviceName).length;
    const rng = new Prng(hash32(`device|${pool.id}|${member.deviceName}|${generation}`));
    const installingAt = nowMs + rng.int(15, 45) * SECOND;
    const fails = rng.chance(0.12);
    const simulation: DeviceSimulation = {
      installingAt,
      doneAt: installingAt + rng.int(40, 90) * SECOND, // never before 55 s: a device is seen installing first
      outcome: fails ? 'failed' : 'installed',
      failureDetails: fails ? rng.pick(FAILURE_DETAILS) : null,
    };
    statesOf(pool).push({
      id: rng.guid(),
      createdDateTime: intuneDate(nowMs),
      modifiedDateTime: intuneDate(nowMs),
      lastSyncDateTime: null,
      universalIntegratedCircuitCardIdentifier: member.uiccid,
      deviceName: member.deviceName,
      userName: member.userName,
      state: 'notEvaluated',
      stateDetails: null,
      simulation,
    });
  }
}

function simulatedState(sim: DeviceSimulation, nowMs: number): { state: DeviceStateValue; since: number; details: string | null } {
  if (sim.removingAt !== undefined && sim.deletedAt !== undefined) {
    return nowMs >= sim.deletedAt
      ? { state: 'deleted', since: sim.deletedAt, details: 'Profile removed from the device.' }
      : { state: 'deleting', since: sim.removingAt, details: 'Profile removal pending the next device check-in.' };
  }
  if (nowMs >= sim.doneAt) return { state: sim.outcome, since: sim.doneAt, details: sim.outcome === 'failed' ? sim.failureDetails : null };
  if (nowMs >= sim.installingAt) return { state: 'installing', since: sim.installingAt, details: 'Profile download in progress.' };
  return { state: 'notEvaluated', since: Number.NaN, details: null };
}

/** Moves every simulated device state to where the clock says it is. */
export function advanceSimulation(store: Store, nowMs: number): void {
  for (const pool of store.pools()) {
    // Pending (never generated) states are never simulated.
    if (pool.pendingStates) continue;
    for (const s of pool.deviceStates) {
      if (!s.simulation) continue;
      const next = simulatedState(s.simulation, nowMs);
      if (next.state === s.state) continue;
      s.state = next.state;
      s.stateDetails = next.details;
      s.modifiedDateTime = intuneDate(next.since);
      s.lastSyncDateTime = intuneDate(next.since);
    }
  }
}
