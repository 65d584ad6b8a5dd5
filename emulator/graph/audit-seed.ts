/**
 * The `default` seed's audit history: who created each pool (with its
 * Intune default name), the first assign a few minutes later, assignments
 * widened or given a filter later on, renames (at the pool's
 * modifiedDateTime) and one pool whose assignment was withdrawn. All by
 * seeded admins through the console app, all before the seed's base date.
 */
import { SPA_CLIENT_ID, TENANT_DOMAIN, USERS } from '../constants.ts';
import type { Principal } from '../types.ts';
import { actorOf, auditEvent, auditResource, changes } from './audit.ts';
import type { AuditEventRecord, AuditInput } from './audit.ts';
import { between, DAY, SEED_BASE_DATE } from './device-generator.ts';
import { NS } from './model.ts';
import type { GroupRecord, PoolRecord, TargetRecord } from './model.ts';
import type { Prng } from './prng.ts';
import { defaultPoolName } from './seed-data.ts';
import { assignmentId } from './validation.ts';

const MINUTE = 60_000;
const POOL = 'EmbeddedSIMActivationCodePool';
const ASSIGNMENT = 'EmbeddedSIMActivationCodePoolAssignment';

const admin = (oid: string, username: string, name: string): Principal => ({ kind: 'user', oid, tenantId: '', appId: SPA_CLIENT_ID, username, name, permissions: [] });

export const SEED_ADMINS: readonly Principal[] = [
  admin(USERS[0]?.oid ?? '1a2b3c4d-0001-4000-8000-000000000001', USERS[0]?.username ?? `megan.bowen@${TENANT_DOMAIN}`, USERS[0]?.name ?? 'Megan Bowen'),
  admin('1a2b3c4d-0003-4000-8000-000000000003', `nestor.wilke@${TENANT_DOMAIN}`, 'Nestor Wilke'),
  admin('1a2b3c4d-0004-4000-8000-000000000004', `lidia.holloway@${TENANT_DOMAIN}`, 'Lidia Holloway'),
];

function withoutFilter(t: TargetRecord): TargetRecord {
  return { ...t, deviceAndAppManagementAssignmentFilterId: null, deviceAndAppManagementAssignmentFilterType: 'none' };
}

export function seedAuditHistory(rng: Prng, pools: readonly PoolRecord[], groups: readonly GroupRecord[]): AuditEventRecord[] {
  const events: AuditEventRecord[] = [];
  const add = (input: Omit<AuditInput, 'actor' | 'correlationId' | 'id'>): void => {
    events.push(auditEvent({ ...input, actor: actorOf(rng.pick(SEED_ADMINS)), correlationId: rng.guid(), id: rng.guid() }));
  };
  const assignEvent = (pool: PoolRecord, name: string, at: number, before: TargetRecord[], after: TargetRecord[]): void => {
    add({ operation: 'Action', type: POOL, at, resources: [auditResource(POOL, pool.id, name, changes({ assignments: before }, { assignments: after }, ['assignments']))] });
  };
  const contractors = groups.find((g) => g.displayName === 'Contractors – temporary');

  pools.forEach((pool, i) => {
    const created = Date.parse(pool.createdDateTime);
    const modified = Date.parse(pool.modifiedDateTime);
    const firstName = defaultPoolName(pool.smdpPlusServerAddress);
    const renamedAt = pool.displayName !== firstName ? modified : undefined;
    const nameAt = (t: number): string => (renamedAt !== undefined && t >= renamedAt ? pool.displayName : firstName);
    add({ operation: 'Create', type: POOL, at: created, resources: [auditResource(POOL, pool.id, firstName, changes(null, { displayName: firstName, activationCodeCount: pool.activationCodeCount }, ['displayName', 'activationCodeCount']))] });

    const targets = pool.assignments.map((a) => a.target);
    const firstAssign = created + rng.int(5, 90) * MINUTE;
    if (targets.length > 0) {
      // Every other multi-target pool started with its first target only; filters were added later.
      const initial = (targets.length > 1 && i % 2 === 0 ? targets.slice(0, 1) : targets).map(withoutFilter);
      assignEvent(pool, nameAt(firstAssign), firstAssign, [], initial);
      if (initial.length < targets.length) {
        const at = between(rng, firstAssign + 2 * DAY, SEED_BASE_DATE - 2 * DAY);
        assignEvent(pool, nameAt(at), at, initial, targets.map(withoutFilter));
      }
      for (const target of targets.filter((t) => t.deviceAndAppManagementAssignmentFilterType !== 'none')) {
        const at = between(rng, firstAssign + DAY, SEED_BASE_DATE - DAY);
        const group = groups.find((g) => g.id === target.groupId);
        add({
          operation: 'Patch',
          type: ASSIGNMENT,
          at,
          resources: [
            auditResource(ASSIGNMENT, assignmentId(pool.id, target), group?.displayName ?? null, changes({ target: withoutFilter(target) }, { target }, ['target'])),
            auditResource(POOL, pool.id, nameAt(at)),
          ],
        });
      }
    } else if (pool.deviceStates.length > 0 && contractors) {
      // Assigned once, withdrawn after its devices had been served.
      const target: TargetRecord = { '@odata.type': `#${NS}.groupAssignmentTarget`, deviceAndAppManagementAssignmentFilterId: null, deviceAndAppManagementAssignmentFilterType: 'none', groupId: contractors.id };
      assignEvent(pool, nameAt(firstAssign), firstAssign, [], [target]);
      const lastState = Math.max(...pool.deviceStates.map((s) => Date.parse(s.createdDateTime)));
      const at = between(rng, lastState + DAY, SEED_BASE_DATE - DAY);
      assignEvent(pool, nameAt(at), at, [target], []);
    }
    if (renamedAt !== undefined) {
      add({ operation: 'Patch', type: POOL, at: renamedAt, resources: [auditResource(POOL, pool.id, pool.displayName, changes({ displayName: firstName }, { displayName: pool.displayName }, ['displayName']))] });
    }
  });
  return events.sort((a, b) => Date.parse(a.activityDateTime) - Date.parse(b.activityDateTime) || a.id.localeCompare(b.id));
}
