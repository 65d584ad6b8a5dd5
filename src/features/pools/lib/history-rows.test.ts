import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../entities/audit-events/types.ts';
import { formatValue, historyGroupIds, historyRows, type GroupNames } from './history-rows.ts';

const POOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const MATCHING_ID = 'K2-4A9F1-QQ7ZT-88XX0';
const SECRET_HEX = 'AB12C-34D5E-6F789-0ABCD';
const ICCID = '8944500102198304826';
const GROUP = '0b9a8c7d-0000-4000-8000-00000000aaaa';
const megan = { userPrincipalName: 'megan.bowen@contoso.example', applicationDisplayName: 'Intune eSIM console' };
const event = (id: string, op: string, type: string, props: { displayName: string; oldValue: string | null; newValue: string | null }[], extra: Partial<AuditEvent> = {}): AuditEvent => ({
  id,
  activityOperationType: op,
  activity: `${op} ${type}`,
  activityResult: 'Success',
  activityDateTime: '2026-11-02T10:00:00Z',
  actor: megan,
  resources: [{ resourceId: POOL, type, displayName: 'Alpha', modifiedProperties: props }],
  ...extra,
});

/** Every way an event could smuggle codes or matching IDs into the page. */
const hostile = event('hostile', 'Create', 'EmbeddedSIMActivationCodePool', [
  { displayName: 'displayName', oldValue: null, newValue: 'Alpha' },
  { displayName: 'activationCodes', oldValue: null, newValue: JSON.stringify([{ integratedCircuitCardIdentifier: ICCID, matchingIdentifier: MATCHING_ID, smdpPlusServerAddress: 'smdp.alpha.example' }]) },
  { displayName: 'ActivationCodes[0].MatchingIdentifier', oldValue: null, newValue: MATCHING_ID },
  { displayName: 'Notes', oldValue: null, newValue: `LPA:1$smdp.alpha.example$${MATCHING_ID}` },
  { displayName: 'Settings', oldValue: SECRET_HEX, newValue: null },
  { displayName: 'Payload', oldValue: null, newValue: `{"matchingId":"${MATCHING_ID}"}` },
  { displayName: 'activationCodeCount', oldValue: null, newValue: '1' },
]);

describe('historyRows', () => {
  it('never carries an activation code, ICCID or matching ID from a hostile event, and says a value was withheld', () => {
    const [row] = historyRows([hostile], POOL);
    const text = JSON.stringify(row);
    for (const secret of [MATCHING_ID, SECRET_HEX, ICCID, 'LPA:1', 'smdp.alpha.example']) expect(text).not.toContain(secret);
    expect(row?.action).toBe('Created the pool');
    expect(row?.changes).toEqual([
      { property: 'Name', old: null, new: 'Alpha', hidden: false },
      { property: 'activationCodes', old: null, new: null, hidden: true },
      { property: 'ActivationCodes[0].MatchingIdentifier', old: null, new: null, hidden: true },
      { property: 'Notes', old: null, new: null, hidden: true },
      { property: 'Settings', old: null, new: null, hidden: true },
      { property: 'Payload', old: null, new: null, hidden: true },
      { property: 'Activation codes', old: null, new: '1', hidden: false },
    ]);
  });

  it('names renames, assigns and assignment changes in plain words, with old and new values', () => {
    const renamed = event('r', 'Patch', 'EmbeddedSIMActivationCodePool', [{ displayName: 'displayName', oldValue: 'Alpha', newValue: 'Alpha Mobile' }]);
    const assigned = event('a', 'Action', 'EmbeddedSIMActivationCodePool', [
      { displayName: 'assignments', oldValue: '[]', newValue: JSON.stringify([{ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: GROUP, deviceAndAppManagementAssignmentFilterType: 'none' }]) },
    ]);
    const child: AuditEvent = {
      ...event('c', 'Delete', 'EmbeddedSIMActivationCodePoolAssignment', []),
      resources: [
        { resourceId: `${POOL}_x`, type: 'EmbeddedSIMActivationCodePoolAssignment', modifiedProperties: [{ displayName: 'target', oldValue: JSON.stringify({ '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' }), newValue: null }] },
        { resourceId: POOL, type: 'EmbeddedSIMActivationCodePool', modifiedProperties: [] },
      ],
    };
    const rows = historyRows([renamed, assigned, child], POOL);
    expect(rows.map((r) => r.action)).toEqual(['Renamed the pool', 'Assigned the pool', 'Removed an assignment']);
    expect(rows[0]).toMatchObject({ who: 'megan.bowen@contoso.example', via: 'Intune eSIM console', changes: [{ property: 'Name', old: 'Alpha', new: 'Alpha Mobile' }] });
    expect(rows[1]?.changes).toEqual([{ property: 'Assignments', old: 'none', new: `Included group ${GROUP}`, hidden: false }]);
    expect(rows[2]?.changes).toEqual([{ property: 'Target', old: 'All devices', new: null, hidden: false }]);
  });

  it('marks a failed event', () => {
    expect(historyRows([{ ...hostile, activityResult: 'Failure' }], POOL)[0]?.succeeded).toBe(false);
  });
});

describe('formatValue', () => {
  it('describes targets with their filter and leaves other values as they are', () => {
    const target = { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1', deviceAndAppManagementAssignmentFilterId: 'f1', deviceAndAppManagementAssignmentFilterType: 'include' };
    expect(formatValue(JSON.stringify([{ target }]))).toBe('Excluded group g1 (filter include f1)');
    expect(formatValue('{"not":"a target"}')).toBe('{"not":"a target"}');
    expect(formatValue('{broken')).toBe('{broken');
    expect(formatValue('Alpha')).toBe('Alpha');
    expect(formatValue(null)).toBeNull();
  });
});

describe('historyRows: groups by name', () => {
  const DELETED = '3f2a0000-0000-4000-8000-00000000dead';
  const groupTarget = (groupId: string, type = 'groupAssignmentTarget') => ({ '@odata.type': `#microsoft.graph.${type}`, groupId, deviceAndAppManagementAssignmentFilterType: 'none' });
  const assigned = event('a', 'Action', 'EmbeddedSIMActivationCodePool', [
    {
      displayName: 'assignments',
      oldValue: JSON.stringify([groupTarget(DELETED)]),
      // Intune's log may write a GUID in upper case; Graph answers in lower case.
      newValue: JSON.stringify([groupTarget(GROUP.toUpperCase()), groupTarget(DELETED, 'exclusionGroupAssignmentTarget'), { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' }]),
    },
  ]);
  const users: AuditEvent = {
    ...event('u', 'Create', 'EmbeddedSIMActivationCodePoolAssignment', []),
    resources: [
      { resourceId: `${POOL}_u`, type: 'EmbeddedSIMActivationCodePoolAssignment', modifiedProperties: [{ displayName: 'target', oldValue: null, newValue: JSON.stringify({ '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' }) }] },
      { resourceId: POOL, type: 'EmbeddedSIMActivationCodePool', modifiedProperties: [] },
    ],
  };
  const groups = new Map([[GROUP, { displayName: 'Field engineers EMEA' }]]);
  const changesWith = (names: GroupNames) => historyRows([assigned, users], POOL, names).map((r) => r.changes[0]);

  it('names a group Graph returned, calls one it did not return deleted (with its id), and names the all-devices and all-users targets', () => {
    const [assign, user] = changesWith({ status: 'loaded', groups });
    expect(assign).toEqual({
      property: 'Assignments',
      old: `Included deleted group (id ${DELETED})`,
      new: `Included group “Field engineers EMEA”; Excluded deleted group (id ${DELETED}); All devices`,
      hidden: false,
    });
    expect(user).toEqual({ property: 'Target', old: null, new: 'All licensed users', hidden: false });
  });

  it('shows ids, never "deleted", while the names load or when the lookup failed; names already known stay', () => {
    for (const status of ['loading', 'failed'] as const) {
      expect(changesWith({ status })[0]).toMatchObject({ old: `Included group ${DELETED}`, new: `Included group ${GROUP.toUpperCase()}; Excluded group ${DELETED}; All devices` });
      expect(changesWith({ status, groups })[0]?.new).toBe(`Included group “Field engineers EMEA”; Excluded group ${DELETED}; All devices`);
    }
  });

  it('asks for each group id of the shown values once, never for one in a withheld value', () => {
    const secret = event('s', 'Patch', 'EmbeddedSIMActivationCodePool', [
      { displayName: 'activationCodes', oldValue: null, newValue: JSON.stringify([groupTarget('11111111-0000-4000-8000-000000000001')]) },
    ]);
    expect(historyGroupIds([assigned, users, secret, assigned], POOL)).toEqual([DELETED, GROUP]);
  });
});
